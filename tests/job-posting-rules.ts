import type { HTMLElement } from "node-html-parser";

// Google's rules for JobPosting markup, as its documentation for Job Search
// states them (developers.google.com/search/docs/appearance/structured-data/job-posting),
// checked on the JSON-LD a built page carries. Required: title, description,
// datePosted, hiringOrganization (its name), and jobLocation with each
// place's addressCountry, or for remote work jobLocationType TELECOMMUTE with
// applicantLocationRequirements. validThrough is required for a job that
// closes on a date, and must not be before datePosted. Recommended:
// applicantLocationRequirements, baseSalary, directApply, employmentType,
// identifier, jobLocationType, validThrough; each is checked for the form
// Google reads when it is present.

export const EMPLOYMENT_TYPES = ["FULL_TIME", "PART_TIME", "CONTRACTOR", "TEMPORARY", "INTERN", "VOLUNTEER", "PER_DIEM", "OTHER"];
export const SALARY_UNITS = ["HOUR", "DAY", "WEEK", "MONTH", "YEAR"];
const AREA_TYPES = ["Country", "State", "AdministrativeArea"];

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => typeof value === "object" && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === "string" && value.trim() !== "";
const list = (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const isUrl = (value: unknown) => typeof value === "string" && /^https?:\/\//.test(value) && URL.canParse(value);

// ISO 8601 as Google's examples write it: a day, or a day and time with its UTC offset.
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const realDay = (value: string) => {
  const day = value.slice(0, 10);
  return !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day);
};

/** The page's `<script type="application/ld+json">` elements. */
export function jsonLdScripts(root: HTMLElement): HTMLElement[] {
  return root.querySelectorAll("script").filter((script) => (script.getAttribute("type") ?? "").trim().toLowerCase() === "application/ld+json");
}

