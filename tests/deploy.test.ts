import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { crawlSite } from "./crawl.ts";
import { buildSite, makeSite, PROJECT_ROOT, posting, readPage, SITE_YAML } from "./helpers.ts";

// Deploying under a path prefix (GitHub project pages): every link, asset,
// feed, sitemap entry and redirect must carry it.

const exampleSite = (): Record<string, string> => {
  const files: Record<string, string> = {};
  for (const name of ["index.md", "robotics-software-engineer.md", "perception-engineer.md", "field-trials-coordinator.md", "technical-writer.md"]) {
    files[`jobs/${name}`] = readFileSync(join(PROJECT_ROOT, "jobs", name), "utf8");
  }
  // site.yaml names the logo; a copy of the site without it does not build.
  files["brand/logo.svg"] = readFileSync(join(PROJECT_ROOT, "brand/logo.svg"), "utf8");
  return files;
};

describe("a site built under path_prefix /careers/", () => {
  const out = buildSite(makeSite({ "site.yaml": `${SITE_YAML}path_prefix: /careers/\n`, ...exampleSite() }));

  it("crawls clean from the jobs index: no broken link, asset or redirect", async () => {
    const { visited, broken } = await crawlSite(out, "/careers/", "/careers/jobs/");
    assert.deepEqual(broken, []);
    assert.ok(visited.has("/careers/jobs/perception-engineer/"));
    assert.ok(visited.has("/careers/assets/print.css"));
    assert.ok(visited.has("/careers/jobs/team/engineering/"));
  });

  it("puts the prefix on every root-relative link in every page", () => {
    const page = readPage(out, "/jobs/perception-engineer/");
    const links = page.querySelectorAll("[href], [src]").map((el) => el.getAttribute("href") ?? el.getAttribute("src") ?? "");
    const rootRelative = links.filter((link) => link.startsWith("/"));
    assert.ok(rootRelative.length > 5);
    for (const link of rootRelative) assert.match(link, /^\/careers\//, link);
    assert.equal(page.querySelector('link[rel="canonical"]')?.getAttribute("href"), "https://jobs.example.com/careers/jobs/perception-engineer/");
  });

  it("prefixes redirects, the sitemap and the _redirects file", async () => {
    const redirect = readPage(out, "/careers/perception/");
    assert.equal(redirect.querySelector('meta[http-equiv="refresh"]')?.getAttribute("content"), "0; url=/careers/jobs/perception-engineer/");
    assert.match(readFileSync(join(out, "_redirects"), "utf8"), /^\/careers\/careers\/perception\/ \/careers\/jobs\/perception-engineer\/ 301$/m);
    assert.match(readFileSync(join(out, "sitemap.xml"), "utf8"), /<loc>https:\/\/jobs\.example\.com\/careers\/jobs\/perception-engineer\/<\/loc>/);
    const { broken } = await crawlSite(out, "/careers/", "/careers/careers/computer-vision-engineer/");
    assert.deepEqual(broken, []);
  });
});

describe("the example site", () => {
  it("crawls clean, with every page reachable from the index", async () => {
    const out = buildSite(makeSite({ "site.yaml": readFileSync(join(PROJECT_ROOT, "site.yaml"), "utf8"), ...exampleSite() }));
    const { visited, broken } = await crawlSite(out, "/", "/");
    assert.deepEqual(broken, []);
    assert.ok(visited.has("/jobs/field-trials-coordinator/") === false, "closed roles are not linked from the index");
    assert.ok(visited.has("/jobs/technical-writer/"));
  });

  it("makes a closed role reachable at its old address, pointing at open roles", async () => {
    const out = buildSite(
      makeSite({
        "jobs/old.md": posting("title: Old\nlocation: London, UK\nclosed: true\nteam: Ops"),
        "jobs/new.md": posting("title: New\nlocation: London, UK\nteam: Ops"),
      }),
    );
    const { broken, visited } = await crawlSite(out, "/", "/jobs/old/");
    assert.deepEqual(broken, []);
    assert.ok(visited.has("/jobs/new/"));
  });
});
