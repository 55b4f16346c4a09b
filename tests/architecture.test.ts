import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, it } from "node:test";
import { PROJECT_ROOT } from "./helpers.ts";

// src/ reads like the pipeline: each stage folder imports only from itself
// and the stages before it, nothing imports in a circle, and settings travel
// in the build context, never through the environment or the working folder.

const SRC = join(PROJECT_ROOT, "src");

/** Earlier first. Shared modules at the top of src/ sit where their imports allow. */
const STAGES = [
  "openings-root.ts",
  "problem.ts",
  "count.ts",
  "schema",
  "model.ts",
  "read",
  "parse",
  "derive",
  "plan",
  "render",
  "pipeline",
  "import",
  "commands",
];

const stageOf = (file: string): string => relative(SRC, file).split("/")[0] ?? "";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "types" ? [] : sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** Every module `file` loads from src/: static and dynamic imports, and worker scripts named by URL. */
function importsOf(file: string, text: string): string[] {
  const specifiers = [...text.matchAll(/\bfrom\s+"(\.[^"]+)"|\bimport\(\s*"(\.[^"]+)"\s*\)|new URL\(\s*"(\.[^"]+)",\s*import\.meta\.url\)/g)].map(
    (match) => match[1] ?? match[2] ?? match[3] ?? "",
  );
  return specifiers.map((specifier) => resolve(dirname(file), specifier));
}

type Graph = Map<string, string[]>;

export function backwardImports(graph: Graph): string[] {
  const rank = (file: string) => STAGES.indexOf(stageOf(file));
  return [...graph].flatMap(([from, targets]) => targets.filter((to) => rank(to) > rank(from)).map((to) => `${relative(SRC, from)} → ${relative(SRC, to)}`));
}

export function cycles(graph: Graph): string[][] {
  const found: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (file: string) => {
    if (state.get(file) === "done") return;
    if (state.get(file) === "open") {
      found.push(stack.slice(stack.indexOf(file)).map((f) => relative(SRC, f)));
      return;
    }
    state.set(file, "open");
    stack.push(file);
    for (const next of graph.get(file) ?? []) visit(next);
    stack.pop();
    state.set(file, "done");
  };
  for (const file of graph.keys()) visit(file);
  return found;
}

const files = sourceFiles(SRC);
const texts = new Map(files.map((file) => [file, readFileSync(file, "utf8")]));
const graph: Graph = new Map(files.map((file) => [file, importsOf(file, texts.get(file) ?? "")]));

describe("the shape of src/", () => {
  it("has every module in a known stage", () => {
    assert.deepEqual(
      files.map((file) => relative(SRC, file)).filter((file) => !STAGES.includes(stageOf(join(SRC, file)))),
      [],
      "put it in a stage folder, or add the folder to STAGES in its pipeline order",
    );
  });

  it("imports only from the same or earlier stages", () => {
    assert.ok([...graph.values()].flat().length > 50, "the import scan found the imports");
    assert.deepEqual(backwardImports(graph), []);
  });

  it("has no import cycles", () => {
    assert.deepEqual(cycles(graph), []);
  });

  it("would notice a backward import and a cycle", () => {
    const at = (path: string) => join(SRC, path);
    const bad: Graph = new Map([
      [at("read/a.ts"), [at("render/b.ts")]],
      [at("render/b.ts"), [at("read/a.ts")]],
    ]);
    assert.deepEqual(backwardImports(bad), ["read/a.ts → render/b.ts"]);
    assert.equal(cycles(bad).length, 1);
  });

  it("never writes the environment or changes the working folder", () => {
    const offenders = files.filter((file) => /process\.env(\.\w+|\[[^\]]+\])\s*=(?!=)|delete\s+process\.env|process\.chdir/.test(texts.get(file) ?? ""));
    assert.deepEqual(
      offenders.map((file) => relative(SRC, file)),
      [],
    );
  });

  it("reads the environment only at the command-line edge", () => {
    const readers = files.filter((file) => /process\.env/.test(texts.get(file) ?? "") && stageOf(file) !== "commands");
    assert.deepEqual(
      readers.map((file) => relative(SRC, file)),
      [],
    );
  });
});
