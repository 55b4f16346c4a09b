import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { makeSite, PROJECT_ROOT, posting } from "./helpers.ts";

// `npm start`: Eleventy's watcher over the same configuration. An edited
// posting must show without a restart, re-rendering its own page and the
// lists, not every role; drafts show here and nowhere else.

const site = makeSite({
  "jobs/editor.md": posting("title: Editor\nteam: Content\nlocation: London, UK"),
  "jobs/untouched.md": posting("title: Untouched\nteam: Content\nlocation: London, UK"),
  "jobs/secret.md": posting("title: Secret draft\nteam: Content\nlocation: London, UK\ndraft: true"),
});
const out = join(site, "_dev");
let server: ChildProcess | undefined;
let output = "";

function startWatching(): Promise<void> {
  server = spawn(process.execPath, ["--import", "tsx", "node_modules/@11ty/eleventy/cmd.cjs", "--config=.eleventy.ts", "--watch", `--output=${out}`], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, OPENINGS_SITE_DIR: site },
    detached: true,
  });
  server.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  server.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  return waitFor(() => output.includes("Watching"), "the first build");
}

async function waitFor(done: () => boolean, what: string, timeout = 30_000, meanwhile?: () => void): Promise<void> {
  const started = Date.now();
  let lastNudge = started;
  while (!done()) {
    if (Date.now() - started > timeout) throw new Error(`timed out waiting for ${what}; output so far:\n${output}`);
    // Eleventy says "Watching…" a moment before its watcher is ready for files
    // outside the project; an edit saved in that moment is saved again, as a
    // person would.
    if (meanwhile && Date.now() - lastNudge > 2000) {
      meanwhile();
      lastNudge = Date.now();
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const page = (slug: string) => join(out, "jobs", slug, "index.html");

describe("the dev server", () => {
  after(() => {
    if (server?.pid) process.kill(-server.pid, "SIGTERM");
  });

  it("builds drafts too, marked as drafts", async () => {
    await startWatching();
    assert.match(readFileSync(page("secret"), "utf8"), /Draft: only the preview server shows this role/);
  });

  it("shows an edited posting without a restart, leaving other role pages alone", async () => {
    const untouchedBefore = statSync(page("untouched")).mtimeMs;
    const edit = () => writeFileSync(join(site, "jobs/editor.md"), posting("title: Senior editor\nteam: Content\nlocation: London, UK"));
    edit();
    await waitFor(() => readFileSync(page("editor"), "utf8").includes("Senior editor"), "the edited page", 30_000, edit);
    await waitFor(() => readFileSync(join(out, "jobs/index.html"), "utf8").includes("Senior editor"), "the index");
    assert.equal(statSync(page("untouched")).mtimeMs, untouchedBefore);
  });

  it("prints a broken posting's problem, without a stack trace, and keeps serving the last good pages", async () => {
    const before = output.length;
    const breakIt = () => writeFileSync(join(site, "jobs/editor.md"), "---\nteam: Content\n---\nBody\n");
    breakIt();
    const problem = "jobs/editor.md:2:1: error: `title` is missing";
    await waitFor(() => output.slice(before).includes(problem), "the problem", 30_000, breakIt);
    await waitFor(() => output.slice(output.indexOf(problem, before)).includes("Watching"), "the end of the failed rebuild");
    const printed = output.slice(before);
    assert.doesNotMatch(printed, /\n\s+at [\w.<]+ \(/);
    assert.ok(existsSync(page("editor")));
    assert.match(readFileSync(page("editor"), "utf8"), /Senior editor/, "the last good page is still served");
  });
});
