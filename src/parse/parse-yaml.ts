import { CORE_SCHEMA, constructFromEvents, defineMappingTag, mapTag, parseEvents, YAMLException } from "js-yaml";
import { error, type Position, type Problem, positionsIn } from "../problem.ts";
import { type AliasExcess, walkEvents, type YamlNode } from "./yaml-locations.ts";
import { describeYamlSlip, missingSpace } from "./yaml-slips.ts";

// YAML that remembers where everything stands, so a problem with
// `salary.per` or `location[1]` points at that very value, not at line 1.
// Used for front matter and for site.yaml. js-yaml 5 parses the text once
// into events carrying source offsets; the locations and the values are both
// built from those same events, so there is no second parser to disagree.

export type KeyPath = readonly (string | number)[];

export interface LocatedMapping {
  data: Record<string, unknown>;
  /** Where a key (or its value) stands in the file; the nearest enclosing node when absent. */
  locate(path: KeyPath, part?: "key" | "value"): Position;
}

/** Deeper than any posting needs; keeps every later step's recursion shallow. */
const MAX_DEPTH = 100;
/** Aliases (`*name`) in one file; a handful is normal. */
const MAX_ALIASES = 100;
/** Nodes that aliases may add once expanded: beyond this it is an attack ("billion laughs"), not a posting. */
const MAX_EXPANDED_NODES = 10_000;

const ALIAS_HINT = "write the values out instead of using aliases";

// js-yaml's own mapping, except that a key left empty (`: x`, `~: x`) is named
// "" rather than the word "null", which would be a key nobody typed.
const MAPPING = defineMappingTag(mapTag.tagName, {
  ...mapTag,
  addPair: (map, key, value) => mapTag.addPair(map, key ?? "", value),
  has: (map, key) => mapTag.has(map, key ?? ""),
  get: (map, key) => mapTag.get(map, key ?? ""),
});
const SCHEMA = CORE_SCHEMA.withTags(MAPPING);

/**
 * Parses `text.slice(span.start, span.end)` (all of `text` when no span is
 * given) into a mapping whose positions are lines and columns of `text`.
 */
export function parseYamlMapping(file: string, text: string, span?: { start: number; end: number }): { mapping?: LocatedMapping; problems: Problem[] } {
  const start = span?.start ?? 0;
  const source = text.slice(start, span?.end ?? text.length);
  // Lines past the YAML (a posting's body) are never pointed at: not indexed.
  const position = positionsIn(span ? text.slice(0, span.end) : text);
  const at = (offset: number): Position => {
    let within = Math.max(0, Math.min(offset, source.length));
    // A `\r` before a line break belongs to the break: point at the end of the line, not past it.
    if (source[within - 1] === "\r" && (within === source.length || source[within] === "\n")) within--;
    return position(start + within);
  };
  const fail = (code: string, offset: number, message: string, hint: string) => ({ problems: [error(code, file, at(offset), message, hint)] });

  try {
    const events = parseEvents(source, { maxDepth: MAX_DEPTH });
    const { roots, excess } = walkEvents(source, events, { maxExpandedNodes: MAX_EXPANDED_NODES, maxDepth: MAX_DEPTH });
    // A cycle or too deep a nesting is one alias's doing; an expansion bomb is the whole block's.
    if (excess) return fail("yaml-aliases", excess.kind === "expansion" ? 0 : excess.at, excessMessage(excess), ALIAS_HINT);
    if (roots.length > 1) {
      return fail(
        "yaml-documents",
        roots[1]?.at ?? source.length,
        "a `...` or `---` line above ends the YAML, so the lines from here on cannot be read",
        "remove that line, so every key is in one block",
      );
    }
    const [data] = constructFromEvents(events, { source, schema: SCHEMA, maxAliases: MAX_ALIASES });
    const root = roots[0];
    // Nothing at all, or only `~`, is an empty mapping.
    if (root && !root.entries && data !== null && data !== undefined) {
      const slip = missingSpace(source, root.at);
      if (slip) return fail(slip.code, slip.at, slip.message, slip.hint);
      return fail(
        "yaml-not-a-mapping",
        root.at,
        "expected a list of `key: value` lines, found something else",
        "write each setting as `key: value` on its own line",
      );
    }
    return { mapping: { data: (data ?? {}) as Record<string, unknown>, locate: locator(root, at) }, problems: [] };
  } catch (thrown) {
    if (!(thrown instanceof YAMLException)) throw thrown;
    const slip = describeYamlSlip(source, thrown.reason, thrown.mark?.position ?? 0);
    return fail(slip.code, slip.at, slip.message, slip.hint);
  }
}

function excessMessage(excess: AliasExcess): string {
  if (excess.kind === "cycle") return `the alias \`*${excess.name}\` refers to the value that contains it, so the value never ends`;
  if (excess.kind === "depth") return `the alias \`*${excess.name}\` nests values more than ${MAX_DEPTH} levels deep`;
  return "aliases (`*name`) are repeated so often that the YAML cannot be read";
}

/** A key path walks the mappings and lists; where it stops, the last node found stands in for it. */
function locator(root: YamlNode | undefined, at: (offset: number) => Position): LocatedMapping["locate"] {
  return (path, part = "value") => {
    let node = root;
    let found = -1;
    let keyAt: number | undefined;
    for (const segment of path) {
      keyAt = undefined;
      const entry = node?.entries?.get(String(segment));
      const item = typeof segment === "number" ? node?.items?.[segment] : undefined;
      if (entry) {
        keyAt = entry.keyAt;
        found = entry.value.at >= 0 ? entry.value.at : entry.keyAt;
        node = entry.value;
      } else if (item) {
        if (item.at >= 0) found = item.at;
        node = item;
      } else break;
    }
    if (part === "key" && keyAt !== undefined) return at(keyAt);
    return at(Math.max(found, 0));
  };
}
