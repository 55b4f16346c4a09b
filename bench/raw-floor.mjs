// The raw floor: the least work any generator must do for these postings, in
// one plain Node process (no tsx, no Eleventy). Read every posting, parse its
// front matter with gray-matter (Eleventy's own copy), render the body with the
// project's markdown-it, fill one template string and write one page per
// posting plus an index. No validation, no sanitising, no layouts.
//
//   node bench/raw-floor.mjs SITE_DIR OUT_DIR

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** gray-matter as npm installed it: Eleventy depends on it under an alias of @11ty/gray-matter. */
function loadGrayMatter() {
  const from = [join(projectRoot, "node_modules/@11ty/eleventy/package.json"), join(projectRoot, "package.json")];
  for (const base of from) {
    const require = createRequire(base);
    for (const name of ["gray-matter", "@11ty/gray-matter"]) {
      try {
        return require(name);
      } catch {
        // try the next place
      }
    }
  }
  throw new Error("raw-floor: no gray-matter found; look with `find node_modules -name package.json -path '*gray-matter*'`");
}

const escapeHtml = (text) => String(text ?? "").replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

const page = (title, description, content) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<meta name="description" content="${escapeHtml(description)}">
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${content}
</main>
</body>
</html>
`;

function main([siteDir, outDir]) {
  if (!siteDir || !outDir) {
    console.error("usage: node bench/raw-floor.mjs SITE_DIR OUT_DIR");
    return 2;
  }
  const matter = loadGrayMatter();
  const MarkdownIt = createRequire(join(projectRoot, "package.json"))("markdown-it");
  const md = new MarkdownIt({ html: true });
  const jobsDir = join(siteDir, "jobs");
  const index = [];
  for (const name of readdirSync(jobsDir).sort()) {
    if (!name.endsWith(".md") || name === "index.md") continue;
    const { data, content } = matter(readFileSync(join(jobsDir, name), "utf8"));
    const url = typeof data.permalink === "string" ? data.permalink : `/jobs/${name.slice(0, -3)}/`;
    const dir = join(outDir, url);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "index.html"), page(data.title, data.description, md.render(content)));
    index.push(`<li><a href="${escapeHtml(url)}">${escapeHtml(data.title)}</a></li>`);
  }
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, "index.html"), page("Jobs", "", `<ul>\n${index.join("\n")}\n</ul>`));
  console.log(`raw floor: wrote ${index.length + 1} pages into ${outDir}`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
