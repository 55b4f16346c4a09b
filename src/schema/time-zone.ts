import type { CalendarDate } from "./calendar-date.ts";

// The site's time zone (site.yaml's `timezone`): the day a role's
// `valid_through` ends in, and the day builds close roles against. A
// deadline written as a day means the whole of that day where the company
// is, so "Apply by 31 January" and Google's `validThrough` say the same.

export const DEFAULT_TIME_ZONE = "UTC";

/** An IANA time zone name Intl knows (`Europe/London`, `UTC`), as written; undefined for anything else. */
export function readTimeZone(name: string): string | undefined {
  // Intl also reads offsets (`+01:00`) in newer versions; a zone name keeps summer time right.
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(name)) return undefined;
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return name;
  } catch {
    return undefined;
  }
}

/** The calendar day it is now in `timeZone`. */
export function todayIn(timeZone: string, now: Date = new Date()): CalendarDate {
  // en-CA writes dates year-month-day.
  return formatter(timeZone, "day").format(now);
}

/** The last second of `date` in `timeZone`, with that moment's UTC offset: `2027-01-31T23:59:59+01:00`. */
export function endOfDay(date: CalendarDate, timeZone: string): string {
  const local = Date.parse(`${date}T23:59:59Z`);
  // The offset at the guessed instant, then at the instant it gives: right on either side of a clock change.
  const first = offsetMinutes(timeZone, new Date(local));
  const offset = offsetMinutes(timeZone, new Date(local - first * 60_000));
  return `${date}T23:59:59${offsetText(offset)}`;
}

function offsetMinutes(timeZone: string, at: Date): number {
  const name = formatter(timeZone, "offset")
    .formatToParts(at)
    .find((part) => part.type === "timeZoneName")?.value;
  const match = /^GMT(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/.exec(name ?? "");
  if (!match) throw new Error(`no UTC offset for the time zone ${timeZone}: ${name}`);
  const minutes = Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
  return match[1] === "-" ? -minutes : minutes;
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${sign}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

// Building an Intl formatter costs far more than using one; a site has one time zone.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string, kind: "day" | "offset"): Intl.DateTimeFormat {
  const key = `${kind} ${timeZone}`;
  let format = formatters.get(key);
  if (!format) {
    format =
      kind === "day"
        ? new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" })
        : new Intl.DateTimeFormat("en", { timeZone, timeZoneName: "longOffset" });
    formatters.set(key, format);
  }
  return format;
}
