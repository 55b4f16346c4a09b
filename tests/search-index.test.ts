import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { htmlText } from "../src/pipeline/index-search.ts";
import { browserSkip, launchBrowser, type StaticServer, serveStatic } from "./browser-helpers.ts";
import { buildSite, makeSite, posting, searchIndexPages } from "./helpers.ts";

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
