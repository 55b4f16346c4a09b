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
