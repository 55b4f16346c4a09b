import type MarkdownIt from "markdown-it";
import type StateBlock from "markdown-it/lib/rules_block/state_block.mjs";
import type StateCore from "markdown-it/lib/rules_core/state_core.mjs";
import type Token from "markdown-it/lib/token.mjs";
import { type Position, type Problem, warning } from "../problem.ts";

// Headings in a posting's body, as people wrote them for Jekyll:
// - `##Heading` with no space after the `#` marks was a heading in kramdown,
//   but is text in CommonMark: read as the heading the author meant, and
//   noted in `env.unspacedHeadings` so the check can ask for the space;
// - the page's own <h1> is the role's title, so when `env.subHeadings` is set
//   a body that uses `#` (or <h1>) has every heading moved one level down:
//   h1 → h2, h2 → h3 … up to h6, ids and classes kept. A body whose top level
//   is already `##` is left as written, so no level is ever skipped.

export interface HeadingsEnv {
  /** Set for a posting's body, whose page has the role's title as its <h1>. */
  subHeadings?: boolean;
  /** When given, filled in: each `##Heading` read as a heading, with its 0-based line and 1-based column. */
  unspacedHeadings?: { text: string; meant: string; line: number; column: number }[];
}

export function bodyHeadings(md: MarkdownIt): void {
  md.block.ruler.before("heading", "unspaced_heading", unspacedHeading, { alt: ["paragraph", "reference", "blockquote"] });
  md.core.ruler.push("sub_headings", subHeadings);
}

// Two to six `#` and then the text, or one `#` before words: `#hiring`,
// `#LI-Remote`, `#1 in our field` and `#hiring #remote` are not headings.
const MARKS = /^#{1,6}/;
const TEXT_START = /^[\p{L}\p{N}*_`[(]/u;
const WORDS = /^\p{L}[^#]*\s/u;

function unspacedHeading(state: StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
  if ((state.sCount[startLine] ?? 0) - state.blkIndent >= 4) return false; // Indented code.
  const start = (state.bMarks[startLine] ?? 0) + (state.tShift[startLine] ?? 0);
  if (state.src.charCodeAt(start) !== 0x23 /* # */) return false;
  const written = state.src.slice(start, state.eMarks[startLine]).trimEnd();
  const marks = MARKS.exec(written)?.[0] ?? "";
  const rest = written.slice(marks.length);
  if (marks.length === 1 ? !WORDS.test(rest) || rest.includes("#") : !TEXT_START.test(rest)) return false;
  // Ending a paragraph (silent) takes two marks: a line of text may start with a hashtag.
  if (silent) return marks.length > 1;

  // kramdown drops closing `#` marks with or without a space before them: `##Perks##`.
  let end = rest.length;
  while (end > 0 && rest[end - 1] === "#") end--;
  const text = rest.slice(0, rest[end - 1] === "\\" ? end + 1 : end).trim();
  const tag = `h${marks.length}`;
  state.line = startLine + 1;
  const open = state.push("heading_open", tag, 1);
  open.markup = marks;
  open.map = [startLine, state.line];
  const inline = state.push("inline", "", 0);
  inline.content = text;
  inline.map = [startLine, state.line];
  inline.children = [];
  state.push("heading_close", tag, -1).markup = marks;

  const env = state.env as HeadingsEnv;
  const lineStart = state.src.lastIndexOf("\n", start - 1) + 1;
  env.unspacedHeadings?.push({ text: written, meant: `${marks} ${text}`, line: startLine, column: start - lineStart + 1 });
  return true;
}

const HTML_HEADING = /<(\/?)h([1-6])(?=[\s/>])/gi;

function subHeadings(state: StateCore): void {
  if (!(state.env as HeadingsEnv).subHeadings) return;
  const all = state.tokens.flatMap((token) => [token, ...(token.children ?? [])]);
  if (!all.some(isTopLevel)) return;
  for (const token of all) {
    if (token.type === "heading_open" || token.type === "heading_close") token.tag = lower(token.tag);
    else if (token.type === "html_block" || token.type === "html_inline") {
      token.content = token.content.replace(HTML_HEADING, (_, slash: string, level: string) => `<${slash}${lower(`h${level}`)}`);
    }
  }
}

function isTopLevel(token: Token): boolean {
  if (token.type === "heading_open") return token.tag === "h1";
  return (token.type === "html_block" || token.type === "html_inline") && /<h1(?=[\s/>])/i.test(token.content);
}

function lower(tag: string): string {
  return `h${Math.min(6, Number(tag.slice(1)) + 1)}`;
}

/** `##Benefits`: shown as the heading it was meant to be, but other Markdown tools show it as text. */
export function headingSpaceProblem(file: string, at: Position, { text, meant }: { text: string; meant: string }): Problem {
  const marks = /^#+/.exec(text)?.[0] ?? "#";
  const short = (line: string) => (line.length > 60 ? `${line.slice(0, 57)}...` : line);
  return warning(
    "heading-space",
    file,
    at,
    `\`${short(text)}\` is read as a heading, but Markdown needs a space after \`${marks}\``,
    `write \`${short(meant)}\`: other Markdown tools show it as plain text`,
  );
}
