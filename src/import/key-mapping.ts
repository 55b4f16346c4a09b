import { parseLocationText } from "../parse/parse-location.ts";
import { jobShape, KNOWN_JOB_KEYS } from "../schema/job-schema.ts";
import { keyForm, meaningsOf } from "../schema/key-meanings.ts";
import type { Draft } from "./posting-text.ts";

// Front matter from other tools, moved into the keys Openings reads: by
// spelling (`Title`, `Employment-Type`), then by meaning, from the same table
// check uses for its hints (`department` → `team`, `closes` →
// `valid_through`, `contract: permanent` → `employment_type: full-time`).
// A key is moved only when its value reads as the key it moves to, and only
// to a key the file does not have yet; anything else stays as it was, and
// check then says what it probably means.

type Shape = Record<string, { safeParse(value: unknown): { success: boolean } }>;
const SHAPE = jobShape as unknown as Shape;

const KNOWN_BY_FORM = new Map(KNOWN_JOB_KEYS.map((key) => [keyForm(key), key]));

export interface KeyMove {
  from: string;
  to: string;
  value: unknown;
}

/** The keys of `data` that move, in the order they appear. */
export function keyMoves(data: Record<string, unknown>): KeyMove[] {
  const has = new Set(Object.keys(data).filter((key) => KNOWN_JOB_KEYS.includes(key)));
  const moves: KeyMove[] = [];
  for (const [from, raw] of Object.entries(data)) {
    if (KNOWN_JOB_KEYS.includes(from)) continue;
    for (const to of targetsOf(from, data)) {
      if (has.has(to)) continue;
      const value = valueFor(to, raw);
      if (value === undefined) continue;
      has.add(to);
      moves.push({ from, to, value });
      break;
    }
  }
  return moves;
}

/** The keys `key` may stand for: the same key spelt otherwise, then its meanings in table order. */
function targetsOf(key: string, data: Record<string, unknown>): string[] {
  const meanings = meaningsOf(key, data, KNOWN_JOB_KEYS);
  const same = KNOWN_BY_FORM.get(keyForm(key));
  return [...(same ? [same] : []), ...meanings.map((row) => row.key)];
}

/** `value` as key `to` takes it, or undefined when it does not read as that key. */
export function valueFor(to: string, value: unknown): unknown {
  if (to === "employment_type") return employmentTypes(value);
  if (to === "remote") return remoteValue(value);
  return SHAPE[to]?.safeParse(value).success ? value : undefined;
}

const EMPLOYMENT_WORDS: readonly [RegExp, string][] = [
  [/\b(?:permanent|full[\s_-]?time|regular|salaried)\b/i, "full-time"],
  [/\bpart[\s_-]?time\b/i, "part-time"],
  [/\b(?:contract|contractor|freelance|freelancer|consultant)\b/i, "contract"],
  [/\b(?:temporary|temp|fixed[\s_-]?term|seasonal)\b/i, "temporary"],
  [/\b(?:intern|internship|trainee|traineeship|apprentice|apprenticeship|working student|werkstudent)\b/i, "internship"],
  [/\b(?:volunteer|voluntary|unpaid)\b/i, "volunteer"],
  [/\bper[\s_-]?diem\b/i, "per diem"],
];

/**
 * Employment types in the words an ad or another tool uses (`Permanent`,
 * `FullTime`, `Full Time - Permanent`, `Contract / Freelance`), as the
 * friendly spellings Openings documents; undefined when a word is none.
 */
export function employmentTypes(value: unknown): string[] | undefined {
  const items = Array.isArray(value) ? value : [value];
  const found: string[] = [];
  for (const item of items) {
    if (typeof item !== "string" || !item.trim()) return undefined;
    // `FullTime` and `PartTime` (Ashby) are two words.
    const words = item.replace(/([a-z])([A-Z])/g, "$1 $2");
    const matched = EMPLOYMENT_WORDS.filter(([pattern]) => pattern.test(words)).map(([, type]) => type);
    if (matched.length === 0) return undefined;
    for (const type of matched) if (!found.includes(type)) found.push(type);
  }
  // A permanent contract is full-time employment, not contract work.
  if (found.includes("full-time") && found.includes("contract") && /\bpermanent\b/i.test(items.join(" "))) found.splice(found.indexOf("contract"), 1);
  return found.length > 0 ? found : undefined;
}

/** `true`, `yes`, `Remote`, `Remote (Europe)` → remote, with regions when named; on-site and hybrid are not remote work. */
function remoteValue(value: unknown): true | string[] | undefined {
  if (value === true) return true;
  if (Array.isArray(value)) return SHAPE.remote?.safeParse(value).success ? (value as string[]) : undefined;
  if (typeof value !== "string") return undefined;
  if (/^(?:yes|y|true|on)$/i.test(value.trim())) return true;
  const { places, remote } = parseLocationText(value);
  if (!remote || places.length > 0) return undefined;
  return remote.regions.length > 0 ? remote.regions : true;
}

/**
 * A value an ad or a board gave that is not what its key takes (a currency
 * that is no ISO code) becomes a TODO comment quoting it, so the posting still
 * passes check and says what is left to correct.
 */
export function setAsideUnreadable(draft: Draft, where: string): void {
  for (const [key, value] of Object.entries(draft.fields)) {
    if (key === "title" || !KNOWN_JOB_KEYS.includes(key) || draft.renamedFrom?.[key] || valueFor(key, value) !== undefined) continue;
    draft.unreadable = { ...draft.unreadable, [key]: { value, why: `${where}, but not in a form Openings reads: correct it and remove the \`#\`` } };
    delete draft.fields[key];
  }
}
