import { readFileSync } from "node:fs";
import { type HTMLElement, type Node, NodeType, parse } from "node-html-parser";
import { repairMojibake } from "../read/repair-encoding.ts";
import { todayInUtc } from "../schema/calendar-date.ts";
import type { Skeleton } from "./write-posting.ts";

// `npm run import -- FILE`: a plain-text ad or an HTML page becomes a posting
// skeleton — title, sections and lists as Markdown, and whatever front matter
// could be inferred; write-posting.ts marks the rest TODO.

export function importPosting(path: string, today = todayInUtc()): Skeleton {
  const raw = repairMojibake(readFileSync(path, "utf8").replace(/^\uFEFF/, ""));
  const isHtml = /^\s*</.test(raw) || /<(html|body|h1|p|ul|div)\b/i.test(raw);
  const { title, body } = isHtml ? htmlToMarkdown(raw) : textToMarkdown(raw);
  const plain = body.replace(/[#*_[\]()]/g, " ");
  return { title: title || "Untitled role", ...inferFacts(plain), date_posted: today, body };
}

/** First line is the title; short lines ending in ":" are headings; runs of one-line blocks are lists. */
function textToMarkdown(text: string): { title: string; body: string } {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const title = (lines.shift() ?? "").trim();
  // Blocks are separated by blank lines; a block's lines are one paragraph.
  const blocks = lines
    .join("\n")
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean);
  const out: string[] = [];
  let listItems: string[] = [];
  const flushList = () => {
    if (listItems.length) out.push(listItems.map((item) => `- ${item.replace(/^[-*•]\s*/, "")}`).join("\n"));
    listItems = [];
  };
  for (const block of blocks) {
    const blockLines = block.split("\n").map((line) => line.trim());
    for (const line of blockLines) {
      const heading = isHeading(line);
      if (heading) {
        flushList();
        out.push(`## ${heading}`);
      } else if (blockLines.length === 1 || /^[-*•]\s/.test(line)) {
        listItems.push(line);
      } else {
        flushList();
        out.push(line);
      }
    }
  }
  flushList();
  // A "list" of one item is just a paragraph.
  return { title, body: out.map((part) => (/^- [^\n]*$/.test(part) ? part.slice(2) : part)).join("\n\n") };
}

function isHeading(line: string): string | undefined {
  if (line.length > 70 || line.length < 3) return undefined;
  if (line.endsWith(":")) return line.slice(0, -1).trim();
  if (/^[A-Z0-9 '’&,-]+$/.test(line) && /[A-Z]{3}/.test(line)) return line.charAt(0) + line.slice(1).toLowerCase();
  return undefined;
}

function htmlToMarkdown(html: string): { title: string; body: string } {
  const root = parse(html, { blockTextElements: { script: false, style: false, noscript: false } });
  const h1 = root.querySelector("h1");
  const title = (h1?.textContent ?? root.querySelector("title")?.textContent ?? "").trim();
  h1?.remove();
  const main = root.querySelector("main, article, body") ?? root;
  return {
    title,
    body: blocksOf(main)
      .join("\n\n")
      .replace(/\n{3,}/g, "\n\n")
      .trim(),
  };
}

function blocksOf(element: HTMLElement): string[] {
  const blocks: string[] = [];
  for (const node of element.childNodes) {
    if (node.nodeType === NodeType.TEXT_NODE) {
      const text = node.textContent.trim();
      if (text) blocks.push(text);
      continue;
    }
    if (node.nodeType !== NodeType.ELEMENT_NODE) continue;
    const el = node as HTMLElement;
    const tag = el.tagName.toLowerCase();
    if (/^h[1-6]$/.test(tag)) blocks.push(`## ${inline(el)}`);
    else if (tag === "p") blocks.push(inline(el));
    else if (tag === "ul" || tag === "ol")
      blocks.push(
        el
          .querySelectorAll("li")
          .map((li, i) => `${tag === "ol" ? `${i + 1}.` : "-"} ${inline(li)}`)
          .join("\n"),
      );
    else if (!["nav", "header", "footer", "form", "script", "style"].includes(tag)) blocks.push(...blocksOf(el));
  }
  return blocks.filter(Boolean);
}

function inline(element: HTMLElement): string {
  const parts = element.childNodes.map((node: Node): string => {
    if (node.nodeType === NodeType.TEXT_NODE) return node.textContent.replace(/\s+/g, " ");
    if (node.nodeType !== NodeType.ELEMENT_NODE) return "";
    const el = node as HTMLElement;
    const tag = el.tagName.toLowerCase();
    const text = inline(el);
    if (tag === "a" && /^(https?:|mailto:)/.test(el.getAttribute("href") ?? "")) return `[${text}](${el.getAttribute("href")})`;
    if (tag === "strong" || tag === "b") return `**${text.trim()}**`;
    if (tag === "em" || tag === "i") return `*${text.trim()}*`;
    if (tag === "br") return "\n";
    return text;
  });
  return parts.join("").trim();
}

function inferFacts(text: string): Pick<Skeleton, "location" | "remote" | "employment_type" | "apply"> {
  const email = /[\w.+-]+@[\w-]+(\.[\w-]+)+/.exec(text)?.[0];
  const url = /https?:\/\/\S*(apply|jobs|careers)\S*/i.exec(text)?.[0];
  const type = /\b(full[- ]time|part[- ]time|internship|contract|temporary|freelance)\b/i.exec(text)?.[1];
  const based = /\bLocation:\s*([^\n]+)|\bbased in ([A-Z][\w .,-]+?)(?:[.;\n]|$)|\b([A-Z][a-z]+)-based\b/.exec(text);
  const place = based ? (based[1] ?? based[2] ?? based[3])?.trim() : undefined;
  return {
    ...(place ? { location: [place] } : {}),
    ...(/\bremote\b/i.test(text) && /\b(fully|100%|work from anywhere|remote[- ]first)\b/i.test(text) ? { remote: true } : {}),
    ...(type ? { employment_type: type.toLowerCase() } : {}),
    ...((url ?? email) ? { apply: url ?? email } : {}),
  };
}
