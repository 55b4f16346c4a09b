import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import type { Role } from "../src/model.ts";
import { searchShardCount, searchShards } from "../src/plan/search-shards.ts";
import { browserSkip, eventually, launchBrowser, type StaticServer, serveStatic } from "./browser-helpers.ts";
import { makeSite, posting, runCli, SITE_YAML, searchIndexPages } from "./helpers.ts";

// A large site's search index is written in parts, each kept in the cache
// and merged by the page's script. A seeker must find every role, whichever
// part holds it, with the filters working across parts; an edit re-indexes
// only the part its role is in.

describe("how roles are split into search index parts", () => {
  it("keeps up to a thousand roles in one part, and doubles the parts past that", () => {
    assert.deepEqual([0, 1, 1000, 1001, 2000, 2001, 10_000].map(searchShardCount), [1, 1, 1, 2, 2, 4, 16]);
  });
  it("puts a role in the same part whatever other roles the site has", () => {
    const roles = Array.from({ length: 3000 }, (_, i) => ({ url: `/jobs/r${i}/` }) as Role);
    const partOf = (list: Role[]) => new Map(searchShards(list).flatMap((shard) => shard.roles.map((role) => [role.url, shard.folder])));
    const all = partOf(roles);
    const fewer = partOf(roles.slice(500));
    for (const [url, folder] of fewer) assert.equal(folder, all.get(url), url);
    const sizes = searchShards(roles).map((shard) => shard.roles.length);
    assert.equal(sizes.length, 4);
    assert.ok(Math.min(...sizes) > 600 && Math.max(...sizes) < 900, `parts of about 750 roles: ${sizes}`);
  });
});

const skip = browserSkip();
const ROLES = 1030;
/**
 * A word no other role has, nor one close to it: Pagefind matches the start
 * of words and forgives typos, so the words are ten letters drawn at random.
 */
const wordOf = (i: number) =>
  createHash("sha256")
    .update(String(i))
    .digest("hex")
    .slice(0, 10)
    .replace(/./g, (digit) => String.fromCharCode(97 + Number.parseInt(digit, 16)));
const roleFile = (i: number, word: string) =>
  posting(
    `title: Surveyor ${i}\nteam: ${i % 2 ? "Harbour" : "Orchard"}\nlocation: Bristol, UK`,
    `Carry the lantern to the ${word} site.${i % 5 ? "" : " Some days at the quayside."}`,
  );

describe("searching a site whose index comes in parts", { skip }, () => {
  let siteDir: string;
  let out: string;
  let browser: Browser;
  let server: StaticServer;
  let page: Page;
  let firstBuild: string;

  before(async () => {
    const files: Record<string, string> = { "site.yaml": `${SITE_YAML}share_images: false\n` };
    for (let i = 0; i < ROLES; i++) files[`jobs/surveyor-${i}.md`] = roleFile(i, wordOf(i));
    siteDir = makeSite(files);
    const built = runCli(["build", "--site", siteDir]);
    assert.equal(built.code, 0, built.stderr);
    firstBuild = built.stdout;
    out = join(siteDir, "_site");
    server = await serveStatic(out);
    browser = await launchBrowser();
    page = await browser.newPage();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const pageCount = (folder: string) => searchIndexPages(join(out, folder));

  /** Searches with the page's own search box, as a seeker does; the titles of the cards left showing. */
  const searchFor = async (term: string, expected: string[]) => {
    await page.goto(`${server.origin}/jobs/?q=${encodeURIComponent(term)}`);
    const shown = await eventually(
      async () => (await page.locator(".role-card > a").filter({ visible: true }).allInnerTexts()).map((title) => title.trim()),
      (titles) => JSON.stringify(titles) === JSON.stringify(expected),
      15000, // The first search loads Pagefind and every part's metadata.
    );
    assert.deepEqual(shown, expected, `searching for ${term}`);
  };

  it("writes two parts, the second without Pagefind's own scripts", () => {
    assert.match(firstBuild, /Search index parts: 2 indexed, 0 unchanged from the cache\./);
    assert.equal(pageCount("pagefind") + pageCount("pagefind/part-1"), ROLES);
    assert.ok(pageCount("pagefind") < ROLES && pageCount("pagefind/part-1") < ROLES, "each part holds some of the roles");
    assert.ok(existsSync(join(out, "pagefind", "pagefind.js")));
    assert.deepEqual(
      readdirSync(join(out, "pagefind", "part-1")).filter((name) => /\.(js|css)$|^wasm\./.test(name)),
      [],
    );
  });

  it("finds a role by a word of its own, whichever part holds it", async () => {
    const inPart = (folder: string) =>
      searchShards(Array.from({ length: ROLES }, (_, i) => ({ url: `/jobs/surveyor-${i}/` }) as Role))
        .find((shard) => shard.folder === folder)
        ?.roles.slice(0, 2)
        .map((role) => Number(role.url.match(/\d+/)?.[0])) ?? [];
    const picks = [...inPart("pagefind/"), ...inPart("pagefind/part-1/")];
    assert.equal(picks.length, 4);
    for (const i of picks) await searchFor(wordOf(i), [`Surveyor ${i}`]);
  });

  it("narrows a search across the parts by team", async () => {
    // Every fifth role mentions the quayside; Harbour has the odd ones: 5, 15, … 1025.
    const expected = `${Array.from({ length: ROLES }, (_, i) => i).filter((i) => i % 10 === 5).length} open roles`;
    await page.goto(`${server.origin}/jobs/?q=quayside&team=harbour`);
    const count = await eventually(
      async () => (await page.locator("#open-roles").textContent())?.trim(),
      (text) => text === expected,
      15000,
    );
    assert.equal(count, expected);
  });

  it("re-indexes only the part whose role was edited", async () => {
    writeFileSync(join(siteDir, "jobs", "surveyor-7.md"), roleFile(7, "zqrenamed"));
    const rebuilt = runCli(["build", "--site", siteDir]);
    assert.equal(rebuilt.code, 0, rebuilt.stderr);
    assert.match(rebuilt.stdout, /Search index parts: 1 indexed, 1 unchanged from the cache\./);
    await searchFor("zqrenamed", ["Surveyor 7"]);
    await searchFor(wordOf(7), []);
    await searchFor(wordOf(8), ["Surveyor 8"]);
  });
});
