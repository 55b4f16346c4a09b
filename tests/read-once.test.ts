import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { generateSite } from "../bench/generate.ts";
import { PROJECT_ROOT, readPage, runCli, text } from "./helpers.ts";

// A consistent snapshot: a build reads each posting once, so a posting
// edited while the site builds appears either old or new everywhere, never
// with one title on its page and another on the index or in the feeds.

const COUNTER = join(PROJECT_ROOT, "tests/count-reads.cjs");

/** Runs `command` on `siteDir` with the read-counting preload (which runs in worker threads too); returns how often each file under jobs/ was opened or read, and by how many threads. */
function countReads(command: "build" | "check", siteDir: string, workers: string): { counts: Map<string, number>; threads: number } {
  const log = join(mkdtempSync(join(tmpdir(), "openings-reads-")), "reads.log");
  writeFileSync(log, "");
  const env = { COUNT_READS_UNDER: join(siteDir, "jobs"), COUNT_READS_FILE: log, OPENINGS_WORKERS: workers };
  const result = runCli([command, "--site", siteDir, ...(command === "build" ? ["--no-search"] : [])], env, { nodeArgs: ["--require", COUNTER] });
  assert.equal(result.code, 0, result.stderr);
  const counts = new Map<string, number>();
  const threads = new Set<string>();
  for (const line of readFileSync(log, "utf8").split("\n").filter(Boolean)) {
    const [thread = "", path = ""] = line.split(/ (.*)/);
    threads.add(thread);
    counts.set(path, (counts.get(path) ?? 0) + 1);
  }
  return { counts, threads: threads.size };
}

/** Every posting of a generated site, and its landing page, once each. */
function eachOnce(site: string, postings: { file: string }[]): Map<string, number> {
  return new Map([join(site, "jobs/index.md"), ...postings.map((p) => join(site, p.file))].map((path) => [path, 1]));
}

describe("one read per source per build", () => {
  it("a build reads every posting and the landing page exactly once", () => {
    const site = mkdtempSync(join(tmpdir(), "openings-test-"));
    const { postings } = generateSite(site, 150, 11);
    assert.deepEqual(countReads("build", site, "0").counts, eachOnce(site, postings));
  });

  it("with worker threads too, each is read once, on the main thread, which hands the bytes to the workers", () => {
    const site = mkdtempSync(join(tmpdir(), "openings-test-"));
    const { postings } = generateSite(site, 300, 12);
    const { counts, threads } = countReads("check", site, "2");
    assert.deepEqual(counts, eachOnce(site, postings));
    assert.equal(threads, 1, "no worker thread opened a posting itself");
  });
});

describe("a posting edited during a build", () => {
  it("appears with one title on its page, the index, both feeds and jobs.json", async () => {
    const site = mkdtempSync(join(tmpdir(), "openings-test-"));
    const { postings } = generateSite(site, 400, 5);
    const probe = postings.find((p) => !p.closed && p.url === `/jobs/${p.slug}/`);
    assert.ok(probe, "the generated site has an open posting at its default address");
    const file = join(site, probe.file);
    const today = new Date().toISOString().slice(0, 10);
    // Posted today, so it is among the feeds' newest entries.
    const write = (version: number) => {
      const next = join(site, `.probe-${version}.tmp`);
      writeFileSync(next, `---\ntitle: Consistency probe ${version}\nteam: Engineering\nlocation: London, UK\ndate_posted: ${today}\n---\nBody ${version}.\n`);
      renameSync(next, file); // Whole files only: a half-written posting would be a different test.
    };
    write(0);
    const build = spawn(process.execPath, ["--import", "tsx", join(PROJECT_ROOT, "src/commands/cli.ts"), "build", "--site", site, "--no-search"], {
      cwd: PROJECT_ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    build.stdout.on("data", (chunk) => (output += chunk));
    build.stderr.on("data", (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => build.on("exit", resolve));
    let running = true;
    exited.then(() => (running = false));
    let version = 0;
    while (running) {
      write(++version);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    assert.equal(await exited, 0, output);
    assert.ok(version > 20, `the posting was rewritten ${version} times during the build`);

    const out = join(site, "_site");
    const pageTitle = text(readPage(out, probe.url).querySelector("h1"));
    const card = readPage(out, "/jobs/")
      .querySelectorAll(".role-card a")
      .find((a) => a.getAttribute("href") === probe.url);
    const feed = JSON.parse(readFileSync(join(out, "feed.json"), "utf8")).items.find((item: { url: string }) => item.url.endsWith(probe.url));
    const atom = readFileSync(join(out, "feed.xml"), "utf8").match(/<title[^>]*>(Consistency probe \d+)<\/title>/)?.[1];
    const listed = JSON.parse(readFileSync(join(out, "jobs.json"), "utf8")).jobs.find((job: { url: string }) => job.url.endsWith(probe.url));
    assert.match(pageTitle, /^Consistency probe \d+$/);
    assert.deepEqual([text(card), feed?.title, atom, listed?.title], [pageTitle, pageTitle, pageTitle, pageTitle]);
  });
});
