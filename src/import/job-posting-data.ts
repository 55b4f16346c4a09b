import type { HTMLElement } from "node-html-parser";
import { parseCalendarDate } from "../schema/calendar-date.ts";
import { employmentTypes } from "./key-mapping.ts";
import type { Salary } from "./posting-text.ts";

// schema.org JobPosting data (`<script type="application/ld+json">`), which
// careers sites and ATS-hosted pages publish for Google for Jobs: a saved
// page's title, dates, places, remote regions, employment type and pay.
// Whatever is missing or malformed is simply not used.

type Json = Record<string, unknown>;

/** Fields from the page's first JobPosting; `title` and `body` (its HTML description) for the caller to place. */
export function jobPostingFacts(root: HTMLElement): Record<string, unknown> {
  const posting = root
    .querySelectorAll('script[type="application/ld+json"]')
    .flatMap((script) => nodes(parseJson(script.textContent)))
    .find((node) => [node["@type"]].flat().includes("JobPosting"));
  if (!posting) return {};
  const fields: Record<string, unknown> = {};
  const set = (key: string, value: unknown) => {
    if (value !== undefined && value !== "" && !(Array.isArray(value) && value.length === 0)) fields[key] = value;
  };
  set("title", text(posting.title));
  set("body", text(posting.description));
  set("date_posted", date(posting.datePosted));
  set("valid_through", date(posting.validThrough));
  set("employment_type", employmentTypes([posting.employmentType].flat().filter(Boolean)));
  set("location", [posting.jobLocation].flat().flatMap(place));
  if (posting.jobLocationType === "TELECOMMUTE") {
    const regions = [posting.applicantLocationRequirements].flat().flatMap((area) => text(isObject(area) ? area.name : area) ?? []);
    set("remote", regions.length > 0 ? regions : true);
  }
  set("salary", salary(posting.baseSalary));
  return fields;
}

function parseJson(source: string): unknown {
  try {
    return JSON.parse(source);
  } catch {
    return undefined;
  }
}

/** Every object in a JSON-LD document: a list, a `@graph`, or one node. */
function nodes(value: unknown): Json[] {
  if (Array.isArray(value)) return value.flatMap(nodes);
  if (!isObject(value)) return [];
  return Array.isArray(value["@graph"]) ? value["@graph"].flatMap(nodes) : [value];
}

function place(location: unknown): string[] {
  if (!isObject(location)) return [];
  const address = location.address;
  if (typeof address === "string") return [address.trim()];
  if (!isObject(address)) return text(location.name) ? [text(location.name) as string] : [];
  const country = isObject(address.addressCountry) ? address.addressCountry.name : address.addressCountry;
  const parts = [address.addressLocality, address.addressRegion, country].map(text).filter(Boolean);
  return parts.length > 0 ? [parts.join(", ")] : [];
}

const UNITS: Record<string, string> = { HOUR: "HOUR", DAY: "DAY", WEEK: "WEEK", MONTH: "MONTH", YEAR: "YEAR" };

function salary(amount: unknown): Salary | undefined {
  if (!isObject(amount) || typeof amount.currency !== "string") return undefined;
  const value = isObject(amount.value) ? amount.value : { value: amount.value };
  const per = UNITS[String(value.unitText ?? "").toUpperCase()];
  const min = number(value.minValue) ?? number(value.value);
  const max = number(value.maxValue);
  if (!per || (min === undefined && max === undefined)) return undefined;
  return { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}), currency: amount.currency, per };
}

const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === "string" && value.trim() ? value.trim() : undefined);
const number = (value: unknown): number | undefined =>
  typeof value === "number" && Number.isFinite(value) ? value : typeof value === "string" && /^\d+(\.\d+)?$/.test(value) ? Number(value) : undefined;
const date = (value: unknown): string | undefined => (typeof value === "string" ? parseCalendarDate(value) : undefined);
