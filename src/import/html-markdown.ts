import { parse } from "node-html-parser";
import TurndownService from "turndown";

// HTML becomes Markdown through turndown (the converter most Markdown tools
// use), configured once: `#` headings, `-` lists, fenced code. Tables stay
// HTML, which the body's allowlist keeps and which says more than a Markdown
// table can (merged cells); that is why the GFM plugin, unpublished since
// 2018, is not needed. Page furniture (scripts, forms, navigation) goes.

const service = new TurndownService({
  headingStyle: "atx",
  hr: "---",
  bulletListMarker: "-",
  codeBlockStyle: "fenced",
  emDelimiter: "*",
  strongDelimiter: "**",
});
service.remove(["script", "style", "noscript", "template", "iframe", "object", "embed", "form", "button", "select", "textarea", "nav", "head"]);
service.keep(["table"]);
service.addRule("strikethrough", {
  filter: (node) => ["DEL", "S", "STRIKE"].includes(node.nodeName),
  replacement: (content) => (content.trim() ? `~~${content}~~` : ""),
});
// turndown pads list markers to four columns (`-   item`); people write `- item`.
service.addRule("listItem", {
  filter: "li",
  replacement(content, node) {
    const parent = node.parentNode as HTMLElement | null;
    let prefix = "- ";
    if (parent?.nodeName === "OL") {
      const start = Number(parent.getAttribute("start") ?? "1");
      prefix = `${(Number.isFinite(start) ? start : 1) + Array.prototype.indexOf.call(parent.children, node)}. `;
    }
    const body = content
      .replace(/^\n+/, "")
      .replace(/\n+$/, "\n")
      .replace(/\n(?!$)/g, `\n${" ".repeat(prefix.length)}`);
    return `${prefix}${body.trimEnd()}${node.nextSibling ? "\n" : ""}`;
  },
});

// Characters ads use as bullets inside paragraphs, `• one<br>• two`.
const BULLET_LINE = /^[ \t]*[•·▪◦‣][ \t]*/;

export function htmlToMarkdown(html: string): string {
  const markdown = service
    .turndown(html)
    .replace(/\u00a0/g, " ")
    // Trailing spaces are noise, except the two that make a line break.
    .replace(/[ \t]+$/gm, (spaces) => (spaces === "  " ? spaces : ""))
    .replace(/^[ \t]+$/gm, "");
  const lines = markdown.split("\n");
  const out = lines.map((line, i) => {
    if (BULLET_LINE.test(line)) return line.replace(BULLET_LINE, "- ").trimEnd();
    // A line break right before a bullet is the end of the paragraph the list interrupts.
    return BULLET_LINE.test(lines[i + 1] ?? "") ? line.trimEnd() : line;
  });
  return out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Deeper than any ad is nested; the HTML parsers recurse once per level, and would run out of stack. */
export const MAX_HTML_DEPTH = 500;
const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);
// Closed by the next of their kind when their end tag is left out, so never counted as nesting.
const SELF_ENDING = new Set(["p", "li", "dt", "dd", "option", "tr", "td", "th", "thead", "tbody", "colgroup", "rt", "rp"]);

/** How deeply `html`'s elements nest, counted from its tags in one pass. */
export function htmlDepth(html: string): number {
  let depth = 0;
  let deepest = 0;
  for (const tag of html.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^<>]*?(\/?)>/g)) {
    const name = (tag[2] ?? "").toLowerCase();
    if (VOID.has(name) || SELF_ENDING.has(name) || tag[3]) continue;
    depth = tag[1] ? Math.max(0, depth - 1) : depth + 1;
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

/**
 * Greenhouse sends its descriptions as HTML with the HTML escaped once more
 * (`&lt;p&gt;`): decoded here exactly once. Text that already holds tags is
 * HTML as it is.
 */
export function unescapeHtml(text: string): string {
  if (/<[a-z!/]/i.test(text) || !/&(?:lt|gt|amp|quot|#\d+|#x[\da-f]+);/i.test(text)) return text;
  return parse(text).textContent;
}
