import { count } from "../count.ts";
import type { ParsedPosting, Role } from "../model.ts";
import { parseLocationText, parsePlace, readRegions } from "../parse/parse-location.ts";
import { type Position, START } from "../problem.ts";
import { type ApplyParams, withApplyParams } from "../schema/apply-params.ts";
import { type CalendarDate, formatCalendarDate } from "../schema/calendar-date.ts";
import type { EmploymentType, Job, SalaryPeriod, SalaryRange } from "../schema/job-schema.ts";
import { mailtoHref, readMailLink } from "../schema/mail-link.ts";
import { normaliseSitePath } from "../schema/site-path.ts";
import type { SiteConfig } from "../schema/site-schema.ts";
import { whyNoJobPosting } from "./json-ld.ts";
import { yearlyPay } from "./pay.ts";
import { salarySummary } from "./salary-summary.ts";
import { absoluteUrl } from "./site-url.ts";
import { slugify } from "./slug.ts";

// Step 4: everything a page shows, computed once from a validated Job, so the
// templates only place values and never decide anything.

export type RoleInput = Pick<
  ParsedPosting,
  "file" | "html" | "headingLocation" | "links" | "urlAt" | "redirectFromAt" | "navLabelAt" | "teamAt" | "locationAt" | "benefitsHtml"
> & {
  job: Job;
  slug: string;
  /** Where to apply: the posting's `apply`, else the site's. */
  apply: string;
  /** When `date_posted` is absent: the day the file was first committed, else the build date. */
  defaultDatePosted: CalendarDate;
  /** When the posting last changed: its last commit, else the file's modification time. */
  lastChanged: Date;
  today: CalendarDate;
};

const EMPLOYMENT_TYPE_LABELS: Record<EmploymentType, string> = {
  FULL_TIME: "Full-time",
  PART_TIME: "Part-time",
  CONTRACTOR: "Contract",
  TEMPORARY: "Temporary",
  INTERN: "Internship",
  VOLUNTEER: "Volunteer",
  PER_DIEM: "Per diem",
  OTHER: "Other",
};

const PERIOD_LABELS: Record<SalaryPeriod, string> = { HOUR: "an hour", DAY: "a day", WEEK: "a week", MONTH: "a month", YEAR: "a year" };

export function deriveRole(input: RoleInput, site: SiteConfig): Role {
  const { job } = input;
  const { locations, remote } = whereOf(job, input.headingLocation);
  const language = job.language ?? site.language;
  const employmentTypes = job.employment_type ?? [];
  const datePosted = job.date_posted ?? job.date ?? input.defaultDatePosted;
  const url = job.permalink ?? normaliseSitePath(`${site.jobs_path}${input.slug}`);
  const role: Role = {
    file: input.file,
    slug: input.slug,
    url,
    absoluteUrl: absoluteUrl(site, url),
    title: job.title,
    description: job.description,
    team: job.team,
    locations,
    places: locations.map(parsePlace),
    remote,
    locationLabel: locationLabel(locations, remote),
    placesLabel: placesLabel(locations),
    remoteLabel: remote ? remoteLabel(remote) : undefined,
    language,
    employmentTypes,
    employmentTypeLabel: employmentTypes.map((t) => EMPLOYMENT_TYPE_LABELS[t]).join(", "),
    salaryLabel: salaryLabelOf(job.salary ?? [], language),
    salaries: (job.salary ?? []).map((range) => ({ label: salaryLabel(range, language), ...(range.location ? { place: range.location } : {}) })),
    salaryNote: job.salary_note,
    benefitsHtml: input.benefitsHtml,
    pay: job.salary ? yearlyPay(job.salary) : undefined,
    datePosted,
    datePostedLabel: formatCalendarDate(datePosted, language),
    validThrough: job.valid_through,
    validThroughLabel: job.valid_through ? formatCalendarDate(job.valid_through, language) : undefined,
    apply: applyAction(input.apply, job.title, site.apply_params ?? []),
    html: input.html,
    lastChanged: input.lastChanged,
    closed: job.closed === true || (job.valid_through !== undefined && job.valid_through < input.today),
    draft: job.draft === true || job.published === false,
    weight: job.weight,
    redirectFrom: job.redirect_from ?? [],
    urlAt: input.urlAt,
    redirectFromAt: input.redirectFromAt,
    navLabelAt: input.navLabelAt,
    teamAt: input.teamAt,
    locationsAt: placesAt(job, locations, input.locationAt),
    links: input.links,
    filters: { team: job.team ? slugify(job.team) : "", locations: locations.map(slugify), types: employmentTypes.map(employmentTypeSlug) },
    job,
  };
  return role.closed ? role : { ...role, jsonLdMissing: whyNoJobPosting(role) };
}

