import type { Place } from "../model.ts";
import { countryCode } from "./country-code.ts";
import { usStateCode } from "./us-states.ts";

// parse-posting.ts asks whether a list item is a country (`[London, UK]`).
export { countryCode };

// Free-text locations, from the `location` key or a Jekyll-era heading
// (`<small>Remote or London, UK</small>`), become places and remote regions
// the way a person reads them: "Remote, Europe", "Germany (Remote)" and
// "Anywhere" are remote work, not towns; "UTC-5 to UTC+1" is where remote
// candidates may live, not a country; "Austin, TX" is in the United States.

export interface ParsedLocation {
  places: string[];
  remote?: { regions: string[] };
}

export function parseLocationText(text: string): ParsedLocation {
  const places: string[] = [];
  let remote: ParsedLocation["remote"];
  let anywhere = false;
  for (const part of splitOutsideBrackets(text, PART_SEPARATOR)) {
    const reading = readPart(part);
    if (reading.place) places.push(reading.place);
    else {
      remote ??= { regions: [] };
      for (const region of reading.regions ?? []) if (!remote.regions.includes(region)) remote.regions.push(region);
      anywhere ||= reading.anywhere === true;
    }
  }
  // "Worldwide" beside "Europe" opens the role to everyone.
  if (remote && anywhere) remote.regions = [];
  return remote ? { places, remote } : { places };
}

/** The regions a `remote:` list names, read like those in a location; an empty list when one of them means anywhere. */
export function readRegions(regions: readonly string[]): string[] {
  const read = regions.map(normaliseRegion);
  if (read.includes(undefined)) return [];
  return [...new Set(read as string[])];
}

/** A place as its parts: `Austin, TX` → Austin, TX, US; a country alone → only its code; unknown parts stay text. */
export function parsePlace(text: string): Place {
  const label = text.trim();
  const parts = label
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  const first = parts[0] ?? "";
  const last = parts.at(-1) ?? "";
  if (parts.length === 1) {
    const country = countryCode(first);
    if (country) return { label, country };
    const state = usStateCode(first);
    if (state && state !== "ambiguous" && !/^[A-Z]{2}$/.test(first)) return { label, region: state, country: "US" };
  } else if (parts.length > 1) {
    const state = parts.length === 2 ? usStateCode(last) : undefined;
    if (state === "ambiguous") return { label, locality: label };
    if (state) return { label, locality: first, region: state, country: "US" };
    const country = countryCode(last);
    if (country) {
      const middle = parts.slice(1, -1).join(", ");
      const state = country === "US" ? usStateCode(middle) : undefined;
      const region = state && state !== "ambiguous" ? state : middle;
      return { label, locality: first, ...(region ? { region } : {}), country };
    }
  }
  return label ? { label, locality: label } : { label };
}

// Between places: " or ", ";", "|", and "/" with spaces around it or "remote" beside it, so
// "Frankfurt/Main" stays one place and "Remote US/Canada" one remote part. Not "&": "Bristol & Bath" is one area.
// Parts are trimmed afterwards; no separator starts with `\s*`, which would rescan long runs of spaces.
const PART_SEPARATOR = /\sor\s|[;|]|\s\/\s|\/(?<=\bremote\s*\/)|\/(?=\s*remote\b)/gi;
// Between regions, as in "Remote (US, Canada)" or "Remote (US/Canada)": also commas, "&", and "/" except in "+/-".
const REGION_SEPARATOR = /\sor\s|[;|,]|\s&\s|(?<!\+)\/(?!-)/gi;

const ANYWHERE = /^(?:anywhere|worldwide|world ?wide|world|global|globally|everywhere|international)$/i;
const REMOTE_ONLY = /^(?:(?:fully|100\s*%|completely|entirely)\s+)?remote(?:[\s-]+(?:only|first|friendly|ok|possible))?$/i;
const REMOTE_IN = /^(?:remote|anywhere)\b[\s,:(–—-]+(.+?)\)?$/i;
// Searched, not anchored at the start: a lazy `^(.+?)\s*` before it would rescan long runs of spaces.
const REMOTE_AFTER = /(?:\(\s*remote\s*\)|[,–—-]\s*remote)$/i;

interface PartReading {
  place?: string;
  regions?: string[];
  anywhere?: boolean;
}

