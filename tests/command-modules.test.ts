import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { makeSite, PROJECT_ROOT, posting } from "./helpers.ts";

// Each command loads only what it needs: `check` never loads Eleventy,
// Nunjucks or Pagefind, which take most of a second to import. Runs the
// real entry point (bin/openings.js), compiled JavaScript, as npm does.

function modulesLoadedBy(args: string[]): string[] {
  const log = join(mkdtempSync(join(tmpdir(), "openings-modules-")), "modules.txt");
  const result = spawnSync(
    process.execPath,
    ["--import", join(PROJECT_ROOT, "tests/fixtures/module-log.mjs"), join(PROJECT_ROOT, "bin/openings.js"), ...args],
    {
      cwd: PROJECT_ROOT,
      encoding: "utf8",
      env: { ...process.env, MODULE_LOG: log },
    },
  );
  assert.equal(result.status, 0, result.stderr);
  return readFileSync(log, "utf8").split("\n").filter(Boolean);
}

const packages = (urls: string[]) => new Set(urls.flatMap((url) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ?? []));

describe("what each command loads", () => {
  const site = makeSite({ "jobs/welder.md": posting("title: Welder\nlocation: Leeds, UK") });

  it("check loads no Eleventy, Nunjucks, Pagefind or TypeScript compiler", () => {
    const loaded = packages(modulesLoadedBy(["check", "--site", site]));
    assert.ok(loaded.size > 0, "the log saw the packages check does load");
    for (const heavy of ["@11ty/eleventy", "@11ty/nunjucks", "nunjucks", "pagefind", "tsx", "typescript"])
      assert.ok(!loaded.has(heavy), `check loaded ${heavy}`);
  });

  it("build loads Eleventy and Pagefind, and still no TypeScript compiler", () => {
    const loaded = packages(modulesLoadedBy(["build", "--site", site]));
    for (const needed of ["@11ty/eleventy", "pagefind"]) assert.ok(loaded.has(needed), `build did not load ${needed}`);
    for (const compiler of ["tsx", "typescript"]) assert.ok(!loaded.has(compiler), `build loaded ${compiler}`);
  });
});
