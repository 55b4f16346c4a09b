import { parseLocationText } from "../../parse/parse-location.ts";
import { parseCalendarDate } from "../../schema/calendar-date.ts";

// What every job board's jobs become before they are written: one shape for
// Greenhouse, Lever and Ashby, and the small readers they share.

export const BOARDS = ["greenhouse", "lever", "ashby"] as const;
export type Board = (typeof BOARDS)[number];

export const BOARD_NAMES: Record<Board, string> = { greenhouse: "Greenhouse", lever: "Lever", ashby: "Ashby" };

export interface BoardJob {
  /** The board's own id for the job, as text. */
  id: string;
  /** Ashby can return jobs it does not list on the board; those are not imported. */
  listed: boolean;
  /** Openings keys: title, team, location, remote, employment_type, date_posted, salary, apply. */
  fields: Record<string, unknown>;
  /** The description as HTML. */
  html: string;
  /** Comment lines for the front matter, like what to check in `salary`. */
  notes?: string[];
}

export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

/** Text on one line: boards sometimes carry line breaks in titles and names. */
export const text = (value: unknown): string | undefined => (typeof value === "string" && value.trim() ? value.replace(/\s+/g, " ").trim() : undefined);

export const number = (value: unknown): number | undefined => (typeof value === "number" && Number.isFinite(value) ? value : undefined);

/** The calendar day of an ISO timestamp as written (`2026-01-14T10:55:28-05:00` is 14 January), or of epoch milliseconds, in UTC. */
export function day(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isFinite(value)) {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? undefined : date.toISOString().slice(0, 10);
  }
  return typeof value === "string" ? parseCalendarDate(value) : undefined;
}

/**
 * Place names as a board gives them (`Berlin, Germany`, `Remote - EMEA`,
 * `New York, NY; Remote (US)`): the places, and remote work with its regions,
 * read the way check reads a `location`.
 */
export function places(names: readonly unknown[]): { location?: string[]; remote?: true | string[] } {
  const location: string[] = [];
  let remote: string[] | undefined;
  for (const name of names) {
    const written = text(name);
    if (!written) continue;
    const read = parseLocationText(written);
    for (const place of read.places) if (!location.includes(place)) location.push(place);
    if (read.remote) remote = [...(remote ?? []), ...read.remote.regions.filter((region) => !remote?.includes(region))];
  }
  return {
    ...(location.length > 0 ? { location } : {}),
    ...(remote ? { remote: remote.length > 0 ? remote : true } : {}),
  };
}

/** Remote work the board states outright: regions already read from the places win over a bare `true`. */
export function withRemote(found: { location?: string[]; remote?: true | string[] }, remote: boolean): { location?: string[]; remote?: true | string[] } {
  return remote && !found.remote ? { ...found, remote: true } : found;
}

/** `min`/`max` as a salary, when there is an amount and a currency. */
export function salaryOf(min: unknown, max: unknown, currency: unknown, per: string | undefined) {
  const low = number(min);
  const high = number(max);
  const code = text(currency);
  if ((low === undefined && high === undefined) || !code || !per) return undefined;
  return { ...(low !== undefined ? { min: low } : {}), ...(high !== undefined ? { max: high } : {}), currency: code.toUpperCase(), per };
}

type Salary = NonNullable<ReturnType<typeof salaryOf>>;

/**
 * A board's pay ranges as `salary`: one as it is, several as a list, each
 * with the board's title for it (usually its place: `Portugal`, `Zone A`) as
 * its `location`.
 */
export function salaryField(ranges: readonly { title?: string; salary?: Salary }[]): Salary | (Salary & { location?: string })[] | undefined {
  const found = ranges.flatMap((range) => (range.salary ? [{ ...range.salary, ...(range.title ? { location: range.title } : {}) }] : []));
  return found.length > 1 ? found : ranges.find((range) => range.salary)?.salary;
}
