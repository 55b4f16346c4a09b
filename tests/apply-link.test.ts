import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { buildSite, makeSite, posting, readPage } from "./helpers.ts";

// An apply link that copies an application to someone else: a mailto's
// `cc`, `bcc` or `body` would ride along unseen when a candidate clicks Apply.

const APPLY = "mailto:hiring@example.com?cc=boss%40example.com&bcc=spy%40elsewhere.example&body=Dear%20spy&subject=Forklift%20driver";
const forklift = () => posting(`title: Forklift driver\nlocation: Leeds, UK\napply: "${APPLY}"`);

describe("an apply e-mail link, as built", () => {
  it("carries the address and its subject alone, in pages, feeds and jobs.json", () => {
    const out = buildSite(makeSite({ "jobs/forklift-driver.md": forklift() }));
    const links = readPage(out, "/jobs/forklift-driver/").querySelectorAll("a.apply");
    assert.ok(links.length > 0);
    for (const link of links) assert.equal(link.getAttribute("href"), "mailto:hiring@example.com?subject=Forklift%20driver");
    for (const file of ["jobs/forklift-driver/index.html", "jobs.json", "feed.xml", "feed.json"]) {
      assert.doesNotMatch(readFileSync(join(out, file), "utf8"), /\bbcc=|\bcc=|body=|spy/i, file);
    }
  });
});