/** What breaks Google's required rules (`required`), and recommended properties present in a form Google does not read (`recommended`). */
export function jobPostingProblems(data: unknown): { required: string[]; recommended: string[] } {
  const required: string[] = [];
  const recommended: string[] = [];
  if (!isNode(data)) return { required: ["the JSON-LD is not one object"], recommended };
  if (!/^https?:\/\/schema\.org\/?$/.test(String(data["@context"]))) required.push(`@context is ${JSON.stringify(data["@context"])}, not https://schema.org/`);
  if (data["@type"] !== "JobPosting") required.push(`@type is ${JSON.stringify(data["@type"])}, not "JobPosting"`);

  // title: the job's title alone, not markup.
  if (!isText(data.title)) required.push("title is missing or empty");
  else if (/<[a-z!/]/i.test(data.title)) required.push("title holds HTML");
  // description: the full description, as HTML; not the title again.
  if (!isText(data.description)) required.push("description is missing or empty");
  else if (data.description.trim() === String(data.title).trim()) required.push("description only repeats the title");
  // datePosted: ISO 8601.
  if (!isText(data.datePosted) || !(ISO_DAY.test(data.datePosted) || ISO_DATETIME.test(data.datePosted)) || !realDay(data.datePosted)) {
    required.push(`datePosted is not an ISO 8601 date: ${JSON.stringify(data.datePosted)}`);
  }
  // hiringOrganization: the company, by name.
  const organization = data.hiringOrganization;
  if (!isNode(organization) || organization["@type"] !== "Organization" || !isText(organization.name)) {
    required.push("hiringOrganization is not an Organization with a name");
  } else {
    if (organization.sameAs !== undefined && !isUrl(organization.sameAs))
      recommended.push(`hiringOrganization.sameAs is not a full address: ${organization.sameAs}`);
    if (organization.logo !== undefined && !isUrl(organization.logo)) recommended.push(`hiringOrganization.logo is not a full address: ${organization.logo}`);
  }

  // jobLocation: each a Place whose PostalAddress has addressCountry (an ISO 3166-1 alpha-2 code).
  const places = list(data.jobLocation);
  places.forEach((place, index) => {
    const address = isNode(place) ? place.address : undefined;
    if (!isNode(place) || place["@type"] !== "Place" || !isNode(address) || address["@type"] !== "PostalAddress") {
      required.push(`jobLocation[${index}] is not a Place with a PostalAddress`);
    } else if (typeof address.addressCountry !== "string" || !/^[A-Z]{2}$/.test(address.addressCountry)) {
      required.push(`jobLocation[${index}] has no addressCountry code: ${JSON.stringify(address.addressCountry)}`);
    }
  });
  // Remote work: TELECOMMUTE, with the areas applicants may live in.
  const areas = list(data.applicantLocationRequirements);
  if (data.jobLocationType !== undefined && data.jobLocationType !== "TELECOMMUTE")
    required.push(`jobLocationType is ${JSON.stringify(data.jobLocationType)}, not "TELECOMMUTE"`);
  if (areas.length > 0 && data.jobLocationType !== "TELECOMMUTE") required.push("applicantLocationRequirements without jobLocationType TELECOMMUTE");
  areas.forEach((area, index) => {
    if (!isNode(area) || !AREA_TYPES.includes(String(area["@type"])) || !isText(area.name)) {
      required.push(`applicantLocationRequirements[${index}] is not a named ${AREA_TYPES.join(", ")}`);
    }
  });
  if (places.length === 0 && !(data.jobLocationType === "TELECOMMUTE" && areas.length > 0)) {
    required.push("neither jobLocation nor jobLocationType TELECOMMUTE with applicantLocationRequirements");
  }

  // validThrough: ISO 8601; a time needs its offset, or the moment is a guess.
  if (data.validThrough !== undefined) {
    const value = data.validThrough;
    if (typeof value !== "string" || !(ISO_DAY.test(value) || ISO_DATETIME.test(value)) || !realDay(value))
      required.push(`validThrough is not ISO 8601: ${JSON.stringify(value)}`);
    else if (isText(data.datePosted) && value.slice(0, 10) < data.datePosted.slice(0, 10)) required.push("validThrough is before datePosted");
  }

  if (data.baseSalary !== undefined) recommended.push(...salaryProblems(data.baseSalary));
  const types = list(data.employmentType);
  if (data.employmentType !== undefined && (types.length === 0 || types.some((type) => !EMPLOYMENT_TYPES.includes(String(type))))) {
    recommended.push(`employmentType has a value Google does not read: ${JSON.stringify(data.employmentType)}`);
  }
  const identifier = data.identifier;
  if (
    identifier !== undefined &&
    (!isNode(identifier) || identifier["@type"] !== "PropertyValue" || !isText(identifier.name) || !isText(String(identifier.value ?? "")))
  ) {
    recommended.push("identifier is not a PropertyValue with a name and a value");
  }
  if (data.directApply !== undefined && typeof data.directApply !== "boolean")
    recommended.push(`directApply is not true or false: ${JSON.stringify(data.directApply)}`);
  if (data.url !== undefined && !isUrl(data.url)) recommended.push(`url is not a full address: ${data.url}`);
  return { required, recommended };
}

/** baseSalary: a MonetaryAmount in an ISO 4217 currency, its QuantitativeValue a value or a range, per HOUR, DAY, WEEK, MONTH or YEAR. */
function salaryProblems(salary: unknown): string[] {
  if (!isNode(salary) || salary["@type"] !== "MonetaryAmount") return ["baseSalary is not a MonetaryAmount"];
  const problems: string[] = [];
  if (typeof salary.currency !== "string" || !/^[A-Z]{3}$/.test(salary.currency))
    problems.push(`baseSalary.currency is not an ISO 4217 code: ${JSON.stringify(salary.currency)}`);
  const value = salary.value;
  if (!isNode(value) || value["@type"] !== "QuantitativeValue") return [...problems, "baseSalary.value is not a QuantitativeValue"];
  const amounts = [value.value, value.minValue, value.maxValue].filter((amount) => amount !== undefined);
  if (amounts.length === 0 || amounts.some((amount) => typeof amount !== "number" || !Number.isFinite(amount) || amount < 0)) {
    problems.push(`baseSalary.value has no amount Google reads: ${JSON.stringify(value)}`);
  }
  if (typeof value.minValue === "number" && typeof value.maxValue === "number" && value.minValue > value.maxValue)
    problems.push("baseSalary.value.minValue is above maxValue");
  if (!SALARY_UNITS.includes(String(value.unitText)))
    problems.push(`baseSalary.value.unitText is not one of ${SALARY_UNITS.join(", ")}: ${JSON.stringify(value.unitText)}`);
  return problems;
}
