import type { z } from "zod";
import { error, type Problem, warning } from "../problem.ts";
import { collectNotes, type SchemaNote } from "../schema/schema-notes.ts";
import { unknownKeyProblems } from "./key-hints.ts";
import type { KeyPath, LocatedMapping } from "./parse-yaml.ts";

// Step 3: check parsed front matter (or site.yaml) against its schema, and turn
// every schema issue into a located problem in plain words.

type Issue = z.core.$ZodIssue;

export function validate<S extends z.ZodType>(
  schema: S,
  mapping: LocatedMapping,
  file: string,
  knownKeys: readonly string[],
): { value?: z.output<S>; problems: Problem[] } {
  const problems = unknownKeyProblems(mapping, file, knownKeys);
  const { result, notes } = collectNotes(() => schema.safeParse(withoutNulls(mapping.data), { reportInput: true }));
  problems.push(...notes.map((note) => noteProblem(note, mapping, file)));
  if (result.success) return { value: result.data, problems };
  for (const issue of result.error.issues.flatMap((i) => flatten(i, []))) {
    problems.push(toProblem(issue, mapping, file));
  }
  return { problems };
}

/** `key:` with nothing after it means "not given", never the text "null". */
function withoutNulls(data: Record<string, unknown>): Record<string, unknown> {
  // fromEntries, not assignment, so a key named __proto__ stays an ordinary key.
  return Object.fromEntries(Object.entries(data).flatMap(([key, value]) => (value === null ? [] : [[key, withoutNullsIn(value)]])));
}

/** A blank list item (`- ` with nothing after it) is not given either. */
function withoutNullsIn(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((item) => item !== null).map(withoutNullsIn);
  if (value && typeof value === "object" && !(value instanceof Date)) return withoutNulls(value as Record<string, unknown>);
  return value;
}

/**
 * A failed union reports the one branch whose type matched, so the message is
 * about the value (`location[1]`, `sometimes`), not "invalid input".
 */
function flatten(issue: Issue, prefix: KeyPath): Issue[] {
  const path = [...prefix, ...(issue.path as KeyPath)];
  if (issue.code === "invalid_union") {
    const typeMatched = issue.errors.filter((branch) => !branch.some((inner) => inner.code === "invalid_type" && inner.path.length === 0));
    if (typeMatched.length === 1) return (typeMatched[0] ?? []).flatMap((inner) => flatten(inner, path));
  }
  return [{ ...issue, path } as Issue];
}

function toProblem(issue: Issue, mapping: LocatedMapping, file: string): Problem {
  const path = issue.path as KeyPath;
  const name = keyPathText(path);
  const at = mapping.locate(path);
  if (issue.code === "invalid_type" && issue.input === undefined) {
    return { ...error("missing-key", file, at, `\`${name}\` is missing`, `add a line \`${name}: …\``), key: name };
  }
  if (issue.code === "unrecognized_keys") {
    const parent = name ? `${name} ` : "";
    return error(
      "unknown-nested-key",
      file,
      mapping.locate([...path, issue.keys[0] ?? ""], "key"),
      `${parent}has no key ${issue.keys.map((k) => `\`${k}\``).join(", ")}`,
      "check the spelling against the documented keys",
    );
  }
  // The schema's own custom issues may name their problem and its fix.
  const params = issue.code === "custom" ? (issue.params as { code?: string; hint?: string } | undefined) : undefined;
  const message = name ? `${name}: ${issue.message}` : issue.message;
  return { ...error(params?.code ?? "invalid-value", file, at, message, params?.hint), ...(name ? { key: name } : {}) };
}

/** A value the schema accepted by rewriting it (`26 Feb 2018`, `£`): a warning at that value. */
function noteProblem(note: SchemaNote, mapping: LocatedMapping, file: string): Problem {
  const name = keyPathText(note.path);
  return { ...warning(note.code, file, mapping.locate(note.path), `${name}: ${note.message}`, note.hint), key: name };
}

/** `salary.per`, `location[1]`. */
export function keyPathText(path: KeyPath): string {
  return path.map((segment, i) => (typeof segment === "number" ? `[${segment}]` : i === 0 ? segment : `.${segment}`)).join("");
}
