import { parse } from "node-html-parser";
import { htmlToMarkdown } from "./html-markdown.ts";
import { jobPostingFacts } from "./job-posting-data.ts";

// A saved web page or pasted HTML: its `<h1>` is the title (else the page's
// `<title>`, without the site name after `|` or `–`), a `<small>` inside it
// the location, and the main content, without page furniture, the body.
// A page an ATS or careers site published usually carries its facts as
// schema.org JobPosting data too; those fill the keys.

export interface ReadHtml {
  title?: string;
  body: string;
  fields: Record<string, unknown>;
}

export function readHtml(html: string): ReadHtml {
  const root = parse(html, { comment: false });
  const fields = jobPostingFacts(root);
  const h1 = root.querySelector("h1");
  const small = h1?.querySelector("small");
  const location = small?.textContent.replace(/\s+/g, " ").trim();
  if (location && fields.location === undefined) fields.location = [location];
  small?.remove();
  const pageTitle = root.querySelector("title")?.textContent.split(/\s[|–—-]\s/)[0];
  const title = [h1?.textContent, fields.title, pageTitle].map((text) => (typeof text === "string" ? text.replace(/\s+/g, " ").trim() : "")).find(Boolean);
  h1?.remove();
  delete fields.title;
  for (const furniture of root.querySelectorAll("header, footer, nav, aside, form, script, style, noscript, template")) furniture.remove();
  const main = root.querySelector("main") ?? root.querySelector("article") ?? root.querySelector("body") ?? root;
  const description = typeof fields.body === "string" ? fields.body : "";
  delete fields.body;
  const body = htmlToMarkdown(main.innerHTML);
  return { ...(title ? { title } : {}), body: body || htmlToMarkdown(description), fields };
}
