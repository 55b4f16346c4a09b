import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { buildSite, makeSite, posting, readPage, runCli, SITE_YAML } from "./helpers.ts";

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

describe("an apply e-mail link, as checked", () => {
  const site = makeSite({
    "jobs/forklift-driver.md": forklift(),
    "jobs/packer.md": posting('title: Packer\nlocation: Leeds, UK\napply: "hiring@example.com?BCC=spy@elsewhere.example"'),
  });

  it("keeps one address and its subject, with a warning at the apply line naming what was dropped", () => {
    const { code, stderr } = runCli(["check", "--site", site]);
    assert.equal(code, 0, stderr);
    const lines = stderr.split("\n");
    const line = lines.find((text) => text.includes("forklift-driver.md:4:"));
    assert.match(line ?? "", /warning: apply: `cc`, `bcc`, `body` dropped from the e-mail link, so applications go to `hiring@example.com` alone/);
    assert.match(line ?? "", /write `apply: mailto:hiring@example.com\?subject=Forklift%20driver`/);
    assert.match(lines.find((text) => text.includes("packer.md:4:")) ?? "", /`BCC` dropped/);
  });

  it("builds an address written with a literal second @ in a header, without it", () => {
    const out = buildSite(site);
    assert.equal(readPage(out, "/jobs/packer/").querySelector("a.apply")?.getAttribute("href"), "mailto:hiring@example.com?subject=Application%3A%20Packer");
    assert.doesNotMatch(readFileSync(join(out, "jobs/packer/index.html"), "utf8"), /spy/);
  });

  it("is an error when it hides a second address behind percent-encoding", () => {
    const { code, stderr } = runCli([
      "check",
      "--site",
      makeSite({ "jobs/x.md": posting('title: X\nlocation: Leeds, UK\napply: "hiring@example.com%2Cspy%40elsewhere.example"') }),
    ]);
    assert.equal(code, 1);
    assert.match(stderr, /x\.md:4:\d+: error: apply: expected a web address/);
  });

  it("is cleaned in site.yaml too", () => {
    const site = makeSite({
      "site.yaml": SITE_YAML.replace("apply: jobs@example.com", 'apply: "mailto:jobs@example.com?bcc=spy%40elsewhere.example"'),
      "jobs/x.md": posting("title: X\nlocation: Leeds, UK"),
    });
    const { stderr } = runCli(["check", "--site", site]);
    assert.match(stderr, /site\.yaml:3:\d+: warning: apply: `bcc` dropped/);
    const out = buildSite(site);
    assert.equal(readPage(out, "/jobs/x/").querySelector("a.apply")?.getAttribute("href"), "mailto:jobs@example.com?subject=Application%3A%20X");
  });
});
