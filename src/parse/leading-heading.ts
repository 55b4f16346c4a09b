// Jekyll-era postings open with their own title and location in raw HTML:
// `<h1>Data Engineer <small>London, UK</small></h1>`. The page already shows
// the title, so the heading is taken out and its `<small>` kept as location.

const LEADING_H1 = /^\s*<h1\b[^>]*>([\s\S]*?)<\/h1>[ \t]*\r?\n?/i;
const SMALL = /<small\b[^>]*>([\s\S]*?)<\/small>/i;

export function takeLeadingHeading(markdown: string): { markdown: string; location?: string } {
  const match = LEADING_H1.exec(markdown);
  if (!match) return { markdown };
  const small = SMALL.exec(match[1] ?? "");
  const location = small ? plainText(small[1] ?? "") : undefined;
  return { markdown: markdown.slice(match[0].length), ...(location ? { location } : {}) };
}

function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&amp;/g, "&")
    .replace(/&nbsp;/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}
