import { count } from "../count.ts";
import { type Problem, warning } from "../problem.ts";
import { closestName } from "../schema/closest-name.ts";
import { type KeyMeaning, keyForm, meaningsOf } from "../schema/key-meanings.ts";
import type { LocatedMapping } from "./parse-yaml.ts";

// Unknown keys: kept, and warned about with the key they were probably meant
// to be, first by meaning (`closes` → `valid_through`, from another tool's
// vocabulary), then by spelling (`descripton` → `description`). The list of
// every known key is printed once, at the end of the report, not here.

/** Unknown keys warned about one by one in a file; the rest share one warning. */
export const UNKNOWN_KEYS_SHOWN = 10;

export function unknownKeyProblems(mapping: LocatedMapping, file: string, knownKeys: readonly string[]): Problem[] {
  const unknown = Object.keys(mapping.data).filter((key) => !knownKeys.includes(key));
  const problems = unknown
    .slice(0, UNKNOWN_KEYS_SHOWN)
    .map((key) =>
      warning("unknown-key", file, mapping.locate([key], "key"), `unknown key \`${shown(key)}\` is kept but not used`, hintFor(key, mapping.data, knownKeys)),
    );
  const first = unknown[UNKNOWN_KEYS_SHOWN];
  if (first !== undefined) {
    // A pasted export can hold thousands of keys: one line for the rest keeps the report readable, and the work bounded.
    const more = count(unknown.length - UNKNOWN_KEYS_SHOWN, "more unknown key");
    problems.push(
      warning(
        "unknown-key",
        file,
        mapping.locate([first], "key"),
        `${more} kept but not used, from \`${shown(first)}\` on`,
        "remove the keys nothing needs; the keys Openings reads are listed at the end",
      ),
    );
  }
  return problems;
}

function hintFor(key: string, data: Record<string, unknown>, knownKeys: readonly string[]): string {
  const meaning = meant(key, data, knownKeys);
  if (meaning) {
    return data[meaning.key] === undefined
      ? `did you mean \`${meaning.key}\`, ${meaning.what}?`
      : `this file already has \`${meaning.key}\`, ${meaning.what}: remove this line if it says the same`;
  }
  const spelling = closestSpelling(key, knownKeys);
  if (spelling) return `did you mean \`${spelling}\`?`;
  return "remove it if nothing needs it; the keys Openings reads are listed at the end";
}

/** The row of KEY_MEANINGS that `key`, with its value, stands for in this file. */
function meant(key: string, data: Record<string, unknown>, knownKeys: readonly string[]): KeyMeaning | undefined {
  return meaningsOf(key, data, knownKeys)[0];
}

/** The known key a misspelt one was probably meant to be. */
function closestSpelling(key: string, candidates: readonly string[]): string | undefined {
  return closestName(key, candidates, keyForm);
}

/** A key as a message shows it: a pasted paragraph is cut short. */
function shown(key: string): string {
  const line = key.replace(/\s+/g, " ");
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}
