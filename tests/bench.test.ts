import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { type Sample, type SizeResult, summarise } from "../bench/figures.ts";
import { generateSite } from "../bench/generate.ts";
import { hugoVersion, writeHugoSite } from "../bench/peers.ts";
import { evaluateTargets } from "../bench/targets.ts";

// The benchmark's judgement of its targets, and the Hugo site it writes as a peer.

const sample = (wallSeconds: number | null, memoryMB = 100): Sample => ({
  run: 1,
  wallSeconds: wallSeconds ?? 1,
  userSeconds: 1,
  sysSeconds: 0,
  treeCpuSeconds: 1,
  peakRssMB: memoryMB,
  treeRssMB: memoryMB,
  ok: wallSeconds !== null,
  ...(wallSeconds === null ? { failure: "exit code 1" } : {}),
});
const size = (postings: number, walls: Record<string, number | null | string>, memoryMB?: number): SizeResult => ({
  postings,
  rows: Object.fromEntries(Object.entries(walls).map(([key, wall]) => [key, typeof wall === "string" ? wall : summarise([sample(wall, memoryMB)], postings)])),
});
const verdicts = (sizes: SizeResult[]) => Object.fromEntries(evaluateTargets(sizes).map((t) => [t.name, [t.met, t.actual]]));

describe("the benchmark's targets", () => {
  it("judges each target on the medians of its own size and names what was not measured", () => {
    const got = verdicts([
      size(50, { openings: 0.9, eleventy: 1, hugo: 0.1 }),
      size(1000, { openings: 3, eleventy: 2, hugo: 1 }),
      size(10000, { openings: 12, eleventy: 20, hugo: 10, check: 2.5, "check-edited": 1.5, "build-edited": null }, 800),
    ]);
    assert.deepEqual(got["50 postings: Openings build ≤ 1.0× plain Eleventy"], [true, "0.90×"]);
    assert.deepEqual(got["1,000 postings: Openings build ≤ 1.0× plain Eleventy"], [false, "1.50×"]);
    assert.deepEqual(got["1,000 postings: Openings build ÷ Hugo"], [null, "3.00×"]);
    assert.deepEqual(got["10,000 postings: Openings build ≤ 1.5× Hugo"], [true, "1.20×"]);
    assert.deepEqual(got["10,000 postings: moonshot: Openings build ≤ 1.0× Hugo"], [false, "1.20×"]);
    assert.deepEqual(got["10,000 postings: peak memory of the build ≤ 700 MB"], [false, "800 MB"]);
    assert.deepEqual(got["10,000 postings: check, cold (no cache) ≤ 3 s"], [true, "2.50 s"]);
    assert.deepEqual(got["10,000 postings: check after editing one posting ≤ 1 s"], [false, "1.50 s"]);
    // A failed build is a missed target, never a pass.
    assert.deepEqual(got["10,000 postings: build after editing one posting ≤ 3 s"], [false, "FAILED"]);
    // 3 ms at 1,000 against 1.2 ms at 10,000.
    assert.deepEqual(got["10,000 postings: ms/posting within 1.2× of that at 1,000"], [true, "0.40×"]);
  });

  it("says Hugo was skipped, and which sizes were not measured, instead of failing", () => {
    const got = verdicts([size(1000, { openings: 3, eleventy: 2, hugo: "hugo not installed: skipped" })]);
    assert.deepEqual(got["1,000 postings: Openings build ÷ Hugo"], [null, "n/a (hugo not installed: skipped)"]);
    assert.deepEqual(got["10,000 postings: Openings build ≤ 1.5× Hugo"], [null, "n/a (10,000 postings not in --sizes)"]);
    assert.deepEqual(got["50 postings: Openings build ≤ 1.0× plain Eleventy"], [null, "n/a (50 postings not in --sizes)"]);
  });
});

describe("the Hugo peer", () => {
  it("builds every generated posting at its Openings address, with its redirects and its inline HTML", {
    skip: !hugoVersion() && "hugo is not installed",
  }, () => {
    const dir = mkdtempSync(join(tmpdir(), "openings-bench-hugo-"));
    const { postings } = generateSite(join(dir, "site"), 120, 20261122);
    writeHugoSite(join(dir, "site"), join(dir, "hugo"));
    const hugo = spawnSync("hugo", ["--quiet", "-s", join(dir, "hugo"), "-d", join(dir, "out")], { encoding: "utf8" });
    assert.equal(hugo.status, 0, hugo.stderr);
    for (const posting of postings) assert.ok(existsSync(join(dir, "out", posting.url, "index.html")), posting.url);
    assert.ok(
      postings.some((p) => p.url.startsWith("/about/")),
      "some postings have a custom permalink",
    );
    const redirected = postings.filter((p) => /^redirect_from:/m.test(readFileSync(join(dir, "site", p.file), "utf8")));
    assert.ok(redirected.length > 0);
    for (const posting of redirected) assert.ok(existsSync(join(dir, "out", "careers", posting.slug, "index.html")), posting.slug);
    const withSmall = postings.find((p) => readFileSync(join(dir, "site", p.file), "utf8").includes("<small>"));
    assert.ok(withSmall);
    assert.match(readFileSync(join(dir, "out", withSmall.url, "index.html"), "utf8"), /<h1>[^<]*<small>/);
  });
});
