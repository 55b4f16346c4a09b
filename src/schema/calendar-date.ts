// The one date parser. Postings name calendar days, not instants: `2016-08-23`,
// quoted or not, with or without a time and zone, is 23 August 2016 wherever
// the build runs. Dates stay `YYYY-MM-DD` strings so no time zone can shift them.

export type CalendarDate = string;

const DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[Zz]|[+-]\d{1,2}(?::?\d{2})?)?)?$/;

/** `YYYY-MM-DD` for a real calendar date written in any common front-matter form, else undefined. */
export function parseCalendarDate(value: string | Date): CalendarDate | undefined {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  }
  const match = DATE.exec(value.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return undefined;
  return `${match[1]}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function todayInUtc(now: Date = new Date()): CalendarDate {
  return now.toISOString().slice(0, 10);
}

/** "23 August 2016" (in the site's language), never a JavaScript date string. */
export function formatCalendarDate(date: CalendarDate, language: string): string {
  return formatterFor(language).format(new Date(`${date}T00:00:00Z`));
}

// Building an Intl formatter costs far more than using one; a site has one language.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(language: string): Intl.DateTimeFormat {
  let formatter = formatters.get(language);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language, { dateStyle: "long", timeZone: "UTC" });
    formatters.set(language, formatter);
  }
  return formatter;
}
