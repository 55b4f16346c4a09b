// The one date parser. Postings name calendar days, not instants: `2016-08-23`,
// quoted or not, with or without a time and zone (`08:02 CEST`), is 23 August
// 2016 wherever the build runs. Dates stay `YYYY-MM-DD` strings so no time zone
// can shift them. A date written another way is read when it can mean only one
// day (`26 Feb 2018`, `2018/02/26`), and refused, saying why, when it could
// mean two (`01/02/2018`).

export type CalendarDate = string;

/**
 * What a written date means: a day (`rewritten` when it was not written
 * year-month-day), or why it is none; without a message, it is simply no date.
 */
export type DateReading = { date: CalendarDate; rewritten: boolean } | { problem: "ambiguous-date" | "invalid-date"; message?: string; hint?: string };

const TIME = String.raw`\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?`;
// An offset, a zone abbreviation (`CEST`, `UTC+2`) or an IANA name (`Europe/Tallinn`).
const ZONE = String.raw`[Zz]|[+-]\d{1,2}(?::?\d{2})?|[A-Za-z]{1,5}(?:[+-]\d{1,2}(?::?\d{2})?)?|[A-Za-z]+(?:/[A-Za-z_+-]+)+`;
const ISO = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|\s+)${TIME}(?:\s*(?:${ZONE}))?)?$`);

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const MONTH = String.raw`([A-Za-z]{3,9})\.?`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const WEEKDAY = /^([A-Za-z]{3,9})\.?,?\s+(?=\S)/;
const MONTH_FIRST = new RegExp(String.raw`^${MONTH}[\s-]+${DAY},?[\s-]+(\d{4})$`, "i");
const DAY_FIRST = new RegExp(String.raw`^${DAY}(?:\s+of)?[\s.-]+${MONTH},?[\s.-]+(\d{4})$`, "i");
const YEAR_FIRST = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/;
const NUMERIC = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})$/;
const NO_DAY = new RegExp(String.raw`^${MONTH},?\s+(\d{4})$`, "i");
const NO_YEAR = new RegExp(String.raw`^(?:${MONTH}\s+${DAY}|${DAY}(?:\s+of)?\s+${MONTH})$`, "i");

/** What `value` (a front-matter string, or a YAML timestamp) means as a calendar day. */
export function readCalendarDate(value: string | Date): DateReading {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? NO_DATE : { date: value.toISOString().slice(0, 10), rewritten: false };
  }
  const written = value.trim();
  const iso = ISO.exec(written);
  if (iso) return day(Number(iso[1]), Number(iso[2]), Number(iso[3]), false) ?? NO_DATE;
  return readWritten(written);
}

/** `YYYY-MM-DD` for a date that can mean only one day, else undefined. */
export function parseCalendarDate(value: string | Date): CalendarDate | undefined {
  const reading = readCalendarDate(value);
  return "date" in reading ? reading.date : undefined;
}

function readWritten(written: string): DateReading {
  const weekday = WEEKDAY.exec(written);
  const weekdayIndex = weekday ? WEEKDAYS.findIndex((name) => matches(weekday[1] ?? "", name)) : -1;
  const rest = weekdayIndex >= 0 ? written.slice(weekday?.[0].length) : written;
  const parts = writtenParts(written, rest);
  if (!Array.isArray(parts)) return parts;
  const [y, m, d] = parts;
  const date = day(y, m, d, true);
  if (!date) {
    const month = new Date(Date.UTC(y, m - 1, 1)).toLocaleString("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
    return { problem: "invalid-date", message: `${month} has no day ${d}`, hint: "write a day that exists, year first: `YYYY-MM-DD`" };
  }
  const actual = new Date(`${date.date}T00:00:00Z`).getUTCDay();
  if (weekdayIndex >= 0 && weekdayIndex !== actual) {
    return {
      problem: "invalid-date",
      message: `${spelt(date.date)} was a ${capital(WEEKDAYS[actual])}, not a ${capital(WEEKDAYS[weekdayIndex])}`,
      hint: `check which is right, then write the date alone, year first, like \`${date.date}\``,
    };
  }
  return date;
}

