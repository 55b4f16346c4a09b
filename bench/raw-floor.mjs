// The raw floor: about the least work any generator must do for these
// postings, in one plain Node process. Read every posting, parse its front
// matter with gray-matter (Eleventy's own copy), render the body with
// markdown-it, fill one template string and write one page per posting plus
// an index. No validation, no sanitising, no layouts.
//
//   node bench/raw-floor.mjs SITE_DIR OUT_DIR

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const projectRoot = join(import.meta.dirname, "..");
// Eleventy depends on gray-matter under an npm alias (@11ty/gray-matter); resolving from Eleventy finds it wherever npm put it.
const matter = createRequire(join(projectRoot, "node_modules/@11ty/eleventy/package.json"))("gray-matter");
const MarkdownIt = createRequire(join(projectRoot, "package.json"))("markdown-it");

const escapeHtml = (text) => String(text ?? "").replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

const page = (title, description, content) =>
  `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(title)}</title>\n<meta name="description" content="${escapeHtml(description)}">\n</head>\n<body>\n<main>\n<h1>${escapeHtml(title)}</h1>\n${content}\n</main>\n</body>\n</html>\n`;

const [siteDir, outDir] = process.argv.slice(2);
if (!siteDir || !outDir) {
  console.error("usage: node bench/raw-floor.mjs SITE_DIR OUT_DIR");
  process.exit(2);
}
const md = new MarkdownIt({ html: true });
const index = [];
for (const name of readdirSync(join(siteDir, "jobs")).sort()) {
  if (!name.endsWith(".md") || name === "index.md") continue;
  const { data, content } = matter(readFileSync(join(siteDir, "jobs", name), "utf8"));
  const url = typeof data.permalink === "string" ? data.permalink : `/jobs/${name.slice(0, -3)}/`;
  mkdirSync(join(outDir, url), { recursive: true });
  writeFileSync(join(outDir, url, "index.html"), page(data.title, data.description, md.render(content)));
  index.push(`<li><a href="${escapeHtml(url)}">${escapeHtml(data.title)}</a></li>`);
}
writeFileSync(join(outDir, "index.html"), page("Jobs", "", `<ul>\n${index.join("\n")}\n</ul>`));
console.log(`raw floor: wrote ${index.length + 1} pages into ${outDir}`);
