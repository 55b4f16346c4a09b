import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { readSource } from "../src/read/read-file.ts";
import { listSources, sourceKind } from "../src/read/read-sources.ts";
import { buildSite, makeSite, posting, runCli } from "./helpers.ts";

// Reading jobs/ strictly: whatever cannot be read is a located error, never
// "no postings"; links are followed only inside the site folder; pipes,
// sockets and devices are never opened. Runs as root here, so unreadable
// files are tested by running the command line without the capabilities
// that let root read anything (`setpriv`), which works without another user.

const ROLE = posting("title: Field robotics technician\nlocation: Porto, Portugal");
const OTHER_ROLE = posting("title: Warehouse planner\nlocation: Ghent, Belgium");
const codes = (siteDir: string) => listSources(siteDir, "jobs").problems.map((p) => [p.file, p.code, p.severity]);
const noStackTrace = (output: string) => assert.doesNotMatch(output, /\n\s+at [\w.<]+ \(/);

const isRoot = process.getuid?.() === 0;
const hasSetpriv = spawnSync("setpriv", ["--version"]).status === 0;
/** Runs the command line so that file permissions apply to it, even as root. */
const WITHOUT_OVERRIDE = isRoot ? ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"] : [];
const permissionsSkip = isRoot && !hasSetpriv ? "running as root without setpriv: file permissions cannot be made to apply" : false;

describe("strict reading of jobs/", () => {
  const unreadable: string[] = [];
  after(() => {
    for (const path of unreadable) chmodSync(path, 0o755); // So the temporary folders can be cleaned up.
  });

  it("an empty site when jobs/ is missing", () => {
    const site = makeSite({});
    const result = runCli(["check", "--site", site]);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(codes(site), []);
  });

  it("an unreadable jobs/ is an error, not an empty site", { skip: permissionsSkip }, () => {
    const site = makeSite({ "jobs/field.md": ROLE });
    chmodSync(join(site, "jobs"), 0o000);
    unreadable.push(join(site, "jobs"));
    const result = runCli(["check", "--site", site], {}, { wrapper: WITHOUT_OVERRIDE });
    assert.equal(result.code, 1, result.stdout);
    assert.match(result.stderr, /^jobs:1:1: error: this folder cannot be read \(permission denied\), so the postings in it are missing \(/m);
    noStackTrace(result.stderr);
  });

  it("an unreadable sub-folder is an error, and the rest is still checked", { skip: permissionsSkip }, () => {
    const site = makeSite({ "jobs/field.md": ROLE, "jobs/ops/planner.md": OTHER_ROLE, "jobs/ops/nested/x.md": ROLE });
    chmodSync(join(site, "jobs/ops"), 0o000);
    unreadable.push(join(site, "jobs/ops"));
    const result = runCli(["build", "--site", site], {}, { wrapper: WITHOUT_OVERRIDE });
    assert.equal(result.code, 1, result.stdout);
    assert.match(result.stderr, /^jobs\/ops:1:1: error: this folder cannot be read \(permission denied\)/m);
    assert.equal(existsSync(join(site, "_site")), false, "nothing is published");
  });

  it("an unreadable posting is a located error without a stack trace", { skip: permissionsSkip }, () => {
    const site = makeSite({ "jobs/field.md": ROLE, "jobs/secret.md": OTHER_ROLE });
    chmodSync(join(site, "jobs/secret.md"), 0o000);
    const result = runCli(["check", "--site", site], {}, { wrapper: WITHOUT_OVERRIDE });
    assert.equal(result.code, 1, result.stdout);
    assert.match(
      result.stderr,
      /^jobs\/secret\.md:1:1: error: this file cannot be read \(permission denied\) \(let the user who runs the build read it: `chmod a\+r jobs\/secret\.md`\)$/m,
    );
    noStackTrace(result.stderr);
  });

  it("jobs/ linked to / is an error and publishes nothing", () => {
    const site = makeSite({});
    symlinkSync("/", join(site, "jobs"));
    const result = runCli(["build", "--site", site], {}, { timeout: 60_000 });
    assert.equal(result.code, 1, result.stdout);
    assert.match(result.stderr, /^jobs:1:1: error: this is a link to `\/`, outside the site folder, so it is not read \(/m);
    assert.equal(existsSync(join(site, "_site")), false);
    assert.deepEqual(codes(site), [["jobs", "symlink-outside-site", "error"]]);
  });

  it("a posting linked to a file outside the site is an error, and its text is never published", () => {
    const outside = makeSite({ "secret.md": posting("title: Leaked secret role\nlocation: Oslo, Norway") });
    const site = makeSite({ "jobs/field.md": ROLE });
    symlinkSync(join(outside, "secret.md"), join(site, "jobs/leak.md"));
    const result = runCli(["build", "--site", site]);
    assert.equal(result.code, 1, result.stdout);
    assert.match(result.stderr, /^jobs\/leak\.md:1:1: error: this is a link to `.*secret\.md`, outside the site folder, so it is not read/m);
    assert.equal(existsSync(join(site, "_site")), false);
    const read = readSource(site, join(site, "jobs/leak.md"));
    assert.equal(read.file, undefined, "reading it directly is refused too");
    assert.deepEqual(
      read.problems.map((p) => p.code),
      ["symlink-outside-site"],
    );
  });

  it("links that stay inside the site folder are followed, under the link's own name", () => {
    const site = makeSite({ "drafts/robot.md": ROLE, "teams/ops/planner.md": OTHER_ROLE });
    mkdirSync(join(site, "jobs"));
    symlinkSync("../drafts/robot.md", join(site, "jobs/robotics-technician.md"));
    symlinkSync("../teams/ops", join(site, "jobs/ops"));
    assert.deepEqual(codes(site), []);
    const out = buildSite(site);
    assert.match(readFileSync(join(out, "jobs/robotics-technician/index.html"), "utf8"), /Field robotics technician/);
    assert.match(readFileSync(join(out, "jobs/planner/index.html"), "utf8"), /Warehouse planner/);
  });

  it("dangling links, self-links and links to a folder above are errors, and never hang", () => {
    const site = makeSite({ "jobs/field.md": ROLE });
    symlinkSync("nowhere.md", join(site, "jobs/dangling.md"));
    symlinkSync("loop.md", join(site, "jobs/loop.md"));
    symlinkSync("ping.md", join(site, "jobs/pong.md"));
    symlinkSync("pong.md", join(site, "jobs/ping.md"));
    mkdirSync(join(site, "jobs/team"));
    symlinkSync("..", join(site, "jobs/team/everything"));
    symlinkSync("../..", join(site, "jobs/team/site"));
    // In a child process first, so that a walk that never ends fails by the timeout.
    const result = runCli(["check", "--site", site], {}, { timeout: 60_000 });
    assert.equal(result.code, 1, result.stdout);
    assert.match(result.stderr, /^jobs\/dangling\.md:1:1: error: this is a link to `nowhere\.md`, which does not exist \(/m);
    assert.match(result.stderr, /^jobs\/team\/everything:1:1: error: this is a link to `\.\.`, a folder that contains it/m);
    noStackTrace(result.stderr);
    assert.deepEqual(codes(site), [
      ["jobs/dangling.md", "broken-symlink", "error"],
      ["jobs/loop.md", "symlink-loop", "error"],
      ["jobs/ping.md", "symlink-loop", "error"],
      ["jobs/pong.md", "symlink-loop", "error"],
      ["jobs/team/everything", "symlink-loop", "error"],
      ["jobs/team/site", "symlink-loop", "error"],
    ]);
  });

  it("a second link to a posting already read is skipped with a warning, so each file is read once", () => {
    const site = makeSite({ "jobs/field.md": ROLE });
    symlinkSync("field.md", join(site, "jobs/alias.md"));
    symlinkSync(".", join(site, "jobs/same"));
    assert.equal(runCli(["check", "--site", site], {}, { timeout: 60_000 }).code, 1);
    const listing = listSources(site, "jobs");
    assert.deepEqual(listing.postings, [join(site, "jobs/field.md")]);
    assert.deepEqual(codes(site), [
      ["jobs/alias.md", "duplicate-source", "warning"],
      ["jobs/same", "symlink-loop", "error"],
    ]);
  });

  it("pipes, sockets and devices are skipped with a warning, never opened", async () => {
    const site = makeSite({ "jobs/field.md": ROLE });
    assert.equal(spawnSync("mkfifo", [join(site, "jobs/pipe.md")]).status, 0, "mkfifo");
    symlinkSync("pipe.md", join(site, "jobs/to-pipe.md"));
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(join(site, "jobs/socket.md"), resolve));
    // Creating a device node needs root (CAP_MKNOD); /dev/null's numbers are harmless.
    const device = spawnSync("mknod", [join(site, "jobs/device.md"), "c", "1", "3"]).status === 0;
    try {
      const expected = [
        ["jobs/pipe.md", "special-file", "warning"],
        ["jobs/socket.md", "special-file", "warning"],
        ["jobs/to-pipe.md", "special-file", "warning"],
      ];
      if (device) expected.unshift(["jobs/device.md", "special-file", "warning"]);
      assert.deepEqual(codes(site), expected);
      // A FIFO blocks whoever opens it until a writer comes: the timeout turns a hang into a failure.
      const result = runCli(["check", "--site", site], {}, { timeout: 60_000 });
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stderr, /^jobs\/pipe\.md:1:1: warning: this is a named pipe \(FIFO\), not a file, so it is skipped \(/m);
      assert.match(result.stderr, /^jobs\/socket\.md:1:1: warning: this is a socket, not a file, so it is skipped/m);
      assert.match(result.stdout, /^1 posting checked/m);
    } finally {
      server.close();
    }
  });

  it("a jobs file instead of a jobs/ folder is an error", () => {
    const site = makeSite({ jobs: ROLE });
    assert.deepEqual(codes(site), [["jobs", "jobs-not-a-folder", "error"]]);
  });

  it("lists a deep and wide tree without recursion limits", () => {
    const site = makeSite({});
    // 1,500 levels (within PATH_MAX) with a posting at the bottom, and 3,000 files beside.
    const deep = join(site, "jobs", ...Array.from({ length: 1500 }, () => "d"));
    mkdirSync(deep, { recursive: true });
    writeFileSync(join(deep, "bottom.md"), ROLE);
    mkdirSync(join(site, "jobs/wide"));
    for (let i = 0; i < 3000; i++) writeFileSync(join(site, `jobs/wide/n${i}.txt`), "");
    // A small stack: a walk that recursed once per folder would overflow it.
    const result = runCli(["check", "--site", site], {}, { nodeArgs: ["--stack-size=200"] });
    assert.match(result.stdout, /^1 posting checked/m, result.stderr);
    noStackTrace(result.stderr);
  });
});

describe("files named for other generators", () => {
  it("a .html, .mdx or extension-less file with front matter is told to be renamed, not imported", () => {
    const site = makeSite({
      "jobs/ops-lead.html": ROLE,
      "jobs/design-lead.mdx": OTHER_ROLE,
      "jobs/data-lead": ROLE,
      "jobs/notes.html": "<p>Our hiring process</p>\n",
      "jobs/README": "Postings live here.\n",
    });
    const problems = listSources(site, "jobs").problems.map((p) => `${p.file} ${p.code}: ${p.hint}`);
    assert.deepEqual(problems, [
      "jobs/README not-a-posting: postings end in .md or .markdown; `npm run import -- FILE` turns a text or HTML ad into one",
      "jobs/data-lead misnamed-posting: rename it to `data-lead.md`",
      "jobs/design-lead.mdx misnamed-posting: rename it to `design-lead.md`",
      "jobs/notes.html not-a-posting: postings end in .md or .markdown; `npm run import -- FILE` turns a text or HTML ad into one",
      "jobs/ops-lead.html misnamed-posting: rename it to `ops-lead.md`",
    ]);
    assert.match(
      runCli(["check", "--site", site]).stderr,
      /^jobs\/ops-lead\.html:1:1: warning: this file has front matter, but only files ending in \.md or \.markdown are postings, so it is not part of the site \(rename it to `ops-lead\.md`\)$/m,
    );
  });

  it(".html.md and .html.markdown give clean addresses", () => {
    const out = buildSite(makeSite({ "jobs/ops-lead.html.md": ROLE, "jobs/plan-lead.HTML.markdown": OTHER_ROLE }));
    assert.match(readFileSync(join(out, "jobs/ops-lead/index.html"), "utf8"), /Field robotics technician/);
    assert.match(readFileSync(join(out, "jobs/plan-lead/index.html"), "utf8"), /Warehouse planner/);
  });

  it("sourceKind stays the one rule: index.html.md is the landing page, only at the top", () => {
    assert.equal(sourceKind("index.html.md"), "landing");
    assert.equal(sourceKind("index.md"), "landing");
    assert.equal(sourceKind("ops/index.md"), "posting");
    assert.equal(sourceKind("ops-lead.html.md"), "posting");
    assert.equal(sourceKind("ops-lead.html"), "other");
  });
});
