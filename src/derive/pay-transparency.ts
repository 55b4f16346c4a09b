import type { ParsedPosting, Role } from "../model.ts";
import { error, type Position, type Problem, START, warning } from "../problem.ts";
import type { CalendarDate } from "../schema/calendar-date.ts";
import type { Job, SalaryRange } from "../schema/job-schema.ts";
import type { PAY_TRANSPARENCY_SETTINGS } from "../schema/site-schema.ts";
import { isIn, locationReach, type Reach, remoteReach, type Where } from "./law-places.ts";
import { PAY_LAWS, type PayLaw } from "./pay-laws.ts";

// Pay transparency, checked. A role that can be done where a law of
// pay-laws.ts reaches (a place there, or remote work open to it) must give
// what that law asks of its posting. Each problem stands at the `location` or
// `remote` line that brings the laws in, names them, and says what to add.
// site.yaml's `pay_transparency` makes these warnings (the default), errors
// (a hard gate: check fails and nothing is built) or nothing. Closed roles
// are not advertised, so they are not checked; drafts are, before they go out.

export type PayTransparency = (typeof PAY_TRANSPARENCY_SETTINGS)[number];

/** One `location` or `remote` item: where it was written, how it reads in a message, where it reaches. */
interface Written {
  at: Position;
  what: string;
  reach: Reach;
}

type Shortfall = "none" | "elsewhere" | "open-min" | "open-max" | "benefits" | "closing-date";

export function payTransparencyProblems(
  role: Pick<Role, "file" | "job" | "closed" | "locations">,
  written: Pick<ParsedPosting, "locationAt" | "remoteAt">,
  setting: PayTransparency,
  today: CalendarDate,
): Problem[] {
  if (setting === "off" || role.closed) return [];
  const inForce = PAY_LAWS.filter((law) => law.from <= today);
  const reported = new Set<PayLaw>();
  const problems: Problem[] = [];
  for (const item of writtenPlaces(role, written)) {
    // A law comes in once, at the first line that brings it in.
    const reached = inForce.filter((law) => !reported.has(law) && reaches(item.reach, law));
    for (const law of reached) reported.add(law);
    const byShortfall = new Map<Shortfall, PayLaw[]>();
    for (const law of reached) for (const shortfall of shortfalls(role.job, law)) byShortfall.set(shortfall, [...(byShortfall.get(shortfall) ?? []), law]);
    for (const [shortfall, named] of byShortfall) problems.push(problem(setting, role, item, shortfall, named));
  }
  return problems;
}

function writtenPlaces(role: Pick<Role, "job" | "locations">, written: Pick<ParsedPosting, "locationAt" | "remoteAt">): Written[] {
  const { location, remote } = role.job;
  // Without `location`, the places a Jekyll-era heading gave, which have no line of their own.
  const places = location
    ? location.map((text, i) => ({ at: written.locationAt[i] ?? START, what: `\`${text}\``, reach: locationReach(text) }))
    : role.locations.map((text) => ({ at: START, what: `\`${text}\``, reach: locationReach(text) }));
  const remotes =
    remote === true
      ? [{ at: written.remoteAt[0] ?? START, what: "`remote: true`", reach: remoteReach(true) }]
      : (remote || []).map((text, i) => ({ at: written.remoteAt[i] ?? START, what: `\`${text}\` in \`remote\``, reach: remoteReach(text) }));
  return [...places, ...remotes];
}

function reaches(reach: Reach, law: PayLaw): boolean {
  return reach === "anywhere" || lawsReached(reach).has(law);
}

// A reach is read once per text (law-places.ts), so the laws it reaches are worked out once too:
// matching every place against every law's areas for every posting is most of the check's cost.
const reachedBy = new WeakMap<Where[], Set<PayLaw>>();
function lawsReached(reach: Where[]): Set<PayLaw> {
  let laws = reachedBy.get(reach);
  if (!laws) {
    laws = new Set(PAY_LAWS.filter((law) => reach.some((where) => law.areas.some((area) => isIn(where, area)))));
    reachedBy.set(reach, laws);
  }
  return laws;
}

/** What the posting lacks of what `law` asks: first the pay range, then the rest. */
function shortfalls(job: Job, law: PayLaw): Shortfall[] {
  const found: Shortfall[] = [];
  const ranges = job.salary ?? [];
  const forHere = ranges.filter((range) => rangeApplies(range, law));
  if (forHere.length === 0) found.push(ranges.length === 0 ? "none" : "elsewhere");
  else if (!forHere.some((range) => range.min !== undefined && range.max !== undefined)) found.push(forHere[0]?.min === undefined ? "open-min" : "open-max");
  if (law.benefits && !job.benefits) found.push("benefits");
  if (law.closingDate && !job.valid_through) found.push("closing-date");
  return found;
}

/** A range with no `location`, or one whose place cannot be told, applies everywhere; one for a place, only there. */
function rangeApplies(range: SalaryRange, law: PayLaw): boolean {
  if (!range.location) return true;
  const reach = locationReach(range.location);
  return (reach !== "anywhere" && reach.length === 0) || reaches(reach, law);
}

const CODES: Record<Shortfall, string> = {
  none: "pay-range-missing",
  elsewhere: "pay-range-missing",
  "open-min": "pay-range-open",
  "open-max": "pay-range-open",
  benefits: "pay-benefits-missing",
  "closing-date": "pay-closing-date-missing",
};

function problem(setting: PayTransparency, role: Pick<Role, "file" | "job">, item: Written, shortfall: Shortfall, laws: PayLaw[]): Problem {
  const one = laws.length === 1;
  const where = `this role can be done in ${listed(laws.map((law) => law.name))} (${item.what}), where ${one ? "the pay transparency law asks" : "pay transparency laws ask"}`;
  const elsewhere = (role.job.salary ?? []).flatMap((range) => (range.location ? [`\`${range.location}\``] : []));
  const texts: Record<Shortfall, [message: string, hint: string]> = {
    none: [
      `${where} for a pay range, and this posting gives none`,
      "add `salary:` with `min`, `max`, `currency` and `per`; for a fixed pay, the same amount as both `min` and `max`",
    ],
    elsewhere: [
      `${where} for a pay range, and this posting's ranges are for other places (${elsewhere.join(", ")})`,
      "add a range for it to `salary`, with its `location`, or one without `location`, which applies everywhere",
    ],
    "open-min": [`${where} for both the lowest and the highest pay, and \`salary\` has no \`min\``, "add `min:`; for a fixed pay, the same amount as `max`"],
    "open-max": [`${where} for both the lowest and the highest pay, and \`salary\` has no \`max\``, "add `max:`; for a fixed pay, the same amount as `min`"],
    benefits: [
      `${where} for a description of the benefits, and this posting has no \`benefits\``,
      "add `benefits:` with what comes with the pay: health cover, retirement, paid leave, bonus or equity",
    ],
    "closing-date": [
      `${where} for the day applications close, and this posting has no \`valid_through\``,
      "add `valid_through:` with the last day to apply, like 2027-01-31",
    ],
  };
  const [message, hint] = texts[shortfall];
  const made = setting === "error" ? error : warning;
  return made(CODES[shortfall], role.file, item.at, message, `${hint}; docs/posting-a-job.md#pay-transparency lists the laws`);
}

/** "A", "A and B", "A, B and C". */
function listed(names: string[]): string {
  const last = names.at(-1) ?? "";
  return names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${last}` : last;
}
