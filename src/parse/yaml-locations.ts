import {
  boolCoreTag,
  EVENT_ID,
  type Event,
  floatCoreTag,
  getScalarValue,
  intCoreTag,
  NOT_RESOLVED,
  nullCoreTag,
  SCALAR_STYLE,
  type ScalarEvent,
} from "js-yaml";

// One pass over js-yaml's events (the same events its constructor builds the
// values from): where every key and value stands, and how large the values
// grow once aliases are expanded. Linear in the number of events.

/** A value's place in the YAML text: an offset, or -1 when it has no text of its own (`key:` with nothing after it). */
export interface YamlNode {
  at: number;
  entries?: Map<string, { keyAt: number; value: YamlNode }>;
  items?: YamlNode[];
}

/** An alias that makes the value endless (`&a [*a]`), too large once expanded, or too deeply nested. */
export interface AliasExcess {
  kind: "cycle" | "expansion" | "depth";
  /** Offset of the `*` that went over the limit. */
  at: number;
  name: string;
}

export interface Limits {
  /** Nodes that aliases may add in all, counting each expansion in full. */
  maxExpandedNodes: number;
  maxDepth: number;
}

interface Anchor {
  size: number;
  depth: number;
  open: boolean;
  /** The key it reads as, for `*name :` used as a key. */
  key?: string;
}

interface Frame {
  kind: "document" | "mapping" | "sequence";
  node: YamlNode;
  /** Null while a mapping waits for its next key. */
  pendingKey: { text: string | undefined; at: number } | null;
  size: number;
  /** Depth of the deepest child. */
  depth: number;
  anchor?: Anchor;
  root?: YamlNode;
}

// The core schema's implicit scalar types, in its own order, so `1:`, `~:` and
// `.inf:` are found under the keys the constructor gives them ("1", "", "Infinity").
const IMPLICIT_KEY_TAGS = [nullCoreTag, boolCoreTag, intCoreTag, floatCoreTag];

function keyText(source: string, event: ScalarEvent): string {
  const value = getScalarValue(source, event);
  if (event.style !== SCALAR_STYLE.PLAIN || event.tagStart >= 0) return value;
  const first = value.charAt(0);
  for (const tag of IMPLICIT_KEY_TAGS) {
    if (tag.implicitFirstChars && !tag.implicitFirstChars.includes(first)) continue;
    const resolved = tag.resolve(value, false, tag.tagName);
    if (resolved !== NOT_RESOLVED) return resolved === null ? "" : String(resolved);
  }
  return value;
}

/** Where a node's text starts: its tag or anchor when it has one, the opening quote of a quoted scalar. */
function startOf(event: Event): number {
  if (event.type === EVENT_ID.ALIAS) return event.anchorStart - 1;
  if (event.type === EVENT_ID.DOCUMENT || event.type === EVENT_ID.POP) return -1;
  let value: number;
  if (event.type === EVENT_ID.SCALAR) {
    const quoted = event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED;
    value = quoted ? event.valueStart - 1 : event.valueStart < event.valueEnd ? event.valueStart : -1;
  } else value = event.start;
  return earliest(earliest(event.tagStart, event.anchorStart >= 0 ? event.anchorStart - 1 : -1), value);
}

/** The smaller of two offsets, where -1 means none. */
const earliest = (a: number, b: number) => (a < 0 ? b : b < 0 ? a : Math.min(a, b));

export function walkEvents(source: string, events: readonly Event[], limits: Limits): { roots: (YamlNode | undefined)[]; excess?: AliasExcess } {
  const roots: (YamlNode | undefined)[] = [];
  const anchors = new Map<string, Anchor>();
  const stack: Frame[] = [];
  let expanded = 0;

  const anchorOf = (event: { anchorStart: number; anchorEnd: number }) => source.slice(event.anchorStart, event.anchorEnd);
  /** `key` is what the node reads as when it is a mapping's key: a scalar's event, or an alias's anchor. */
  const attach = (node: YamlNode, size: number, depth: number, key?: ScalarEvent | Anchor) => {
    const parent = stack[stack.length - 1];
    if (!parent) return;
    parent.size += size;
    if (depth > parent.depth) parent.depth = depth;
    if (parent.kind === "document") parent.root = node;
    else if (parent.kind === "sequence") parent.node.items?.push(node);
    else if (parent.pendingKey === null) {
      const text = key === undefined ? undefined : "type" in key ? keyText(source, key) : key.key;
      parent.pendingKey = { text, at: node.at };
    } else {
      const { text, at } = parent.pendingKey;
      parent.pendingKey = null;
      // A repeated key is the constructor's error to report; the first one stays located.
      if (text !== undefined && !parent.node.entries?.has(text)) parent.node.entries?.set(text, { keyAt: at, value: node });
    }
  };

  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        stack.push({ kind: "document", node: { at: -1 }, pendingKey: null, size: 0, depth: 0 });
        break;
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        const mapping = event.type === EVENT_ID.MAPPING;
        const node: YamlNode = mapping ? { at: startOf(event), entries: new Map() } : { at: startOf(event), items: [] };
        const frame: Frame = { kind: mapping ? "mapping" : "sequence", node, pendingKey: null, size: 1, depth: 0 };
        if (event.anchorStart >= 0) {
          frame.anchor = { size: 0, depth: 0, open: true };
          anchors.set(anchorOf(event), frame.anchor);
        }
        stack.push(frame);
        break;
      }
      case EVENT_ID.SCALAR:
        if (event.anchorStart >= 0) anchors.set(anchorOf(event), { size: 1, depth: 1, open: false, key: keyText(source, event) });
        attach({ at: startOf(event) }, 1, 1, event);
        break;
      case EVENT_ID.ALIAS: {
        const name = anchorOf(event);
        const at = startOf(event);
        const anchor = anchors.get(name);
        if (anchor?.open) return { roots, excess: { kind: "cycle", at, name } };
        expanded += anchor?.size ?? 1;
        if (expanded > limits.maxExpandedNodes) return { roots, excess: { kind: "expansion", at, name } };
        // The stack holds the document too, so its length is the depth this alias sits at.
        if (stack.length - 1 + (anchor?.depth ?? 1) > limits.maxDepth) return { roots, excess: { kind: "depth", at, name } };
        attach({ at }, anchor?.size ?? 1, anchor?.depth ?? 1, anchor);
        break;
      }
      case EVENT_ID.POP: {
        const frame = stack.pop();
        if (!frame) break;
        if (frame.kind === "document") {
          roots.push(frame.root);
          break;
        }
        const depth = frame.depth + 1;
        if (frame.anchor) Object.assign(frame.anchor, { size: frame.size, depth, open: false });
        attach(frame.node, frame.size, depth);
        break;
      }
    }
  }
  return { roots };
}
