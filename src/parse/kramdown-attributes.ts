import type MarkdownIt from "markdown-it";
import type StateCore from "markdown-it/lib/rules_core/state_core.mjs";
import type Token from "markdown-it/lib/token.mjs";

// kramdown's attribute lists, common in Jekyll-era pages: `{: .note}` on the
// line after a block, `[link](url){:target="_blank"}` after an inline element,
// `## Heading {#anchor}`. Applied where markdown-it has an element to put
// them on, otherwise removed; never shown as text. Only harmless attributes
// are kept, so an attribute list cannot add an event handler.

const SAFE_ATTRIBUTES = new Set(["id", "class", "target", "title", "rel", "lang", "name"]);
const BLOCK_IAL = /^\{:?\s*([^}]*)\}$/;
const LEADING_IAL = /^\{:\s*([^}]*)\}/;
const ID_ONLY = /^\{(#[\w-]+(?:\s+\.[\w-]+)*)\}$/;
// One attribute per match; the last two alternatives step over anything else a
// word or a character at a time, so a long list never makes the regex retry
// a word from each of its letters.
const ATTRIBUTE = /([.#][\w-]+)|([\w-]+)=(?:"([^"]*)"|'([^']*)'|(\S+))|[\w-]+|[\s\S]/g;

export function kramdownAttributes(md: MarkdownIt): void {
  md.core.ruler.after("inline", "kramdown_attributes", (state: StateCore) => {
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      if (token?.type !== "inline" || !token.children) continue;
      const children = token.children;
      // A paragraph that is only `{: …}` decorates the block before it.
      const only = children.length === 1 && children[0]?.type === "text" ? BLOCK_IAL.exec(children[0].content.trim()) : null;
      if (only && tokens[i - 1]?.type === "paragraph_open" && children[0]?.content.trim().startsWith("{:")) {
        const target = openingOf(tokens, i - 2);
        if (target) apply(target, only[1] ?? "");
        tokens.splice(i - 1, 3);
        i -= 2;
        continue;
      }
      for (let c = 0; c < children.length; c++) {
        const child = children[c];
        if (child?.type !== "text") continue;
        // Right after an inline element: `[x](y){:target="_blank"}`.
        const leading = LEADING_IAL.exec(child.content);
        const previous = children[c - 1];
        if (leading && previous && previous.nesting === -1) {
          const open = openingOf(children, c - 1);
          if (open) apply(open, leading[1] ?? "");
          child.content = child.content.slice(leading[0].length);
        }
        // At the end of a heading or paragraph: `## Title {#anchor}`, `text {: .note}`.
        const trailing = c === children.length - 1 ? trailingList(child.content) : undefined;
        if (trailing && tokens[i - 1]) {
          apply(tokens[i - 1] as Token, trailing.list);
          child.content = child.content.slice(0, trailing.index);
          // `text\n{: .note}` leaves a line break with nothing after it.
          if (!child.content && children[c - 1]?.type === "softbreak") children.splice(c - 1, 2);
        }
      }
    }
  });
}

/**
 * `{: list}` or `{#id .class}` closing `text` (only spaces after it), and
 * where it starts, spaces before it included. What the regex
 * /\s*\{:\s*([^}]*)\}\s*$|\s*\{(#[\w-]+(?:\s+\.[\w-]+)*)\}\s*$/ found, without
 * retrying it from every space: `text {:` and a million spaces took hours.
 */
export function trailingList(text: string): { list: string; index: number } | undefined {
  const end = text.trimEnd().length - 1;
  if (text[end] !== "}") return undefined;
  // The list holds no `}`, so it opens after the one before: the first `{` that reads as a list.
  for (let open = text.indexOf("{", text.lastIndexOf("}", end - 1) + 1); open !== -1 && open < end; open = text.indexOf("{", open + 1)) {
    const candidate = text.slice(open, end + 1);
    const list = candidate[1] === ":" ? candidate.slice(2, -1).trimStart() : ID_ONLY.exec(candidate)?.[1];
    if (list === undefined) continue;
    let index = open;
    while (index > 0 && /\s/.test(text[index - 1] ?? "")) index--;
    return { list, index };
  }
  return undefined;
}

/** The opening token that matches the closing token at `index`. */
function openingOf(tokens: Token[], index: number): Token | undefined {
  const close = tokens[index];
  if (!close || close.nesting !== -1) return undefined;
  let depth = 0;
  for (let i = index; i >= 0; i--) {
    const token = tokens[i];
    if (!token) continue;
    depth += token.nesting;
    if (depth === 0 && token.nesting === 1) return token;
  }
  return undefined;
}

function apply(token: Token, list: string): void {
  for (const [, shorthand, name, double, single, bare] of list.matchAll(ATTRIBUTE)) {
    if (shorthand?.startsWith(".")) token.attrJoin("class", shorthand.slice(1));
    else if (shorthand?.startsWith("#")) token.attrSet("id", shorthand.slice(1));
    else if (name && SAFE_ATTRIBUTES.has(name.toLowerCase())) token.attrSet(name.toLowerCase(), double ?? single ?? bare ?? "");
  }
  if (token.attrGet("target")) token.attrSet("rel", "noopener noreferrer");
}
