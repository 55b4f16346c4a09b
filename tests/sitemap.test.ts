import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, renameSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { parse } from "node-html-parser";
import { loadSite } from "../src/pipeline/load-site.ts";
import { sitemapEntries } from "../src/plan/sitemap.ts";
import { makeSite, posting, runCli, text } from "./helpers.ts";

// sitemap.xml's lastmod is when each posting last changed: its last commit,
// or, for a file not committed yet, the time it was saved. A role that closed
// (by hand or by its date) stays listed for 30 days, with the moment it
// closed, so crawlers come back and see it go; then it leaves.

const TODAY = "2027-03-01";
const BODY = "We restore old canal boats and need more hands.";

/** Runs git in `dir` with fixed dates and an identity of its own. */
function git(dir: string, args: string[], when?: string) {
  const env = { ...process.env, GIT_AUTHOR_DATE: when ?? "", GIT_COMMITTER_DATE: when ?? "", GIT_CONFIG_NOSYSTEM: "1", HOME: dir };
  const result = spawnSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", ...args], {
    cwd: dir,
    env,
    encoding: "utf8",
  });
  assert.equal(result.status, 0, result.stderr);
}

/** A site in a git repository with a history of commits; `new.md` is saved but never committed. */
function siteWithHistory(): string {
  const dir = makeSite({
    // Asia/Tokyo: a `valid_through` day ends at 14:59:59 UTC.
    "site.yaml": "name: Canal Works\nurl: https://jobs.canal.example\napply: crew@canal.example\ntimezone: Asia/Tokyo\n",
    "jobs/open.md": posting("title: Boat painter\nlocation: Leeds, UK\ndate_posted: 2027-01-10", BODY),
    "jobs/edited.md": posting("title: Welder\nlocation: Leeds, UK\ndate_posted: 2027-01-10", BODY),
    "jobs/closed-recently.md": posting("title: Rope maker\nlocation: Leeds, UK\ndate_posted: 2027-01-10", BODY),
    "jobs/closed-long-ago.md": posting("title: Lock keeper\nlocation: Leeds, UK\ndate_posted: 2027-01-10", BODY),
    "jobs/expired-recently.md": posting("title: Carpenter\nlocation: Leeds, UK\ndate_posted: 2027-01-10\nvalid_through: 2027-02-20", BODY),
    "jobs/expired-long-ago.md": posting("title: Towpath warden\nlocation: Leeds, UK\ndate_posted: 2027-01-10\nvalid_through: 2027-01-15", BODY),
    "jobs/draft.md": posting("title: Engine fitter\nlocation: Leeds, UK\ndraft: true", BODY),
    "jobs/old-name.md": posting("title: Deckhand\nlocation: Leeds, UK\ndate_posted: 2027-01-10", BODY),
    // No date_posted: dated by its first commit. Its name is not ASCII, which git quotes unless told not to.
    "jobs/café-cook.md": posting("title: Galley cook\nlocation: Leeds, UK", BODY),
  });
  git(dir, ["init", "-q"]);
  git(dir, ["add", "."]);
  git(dir, ["commit", "-q", "-m", "First roles"], "2027-01-10T09:00:00Z");
  writeFileSync(join(dir, "jobs/edited.md"), posting("title: Welder (steel and brass)\nlocation: Leeds, UK\ndate_posted: 2027-01-10", BODY));
  writeFileSync(join(dir, "jobs/closed-long-ago.md"), posting("title: Lock keeper\nlocation: Leeds, UK\ndate_posted: 2027-01-10\nclosed: true", BODY));
  renameSync(join(dir, "jobs/old-name.md"), join(dir, "jobs/renamed.md"));
  git(dir, ["add", "-A"]);
  git(dir, ["commit", "-q", "-m", "Edits"], "2027-01-20T12:30:00Z");
  writeFileSync(join(dir, "jobs/closed-recently.md"), posting("title: Rope maker\nlocation: Leeds, UK\ndate_posted: 2027-01-10\nclosed: true", BODY));
  git(dir, ["commit", "-q", "-a", "-m", "Rope maker filled"], "2027-02-25T08:00:00Z");
  // Saved, not committed: its own time stands.
  writeFileSync(join(dir, "jobs/new.md"), posting("title: Sign writer\nlocation: Leeds, UK\ndate_posted: 2027-02-27", BODY));
  const saved = new Date("2027-02-27T10:11:12Z");
  utimesSync(join(dir, "jobs/new.md"), saved, saved);
  return dir;
}

const base = "https://jobs.canal.example/jobs";

