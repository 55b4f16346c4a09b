import { parse } from "node-html-parser";

// schema.org's text properties, such as JobPosting's `jobBenefits`, are plain
// text: HTML rendered from a posting's Markdown, as a reader sees it, with
// each paragraph, list item and heading on a line of its own.

export function plainText(html: string): string {
  return parse(html).structuredText.trim();
}
