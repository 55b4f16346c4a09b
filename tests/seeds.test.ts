import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { crawlSite } from "./crawl.ts";
import { buildSite, builtFileFor, makeSite, PROJECT_ROOT, readPage, SITE_YAML, text } from "./helpers.ts";

// Real Jekyll-era careers pages, kept outside the project (../shared/seeds).
// A user's clone has none, so the test says it skipped and why.
const SEEDS_DIR = join(PROJECT_ROOT, "..", "shared", "seeds");
const seeds = existsSync(SEEDS_DIR)
  ? readdirSync(SEEDS_DIR)
      .sort()
      .map((name) => ({ name, text: readFileSync(join(SEEDS_DIR, name), "utf8") }))
      .filter((seed) => seed.text.startsWith("---"))
  : [];
const skip = seeds.length === 0 ? `no seeds with front matter in ${SEEDS_DIR}` : false;
if (skip) console.log(`# skipping the Jekyll-era seed tests: ${skip}`);

// A posting names its address or opens with its own <h1>; the other seed is the careers landing page.
const isPosting = (seed: { text: string }) => /^permalink:/m.test(seed.text) || /^---[\s\S]*?---\s*<h1>/.test(seed.text);
const postingSeeds = seeds.filter(isPosting);
const landingSeeds = seeds.filter((seed) => !isPosting(seed));
const stem = (name: string) => name.replace(/\.[^.]+$/, "");

function expectedAddress(seed: { name: string; text: string }, jobsPath: string): string {
  return /^permalink:\s*(\S+)/m.exec(seed.text)?.[1] ?? `${jobsPath}${stem(seed.name).replace(/_/g, "-")}/`;
}

describe("Jekyll-era seed postings copied into jobs/", { skip }, () => {
  it("has postings to try", () => assert.ok(postingSeeds.length > 0));
  const out = skip ? "" : buildSite(makeSite(Object.fromEntries(postingSeeds.map((seed) => [`jobs/${stem(seed.name)}.md`, seed.text]))));

  for (const seed of postingSeeds) {
    it(`${seed.name} builds into a page at its permalink, showing its location, with a working back link`, () => {
      const address = expectedAddress(seed, "/jobs/");
      const page = readPage(out, address);
      const small = /<small>([^<]+)<\/small>/.exec(seed.text)?.[1] ?? "";
      assert.ok(small, "the seed names a location in <small>");
      const location = text(
        page
          .querySelectorAll(".facts div")
          .find((d) => text(d.querySelector("dt")) === "Location")
          ?.querySelector("dd"),
      );
      for (const place of small.split(/\s+or\s+/)) assert.match(location, new RegExp(place.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
      assert.equal(page.querySelectorAll("h1").length, 1, "the title shows once");
      const back = page.querySelectorAll("a").find((a) => text(a) === "Back to jobs page");
      assert.ok(back, "the spaced reference link became a link");
      const target = builtFileFor(out, back.getAttribute("href") ?? "");
      assert.ok(target, `${back.getAttribute("href")} exists in the built site`);
    });
  }
});

describe("a whole Jekyll-era careers section moved in", { skip }, () => {
  it("builds the landing page at jobs_path with its redirect, and every posting under it; the site crawls clean", async () => {
    const files: Record<string, string> = { "site.yaml": `${SITE_YAML}jobs_path: /about/jobs/\n` };
    for (const seed of landingSeeds.slice(0, 1)) files["jobs/index.md"] = seed.text;
    for (const seed of postingSeeds) files[`jobs/${stem(seed.name)}.md`] = seed.text;
    const out = buildSite(makeSite(files));
    for (const seed of postingSeeds) {
      const page = readPage(out, expectedAddress(seed, "/about/jobs/"));
      const back = page.querySelectorAll("a").find((a) => text(a) === "Back to jobs page");
      assert.ok(back && builtFileFor(out, back.getAttribute("href") ?? ""), `${seed.name}: back link works`);
    }
    const index = readPage(out, "/about/jobs/");
    assert.equal(index.querySelectorAll(".role-card").length, postingSeeds.length);
    const starts = ["/about/jobs/", "/about/jobs.html", "/"];
    for (const landing of landingSeeds.slice(0, 1)) {
      const from = /^redirect_from:\s*\n\s*-\s*(\S+)/m.exec(landing.text)?.[1];
      assert.ok(from, "the landing seed has a redirect_from");
      assert.equal(readPage(out, from).querySelector("a")?.getAttribute("href"), "/about/jobs/");
      starts.push(from);
    }
    for (const start of starts) {
      const { broken } = await crawlSite(out, "/", start);
      assert.deepEqual(broken, [], `crawling from ${start}`);
    }
  });
});
