import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

// The peers' input folders, written from the same generated postings as the
// Openings site: plain Eleventy with its defaults, and Hugo. Each writes a
// page per posting at the posting's own address; see docs/performance.md.

/** Rewrites the front matter of a generated posting line by line; `undefined` drops the line. */
function rewriteFrontMatter(text: string, rewrite: (line: string) => string | undefined): string {
  const end = text.indexOf("\n---\n", 4);
  const lines = text
    .slice(4, end)
    .split("\n")
    .flatMap((line) => rewrite(line) ?? []);
  return `---\n${lines.join("\n")}${text.slice(end)}`;
}

const postingFiles = (siteDir: string) => readdirSync(join(siteDir, "jobs")).filter((name) => name.endsWith(".md") && name !== "index.md");

const HTML_PAGE = (title: string, content: string) =>
  `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>${title}</title></head>\n<body>\n<main>\n<h1>${title}</h1>\n${content}\n</main>\n</body>\n</html>\n`;

/**
 * Plain Eleventy: the postings as Eleventy input, one trivial Nunjucks layout
 * (from the directory data file jobs/jobs.json) and an index of
 * collections.all; no config file, so Eleventy's defaults otherwise.
 */
export function writeEleventySite(siteDir: string, dir: string): void {
  mkdirSync(join(dir, "jobs"), { recursive: true });
  mkdirSync(join(dir, "_includes"), { recursive: true });
  for (const name of postingFiles(siteDir)) {
    // Front matter outranks directory data, and computed data may not set `layout`: the
    // Jekyll-era `layout: page` would make Eleventy look for _includes/page and fail.
    const text = rewriteFrontMatter(readFileSync(join(siteDir, "jobs", name), "utf8"), (line) => (line.startsWith("layout:") ? undefined : line));
    writeFileSync(join(dir, "jobs", name), text);
  }
  writeFileSync(join(dir, "jobs", "jobs.json"), `${JSON.stringify({ layout: "base.njk" })}\n`);
  writeFileSync(join(dir, "_includes", "base.njk"), HTML_PAGE("{{ title }}", "{{ content | safe }}"));
  const list = '<ul>\n{%- for item in collections.all %}\n<li><a href="{{ item.url }}">{{ item.data.title }}</a></li>\n{%- endfor %}\n</ul>';
  writeFileSync(join(dir, "index.njk"), HTML_PAGE("Jobs", list));
}

/** Whether `hugo` is on the PATH, and which version. */
export function hugoVersion(): string | undefined {
  const probe = spawnSync("hugo", ["version"], { encoding: "utf8" });
  return probe.status === 0 ? probe.stdout.trim().split(" ")[1] : undefined;
}

/**
 * Hugo: an index and one page per posting, inline HTML kept (goldmark's
 * `unsafe`). Openings' keys Hugo has its own names for are renamed, so pages
 * and redirects land where Openings puts them: `permalink` → `url`,
 * `redirect_from` → `aliases` (Hugo writes a redirect page for each). Every
 * other key is left for Hugo to ignore.
 */
export function writeHugoSite(siteDir: string, dir: string): void {
  mkdirSync(join(dir, "content", "jobs"), { recursive: true });
  mkdirSync(join(dir, "layouts", "_default"), { recursive: true });
  const url = /^url: *(\S+)/m.exec(readFileSync(join(siteDir, "site.yaml"), "utf8"))?.[1] ?? "https://example.org";
  // Tags and categories would be empty list pages; the jobs section's list would repeat the index.
  writeFileSync(
    join(dir, "config.toml"),
    `baseURL = "${url}/"\nlanguageCode = "en"\ntitle = "Jobs"\ndisableKinds = ["taxonomy", "term", "section"]\n\n[markup.goldmark.renderer]\nunsafe = true\n`,
  );
  writeFileSync(join(dir, "content", "_index.md"), readFileSync(join(siteDir, "jobs", "index.md")));
  for (const name of postingFiles(siteDir)) {
    const text = rewriteFrontMatter(readFileSync(join(siteDir, "jobs", name), "utf8"), (line) =>
      // `layout: page` would ask for a layout this site does not have.
      line.startsWith("layout:")
        ? undefined
        : line
            .replace(/^permalink:/, "url:")
            .replace(/^redirect_from: (\S.*)$/, "aliases: [$1]")
            .replace(/^redirect_from:$/, "aliases:"),
    );
    writeFileSync(join(dir, "content", "jobs", name), text);
  }
  writeFileSync(join(dir, "layouts", "_default", "single.html"), HTML_PAGE("{{ .Title }}", "{{ .Content }}"));
  const list = '<ul>\n{{- range .Site.RegularPages }}\n<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>\n{{- end }}\n</ul>';
  writeFileSync(join(dir, "layouts", "index.html"), HTML_PAGE("Jobs", `{{ .Content }}\n${list}`));
}