/** Year, month and day of a date written in words or with the year first; or what it is instead. */
function writtenParts(written: string, rest: string): [number, number, number] | DateReading {
  const monthFirst = MONTH_FIRST.exec(rest);
  const dayFirst = monthFirst ? undefined : DAY_FIRST.exec(rest);
  const [monthWord, dayText, yearText] = monthFirst ? monthFirst.slice(1) : dayFirst ? [dayFirst[2], dayFirst[1], dayFirst[3]] : [];
  const month = monthOf(monthWord);
  if (month) return [Number(yearText), month, Number(dayText)];
  const yearFirst = YEAR_FIRST.exec(rest);
  if (yearFirst) return [Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3])];
  const numeric = NUMERIC.exec(rest);
  if (numeric) return readNumeric(rest, Number(numeric[1]), Number(numeric[3]), numeric[4] ?? "");
  const noDay = NO_DAY.exec(rest);
  const noDayMonth = monthOf(noDay?.[1]);
  if (noDay && noDayMonth) {
    return {
      problem: "invalid-date",
      message: `\`${written}\` names no day`,
      hint: `write the full date, year first, like \`${noDay[2]}-${pad(noDayMonth)}-01\``,
    };
  }
  if (NO_YEAR.test(rest)) return { problem: "invalid-date", message: `\`${written}\` names no year`, hint: "write the full date, year first: `YYYY-MM-DD`" };
  return NO_DATE;
}

/** `01/02/2018`: day/month or month/day? Read only when one order makes a date, or both make the same one. */
function readNumeric(written: string, first: number, second: number, yearText: string): DateReading {
  const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  const dayFirst = day(year, second, first, true);
  const monthFirst = day(year, first, second, true);
  const readings = [...new Set([dayFirst?.date, monthFirst?.date].filter((date): date is string => date !== undefined))];
  const [only] = readings;
  if (only === undefined) return NO_DATE;
  if (yearText.length === 2) {
    return {
      problem: "ambiguous-date",
      message:
        readings.length > 1
          ? `\`${written}\` could be ${readings.map((date) => spelt(date)).join(" or ")}, and its two-digit year is ambiguous too`
          : `\`${written}\` has a two-digit year, which is ambiguous`,
      hint: `write the full date with the year first, like \`${only}\``,
    };
  }
  if (readings.length === 1) return { date: only, rewritten: true };
  return {
    problem: "ambiguous-date",
    message: `\`${written}\` could be ${readings.map((date) => spelt(date)).join(" or ")}: the order of day and month is ambiguous`,
    hint: `write the year first: ${readings.map((date) => `\`${date}\` for ${spelt(date, false)}`).join(", ")}`,
  };
}

function day(year: number, month: number, date: number, rewritten: boolean): { date: CalendarDate; rewritten: boolean } | undefined {
  const probe = new Date(Date.UTC(year, month - 1, date));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== date) return undefined;
  return { date: `${String(year).padStart(4, "0")}-${pad(month)}-${pad(date)}`, rewritten };
}

const NO_DATE: DateReading = { problem: "invalid-date" };

/** `Feb`, `Sept` or `February` → 2. */
function monthOf(word: string | undefined): number | undefined {
  const index = MONTHS.findIndex((name) => matches(word ?? "", name));
  return index >= 0 ? index + 1 : undefined;
}

/** A whole name or its first three letters or more: `Feb`, `Sept`, `Thurs`. */
function matches(word: string, name: string): boolean {
  const lower = word.toLowerCase();
  return lower.length >= 3 && name.startsWith(lower);
}

const pad = (n: number) => String(n).padStart(2, "0");
const capital = (word = "") => word.charAt(0).toUpperCase() + word.slice(1);

/** "1 February 2018", or "1 February" without the year. */
function spelt(date: CalendarDate, withYear = true): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    ...(withYear ? { year: "numeric" } : {}),
    timeZone: "UTC",
  });
}

export function todayInUtc(now: Date = new Date()): CalendarDate {
  return now.toISOString().slice(0, 10);
}

/** "23 August 2016" (in the page's language), never a JavaScript date string. */
export function formatCalendarDate(date: CalendarDate, language: string): string {
  return formatterFor(language).format(new Date(`${date}T00:00:00Z`));
}

// Building an Intl formatter costs far more than using one; a site has few languages.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(language: string): Intl.DateTimeFormat {
  let formatter = formatters.get(language);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language, { dateStyle: "long", timeZone: "UTC" });
    formatters.set(language, formatter);
  }
  return formatter;
}
