import { createRequire } from "node:module";
import MarkdownIt from "markdown-it";
import type StateInline from "markdown-it/lib/rules_inline/state_inline.mjs";
import type Token from "markdown-it/lib/token.mjs";
import type SanitizeHtml from "sanitize-html";
import { count } from "../count.ts";
import { bareLinks } from "./bare-links.ts";
import { bodyHeadings, type HeadingsEnv } from "./body-headings.ts";
import { kramdownAttributes } from "./kramdown-attributes.ts";
import { leftoverLinks } from "./leftover-syntax.ts";
import { limitNesting, MAX_DEPTH } from "./limit-nesting.ts";
import { type IdsEnv, userContentAttributes, userContentIds } from "./user-content-ids.ts";

// The one configured Markdown renderer. Bodies are Markdown only: they never
// pass through Nunjucks or Liquid, so `{{ x }}` in a posting shows as typed.
// Raw HTML is allowed (Jekyll-era postings are full of it) but goes through an
// allowlist, so nothing a posting says can run in a reader's browser.

const md = new MarkdownIt({ html: true, linkify: true, typographer: false });
md.inline.ruler.before("link", "kramdown_spaced_reference", spacedReferenceLink);
md.use(kramdownAttributes);
md.use(userContentIds);
md.use(bareLinks);
md.use(bodyHeadings);

export interface RenderedBody {
  html: string;
  /** What the allowlist removed, for a warning: `<script>`, `onerror` … */
  removed: string[];
  /** Every link target in the body, with its 0-based line in the Markdown. */
  links: { href: string; line: number }[];
  /** Link syntax that stayed text, like `[jobs] [missing]` or `[a] (b)`. */
  unlinked: { text: string; line: number }[];
  /** `##Heading` lines, read as headings though Markdown wants a space after the marks. */
  unspacedHeadings: { text: string; meant: string; line: number; column: number }[];
}

// sanitize-html (and PostCSS with it) takes a fifth of a second to load, a
// quarter of a small site's whole check, and most postings have no raw HTML:
// it is loaded the first time a body needs it.
let sanitizer: { sanitizeHtml: typeof SanitizeHtml; allowedTags: string[] } | undefined;
function loadSanitizer(): NonNullable<typeof sanitizer> {
  if (!sanitizer) {
    const sanitizeHtml = createRequire(import.meta.url)("sanitize-html") as typeof SanitizeHtml;
    sanitizer = { sanitizeHtml, allowedTags: [...sanitizeHtml.defaults.allowedTags, "img", "del", "ins", "details", "summary"] };
  }
  return sanitizer;
}
const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  "*": ["id", "class", "title", "lang", "dir"],
  a: ["href", "name", "target", "rel"],
  img: ["src", "alt", "width", "height", "loading"],
  ol: ["start", "reversed", "type"],
  td: ["colspan", "rowspan", "align"],
  th: ["colspan", "rowspan", "align", "scope"],
  time: ["datetime"],
};
const ALLOWED_SCHEMES = ["http", "https", "mailto", "tel"];

/** `subHeadings`: the body sits under the page's own <h1> (a posting's title), so its `#` headings become <h2>. */
export function renderMarkdown(markdown: string, { subHeadings = false } = {}): RenderedBody {
  const env: HeadingsEnv & { unspacedHeadings: RenderedBody["unspacedHeadings"] } = { subHeadings, unspacedHeadings: [] };
  const tokens = md.parse(markdown, env);
  const html = md.renderer.render(tokens, md.options, env);
  const { links, unlinked, hasRawHtml } = inspect(tokens);
  // Markdown's own output is safe (markdown-it refuses javascript: links);
  // only raw HTML needs the allowlist, and most postings have none.
  return {
    ...(hasRawHtml ? sanitize(html, (env as IdsEnv).bodyIds ?? new Set()) : { html, removed: [] }),
    links,
    unlinked,
    unspacedHeadings: env.unspacedHeadings,
  };
}

const HTML_LINK = /\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;

