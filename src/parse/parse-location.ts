// Free-text locations from Jekyll-era headings (`<small>Remote or London, UK</small>`)
// become the same structured places and remote flag as the `location` and
// `remote` keys, so "Remote", "Remote (Europe)" and "London or remote" mean
// what a person would take them to mean.

export interface ParsedLocation {
  places: string[];
  remote?: { regions: string[] };
}

const REMOTE = /^remote(?:\s*[(:-]\s*([^)]*?)\s*\)?)?$/i;

export function parseLocationText(text: string): ParsedLocation {
  const places: string[] = [];
  let remote: ParsedLocation["remote"];
  for (const part of text.split(/\s+or\s+|\s*[/;|]\s*|\s+&\s+/i)) {
    const value = part.trim();
    if (!value) continue;
    const match = REMOTE.exec(value);
    if (match) {
      remote ??= { regions: [] };
      if (match[1]) remote.regions.push(match[1]);
    } else places.push(value);
  }
  return remote ? { places, remote } : { places };
}

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
