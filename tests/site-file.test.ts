import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { makeSite, runCli } from "./helpers.ts";

// site.yaml is read as strictly as a posting.

describe("reading site.yaml", () => {
  it("refuses a named pipe in its place with an error, and never waits on it", () => {
    const site = makeSite({});
    rmSync(join(site, "site.yaml"));
    execFileSync("mkfifo", [join(site, "site.yaml")]);
    const result = runCli(["check", "--site", site], {}, { timeout: 60_000 });
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /^site\.yaml:1:1: error: site\.yaml cannot be read: this is a named pipe/m);
  });

  it("reads Windows-1252 with a located warning, never a replacement character", () => {
    const site = makeSite({});
    writeFileSync(join(site, "site.yaml"), Buffer.from("name: Caf\xe9 Co\nurl: https://jobs.example.com\napply: jobs@example.com\n", "latin1"));
    const result = runCli(["build", "--site", site, "--no-search"]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /^site\.yaml:1:10: warning: the file is not UTF-8/m);
    const index = readFileSync(join(site, "_site/jobs/index.html"), "utf8");
    assert.match(index, /Café Co/);
    assert.doesNotMatch(index, /\uFFFD/);
  });
});
