import MarkdownIt from "markdown-it";
import { parse } from "node-html-parser";
import { htmlToMarkdown } from "./html-markdown.ts";

// A Markdown body, kept as written except where it was not Markdown: comment
// banners (`<!-- … -->`, `# ------` lines) go, blocks of HTML become Markdown
// through turndown, and the first level-1 heading is the role's title (the
// page shows the title itself). Blocks are found by markdown-it, the parser
// that renders the page, so what counts as a heading or an HTML block here is
// what counts there; the lines between them are left untouched.

const md = new MarkdownIt({ html: true });
// Only blocks matter here; headings' raw text is enough, so inline parsing is skipped.
md.core.ruler.disable(["inline", "linkify", "replacements", "smartquotes", "text_join"], true);

export interface ReadBody {
  body: string;
  /** The first `# heading` or `<h1>`, when asked to find a title. */
  title?: string;
  /** From a Jekyll-era `<h1>Title <small>London, UK</small></h1>`. */
  location?: string;
}

/** A heading or line made of `#` and punctuation only: a banner, never a title. */
const BANNER_TEXT = /^[^\p{L}\p{N}]*$/u;
const COMMENTS_ONLY = /^\s*(?:<!--[\s\S]*?-->\s*)+$/;

/**
 * `title`: the title the front matter gives, whose repetition as the first
 * heading is dropped; without one, the first heading becomes the title.
 */
export function readMarkdownBody(markdown: string, title?: string): ReadBody {
  const lines = markdown.split("\n");
  const tokens = md.parse(markdown, {});
  const replaced = new Map<number, { end: number; text: string }>();
  const result: ReadBody = { body: "" };
  const replace = (map: [number, number] | null | undefined, text = "") => {
    if (map) replaced.set(map[0], { end: map[1], text });
  };
  const headings = tokens.flatMap((token, i) =>
    token.type === "heading_open" && token.level === 0 && token.map
      ? [{ map: token.map as [number, number], tag: token.tag, text: plain(tokens[i + 1]?.content ?? ""), first: i === 0 }]
      : [],
  );
  const headingAt = new Map(headings.map((heading) => [heading.map[0], heading]));
  // A heading between two banner lines is the banner's caption.
  const banner = (at: number) => BANNER_TEXT.test(headingAt.get(at)?.text ?? "x");
  const isBanner = (h: (typeof headings)[number]) => BANNER_TEXT.test(h.text) || (banner(h.map[0] - 1) && banner(h.map[1]));
  let titleFound = title !== undefined;
  const takeTitle = (text: string): boolean => {
    if (!titleFound && text) {
      result.title = text;
      titleFound = true;
      return true;
    }
    return sameWords(text, title ?? result.title);
  };
  const h1 = headings.find((h) => h.tag === "h1" && !isBanner(h));
  const firstHeading = headings[0]?.first && !isBanner(headings[0]) ? headings[0] : undefined;

  for (const token of tokens) {
    if (token.level !== 0 || !token.map) continue;
    const source = lines.slice(token.map[0], token.map[1]).join("\n");
    if (token.type === "heading_open") {
      const heading = headingAt.get(token.map[0]);
      if (!heading) continue;
      if (isBanner(heading)) replace(heading.map);
      else if (heading === (h1 ?? firstHeading) && takeTitle(heading.text)) replace(heading.map);
    } else if (token.type === "paragraph_open" && source.split("\n").every((line) => /^#/.test(line) && BANNER_TEXT.test(line))) {
      replace(token.map);
    } else if (token.type === "html_block") {
      replace(token.map, COMMENTS_ONLY.test(source) ? "" : htmlBlock(source, h1 === undefined, takeTitle, result));
    }
  }

  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const replacement = replaced.get(i);
    if (!replacement) out.push(lines[i] ?? "");
    else {
      if (replacement.text) out.push("", replacement.text, "");
      i = replacement.end - 1;
    }
  }
  result.body = out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return result;
}

/** An HTML block as Markdown; its `<h1>` is the title when no Markdown heading is, its `<small>` the location. */
function htmlBlock(html: string, mayHoldTitle: boolean, takeTitle: (text: string) => boolean, result: ReadBody): string {
  const root = parse(html);
  const h1 = mayHoldTitle ? root.querySelector("h1") : null;
  if (h1) {
    const small = h1.querySelector("small");
    const location = small?.textContent.replace(/\s+/g, " ").trim();
    if (location) {
      result.location ??= location;
      small?.remove();
    }
    if (takeTitle(plain(h1.textContent))) h1.remove();
    return htmlToMarkdown(root.toString());
  }
  return htmlToMarkdown(html);
}

function plain(text: string): string {
  return text
    .replace(/\s*\{[#:.][^}]*\}\s*$/, "") // kramdown's `{#id}`
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__|\*|`)(\S(?:.*?\S)?)\1/g, "$2")
    .replace(/\s+/g, " ")
    .trim();
}

/** `Data Engineer` and `**Data engineer**` say the same: case and punctuation aside. */
function sameWords(a: string, b: string | undefined): boolean {
  const words = (text: string) =>
    text
      .normalize("NFKC")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, "");
  return b !== undefined && words(a) !== "" && words(a) === words(b);
}
