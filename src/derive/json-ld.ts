import type { Role } from "../model.ts";
import { countryCode } from "../parse/parse-location.ts";
import type { SiteConfig } from "../schema/site-schema.ts";

// schema.org JobPosting for Google for Jobs, built only from what the page
// itself shows. Google's required properties: title, description, datePosted,
// hiringOrganization, and jobLocation (or, for remote-only roles,
// jobLocationType TELECOMMUTE with applicantLocationRequirements).

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
