import type { Place, Role } from "../model.ts";
import { countryCode, isTimeZoneRange } from "../parse/parse-location.ts";
import type { SiteConfig } from "../schema/site-schema.ts";
import { endOfDay } from "../schema/time-zone.ts";
import { plainText } from "./plain-text.ts";
import { salarySummary } from "./salary-summary.ts";
import { logoUrl } from "./site-url.ts";

// schema.org JobPosting for Google for Jobs, built only from what the page
// itself shows. Google's required properties: title, description, datePosted,
// hiringOrganization, and jobLocation, each place with its addressCountry (or,
// for remote-only roles, jobLocationType TELECOMMUTE with
// applicantLocationRequirements). https://developers.google.com/search/docs/appearance/structured-data/job-posting

/** Why an open role cannot carry valid JobPosting markup, or undefined when it can. */
export function whyNoJobPosting(role: Pick<Role, "html" | "locations" | "places" | "remote">): string | undefined {
  if (!role.html.trim()) return "the body is empty, and Google needs the full job description";
  if (role.locations.length === 0 && !role.remote) return "it has no `location` and is not `remote`";
  if (role.places.some((place) => place.country) || (role.locations.length > 0 && role.remote && applicantRegions(role.remote.regions).length > 0)) {
    return undefined;
  }
  if (role.locations.length > 0) {
    return `Google needs the country of each place, and \`${role.locations[0]}\` names none: write it like \`Leeds, UK\` or \`Austin, TX\``;
  }
  if (role.locations.length === 0 && role.remote?.regions.length === 0) {
    return "Google needs to know where remote candidates may live: write `remote: [Europe]` (or countries) instead of `remote: true`";
  }
  if (role.locations.length === 0 && role.remote && applicantRegions(role.remote.regions).length === 0) {
    return "Google needs the countries or regions remote candidates may live in, and a time-zone range names none: add them, like `remote: [Europe, CET ±2]`";
  }
  return undefined;
}

/**
 * The JobPosting as script-safe JSON, for a role whyNoJobPosting accepts. Built
 * while its page renders rather than kept: it repeats the whole body.
 */
export function jobPostingJsonLd(role: Role, site: SiteConfig): string {
  const description = role.html.trim();
  const salary = salarySummary(role.job.salary ?? []);
  const posting: Record<string, unknown> = {
    "@context": "https://schema.org/",
    "@type": "JobPosting",
    title: role.title,
    description,
    datePosted: role.datePosted,
    // The whole of the last day, where the company is (site.yaml's `timezone`), as the page's "Apply by" means.
    validThrough: role.validThrough ? endOfDay(role.validThrough, site.timezone) : undefined,
    employmentType: role.employmentTypes.length > 0 ? role.employmentTypes : undefined,
    // sameAs: the company's own website, else this careers site; logo: its full address, when site.yaml gives one.
    hiringOrganization: { "@type": "Organization", name: site.name, sameAs: site.homepage ?? site.url, logo: logoUrl(site) },
    identifier: { "@type": "PropertyValue", name: site.name, value: role.slug },
    url: role.absoluteUrl,
    // Only the posting can say the application happens here: a link to an applicant tracking system is not direct, nor is e-mail.
    directApply: role.job.direct_apply === true && role.apply.address === undefined,
    jobLocation: nonEmpty(role.places.filter((where) => where.country).map(place)),
    jobLocationType: role.remote ? "TELECOMMUTE" : undefined,
    applicantLocationRequirements: role.remote ? nonEmpty(applicantRegions(role.remote.regions).map(region)) : undefined,
    // Google reads one MonetaryAmount: with several ranges, their span, else the first (salary-summary.ts says why).
    baseSalary: salary
      ? {
          "@type": "MonetaryAmount",
          currency: salary.currency,
          value: { "@type": "QuantitativeValue", minValue: salary.min, maxValue: salary.max, unitText: salary.per },
        }
      : undefined,
    jobBenefits: role.benefitsHtml ? plainText(role.benefitsHtml) : undefined,
  };
  return scriptSafeJson(posting);
}

/** JSON that can sit inside `<script>`: `<` never appears, so neither can `</script>`. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** The places Google is not told about, by index: it needs each one's country, and their text names none. */
export function placesWithoutCountry(role: Pick<Role, "places">): number[] {
  return role.places.flatMap((where, index) => (where.country ? [] : [index]));
}

/** Only parts the text names: a country only as its ISO 3166-1 code, never as free text. */
function place({ locality, region, country }: Place) {
  return { "@type": "Place", address: { "@type": "PostalAddress", addressLocality: locality, addressRegion: region, addressCountry: country } };
}

/** Regions Google can use: a time-zone range is not a place. */
function applicantRegions(regions: readonly string[]): string[] {
  return regions.filter((name) => !isTimeZoneRange(name));
}

function nonEmpty<T>(list: T[]): T[] | undefined {
  return list.length > 0 ? list : undefined;
}

function region(name: string) {
  const code = countryCode(name);
  return code ? { "@type": "Country", name: code } : { "@type": "AdministrativeArea", name };
}