// Full addresses are made in site-url.ts, which json-ld.ts can import without a cycle.
export { absoluteUrl } from "./site-url.ts";

export function employmentTypeLabel(type: EmploymentType): string {
  return EMPLOYMENT_TYPE_LABELS[type];
}

export function employmentTypeSlug(type: EmploymentType): string {
  return slugify(EMPLOYMENT_TYPE_LABELS[type]);
}

/**
 * Places and remote regions, read from `location` (or, without it, a Jekyll-era
 * heading) and `remote`: "Remote (Europe)" in a location is remote work in
 * Europe, not a town called that.
 */
function whereOf(job: Job, headingLocation: string | undefined): Pick<Role, "locations" | "remote"> {
  const read = (job.location ?? (headingLocation ? [headingLocation] : [])).map(parseLocationText);
  const locations = [...new Set(read.flatMap((location) => location.places))];
  const remotes = read.flatMap((location) => (location.remote ? [location.remote.regions] : []));
  if (job.remote !== undefined && job.remote !== false) remotes.push(job.remote === true ? [] : readRegions(job.remote));
  return { locations, remote: remotes.length > 0 ? { regions: [...new Set(remotes.flat())] } : undefined };
}

/** Where each place was written: the `location` item it was read from (a Jekyll-era heading's: the top of the file). */
function placesAt(job: Job, locations: string[], locationAt: Position[]): Position[] {
  const items = (job.location ?? []).map((item) => parseLocationText(item).places);
  return locations.map((place) => locationAt[items.findIndex((places) => places.includes(place))] ?? START);
}

export function locationLabel(locations: string[], remote: Role["remote"]): string {
  const parts = [...locations];
  if (remote) parts.push(remoteLabel(remote));
  return parts.join(" or ");
}

function remoteLabel(remote: NonNullable<Role["remote"]>): string {
  return remote.regions.length > 0 ? `Remote (${remote.regions.join(", ")})` : "Remote";
}

/** A card's places, short enough for one line: "London, UK or Lisbon, Portugal", "London, UK and 3 other places". */
function placesLabel(locations: string[]): string {
  const [first = "", ...others] = locations;
  return others.length > 1 ? `${first} and ${count(others.length, "other place")}` : locations.join(" or ");
}

/** One line for all of a role's pay ranges: see salary-summary.ts. */
function salaryLabelOf(ranges: readonly SalaryRange[], language: string): string | undefined {
  const summary = salarySummary(ranges);
  return summary ? salaryLabel(summary, language) : undefined;
}

function salaryLabel(salary: SalaryRange, language: string): string {
  const money = moneyFormat(language, salary.currency);
  const amounts =
    salary.min !== undefined && salary.max !== undefined && salary.min !== salary.max
      ? `${money.format(salary.min)}–${money.format(salary.max)}`
      : salary.min !== undefined && salary.max === undefined
        ? `from ${money.format(salary.min)}`
        : salary.max !== undefined && salary.min === undefined
          ? `up to ${money.format(salary.max)}`
          : money.format(salary.min ?? 0);
  return `${amounts} ${PERIOD_LABELS[salary.per]}`;
}

// Building an Intl formatter costs far more than using one: one per language and currency.
const moneyFormats = new Map<string, Intl.NumberFormat>();
function moneyFormat(language: string, currency: string): Intl.NumberFormat {
  const key = `${language} ${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language, { style: "currency", currency, maximumFractionDigits: 0 });
    moneyFormats.set(key, format);
  }
  return format;
}

function applyAction(target: string, title: string, params: ApplyParams): Role["apply"] {
  const mail = readMailLink(target);
  if (!mail) return { href: withApplyParams(target, params), label: "Apply for this role" };
  // Rebuilt from the address and subject alone: no other header (cc, bcc, body) can ride along.
  const href = mailtoHref(mail.address, mail.subject ?? `Application: ${title}`);
  return { href, label: "Apply by e-mail", address: mail.address };
}