function inspect(tokens: Token[]) {
  const links: RenderedBody["links"] = [];
  const unlinked: RenderedBody["unlinked"] = [];
  let hasRawHtml = false;
  const htmlLinks = (content: string, line: number) => {
    for (const match of content.matchAll(HTML_LINK)) links.push({ href: match[1] ?? match[2] ?? match[3] ?? "", line });
  };
  for (const block of tokens) {
    let line = block.map?.[0] ?? 0;
    if (block.type === "html_block") {
      hasRawHtml = true;
      htmlLinks(block.content, line);
    }
    for (const token of block.children ?? []) {
      if (token.type === "softbreak" || token.type === "hardbreak") line++;
      else if (token.type === "link_open" || token.type === "image") links.push({ href: token.attrGet("href") ?? token.attrGet("src") ?? "", line });
      else if (token.type === "html_inline") {
        hasRawHtml = true;
        htmlLinks(token.content, line);
      } else if (token.type === "text") {
        // Brackets followed by brackets or parentheses that markdown-it left as text.
        for (const { text } of leftoverLinks(token.content)) unlinked.push({ text, line });
      }
    }
  }
  return { links, unlinked, hasRawHtml };
}

function sanitize(html: string, bodyIds: ReadonlySet<string>): Pick<RenderedBody, "html" | "removed"> {
  const removed = new Set<string>();
  const limited = limitNesting(html);
  if (limited.cut > 0) removed.add(`${count(limited.cut, "element")} nested more than ${MAX_DEPTH} deep`);
  const { sanitizeHtml, allowedTags } = loadSanitizer();
  const clean = sanitizeHtml(limited.html, {
    allowedTags,
    allowedAttributes: ALLOWED_ATTRIBUTES,
    allowedSchemes: ALLOWED_SCHEMES,
    allowProtocolRelative: false,
    transformTags: {
      // A link that opens a new tab must not hand the new page control of this one.
      a: (tagName, attribs) => {
        // Jekyll-era `<a name="x">` anchors become `id`, which HTML5 has instead; links to #x keep working.
        const { name, ...rest } = attribs;
        const anchored = name && !rest.id ? { ...rest, id: name } : attribs;
        return { tagName, attribs: anchored.target ? { ...anchored, rel: "noopener noreferrer" } : anchored };
      },
      // Ids and names get `user-content-` (user-content-ids.ts says why), raw HTML's as Markdown's.
      "*": (tagName, attribs) => ({ tagName, attribs: userContentAttributes(attribs, bodyIds) }),
    },
    onOpenTag(name, attribs) {
      if (!allowedTags.includes(name)) removed.add(`<${name}>`);
      const allowed = [...(ALLOWED_ATTRIBUTES["*"] ?? []), ...(ALLOWED_ATTRIBUTES[name] ?? [])];
      for (const [attribute, value] of Object.entries(attribs)) {
        if (!allowed.includes(attribute)) removed.add(`the \`${attribute}\` attribute`);
        else if (
          /^(href|src)$/.test(attribute) &&
          /^\s*[a-z][a-z0-9+.-]*:/i.test(value) &&
          !ALLOWED_SCHEMES.some((s) => value.trim().toLowerCase().startsWith(`${s}:`))
        ) {
          removed.add(`a \`${value.trim().split(":")[0]}:\` link`);
        }
      }
    },
  });
  return { html: clean, removed: [...removed] };
}

/**
 * kramdown's reference links with a space between the brackets,
 * `[Back to jobs page] [jobs]`, which CommonMark would leave as text.
 */
function spacedReferenceLink(state: StateInline, silent: boolean): boolean {
  const { src, posMax: max } = state;
  if (src.charCodeAt(state.pos) !== 0x5b /* [ */ || !state.env.references) return false;
  const labelStart = state.pos + 1;
  const labelEnd = state.md.helpers.parseLinkLabel(state, state.pos, true);
  if (labelEnd < 0) return false;

  let pos = labelEnd + 1;
  const gapStart = pos;
  while (pos < max && (src[pos] === " " || src[pos] === "\t")) pos++;
  if (pos === gapStart || src.charCodeAt(pos) !== 0x5b) return false;

  const refStart = pos + 1;
  const refEnd = state.md.helpers.parseLinkLabel(state, pos, false);
  if (refEnd < 0) return false;
  const label = src.slice(refStart, refEnd) || src.slice(labelStart, labelEnd);
  const reference = state.env.references[state.md.utils.normalizeReference(label)];
  if (!reference) return false;

  if (!silent) {
    state.pos = labelStart;
    state.posMax = labelEnd;
    const open = state.push("link_open", "a", 1);
    open.attrs = [["href", reference.href]];
    if (reference.title) open.attrs.push(["title", reference.title]);
    // linkLevel stops autolinks nesting inside this link; @types/markdown-it omits it.
    const nesting = state as StateInline & { linkLevel: number };
    nesting.linkLevel++;
    state.md.inline.tokenize(state);
    nesting.linkLevel--;
    state.push("link_close", "a", -1);
  }
  state.pos = refEnd + 1;
  state.posMax = max;
  return true;
}