function readPart(part: string): PartReading {
  if (ANYWHERE.test(part) || REMOTE_ONLY.test(part)) return { anywhere: true };
  if (isTimeZoneRange(part)) return { regions: [part] };
  const after = REMOTE_AFTER.exec(part);
  const remoteIn = REMOTE_IN.exec(part)?.[1] ?? (after && after.index > 0 ? part.slice(0, after.index).trim() : undefined);
  if (!remoteIn) return { place: part };
  // "Remote (US, Canada)" lists regions; "Austin, TX (Remote)" names one place.
  const whole = isTimeZoneRange(remoteIn) || namesOnePlace(remoteIn);
  const words = whole ? [remoteIn] : splitOutsideBrackets(remoteIn, REGION_SEPARATOR);
  const regions = words.map(normaliseRegion);
  return regions.includes(undefined) ? { anywhere: true } : { regions: regions as string[] };
}

/** `Austin, TX` or `London, UK`, but not `US, Canada`: a town in a country or state. */
function namesOnePlace(text: string): boolean {
  const place = parsePlace(text);
  return place.country !== undefined && place.locality !== undefined && countryCode(place.locality) === undefined;
}

/** "within the EU" → "EU", "US only" → "US"; undefined for "anywhere". */
function normaliseRegion(region: string): string | undefined {
  const value = withoutQualifier(region.trim().replace(/^(?:in|within|from|across|based in)\s+(?:the\s+)?/i, ""));
  return ANYWHERE.test(value) || REMOTE_ONLY.test(value) || value === "" ? undefined : value;
}

/** "US only", "EU-based" → "US", "EU". By hand: `/[\s-]+only$/` rescans every run of spaces and hyphens. */
function withoutQualifier(value: string): string {
  const qualifier = /(?:only|based)$/i.exec(value);
  if (!qualifier) return value;
  let end = qualifier.index;
  while (end > 0 && /[\s-]/.test(value.charAt(end - 1))) end--;
  return end < qualifier.index ? value.slice(0, end).trimEnd() : value;
}

// Zone names (in capitals, so "West" stays a word) with an offset, a spread, or both:
// `UTC-5`, `CET ±2`, `GMT+2 ± 3h`; a range joins two: `UTC-5 to UTC+1`.
const ZONE =
  "(?:UTC|GMT|CET|CEST|EET|EEST|WET|WEST|BST|IST|MSK|EST|EDT|CST|CDT|MST|MDT|PST|PDT|AKST|HST|AEST|AEDT|ACST|AWST|NZST|NZDT|JST|KST|SGT|HKT|SAST|WAT|EAT|CAT|BRT|ART|ET|CT|MT|PT)";
const HOURS = "\\d{1,2}(?:[:.]?\\d{2})?(?:\\s*(?:[hH](?:ours?|rs?)?))?";
const ZONE_EXPRESSION = `${ZONE}(?:\\s*[+\\-−–]\\s*${HOURS})?(?:\\s*(?:±|\\+/-|\\+-)\\s*${HOURS})?`;
const TIME_ZONE_RANGE = new RegExp(
  `^(?:[Bb]etween\\s+)?${ZONE_EXPRESSION}(?:\\s*(?:[Tt][Oo]|[Aa][Nn][Dd]|-|–|—|…|\\.\\.\\.?)\\s*${ZONE_EXPRESSION})?(?:\\s+(?:[Tt]ime ?[Zz]ones?|[Hh]ours))?$`,
);

/** `UTC-5 to UTC+1`, `GMT+2 ± 3h`, `CET ±2`: where remote candidates may live, never a country. A bare `PT` is Portugal. */
export function isTimeZoneRange(text: string): boolean {
  const value = text.trim();
  return !/^[A-Z]{2}$/.test(value) && TIME_ZONE_RANGE.test(value);
}

/** Splits at `separator` wherever it stands outside brackets, so "Remote (US or Canada)" stays one part. */
function splitOutsideBrackets(text: string, separator: RegExp): string[] {
  const parts: string[] = [];
  let start = 0;
  let depth = 0;
  let scanned = 0;
  for (const match of text.matchAll(separator)) {
    for (; scanned < match.index; scanned++) {
      const char = text[scanned];
      if (char === "(" || char === "[") depth++;
      else if ((char === ")" || char === "]") && depth > 0) depth--;
    }
    if (depth > 0) continue;
    parts.push(text.slice(start, match.index));
    start = match.index + match[0].length;
  }
  parts.push(text.slice(start));
  return parts.map((part) => part.trim()).filter(Boolean);
}
