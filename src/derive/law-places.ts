import { normaliseName } from "../parse/country-code.ts";
import { countryCode, isTimeZoneRange, parseLocationText, parsePlace, readRegions } from "../parse/parse-location.ts";
import { usStateCode } from "../parse/us-states.ts";
import { EU_MEMBER_STATES, type LawArea } from "./pay-laws.ts";

// Where a posting says the work can be done, read as places a law can reach:
// `New York, NY` is in New York City and in New York State; `remote: [US]`
// reaches every US state and city; `Remote (Europe)` every EU member state;
// `remote: true` everywhere. A place that cannot be put in a country (`Tier 1
// cities`, or a time-zone range) reaches no law.

/** A country, maybe a state or province in it, maybe a town there. */
export interface Where {
  country: string;
  region?: string;
  locality?: string;
}

/** Where work can be done: some places, or anywhere. */
export type Reach = Where[] | "anywhere";

// Reading a place costs tens of microseconds, and a site names the same few places in most of its postings.
const reachOf = new Map<string, Reach>();

/** The places a `location` item names, and the remote work it opens (`Remote (US)`). */
export function locationReach(text: string): Reach {
  let reach = reachOf.get(text);
  if (!reach) {
    reach = readLocationReach(text);
    reachOf.set(text, reach);
  }
  return reach;
}

function readLocationReach(text: string): Reach {
  const read = parseLocationText(text);
  if (read.remote && read.remote.regions.length === 0) return "anywhere";
  const places = read.places.flatMap((place) => whereOf(place) ?? []);
  return [...places, ...(read.remote?.regions ?? []).flatMap(regionWheres)];
}

/** The places one `remote` item opens the role to; `true` or `Worldwide` means anywhere. */
export function remoteReach(item: string | true): Reach {
  if (item === true) return "anywhere";
  const key = `remote:${item}`;
  let reach = reachOf.get(key);
  if (!reach) {
    const regions = readRegions([item]);
    reach = regions.length === 0 ? "anywhere" : regions.flatMap(regionWheres);
    reachOf.set(key, reach);
  }
  return reach;
}

/** Whether work done at `where` is work in `area`. */
export function isIn(where: Where, area: LawArea): boolean {
  if (where.country !== area.country) return false;
  // A country as a whole (remote across the US) reaches its states and cities;
  // a town whose state is unknown reaches only laws of the whole country.
  if (where.region === undefined) return where.locality === undefined || area.region === undefined;
  if (area.region !== undefined && where.region !== area.region) return false;
  if (where.locality === undefined || area.localities === undefined) return true;
  return area.localities.includes(normaliseName(where.locality));
}

/** A place as its country, state and town; undefined when no country can be told. */
export function whereOf(text: string): Where | undefined {
  const place = parsePlace(text);
  if (place.country === "US" && !place.region && place.locality && NEW_YORK_CITY.has(normaliseName(place.locality))) {
    return { country: "US", region: "NY", locality: "New York" };
  }
  if (place.country) {
    // A Canadian province may be written out: `Toronto, Ontario, Canada`.
    const region = place.country === "CA" && place.region ? (provinceCode(place.region) ?? place.region) : place.region;
    return { country: place.country, ...(region ? { region } : {}), ...(place.locality ? { locality: place.locality } : {}) };
  }
  // What parsePlace leaves as text: `NYC`, and Canadian towns with their province, `Toronto, ON`.
  if (NEW_YORK_CITY.has(normaliseName(text))) return { country: "US", region: "NY", locality: "New York" };
  const parts = text.split(",").map((part) => part.trim());
  const province = parts.length === 2 ? provinceCode(parts[1] ?? "") : undefined;
  return province ? { country: "CA", region: province, locality: parts[0] ?? "" } : undefined;
}

/** A remote region: a country, a US state, a Canadian province, or a name for several countries. */
function regionWheres(region: string): Where[] {
  if (isTimeZoneRange(region)) return [];
  const country = countryCode(region);
  if (country) return [{ country }];
  const state = usStateCode(region);
  if (state && state !== "ambiguous") return [{ country: "US", region: state }];
  const province = provinceCode(region);
  if (province) return [{ country: "CA", region: province }];
  const countries = REGION_COUNTRIES[normaliseName(region)];
  if (countries) return countries.map((code) => ({ country: code }));
  const place = whereOf(region);
  return place ? [place] : [];
}

const NEW_YORK_CITY = new Set(["nyc", "new york city", "new york city ny"]);

const EU: readonly string[] = EU_MEMBER_STATES;
const NORTH_AMERICA = ["US", "CA", "MX"];
/** Names of several countries that remote postings use; only the countries a law here reaches matter. */
const REGION_COUNTRIES: Record<string, readonly string[]> = {
  europe: EU,
  eu: EU,
  "european union": EU,
  eea: EU,
  "european economic area": EU,
  emea: EU,
  "north america": NORTH_AMERICA,
  na: NORTH_AMERICA,
  noram: NORTH_AMERICA,
  namer: NORTH_AMERICA,
  amer: NORTH_AMERICA,
  americas: NORTH_AMERICA,
  dach: ["DE", "AT"],
  benelux: ["BE", "NL", "LU"],
  nordics: ["DK", "FI", "SE"],
  "nordic countries": ["DK", "FI", "SE"],
  scandinavia: ["DK", "SE"],
  baltics: ["EE", "LV", "LT"],
  "baltic states": ["EE", "LV", "LT"],
  iberia: ["ES", "PT"],
};

const PROVINCES: Record<string, string> = {
  AB: "Alberta",
  BC: "British Columbia",
  MB: "Manitoba",
  NB: "New Brunswick",
  NL: "Newfoundland and Labrador",
  NS: "Nova Scotia",
  NT: "Northwest Territories",
  NU: "Nunavut",
  ON: "Ontario",
  PE: "Prince Edward Island",
  QC: "Quebec",
  SK: "Saskatchewan",
  YT: "Yukon",
};
const PROVINCE_BY_NAME = new Map(Object.entries(PROVINCES).map(([code, name]) => [normaliseName(name), code]));

/** `ON` for `ON` or `Ontario`, `QC` for `Québec`; else undefined. */
function provinceCode(text: string): string | undefined {
  const letters = text.trim().replace(/\./g, "");
  if (/^[A-Z]{2}$/.test(letters)) return PROVINCES[letters] ? letters : undefined;
  return PROVINCE_BY_NAME.get(normaliseName(text));
}
