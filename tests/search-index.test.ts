import assert from "node:assert/strict";
import { existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { htmlText } from "../src/pipeline/index-search.ts";
import { browserSkip, launchBrowser, type StaticServer, serveStatic } from "./browser-helpers.ts";
import { buildSite, makeSite, posting, runCli, searchIndexPages } from "./helpers.ts";

// The search index is built from the derived roles, not from the written
// pages: what a seeker finds must still be every open role's words, and
// never a redirect, a filter page, a closed role or a draft.

describe("the text a role is indexed with", () => {
  it("keeps words of adjacent blocks apart and decodes entities", () => {
    assert.equal(htmlText("<h2>Pay</h2><p>Fair &amp; open</p><ul><li>one</li><li>two&#x21;</li></ul>"), "Pay Fair & open one two!");
  });
  it("keeps text that merely looks like an entity", () => {
    assert.equal(htmlText("<p>&bogus; &#0; &#x110000;</p>"), "&bogus; &#0; &#x110000;");
  });
});

const skip = browserSkip();

describe("searching a built site", { skip }, () => {
  let browser: Browser;
  let server: StaticServer;
  let page: Page;
  let out: string;

  before(async () => {
    out = buildSite(
      makeSite({
        "jobs/welder.md": posting("title: Welder\nteam: Workshop\nlocation: Leeds, UK\nredirect_from: /old/welder/", "You will join seams on steel frames."),
        "jobs/painter.md": posting("title: Painter\nteam: Finishing\nlocation: Leeds, UK", "You will spray steel frames in our booth."),
        "jobs/gone.md": posting("title: Riveter\nteam: Workshop\nlocation: Leeds, UK\nclosed: true", "Steel rivets, by hand."),
        "jobs/later.md": posting("title: Grinder\nteam: Workshop\nlocation: Leeds, UK\ndraft: true", "Steel burrs, by machine."),
      }),
    );
    server = await serveStatic(out);
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.goto(`${server.origin}/jobs/`);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Pagefind's own search API, as the page loads it; URLs of the results, sorted. */
  const search = (term: string, filters: Record<string, string> = {}) =>
    page.evaluate(
      async ([term, filters, script]) => {
        const pagefind = await import(script);
        const found = await pagefind.search(term, { filters });
        const results = await Promise.all(found.results.map((result: { data(): Promise<{ url: string }> }) => result.data()));
        return results.map((result) => result.url).sort();
      },
      [term, filters, "/pagefind/pagefind.js"] as const,
    );

  it("indexes only the open roles", () => {
    assert.equal(searchIndexPages(join(out, "pagefind")), 2);
  });

  it("finds a word from a role's body, and only open roles", async () => {
    assert.deepEqual(await search("seams"), ["/jobs/welder/"]);
    assert.deepEqual(await search("steel"), ["/jobs/painter/", "/jobs/welder/"]);
    assert.deepEqual(await search("rivets"), []);
    assert.deepEqual(await search("burrs"), []);
  });

  it("narrows a search by team, location and type", async () => {
    assert.deepEqual(await search("steel", { team: "Workshop" }), ["/jobs/welder/"]);
    assert.deepEqual(await search("steel", { team: "Finishing" }), ["/jobs/painter/"]);
    assert.deepEqual(await search("steel", { location: "Leeds, UK" }), ["/jobs/painter/", "/jobs/welder/"]);
  });
});

describe("a search index part kept in the cache", () => {
  const fragments = (folder: string) => readdirSync(join(folder, "fragment")).sort();

  it("is used when whole, and indexed afresh when it has lost a file since", () => {
    const site = makeSite({
      "jobs/welder.md": posting("title: Welder\nteam: Workshop\nlocation: Leeds, UK", "You will join seams on steel frames."),
      "jobs/painter.md": posting("title: Painter\nteam: Finishing\nlocation: Leeds, UK", "You will spray steel frames in our booth."),
    });
    const build = () => {
      const result = runCli(["build", "--site", site]);
      assert.equal(result.code, 0, result.stderr);
      return result.stdout;
    };
    assert.match(build(), /^Search index parts: 1 indexed, 0 unchanged from the cache\.$/m);
    const out = join(site, "_site", "pagefind");
    const written = fragments(out);
    assert.equal(written.length, 2);
    assert.match(build(), /^Search index parts: 0 indexed, 1 unchanged from the cache\.$/m);
    assert.deepEqual(fragments(out), written);
    assert.equal(existsSync(join(out, "openings-part-files.json")), false, "the cache's list of files stays in the cache");

    const [kept] = readdirSync(join(site, ".openings-cache", "search-index"));
    rmSync(join(site, ".openings-cache", "search-index", kept as string, "fragment", written[0] as string));
    assert.match(build(), /^Search index parts: 1 indexed, 0 unchanged from the cache\.$/m, "a part missing a file is not used");
    assert.deepEqual(fragments(out), written);
    assert.equal(searchIndexPages(out), 2);
    assert.match(build(), /^Search index parts: 0 indexed, 1 unchanged from the cache\.$/m, "and it is kept whole again");
  });
});