describe("sitemap.xml from a site's git history", () => {
  const dir = siteWithHistory();

  it("gives each role its last change and keeps roles closed in the last 30 days, at the moment they closed", async () => {
    const { site, problems } = await loadSite({ siteDir: dir, includeDrafts: false, today: TODAY, workers: 0 });
    assert.ok(site, JSON.stringify(problems));
    assert.deepEqual(sitemapEntries(site, TODAY), [
      { loc: `${base}/`, lastmod: "2027-02-27T10:11:12Z" },
      { loc: `${base}/cafe-cook/`, lastmod: "2027-01-10T09:00:00Z" },
      { loc: `${base}/closed-recently/`, lastmod: "2027-02-25T08:00:00Z" },
      { loc: `${base}/edited/`, lastmod: "2027-01-20T12:30:00Z" },
      { loc: `${base}/expired-recently/`, lastmod: "2027-02-20T14:59:59Z" },
      { loc: `${base}/new/`, lastmod: "2027-02-27T10:11:12Z" },
      { loc: `${base}/open/`, lastmod: "2027-01-10T09:00:00Z" },
      { loc: `${base}/renamed/`, lastmod: "2027-01-20T12:30:00Z" },
    ]);
    // The undated posting is dated by its first commit, found under its own (non-ASCII) name.
    assert.equal(site.roles.find((role) => role.file === "jobs/café-cook.md")?.datePosted, "2027-01-10");
  });

  it("keeps a closed role through the 30th day after the day it closed, then drops it", async () => {
    const { site } = await loadSite({ siteDir: dir, includeDrafts: false, today: "2027-03-28", workers: 0 });
    assert.ok(site);
    const listed = (today: string) => sitemapEntries(site, today).map((entry) => entry.loc);
    // Closed on 25 February (at 08:00 UTC): listed through 27 March, gone from 28 March.
    assert.ok(listed("2027-03-27").includes(`${base}/closed-recently/`));
    assert.ok(!listed("2027-03-28").includes(`${base}/closed-recently/`));
  });

  it("is written as sitemaps.org XML, the index first", () => {
    const out = join(mkdtempSync(join(tmpdir(), "openings-sitemap-")), "site");
    const result = runCli(["build", "--site", dir, "--out", out, "--no-search"]);
    assert.equal(result.code, 0, result.stderr);
    const urls = parse(readFileSync(join(out, "sitemap.xml"), "utf8"), { lowerCaseTagName: false })
      .querySelectorAll("urlset > url")
      .map((url) => ({ loc: text(url.querySelector("loc")), lastmod: text(url.querySelector("lastmod")) }));
    assert.equal(urls[0]?.loc, `${base}/`);
    assert.deepEqual(
      urls.find((url) => url.loc === `${base}/open/`),
      { loc: `${base}/open/`, lastmod: "2027-01-10T09:00:00Z" },
    );
    for (const { lastmod } of urls) assert.match(lastmod, /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}Z)?$/);
  });

  it("asks git once for every posting, not once per posting", () => {
    const bin = mkdtempSync(join(tmpdir(), "openings-git-"));
    const log = join(bin, "calls.log");
    writeFileSync(log, "");
    writeFileSync(join(bin, "git"), `#!/bin/sh\necho "$1" >> '${log}'\nexec '${gitPath()}' "$@"\n`);
    chmodSync(join(bin, "git"), 0o755);
    const result = runCli(["check", "--site", dir, "--no-cache"], { PATH: `${bin}:${process.env.PATH}` });
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(readFileSync(log, "utf8").trim().split("\n"), ["log"]);
  });
});

describe("sitemap.xml outside a git checkout", () => {
  it("gives each role its file's modification time", async () => {
    const dir = makeSite({ "jobs/solo.md": posting("title: Solo role\nlocation: Leeds, UK", BODY) });
    const saved = new Date("2027-02-03T04:05:06Z");
    utimesSync(join(dir, "jobs/solo.md"), saved, saved);
    const { site } = await loadSite({ siteDir: dir, includeDrafts: false, today: TODAY, workers: 0 });
    assert.ok(site);
    assert.deepEqual(sitemapEntries(site, TODAY), [
      { loc: "https://jobs.example.com/jobs/", lastmod: "2027-02-03T04:05:06Z" },
      { loc: "https://jobs.example.com/jobs/solo/", lastmod: "2027-02-03T04:05:06Z" },
    ]);
  });
});

function gitPath(): string {
  const found = spawnSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).stdout.trim();
  assert.ok(found, "git is installed");
  return found;
}
