// A body that opens with the role's title as a heading: Jekyll-era postings
// open with `<h1>Data Engineer <small>London, UK</small></h1>`, others with
// `# Data Engineer`. The page already shows the title, so the heading is taken
// out (the `<small>` kept as location). A first heading that says something
// else stays, as a sub-heading of the page.

const LEADING_H1 = /^\s*<h1\b[^>]*>([\s\S]*?)<\/h1>[ \t]*\r?\n?/i;
const SMALL = /<small\b[^>]*>([\s\S]*?)<\/small>/i;
const BLANK_LINES = /^(?:[ \t]*\r?\n)*/;
const ATX = /^ {0,3}#(?!#)/;
const SETEXT_UNDERLINE = /^ {0,3}=+[ \t]*$/;

export function takeLeadingHeading(markdown: string, title?: string): { markdown: string; location?: string } {
  const html = LEADING_H1.exec(markdown);
  if (html) {
    const small = SMALL.exec(html[1] ?? "");
    const location = small ? plainText(small[1] ?? "") : undefined;
    if (location) return { markdown: markdown.slice(html[0].length), location };
    return sameWords(plainText(html[1] ?? ""), title) ? { markdown: markdown.slice(html[0].length) } : { markdown };
  }
  const heading = leadingMarkdownHeading(markdown);
  return heading && sameWords(heading.text, title) ? { markdown: markdown.slice(heading.end) } : { markdown };
}

/** `# Title`, `#Title`, `# Title #`, `# Title {#top}`, or `Title` underlined with `=`: its text and where it ends. */
function leadingMarkdownHeading(markdown: string): { text: string; end: number } | undefined {
  const start = BLANK_LINES.exec(markdown)?.[0].length ?? 0;
  const [first, firstEnd] = lineAt(markdown, start);
  if (ATX.test(first)) {
    // A kramdown attribute list, `{#top}`, is not part of the title; closing `#` marks are punctuation.
    const brace = first.lastIndexOf("{");
    return { text: first.endsWith("}") && brace > 0 ? first.slice(0, brace) : first, end: firstEnd };
  }
  const [second, secondEnd] = lineAt(markdown, firstEnd);
  return first.trim() && SETEXT_UNDERLINE.test(second) ? { text: first, end: secondEnd } : undefined;
}

/** The line starting at `start` (without its line break) and where the next one starts. */
function lineAt(text: string, start: number): [string, number] {
  const newline = text.indexOf("\n", start);
  const end = newline === -1 ? text.length : newline + 1;
  return [text.slice(start, end).replace(/\r?\n$/, ""), end];
}

/** `Data Engineer`, `**Data engineer**` and `Data-Engineer!` say the same: case and punctuation aside. */
function sameWords(heading: string, title: string | undefined): boolean {
  const words = (text: string) =>
    text
      .normalize("NFKC")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, "");
  return title !== undefined && words(title) !== "" && words(heading) === words(title);
}

function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&amp;/g, "&")
    .replace(/&nbsp;/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}
