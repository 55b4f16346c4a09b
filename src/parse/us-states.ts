import { countryCode, normaliseName } from "./country-code.ts";

// US postings write `Austin, TX` or `Austin, Texas`: the state, not the
// country. USPS codes for the states, DC and Puerto Rico.

const STATES: Record<string, string> = {
  AL: "Alabama",
  AK: "Alaska",
  AZ: "Arizona",
  AR: "Arkansas",
  CA: "California",
  CO: "Colorado",
  CT: "Connecticut",
  DE: "Delaware",
  DC: "District of Columbia",
  FL: "Florida",
  GA: "Georgia",
  HI: "Hawaii",
  ID: "Idaho",
  IL: "Illinois",
  IN: "Indiana",
  IA: "Iowa",
  KS: "Kansas",
  KY: "Kentucky",
  LA: "Louisiana",
  ME: "Maine",
  MD: "Maryland",
  MA: "Massachusetts",
  MI: "Michigan",
  MN: "Minnesota",
  MS: "Mississippi",
  MO: "Missouri",
  MT: "Montana",
  NE: "Nebraska",
  NV: "Nevada",
  NH: "New Hampshire",
  NJ: "New Jersey",
  NM: "New Mexico",
  NY: "New York",
  NC: "North Carolina",
  ND: "North Dakota",
  OH: "Ohio",
  OK: "Oklahoma",
  OR: "Oregon",
  PA: "Pennsylvania",
  PR: "Puerto Rico",
  RI: "Rhode Island",
  SC: "South Carolina",
  SD: "South Dakota",
  TN: "Tennessee",
  TX: "Texas",
  UT: "Utah",
  VT: "Vermont",
  VA: "Virginia",
  WA: "Washington",
  WV: "West Virginia",
  WI: "Wisconsin",
  WY: "Wyoming",
};
const BY_NAME = new Map(Object.entries(STATES).map(([code, name]) => [normaliseName(name), code]));

/**
 * `TX` for `TX`, `T.X.` or `Texas`; "ambiguous" for a name that is also a
 * country's (Georgia), which a page cannot place without guessing; else undefined.
 */
export function usStateCode(text: string): string | "ambiguous" | undefined {
  const letters = text.trim().replace(/\./g, "");
  if (/^[A-Z]{2}$/.test(letters)) return STATES[letters] ? letters : undefined;
  const code = BY_NAME.get(normaliseName(text));
  if (!code) return undefined;
  return countryCode(text) ? "ambiguous" : code;
}
