import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import type { SourceFile } from "../src/model.ts";
import { parseFrontMatter } from "../src/parse/parse-front-matter.ts";
import { generateSite } from "./generate.ts";

// How long splitting and reading the front matter of generated postings
// takes: parse-front-matter.ts (gray-matter, then js-yaml 5 with every key
// located), and optionally another version of it to compare, such as the one
// before js-yaml. One process, files already in memory, CPU time, medians of
// several runs taken in turns after a warm-up run.
//
//   npx tsx bench/parse-time.ts [--count 10000] [--runs 7] [--compare DIR/parse-front-matter.ts]
//
// The earlier parser (the `yaml` package) is at commit bd3ec07; to measure it,
// copy its src/parse/parse-yaml.ts and parse-front-matter.ts into a folder
// with `yaml@2.9.1` installed there, point their `../model.ts` and
// `../problem.ts` imports at this checkout, and pass that copy to --compare.

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "10000" },
    runs: { type: "string", default: "7" },
    seed: { type: "string", default: "20261122" },
    compare: { type: "string" },
  },
});
const count = Number(values.count);
const runs = Number(values.runs);

type Parse = (file: SourceFile) => { problems: unknown[] };

/**
 * CPU milliseconds (user + system) of one pass over the files: on a machine
 * shared with other work, wall time measures the neighbours too.
 */
function passMs(parse: Parse, files: SourceFile[]): number {
  const before = process.cpuUsage();
  for (const file of files) parse(file);
  const { user, system } = process.cpuUsage(before);
  return (user + system) / 1000;
}

/** Medians of `runs` passes of each parser, taken in turns so a busy moment hurts them alike; a warm-up pass first. */
function medians(parsers: [string, Parse][], files: SourceFile[]): [string, number][] {
  const times = parsers.map(() => [] as number[]);
  for (let run = 0; run <= runs; run++) {
    for (const [i, [, parse]] of parsers.entries()) {
      const ms = passMs(parse, files);
      if (run > 0) times[i]?.push(ms);
    }
  }
  return parsers.map(([name], i) => {
    const sorted = (times[i] ?? []).sort((a, b) => a - b);
    return [name, sorted[Math.floor(sorted.length / 2)] ?? 0];
  });
}

const dir = mkdtempSync(join(tmpdir(), "openings-parse-time-"));
try {
  const { postings } = generateSite(dir, count, Number(values.seed));
  const files: SourceFile[] = postings.map(({ file, slug }) => ({
    path: file,
    absolutePath: join(dir, file),
    stem: slug,
    text: readFileSync(join(dir, file), "utf8"),
    version: "1",
  }));
  const failing = files.filter((file) => parseFrontMatter(file).problems.length > 0).length;
  const parsers: [string, Parse][] = [["parse-front-matter.ts", parseFrontMatter]];
  if (values.compare) {
    const other = (await import(pathToFileURL(resolve(values.compare)).href)) as { parseFrontMatter: Parse };
    parsers.push([values.compare, other.parseFrontMatter]);
  }
  console.log(`${count} generated postings (${failing} with problems), CPU time, median of ${runs} runs after a warm-up:`);
  const results = medians(parsers, files);
  for (const [name, ms] of results) console.log(`  ${name}: ${ms.toFixed(0)} ms (${((ms * 1000) / count).toFixed(1)} µs a posting)`);
  const [first, second] = results;
  if (first && second) console.log(`  ${second[0]} takes ${(second[1] / first[1]).toFixed(2)}× as long`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
