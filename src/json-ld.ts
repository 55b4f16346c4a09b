import type { Role } from "./derive-role.ts";
import type { SiteConfig } from "./site-config.ts";

// schema.org JobPosting for Google for Jobs, built only from what the page
// itself shows. Google's required properties: title, description, datePosted,
// hiringOrganization, and jobLocation (or, for remote-only roles,
// jobLocationType TELECOMMUTE with applicantLocationRequirements).

// Google asks for ISO 3166-1 codes; postings say "UK" or "Germany".
const COUNTRY_CODES: Record<string, string> = {
  uk: "GB",
  "united kingdom": "GB",
  "great britain": "GB",
  england: "GB",
  scotland: "GB",
  wales: "GB",
  "northern ireland": "GB",
  usa: "US",
  us: "US",
  "united states": "US",
  "united states of america": "US",
  ireland: "IE",
  portugal: "PT",
  spain: "ES",
  france: "FR",
  germany: "DE",
  netherlands: "NL",
  "the netherlands": "NL",
  belgium: "BE",
  italy: "IT",
  switzerland: "CH",
  austria: "AT",
  poland: "PL",
  sweden: "SE",
  norway: "NO",
  denmark: "DK",
  finland: "FI",
  canada: "CA",
  australia: "AU",
  "new zealand": "NZ",
  india: "IN",
  japan: "JP",
  singapore: "SG",
  brazil: "BR",
  mexico: "MX",
};

/** The ISO 3166-1 code for a country name postings use, if it is one. */
export function countryCode(name: string): string | undefined {
  return COUNTRY_CODES[name.trim().toLowerCase()];
}

/** Why an open role cannot carry valid JobPosting markup, or undefined when it can. */
export function whyNoJobPosting(role: Pick<Role, "html" | "locations" | "remote">): string | undefined {
  if (!role.html.trim()) return "the body is empty, and Google needs the full job description";
  if (role.locations.length === 0 && !role.remote) return "it has no `location` and is not `remote`";
  if (role.locations.length === 0 && role.remote?.regions.length === 0) {
    return "Google needs to know where remote candidates may live: write `remote: [Europe]` (or countries) instead of `remote: true`";
  }
  return undefined;
}

/**
 * The JobPosting as script-safe JSON, for a role whyNoJobPosting accepts. Built
 * while its page renders rather than kept: it repeats the whole body.
 */
export function jobPostingJsonLd(role: Role, site: SiteConfig): string {
  const description = role.html.trim();
  const posting: Record<string, unknown> = {
    "@context": "https://schema.org/",
    "@type": "JobPosting",
    title: role.title,
    description,
    datePosted: role.datePosted,
    validThrough: role.validThrough ? `${role.validThrough}T23:59:59` : undefined,
    employmentType: role.employmentTypes.length > 0 ? role.employmentTypes : undefined,
    hiringOrganization: { "@type": "Organization", name: site.name, sameAs: site.url },
    identifier: { "@type": "PropertyValue", name: site.name, value: role.slug },
    url: role.absoluteUrl,
    directApply: /^https?:/i.test(role.apply.href),
    jobLocation: role.locations.length > 0 ? role.locations.map(place) : undefined,
    jobLocationType: role.remote ? "TELECOMMUTE" : undefined,
    applicantLocationRequirements: role.remote?.regions.length ? role.remote.regions.map(region) : undefined,
    baseSalary: role.job.salary
      ? {
          "@type": "MonetaryAmount",
          currency: role.job.salary.currency,
          value: { "@type": "QuantitativeValue", minValue: role.job.salary.min, maxValue: role.job.salary.max, unitText: role.job.salary.per },
        }
      : undefined,
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

function place(text: string) {
  const parts = text.split(",").map((part) => part.trim());
  const country = parts.length > 1 ? (parts.at(-1) ?? "") : "";
  return {
    "@type": "Place",
    address: {
      "@type": "PostalAddress",
      addressLocality: parts.length > 1 ? parts.slice(0, -1).join(", ") : text,
      addressCountry: country ? (countryCode(country) ?? country) : undefined,
    },
  };
}

function region(name: string) {
  const code = countryCode(name);
  return code ? { "@type": "Country", name: code } : { "@type": "AdministrativeArea", name };
}
