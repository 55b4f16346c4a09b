import { isMap, isPair, isScalar, isSeq, type Node, parseDocument } from "yaml";
import { error, type Position, type Problem, positionAt } from "../problem.ts";

// YAML that remembers where everything stands, so a problem with
// `salary.per` or `location[1]` points at that very value, not at line 1.
// Used for front matter and for site.yaml.

export type KeyPath = readonly (string | number)[];

export interface LocatedMapping {
  data: Record<string, unknown>;
  /** Where a key (or its value) stands in the file; the nearest enclosing node when absent. */
  locate(path: KeyPath, part?: "key" | "value"): Position;
}

// Expanded aliases beyond this are an attack ("billion laughs"), not a posting.
const MAX_ALIAS_COUNT = 100;

/** Parses `yamlText`, which starts on line `firstLine` of `file`, into a mapping. */
export function parseYamlMapping(file: string, yamlText: string, firstLine: number): { mapping?: LocatedMapping; problems: Problem[] } {
  // logLevel "error": the library's own warnings would go to stderr, outside the problem list.
  const doc = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: true, schema: "core", logLevel: "error" });
  // Counted here rather than with yaml's LineCounter, which misses line breaks inside some broken values.
  const at = (offset: number): Position => {
    const { line, column } = positionAt(yamlText, Math.min(offset, yamlText.length));
    return { line: line + firstLine - 1, column };
  };
  const fail = (position: Position, message: string, hint: string) => ({ problems: [error("yaml", file, position, message, hint)] });

  if (doc.errors.length > 0) {
    return { problems: doc.errors.map((e) => error("yaml-syntax", file, at(e.pos[0]), describeYamlError(e.code, e.message), yamlHint(e.code, e.message))) };
  }
  const contents = doc.contents;
  if (contents !== null && !isMap(contents)) {
    return fail(
      at(contents.range?.[0] ?? 0),
      "expected a list of `key: value` lines, found something else",
      "write each setting as `key: value` on its own line",
    );
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {};
  } catch {
    return fail(at(0), "aliases (`*name`) are repeated so often that the YAML cannot be read", "write the values out instead of using aliases");
  }
  if (containsItself(data)) {
    return fail(at(0), "an alias (`*name`) refers to the value that contains it, so the value never ends", "write the values out instead of using aliases");
  }

  const locate = (path: KeyPath, part: "key" | "value" = "value"): Position => {
    let node: unknown = contents;
    let found: Node | undefined;
    let keyOffset: number | undefined;
    for (const segment of path) {
      keyOffset = undefined;
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
        if (!pair) break;
        found = pair.key as Node;
        keyOffset = found.range?.[0];
        node = pair.value;
        if ((node as Node | null)?.range) found = node as Node;
      } else if (isSeq(node) && typeof segment === "number" && node.items[segment]) {
        node = node.items[segment];
        found = node as Node;
      } else break;
    }
    if (part === "key" && keyOffset !== undefined) return at(keyOffset);
    return at(found?.range?.[0] ?? 0);
  };
  return { mapping: { data: data as Record<string, unknown>, locate }, problems: [] };
}

/** An alias inside its own anchor (`a: &x [ *x ]`) makes a value that contains itself. */
function containsItself(value: unknown, ancestors = new Set<object>()): boolean {
  if (value === null || typeof value !== "object") return false;
  if (ancestors.has(value)) return true;
  ancestors.add(value);
  const cyclic = Object.values(value).some((child) => containsItself(child, ancestors));
  ancestors.delete(value);
  return cyclic;
}

function describeYamlError(code: string, message: string): string {
  if (code === "DUPLICATE_KEY") return "a key appears twice";
  const first = (message.split("\n")[0] ?? message).replace(/ at line \d+, column \d+:?$/, "").replace(/\.$/, "");
  return `this is not valid YAML: ${first.charAt(0).toLowerCase()}${first.slice(1)}`;
}

function yamlHint(code: string, message: string): string {
  if (/end with a [\]}]/.test(message)) return "a value that starts with `[` or `{` must end with `]` or `}`, or be wrapped in quotes";
  switch (code) {
    case "DUPLICATE_KEY":
      return "keep one of the two lines";
    case "BAD_INDENT":
      return "indent nested keys by two spaces, the same on every line";
    default:
      return "a value containing `: `, ` #`, or starting with `[`, `{`, `*`, `&` or a quote must be wrapped in quotes";
  }
}
