import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { deserialize, serialize } from "node:v8";
import type { ParsedPosting } from "../src/model.ts";
import { CACHE_DIR, openParseCache, parseKey } from "../src/pipeline/parse-cache.ts";
import { makeSite, PROJECT_ROOT, posting } from "./helpers.ts";

// `.openings-cache/` keeps parsed postings between runs of the compiled
// command line: an unchanged posting is not parsed again, a changed one is,
// and a cache file that cannot be read is ignored and written anew.

/** The real entry point, as `npm run check` runs it (compiled dist/, where the cache is used). */
function check(site: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [join(PROJECT_ROOT, "bin/openings.js"), "check", "--site", site, ...args], { encoding: "utf8" });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

const cacheFiles = (site: string) => readdirSync(join(site, CACHE_DIR)).filter((name) => name.endsWith(".v8"));

function readCache(site: string): Map<string, ParsedPosting> {
  const [file] = cacheFiles(site);
  return deserialize(readFileSync(join(site, CACHE_DIR, file ?? ""))) as Map<string, ParsedPosting>;
}

describe("the parse cache", () => {
  it("is used for an unchanged posting: a parse it holds is what check reports", () => {
    const text = posting("title: Welder\nlocation: Leeds, UK");
    const site = makeSite({ "jobs/welder.md": text });
    assert.equal(check(site).code, 0);
    const [file] = cacheFiles(site);
    const cached = readCache(site);
    const key = parseKey("jobs/welder.md", Buffer.from(text));
    const entry = cached.get(key);
    assert.ok(entry, "the cache holds the posting under the key of its path and bytes");
    // A parse only the cache could know of: if check shows it, check did not parse the file again.
    const marker = { code: "test", file: "jobs/welder.md", line: 1, column: 1, severity: "warning" as const, message: "this warning came from the cache" };
    cached.set(key, { ...entry, problems: [marker] });
    writeFileSync(join(site, CACHE_DIR, file ?? ""), serialize(cached));
    assert.match(check(site).out, /this warning came from the cache/);
    assert.doesNotMatch(check(site, "--no-cache").out, /this warning came from the cache/);
  });

  it("parses a changed posting again", () => {
    const site = makeSite({ "jobs/welder.md": posting("title: Welder\nlocation: Leeds, UK") });
    assert.equal(check(site).code, 0);
    writeFileSync(join(site, "jobs/welder.md"), posting("title: [Welder\nlocation: Leeds, UK"));
    const after = check(site);
    assert.equal(after.code, 1, after.out);
    assert.equal(readCache(site).size, 1, "the old parse is dropped, the new one kept");
  });

  it("ignores a corrupt cache file and writes it anew", () => {
    const site = makeSite({ "jobs/welder.md": posting("title: Welder\nlocation: Leeds, UK") });
    const first = check(site);
    const [file] = cacheFiles(site);
    writeFileSync(join(site, CACHE_DIR, file ?? ""), "not a cache at all");
    const second = check(site);
    assert.equal(second.code, 0);
    assert.equal(second.out, first.out);
    assert.equal(readCache(site).size, 1);
  });

  it("is not rewritten for a few edits in a large site, and is once they add up", () => {
    const dir = join(makeSite({}), CACHE_DIR);
    const example = { file: "jobs/a.md" } as ParsedPosting;
    const first = openParseCache(dir, "version 1");
    for (let i = 0; i < 100; i++) first.set(`posting ${i}`, example);
    first.save();
    const file = join(dir, readdirSync(dir)[0] ?? "");
    const written = readFileSync(file);
    // One posting edited: 99 come from the cache, one is parsed afresh.
    const oneEdit = openParseCache(dir, "version 1");
    for (let i = 1; i < 100; i++) assert.ok(oneEdit.get(`posting ${i}`));
    oneEdit.set("posting 0, edited", example);
    oneEdit.save();
    assert.deepEqual(readFileSync(file), written, "the file is left as it was");
    // Two postings edited: 2% of the cache, worth a rewrite.
    const twoEdits = openParseCache(dir, "version 1");
    for (let i = 2; i < 100; i++) assert.ok(twoEdits.get(`posting ${i}`));
    twoEdits.set("posting 0, edited", example);
    twoEdits.set("posting 1, edited", example);
    twoEdits.save();
    const after = openParseCache(dir, "version 1");
    assert.ok(after.get("posting 1, edited"), "the edits are kept");
    assert.equal(after.get("posting 0"), undefined, "what the run did not use is gone");
  });

  it("keeps only what the last run used, and one file per Openings version", () => {
    const dir = join(makeSite({}), CACHE_DIR);
    const example = { file: "jobs/a.md" } as ParsedPosting;
    const old = openParseCache(dir, "version 1");
    old.set("a", example);
    old.set("b", example);
    old.save();
    const next = openParseCache(dir, "version 1");
    assert.equal(next.get("a")?.file, "jobs/a.md");
    next.save();
    assert.equal(openParseCache(dir, "version 1").get("b"), undefined, "b was not used by the last run");
    const other = openParseCache(dir, "version 2");
    assert.equal(other.get("a"), undefined, "another version parses afresh");
    other.set("c", example);
    other.save();
    assert.equal(readdirSync(dir).length, 1);
  });
});
