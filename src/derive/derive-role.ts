import type { ParsedPosting, Role } from "../model.ts";
import { parseLocationText, parsePlace, readRegions } from "../parse/parse-location.ts";
import { type Position, START } from "../problem.ts";
import { type ApplyParams, withApplyParams } from "../schema/apply-params.ts";
import { type CalendarDate, formatCalendarDate } from "../schema/calendar-date.ts";
import type { EmploymentType, Job, SalaryRange } from "../schema/job-schema.ts";
import { mailtoHref, readMailLink } from "../schema/mail-link.ts";
import { type Messages, messagesFor } from "../schema/messages.ts";
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
  | "file"
  | "html"
  | "headingLocation"
  | "links"
  | "urlAt"
  | "redirectFromAt"
  | "navLabelAt"
  | "teamAt"
  | "locationAt"
  | "benefitsHtml"
  | "languageAt"
  | "translationOfAt"
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

// Filter pages' addresses name the type in English whatever the site's language, so a link keeps working when the language changes.
const EMPLOYMENT_TYPE_SLUGS: Record<EmploymentType, string> = {
  FULL_TIME: "full-time",
  PART_TIME: "part-time",
  CONTRACTOR: "contract",
  TEMPORARY: "temporary",
  INTERN: "internship",
  VOLUNTEER: "volunteer",
  PER_DIEM: "per-diem",
  OTHER: "other",
};

export function deriveRole(input: RoleInput, site: SiteConfig): Role {
  const { job } = input;
  const { locations, remote } = whereOf(job, input.headingLocation);
  const language = job.language ?? site.language;
  // The page's words come from its language's messages (schema/messages.ts), as do its dates and amounts.
  const text = siteMessages(site, language);
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
    locationLabel: locationLabel(locations, remote, text),
    placesLabel: placesLabel(locations, text),
    remoteLabel: remote ? remoteLabel(remote, text) : undefined,
    language,
    cardText: cardText(text),
    languageAt: input.languageAt,
    translationOfAt: input.translationOfAt,
    employmentTypes,
    employmentTypeLabel: employmentTypes.map((type) => employmentTypeLabel(type, text)).join(", "),
    salaryLabel: salaryLabelOf(job.salary ?? [], text),
    salaries: (job.salary ?? []).map((range) => ({
      label: salaryLabel(range, text),
      ...(range.location ? { place: range.location, placeLabel: text.text("salary_place", { place: range.location }) } : {}),
    })),
    salaryNote: job.salary_note,
    benefitsHtml: input.benefitsHtml,
    pay: job.salary ? yearlyPay(job.salary) : undefined,
    datePosted,
    datePostedLabel: formatCalendarDate(datePosted, language),
    validThrough: job.valid_through,
    validThroughLabel: job.valid_through ? formatCalendarDate(job.valid_through, language) : undefined,
    apply: applyAction(input.apply, job.title, site.apply_params ?? [], text),
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

/** The messages of a page in `language` on this site: Openings' own, with site.yaml's `messages` over them. */
export function siteMessages(site: SiteConfig, language: string = site.language): Messages {
  return messagesFor(language, { company: site.name, overrides: site.messages });
}

/** The words around a card's date: "Posted ", "Veröffentlicht: "; a script may write the date as "3 days ago". */
function cardText(text: Messages): Role["cardText"] {
  const [postedBefore = "", postedAfter = ""] = text.text("card_posted", { date: "\u0000" }).split("\u0000");
  return { draft: text.text("draft_badge"), postedBefore, postedAfter };
}

/** "Full-time", "Vollzeit": `type_full_time` in the page's messages. */
export function employmentTypeLabel(type: EmploymentType, text: Messages): string {
  return text.text(`type_${type.toLowerCase()}`);
}

export function employmentTypeSlug(type: EmploymentType): string {
  return EMPLOYMENT_TYPE_SLUGS[type];
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

export function locationLabel(locations: string[], remote: Role["remote"], text: Messages): string {
  const parts = [...locations];
  if (remote) parts.push(remoteLabel(remote, text));
  return eitherOf(parts, text);
}

/** "A or B or C": not a list with commas, which places like "London, UK" already have. */
function eitherOf(parts: string[], text: Messages): string {
  const [head = "", ...rest] = parts;
  return rest.reduce((first, second) => text.text("place_or", { first, second }), head);
}

function remoteLabel(remote: NonNullable<Role["remote"]>, text: Messages): string {
  return remote.regions.length > 0 ? text.text("remote_in", { regions: remote.regions.join(", ") }) : text.text("remote");
}

/** A card's places, short enough for one line: "London, UK or Lisbon, Portugal", "London, UK and 3 other places". */
function placesLabel(locations: string[], text: Messages): string {
  const [first = "", ...others] = locations;
  return others.length > 1 ? text.count("places_more", others.length, { place: first }) : eitherOf(locations, text);
}

/** One line for all of a role's pay ranges: see salary-summary.ts. */
function salaryLabelOf(ranges: readonly SalaryRange[], text: Messages): string | undefined {
  const summary = salarySummary(ranges);
  return summary ? salaryLabel(summary, text) : undefined;
}

// Intl's formatRange takes about 50 µs a call, and a site's roles share a few
// dozen pay ranges: 0.5 s at 10,000 postings before these were kept. Kept per
// Messages, which a change to site.yaml's `messages` replaces.
const salaryLabels = new WeakMap<Messages, Map<string, string>>();

/** "£40,000 – £50,000 a year", "40.000–50.000 £ pro Jahr": Intl writes the amounts and the range, the messages the words around them. */
function salaryLabel(salary: SalaryRange, text: Messages): string {
  let labels = salaryLabels.get(text);
  if (!labels) {
    labels = new Map();
    salaryLabels.set(text, labels);
  }
  const key = `${salary.currency} ${salary.min} ${salary.max} ${salary.per}`;
  let label = labels.get(key);
  if (label === undefined) {
    label = formatSalary(salary, text);
    labels.set(key, label);
  }
  return label;
}

function formatSalary(salary: SalaryRange, text: Messages): string {
  const money = moneyFormat(text.language, salary.currency);
  const amount =
    salary.min !== undefined && salary.max !== undefined && salary.min !== salary.max
      ? money.formatRange(salary.min, salary.max)
      : salary.min !== undefined && salary.max === undefined
        ? text.text("salary_from", { amount: money.format(salary.min) })
        : salary.max !== undefined && salary.min === undefined
          ? text.text("salary_up_to", { amount: money.format(salary.max) })
          : money.format(salary.min ?? 0);
  return text.text(`salary_per_${salary.per.toLowerCase()}`, { amount });
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

function applyAction(target: string, title: string, params: ApplyParams, text: Messages): Role["apply"] {
  const mail = readMailLink(target);
  if (!mail) return { href: withApplyParams(target, params), label: text.text("apply_web") };
  // Rebuilt from the address and subject alone: no other header (cc, bcc, body) can ride along.
  const href = mailtoHref(mail.address, mail.subject ?? text.text("apply_email_subject", { title }));
  return { href, label: text.text("apply_email"), address: mail.address, addressLabel: text.text("apply_email_to", { address: mail.address }) };
}
