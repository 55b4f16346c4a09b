import { type ChildProcessByStdio, spawn, spawnSync } from "node:child_process";
import {
  accessSync,
  appendFileSync,
  constants,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statfsSync,
  writeFileSync,
} from "node:fs";
import { cpus, loadavg, release, tmpdir, totalmem } from "node:os";
import { join, relative, resolve } from "node:path";
import type { Readable } from "node:stream";
import { parseArgs } from "node:util";
import { type GeneratedSite, generateSite } from "./generate.ts";
import { hasGnuTime, killGroup, METHOD_LABELS, type Measurement, measure, type RssMethod } from "./measure.ts";
import { formatProfileSummary, summariseProfile } from "./profile-summary.ts";

// `npm run bench`: the Openings build against plain Eleventy and a raw floor,
// on generated sites of 1,000 and 10,000 postings, each as a whole process.
// See docs/performance.md for what each figure means.

const BENCH_DIR = import.meta.dirname;
const PROJECT_ROOT = resolve(BENCH_DIR, "..");
const CLI = join(PROJECT_ROOT, "src", "cli.ts");
const ELEVENTY_CMD = join(PROJECT_ROOT, "node_modules", "@11ty", "eleventy", "cmd.cjs");
const RAW_FLOOR = join(BENCH_DIR, "raw-floor.mjs");
const PAGEFIND_CMD = join(PROJECT_ROOT, "node_modules", "pagefind", "lib", "runner", "bin.cjs");

const USAGE = `usage: npm run bench -- [options]
  --sizes 1000,10000     posting counts to generate and build (default 1000,10000)
  --runs 3               timed runs of each build per size; the median is reported (default 3)
  --seed 20261122        seed for the generated postings (default 20261122)
  --timeout 1200         seconds before any one process counts as failed (default 1200)
  --rss-method auto      auto | gnu-time | proc-poll (default auto: GNU time when present)
  --json FILE            where to write the figures (default bench/results/latest.json)
  --no-warmup            skip the untimed warm-up pass at the smallest size
  --no-check             skip timing \`check\` at the largest size
  --no-edit              skip the dev-server edit loop
  --edit-timeout 180     seconds to wait for each edit to reach the page (and again for the rebuild to end)
  --profile              instead of benchmarking: CPU-profile one Openings build at the
                         largest size and summarise where the time goes
  --tmp DIR              where the temporary sites and outputs go (default: /dev/shm when it is
                         a tmpfs with 4 GiB free, else the system temp folder, $TMPDIR)
  --keep                 keep the temporary folders (their path is printed)
  --generate DIR         only write a generated site of the first size into DIR`;

type Tool = "openings" | "search" | "eleventy" | "raw";
// The Openings build runs with --no-search; Pagefind ("search") is timed on
// its own, over that build's output, right after it.
const TOOLS: Tool[] = ["openings", "search", "eleventy", "raw"];
const ROTATED: Tool[] = ["openings", "eleventy", "raw"];
const TOOL_NAMES: Record<Tool, string> = { openings: "Openings build", search: "Pagefind index", eleventy: "plain Eleventy", raw: "raw floor" };

interface Options {
  sizes: number[];
  runs: number;
  seed: number;
  timeoutMs: number;
  rssMethod: RssMethod;
  json: string;
  warmup: boolean;
  check: boolean;
  edit: boolean;
  editTimeoutMs: number;
  profile: boolean;
  keep: boolean;
  tmp: string;
  generate?: string;
}

type Figures = Pick<Measurement, "wallSeconds" | "hrWallSeconds" | "peakRssMB" | "treeRssMB" | "userSeconds" | "sysSeconds" | "treeCpuSeconds">;

interface Sample extends Figures {
  run: number;
  /** Openings only: the stage times it prints ("Pages rendered in X s, search index written in Y s"). */
  stages?: Record<string, number>;
  pages?: number;
  ok: boolean;
  failure?: string;
}

interface Summary {
  samples: Sample[];
  /** Medians over the successful samples; null when none succeeded. */
  wallSeconds: number | null;
  msPerPosting: number | null;
  peakRssMB: number | null;
  treeRssMB: number | null;
  userSeconds: number | null;
  sysSeconds: number | null;
  treeCpuSeconds: number | null;
  stages?: Record<string, number>;
  pages?: number;
}

interface SizeResult {
  postings: number;
  site: { closed: number; withPermalink: number; words: { min: number; max: number; mean: number } };
  builds: Record<Tool, Summary>;
  /** Wall-time ratios (the targets), and the same for CPU seconds of the whole process tree (steadier on a busy machine). */
  ratios: { openingsOverEleventy: number | null; openingsOverRaw: number | null; cpuOpeningsOverEleventy: number | null; cpuOpeningsOverRaw: number | null };
}

interface EditLoopResult {
  postings: number;
  editedFile?: string;
  page?: string;
  firstBuildSeconds: number | null;
  edits: { pageUpdatedSeconds: number | null; rebuildFinishedSeconds: number | null; timedOut: boolean }[];
  /** Median seconds from the edit to the role's page on disk containing the new text; null on failure. */
  medianPageUpdatedSeconds: number | null;
  medianRebuildFinishedSeconds: number | null;
  failure?: string;
}

interface Target {
  name: string;
  limit: string;
  actual: string;
  met: boolean | null;
}

// ---------------------------------------------------------------------------

function parseOptions(argv: string[]): Options | undefined {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: "string", default: "1000,10000" },
      runs: { type: "string", default: "3" },
      seed: { type: "string", default: "20261122" },
      timeout: { type: "string", default: "1200" },
      "rss-method": { type: "string", default: "auto" },
      json: { type: "string", default: join(BENCH_DIR, "results", "latest.json") },
      "no-warmup": { type: "boolean", default: false },
      "no-check": { type: "boolean", default: false },
      "no-edit": { type: "boolean", default: false },
      "edit-timeout": { type: "string", default: "180" },
      profile: { type: "boolean", default: false },
      keep: { type: "boolean", default: false },
      tmp: { type: "string" },
      generate: { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) return undefined;
  const sizes = values.sizes.split(",").map((s) => Number(s.trim().replace(/_/g, "")));
  const runs = Number(values.runs);
  const seed = Number(values.seed);
  const timeout = Number(values.timeout);
  if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error(`--sizes: expected counts like 1000,10000, found ${values.sizes}`);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: expected a whole number of at least 1, found ${values.runs}`);
  if (!Number.isInteger(seed)) throw new Error(`--seed: expected a whole number, found ${values.seed}`);
  if (!(timeout > 0)) throw new Error(`--timeout: expected seconds, found ${values.timeout}`);
  const editTimeout = Number(values["edit-timeout"]);
  if (!(editTimeout > 0)) throw new Error(`--edit-timeout: expected seconds, found ${values["edit-timeout"]}`);
  const requested = values["rss-method"];
  let rssMethod: RssMethod;
  if (requested === "auto") rssMethod = hasGnuTime() ? "gnu-time" : "proc-poll";
  else if (requested === "gnu-time" || requested === "proc-poll") rssMethod = requested;
  else throw new Error(`--rss-method: expected auto, gnu-time or proc-poll, found ${requested}`);
  if (rssMethod === "gnu-time" && !hasGnuTime()) throw new Error("--rss-method gnu-time: /usr/bin/time is missing or not GNU time (apt-get install time)");
  return {
    sizes,
    runs,
    seed,
    timeoutMs: timeout * 1000,
    rssMethod,
    json: resolve(values.json),
    warmup: !values["no-warmup"],
    check: !values["no-check"],
    edit: !values["no-edit"],
    editTimeoutMs: editTimeout * 1000,
    profile: values.profile,
    keep: values.keep,
    tmp: values.tmp ? resolve(values.tmp) : defaultTmp(),
    generate: values.generate,
  };
}

/**
 * Temporary folders go to /dev/shm (a tmpfs) when there is one with room: on a
 * slow or erratic disk, the kernel's file-writing time swamps and scrambles
 * what the benchmark compares (see docs/performance.md). `--tmp` overrides.
 */
function defaultTmp(): string {
  try {
    const stats = statfsSync("/dev/shm");
    accessSync("/dev/shm", constants.W_OK);
    const TMPFS_MAGIC = 0x01021994;
    if (stats.type === TMPFS_MAGIC && stats.bavail * stats.bsize >= 4 * 1024 ** 3) return "/dev/shm";
  } catch {
    // no /dev/shm (not Linux, or not writable)
  }
  return tmpdir();
}

// ---------------------------------------------------------------------------
// Temporary folders, removed on exit and on Ctrl-C.

let tmpRoot: string | undefined;
let keepTmp = false;
const liveServers = new Set<number>();

function cleanUp(): void {
  for (const pid of liveServers) killGroup(pid, "SIGKILL");
  liveServers.clear();
  if (tmpRoot && !keepTmp) rmSync(tmpRoot, { recursive: true, force: true });
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    log(`\n${signal}: stopping and removing temporary folders`);
    cleanUp();
    process.exit(130);
  });
}

const log = (line: string) => process.stderr.write(`${line}\n`);

// ---------------------------------------------------------------------------
// The plain Eleventy baseline: the same postings as Eleventy input, one trivial
// layout, an index over collections.all, Eleventy's defaults otherwise.

function prepareBaseline(siteDir: string, dir: string): void {
  mkdirSync(join(dir, "jobs"), { recursive: true });
  mkdirSync(join(dir, "_includes"), { recursive: true });
  for (const name of readdirSync(join(siteDir, "jobs"))) {
    const text = readFileSync(join(siteDir, "jobs", name), "utf8");
    // Front matter outranks directory data, and Eleventy's computed data may not
    // set `layout`, so the Jekyll-era `layout: page` line is removed from the copy
    // (Eleventy would look for _includes/page and fail). Everything else stays,
    // `permalink` included, so pages land where Openings puts them.
    writeFileSync(join(dir, "jobs", name), text.replace(/^(---\n(?:(?!---\n)[^\n]*\n)*?)layout:[^\n]*\n/, "$1"));
  }
  writeFileSync(join(dir, "jobs", "jobs.json"), `${JSON.stringify({ layout: "base.njk" })}\n`);
  writeFileSync(
    join(dir, "_includes", "base.njk"),
    '<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>{{ title }}</title></head>\n<body>\n<main>\n<h1>{{ title }}</h1>\n{{ content | safe }}\n</main>\n</body>\n</html>\n',
  );
  writeFileSync(
    join(dir, "index.njk"),
    '<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>Jobs</title></head>\n<body>\n<ul>\n{%- for item in collections.all %}\n<li><a href="{{ item.url }}">{{ item.data.title }}</a></li>\n{%- endfor %}\n</ul>\n</body>\n</html>\n',
  );
}

// ---------------------------------------------------------------------------

interface Paths {
  site: string;
  /** One posting's page, relative to an output folder: every build must write it as a full HTML page. */
  samplePage: string;
  baseline: string;
  out: Record<Tool, string>;
}

function commandFor(tool: Tool, paths: Paths): { command: string; args: string[]; cwd: string } {
  switch (tool) {
    case "openings":
      return {
        command: process.execPath,
        args: ["--import", "tsx", CLI, "build", "--no-search", "--site", paths.site, "--out", paths.out.openings],
        cwd: PROJECT_ROOT,
      };
    case "search":
      // What `npm run build` runs after rendering, as its own process over the rendered site.
      return { command: process.execPath, args: [PAGEFIND_CMD, "--site", paths.out.openings, "--output-subdir", "pagefind"], cwd: PROJECT_ROOT };
    case "eleventy":
      // cwd is the baseline folder, so Eleventy finds no config file (the project's .eleventy.ts stays out of it).
      return {
        command: process.execPath,
        // A relative --input: with an absolute one, Eleventy 3.1.7 does not find the directory data file jobs/jobs.json.
        args: [ELEVENTY_CMD, "--input=.", `--output=${paths.out.eleventy}`, "--quiet"],
        cwd: paths.baseline,
      };
    case "raw":
      return { command: process.execPath, args: [RAW_FLOOR, paths.site, paths.out.raw], cwd: PROJECT_ROOT };
  }
}

function countHtml(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((entry) => entry.endsWith(".html")).length;
}

const tail = (text: string, lines = 6) => text.trim().split("\n").slice(-lines).join("\n");

function describeFailure(m: Measurement): string | undefined {
  if (m.timedOut) return "timed out";
  if (m.exitCode !== 0) return `exit code ${m.exitCode ?? m.signal}: ${tail(m.stderr || m.stdout)}`;
  return undefined;
}

async function runBuild(tool: Tool, postings: number, paths: Paths, options: Options, run: number): Promise<Sample> {
  if (tool !== "search") rmSync(paths.out[tool], { recursive: true, force: true });
  const { command, args, cwd } = commandFor(tool, paths);
  const m = await measure(command, args, { cwd, timeoutMs: options.timeoutMs, method: options.rssMethod });
  const pages = countHtml(paths.out[tool]);
  // Every posting must have become a full page, or the figure means nothing.
  const sample = join(paths.out[tool], paths.samplePage);
  const failure =
    describeFailure(m) ??
    (pages < postings
      ? `wrote only ${pages} HTML pages for ${postings} postings`
      : !existsSync(sample) || !/<html[\s>]/i.test(readFileSync(sample, "utf8"))
        ? `${paths.samplePage} is missing or not a full HTML page (no layout?)`
        : tool === "search" && !existsSync(join(paths.out.search, "pagefind", "pagefind-entry.json"))
          ? "Pagefind wrote no index"
          : undefined);
  // The Openings output stays for Pagefind, which runs next and removes it.
  if (tool !== "openings") rmSync(paths.out[tool], { recursive: true, force: true });
  const stages = tool === "openings" ? parseStages(m.stdout) : undefined;
  return toSample(m, run, failure, { ...(stages ? { stages } : {}), pages });
}

/** One timed run as a sample; `failure` says why it does not count. */
function toSample(m: Measurement, run: number, failure: string | undefined, extra: Pick<Sample, "stages" | "pages"> = {}): Sample {
  const { wallSeconds, hrWallSeconds, peakRssMB, treeRssMB, userSeconds, sysSeconds, treeCpuSeconds } = m;
  return {
    run,
    wallSeconds,
    hrWallSeconds,
    peakRssMB,
    treeRssMB,
    userSeconds,
    sysSeconds,
    treeCpuSeconds,
    ...extra,
    ok: !failure,
    ...(failure ? { failure } : {}),
  };
}

/** "Pages rendered in 65.97 s, search index written in 37.67 s." → { "pages rendered": 65.97, "search index written": 37.67 } */
function parseStages(stdout: string): Record<string, number> | undefined {
  const stages: Record<string, number> = {};
  for (const line of stdout.split("\n")) {
    for (const match of line.matchAll(/([A-Za-z][A-Za-z ]*?) in (\d+(?:\.\d+)?) ?s\b/g)) {
      const name = (match[1] ?? "").trim().toLowerCase();
      if (name) stages[name] = Number(match[2]);
    }
  }
  return Object.keys(stages).length ? stages : undefined;
}

async function runCheck(postings: number, site: string, options: Options, run: number): Promise<Sample> {
  const m = await measure(process.execPath, ["--import", "tsx", CLI, "check", "--site", site], {
    cwd: PROJECT_ROOT,
    timeoutMs: options.timeoutMs,
    method: options.rssMethod,
  });
  const failure = describeFailure(m) ?? (m.stdout.includes(`${postings} postings checked`) ? undefined : `unexpected output: ${tail(m.stdout)}`);
  return toSample(m, run, failure);
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function summarise(samples: Sample[], postings: number): Summary {
  const ok = samples.filter((s) => s.ok);
  const wallSeconds = median(ok.map((s) => s.wallSeconds));
  const peakRssMB = median(ok.flatMap((s) => (s.peakRssMB === null ? [] : [s.peakRssMB])));
  const treeRssMB = median(ok.flatMap((s) => (s.treeRssMB === null ? [] : [s.treeRssMB])));
  const userSeconds = median(ok.flatMap((s) => (s.userSeconds === null ? [] : [s.userSeconds])));
  const sysSeconds = median(ok.flatMap((s) => (s.sysSeconds === null ? [] : [s.sysSeconds])));
  const treeCpuSeconds = median(ok.flatMap((s) => (s.treeCpuSeconds === null ? [] : [s.treeCpuSeconds])));
  const stageNames = [...new Set(ok.flatMap((s) => Object.keys(s.stages ?? {})))];
  const stages = Object.fromEntries(stageNames.map((name) => [name, median(ok.flatMap((s) => (s.stages?.[name] === undefined ? [] : [s.stages[name]])))]));
  const pages = ok[0]?.pages;
  return {
    samples,
    wallSeconds,
    msPerPosting: wallSeconds === null ? null : (wallSeconds * 1000) / postings,
    peakRssMB,
    treeRssMB,
    userSeconds,
    sysSeconds,
    treeCpuSeconds,
    ...(stageNames.length ? { stages: stages as Record<string, number> } : {}),
    ...(pages ? { pages } : {}),
  };
}

const ratio = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? null : a / b);

// ---------------------------------------------------------------------------
// The edit loop: the dev server on the largest site, an edit to one posting,
// and the time until that role's page on disk shows it.

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(predicate: () => boolean, timeoutMs: number, intervalMs = 10): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (predicate()) return true;
    await sleep(intervalMs);
  }
  return predicate();
}

async function editLoop(generated: GeneratedSite, outDir: string, options: Options, edits = 3): Promise<EditLoopResult> {
  const postings = generated.postings.length;
  const result: EditLoopResult = { postings, firstBuildSeconds: null, edits: [], medianPageUpdatedSeconds: null, medianRebuildFinishedSeconds: null };
  // An open role at its default address, from the middle of the set.
  const candidates = generated.postings.filter((p) => !p.closed && p.url.startsWith("/jobs/"));
  const target = candidates[Math.floor(candidates.length / 2)];
  if (!target) return { ...result, failure: "no open posting at a default address to edit" };
  const file = join(generated.dir, target.file);
  const page = join(outDir, target.url, "index.html");
  result.editedFile = target.file;
  result.page = relative(outDir, page);

  rmSync(outDir, { recursive: true, force: true });
  const started = performance.now();
  const server: ChildProcessByStdio<null, Readable, Readable> = spawn(
    process.execPath,
    ["--import", "tsx", ELEVENTY_CMD, "--config=.eleventy.ts", "--watch", `--output=${outDir}`],
    { cwd: PROJECT_ROOT, env: { ...process.env, OPENINGS_SITE_DIR: generated.dir }, detached: true, stdio: ["ignore", "pipe", "pipe"] },
  );
  if (server.pid !== undefined) liveServers.add(server.pid);
  let watching = 0;
  let exited: string | undefined;
  let output = "";
  let pending = "";
  server.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    output = (output + chunk).slice(-65_536);
    const lines = (pending + chunk).split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) if (line.includes("Watching…")) watching++;
  });
  server.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    output = (output + chunk).slice(-65_536);
  });
  // The error itself, not the last lines of its stack trace.
  const why = () => {
    const errors = output.split("\n").filter((line) => /error/i.test(line) && !/^\s*\[11ty\]\s+at /.test(line) && !/: warning: /.test(line));
    return (errors.length ? errors.slice(0, 3).join(" | ") : tail(output, 3)).replace(/\s+/g, " ");
  };
  server.on("exit", (code, signal) => {
    exited = `the dev server exited (${code ?? signal})`;
  });

  try {
    if (!(await waitFor(() => watching > 0 || exited !== undefined, options.timeoutMs, 50)) || exited) {
      return { ...result, failure: `${exited ?? `no "Watching…" within ${options.timeoutMs / 1000} s`}: ${why()}` };
    }
    result.firstBuildSeconds = (performance.now() - started) / 1000;
    log(`  dev server: first build and watch start-up took ${result.firstBuildSeconds.toFixed(2)} s`);
    // Let the file watcher finish its initial scan of jobs/ before the first edit.
    await sleep(2000);
    for (let i = 0; i < edits; i++) {
      const marker = `benchmarker${process.pid}x${i}x${Date.now()}`;
      const before = watching;
      const t0 = performance.now();
      appendFileSync(file, `\nEdited for the benchmark: ${marker}.\n`);
      const updated = await waitFor(() => existsSync(page) && readFileSync(page, "utf8").includes(marker), options.editTimeoutMs, 5);
      const pageUpdatedSeconds = updated ? (performance.now() - t0) / 1000 : null;
      const finished = await waitFor(() => watching > before || exited !== undefined, options.editTimeoutMs, 10);
      const rebuildFinishedSeconds = finished && !exited ? (performance.now() - t0) / 1000 : null;
      result.edits.push({ pageUpdatedSeconds, rebuildFinishedSeconds, timedOut: !updated || !finished });
      log(
        `  edit ${i + 1}/${edits}: page updated ${pageUpdatedSeconds === null ? `TIMEOUT (${options.editTimeoutMs / 1000} s)` : `${pageUpdatedSeconds.toFixed(2)} s`}, rebuild finished ${rebuildFinishedSeconds === null ? "TIMEOUT" : `${rebuildFinishedSeconds.toFixed(2)} s`}`,
      );
      if (exited) return { ...result, failure: `${exited}: ${why()}` };
      if (!updated || !finished) break; // the figure is a failure already; do not wait out more timeouts
      await sleep(500);
    }
  } finally {
    killGroup(server.pid, "SIGTERM");
    if (!(await waitFor(() => exited !== undefined, 5000, 50))) killGroup(server.pid, "SIGKILL");
    if (server.pid !== undefined) liveServers.delete(server.pid);
  }
  const timedOut = result.edits.some((e) => e.timedOut);
  return {
    ...result,
    // A timed-out edit makes the figure a failure, never a flattering median of the rest.
    medianPageUpdatedSeconds: timedOut ? null : median(result.edits.map((e) => e.pageUpdatedSeconds as number)),
    medianRebuildFinishedSeconds: timedOut ? null : median(result.edits.map((e) => e.rebuildFinishedSeconds as number)),
    ...(timedOut ? { failure: "an edit timed out" } : {}),
  };
}

// ---------------------------------------------------------------------------
// Report

const fmt = (value: number | null, digits = 2) => (value === null ? "FAILED" : value.toFixed(digits));
/** For figures that may simply be unavailable (no /proc, no GNU time), not failed. */
const opt = (value: number | null, digits = 2) => (value === null ? "n/a" : value.toFixed(digits));
const secs = (value: number | null) => (value === null ? "FAILED" : `${value.toFixed(2)} s`);
const fmtN = (n: number) => n.toLocaleString("en-GB");
const times = (value: number | null) => (value === null ? "n/a" : `${value.toFixed(2)}×`);

/** The commit measured, and whether the working tree differed from it (others may be editing while the benchmark runs). */
function codeVersion(): string {
  const git = (...args: string[]) => spawnSync("git", args, { cwd: PROJECT_ROOT, encoding: "utf8" });
  const head = git("rev-parse", "--short", "HEAD");
  if (head.status !== 0) return "unknown (no git)";
  const dirty = git("status", "--porcelain", "--", "src", "layouts", ".eleventy.ts", "package.json").stdout.trim();
  return `${head.stdout.trim()}${dirty ? " + uncommitted changes in src/, layouts/, .eleventy.ts or package.json" : ""}`;
}

function machine() {
  const cpu = cpus();
  return {
    cpuModel: cpu[0]?.model.trim() ?? "unknown",
    cores: cpu.length,
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${release()}`,
    /** 1-minute load average when the benchmark started: anything well above 0 means other work shared the CPUs. */
    loadAverageAtStart: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  };
}

function evaluateTargets(sizes: SizeResult[], check: { postings: number; summary: Summary } | undefined, edit: EditLoopResult | undefined): Target[] {
  const targets: Target[] = [];
  for (const size of sizes) {
    const r = size.ratios.openingsOverEleventy;
    targets.push({
      name: `Openings ≤ 1.0× plain Eleventy at ${fmtN(size.postings)}`,
      limit: "≤ 1.00×",
      actual: r === null ? "FAILED" : times(r),
      met: r !== null && r <= 1,
    });
  }
  const largest = sizes.at(-1);
  const smallest = sizes[0];
  if (largest) {
    const r = largest.ratios.openingsOverRaw;
    targets.push({
      name: `Openings ≤ 3× raw floor at ${fmtN(largest.postings)}`,
      limit: "≤ 3.00×",
      actual: r === null ? "FAILED" : times(r),
      met: r !== null && r <= 3,
    });
  }
  if (largest && smallest && largest !== smallest) {
    const r = ratio(largest.builds.openings.msPerPosting, smallest.builds.openings.msPerPosting);
    targets.push({
      name: `Openings ms/posting at ${fmtN(largest.postings)} within 1.2× of ${fmtN(smallest.postings)}`,
      limit: "≤ 1.20×",
      actual: r === null ? "n/a" : `${times(r)} (${fmt(largest.builds.openings.msPerPosting)} vs ${fmt(smallest.builds.openings.msPerPosting)} ms)`,
      met: r !== null && r <= 1.2,
    });
  }
  if (largest) {
    // The whole build's memory: the larger of the biggest process (GNU time) and the sampled tree sum (Node + Pagefind).
    const { peakRssMB, treeRssMB } = largest.builds.openings;
    const rss = peakRssMB === null && treeRssMB === null ? null : Math.max(peakRssMB ?? 0, treeRssMB ?? 0);
    targets.push({
      name: `Openings peak RSS at ${fmtN(largest.postings)} ≤ 700 MB`,
      limit: "≤ 700 MB",
      actual:
        rss === null
          ? largest.builds.openings.wallSeconds === null
            ? "FAILED"
            : "n/a"
          : `${rss.toFixed(0)} MB (largest process ${fmt(peakRssMB, 0)} MB, process tree ${fmt(treeRssMB, 0)} MB)`,
      // n/a only when the build worked but memory could not be measured here.
      met: rss !== null ? rss <= 700 : largest.builds.openings.wallSeconds === null ? false : null,
    });
  }
  if (check) {
    const s = check.summary.wallSeconds;
    targets.push({
      name: `check at ${fmtN(check.postings)} ≤ 3 s`,
      limit: "≤ 3.00 s",
      actual: s === null ? "FAILED" : `${s.toFixed(2)} s`,
      met: s === null ? false : s <= 3,
    });
  }
  if (edit) {
    const s = edit.medianPageUpdatedSeconds;
    targets.push({
      name: `edit loop at ${fmtN(edit.postings)} ≤ 1 s (edit → role page on disk)`,
      limit: "≤ 1.00 s",
      actual: s === null ? `FAILED${edit.failure ? ` (${edit.failure.split("\n")[0]})` : ""}` : `${s.toFixed(2)} s`,
      met: s === null ? false : s <= 1,
    });
  }
  return targets;
}

function table(
  results: SizeResult[],
  check: { postings: number; summary: Summary } | undefined,
  edit: EditLoopResult | undefined,
  targets: Target[],
  header: string[],
): string {
  const lines = [...header, ""];
  const row = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(i === 0 ? 9 : 16) : c.padStart(12))).join(" ");
  lines.push(row(["postings", "build", "wall s", "ms/posting", "user s", "sys s", "tree CPU s", "peak RSS MB", "tree RSS MB", "pages"]));
  for (const size of results) {
    for (const [i, tool] of TOOLS.entries()) {
      const s = size.builds[tool];
      const failed = s.samples.filter((x) => !x.ok).length;
      lines.push(
        row([
          i === 0 ? fmtN(size.postings) : "",
          TOOL_NAMES[tool],
          fmt(s.wallSeconds),
          fmt(s.msPerPosting),
          opt(s.userSeconds),
          opt(s.sysSeconds),
          opt(s.treeCpuSeconds),
          opt(s.peakRssMB, 0),
          opt(s.treeRssMB, 0),
          s.pages === undefined ? "-" : fmtN(s.pages),
        ]) + (failed ? `   (${failed} of ${s.samples.length} runs failed)` : ""),
      );
    }
    lines.push(
      `${"".padEnd(10)}Openings ÷ plain Eleventy: ${times(size.ratios.openingsOverEleventy)}   Openings ÷ raw floor: ${times(size.ratios.openingsOverRaw)}   (tree CPU: ${times(size.ratios.cpuOpeningsOverEleventy)} and ${times(size.ratios.cpuOpeningsOverRaw)})`,
    );
    const stages = size.builds.openings.stages;
    if (stages)
      lines.push(
        `${"".padEnd(10)}Openings stages (its own timers, median): ${Object.entries(stages)
          .map(([name, sec]) => `${name} ${fmt(sec)} s`)
          .join(", ")}`,
      );
    lines.push(
      `${"".padEnd(10)}runs (wall s): ${TOOLS.map((t) => `${t} ${size.builds[t].samples.map((x) => (x.ok ? x.wallSeconds.toFixed(2) : "FAIL")).join("/")}`).join("; ")}`,
    );
    lines.push("");
  }
  if (check) {
    const s = check.summary;
    lines.push(
      `check at ${fmtN(check.postings)}: ${secs(s.wallSeconds)} wall, ${opt(s.userSeconds)} s user, ${opt(s.sysSeconds)} s sys, ${opt(s.peakRssMB, 0)} MB peak RSS (tree ${opt(s.treeRssMB, 0)} MB)   (runs: ${s.samples.map((x) => (x.ok ? x.wallSeconds.toFixed(2) : "FAIL")).join("/")})`,
    );
  }
  if (edit) {
    lines.push(
      `edit loop at ${fmtN(edit.postings)}: dev server first build ${secs(edit.firstBuildSeconds)}; edit → role page updated: median ${secs(edit.medianPageUpdatedSeconds)}; edit → rebuild finished ("Watching…"): median ${secs(edit.medianRebuildFinishedSeconds)}`,
    );
    lines.push(
      `${"".padEnd(10)}edits (page / rebuild s): ${edit.edits.map((e) => `${e.pageUpdatedSeconds === null ? "TIMEOUT" : e.pageUpdatedSeconds.toFixed(2)} / ${e.rebuildFinishedSeconds === null ? "TIMEOUT" : e.rebuildFinishedSeconds.toFixed(2)}`).join(", ")}${edit.failure ? `   FAILED: ${edit.failure.split("\n")[0]}` : ""}`,
    );
  }
  lines.push("", "Targets");
  for (const t of targets) lines.push(`  ${t.met === null ? "[n/a]   " : t.met ? "[met]   " : "[MISSED]"} ${t.name}: ${t.actual} (target ${t.limit})`);
  return lines.join("\n");
}

// ---------------------------------------------------------------------------

async function profile(options: Options): Promise<void> {
  const n = Math.max(...options.sizes);
  const root = tmpRoot as string;
  const site = join(root, `site-${n}`);
  log(`generating ${fmtN(n)} postings …`);
  generateSite(site, n, options.seed);
  // One profile per thread: the main thread and any worker threads (src/worker-pool.ts).
  const profileDir = join(BENCH_DIR, "results", `openings-build-${n}-profiles`);
  rmSync(profileDir, { recursive: true, force: true });
  mkdirSync(profileDir, { recursive: true });
  log(`profiling: node --cpu-prof --import tsx src/commands/cli.ts build --site ${site} --out … (${fmtN(n)} postings)`);
  const m = await measure(
    process.execPath,
    ["--cpu-prof", `--cpu-prof-dir=${profileDir}`, "--import", "tsx", CLI, "build", "--site", site, "--out", join(root, "out-profile")],
    { cwd: PROJECT_ROOT, timeoutMs: options.timeoutMs, method: options.rssMethod },
  );
  const failure = describeFailure(m);
  if (failure) throw new Error(`the profiled build failed: ${failure}`);
  log(tail(m.stdout, 3));
  log(
    `wall ${m.wallSeconds.toFixed(2)} s (with the profiler on), user ${fmt(m.userSeconds)} s, sys ${fmt(m.sysSeconds)} s, CPU of the whole process tree (Pagefind included) ${fmt(m.treeCpuSeconds)} s, peak RSS ${fmt(m.peakRssMB, 0)} MB (tree ${fmt(m.treeRssMB, 0)} MB); profiles in ${relative(process.cwd(), profileDir)}\n`,
  );
  // Node names them CPU.<date>.<time>.<pid>.<thread id>.<n>.cpuprofile; thread 0 is the main thread.
  const threadOf = (file: string) => Number(file.split(".").at(-3));
  for (const file of readdirSync(profileDir).sort((a, b) => threadOf(a) - threadOf(b))) {
    // Node 20 also runs tsx's module loader on a thread of its own, for the main thread and for each worker: those profiles are nearly idle.
    console.log(`\n=== ${threadOf(file) === 0 ? "main thread" : `thread ${threadOf(file)}`} (${file})`);
    console.log(formatProfileSummary(summariseProfile(JSON.parse(readFileSync(join(profileDir, file), "utf8")), PROJECT_ROOT), 15));
  }
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  if (!options) {
    console.log(USAGE);
    return 0;
  }
  if (options.generate) {
    const n = options.sizes[0] as number;
    const site = generateSite(resolve(options.generate), n, options.seed);
    console.log(`wrote site.yaml and ${fmtN(site.postings.length)} postings into ${site.dir}`);
    return 0;
  }
  keepTmp = options.keep;
  tmpRoot = mkdtempSync(join(options.tmp, "openings-bench-"));
  log(`temporary folders in ${options.tmp}${options.tmp === "/dev/shm" ? " (tmpfs: memory, so disk speed does not blur the figures)" : ""}`);
  if (options.keep) log(`temporary folders: ${tmpRoot} (kept)`);
  try {
    if (options.profile) {
      await profile(options);
      return 0;
    }
    return await bench(options, tmpRoot);
  } finally {
    cleanUp();
  }
}

async function bench(options: Options, root: string): Promise<number> {
  const sizes = [...new Set(options.sizes)].sort((a, b) => a - b);
  const largest = sizes.at(-1) as number;
  const startedAt = new Date();
  const info = machine();
  const code = codeVersion();
  log(`measuring with ${METHOD_LABELS[options.rssMethod]}`);

  const sites = new Map<number, { generated: GeneratedSite; paths: Paths }>();
  for (const n of sizes) {
    log(`generating ${fmtN(n)} postings (seed ${options.seed}) …`);
    const site = join(root, `site-${n}`);
    const generated = generateSite(site, n, options.seed);
    const baseline = join(root, `eleventy-${n}`);
    prepareBaseline(site, baseline);
    const openingsOut = join(root, `out-openings-${n}`);
    const out = { openings: openingsOut, search: openingsOut, eleventy: join(root, `out-eleventy-${n}`), raw: join(root, `out-raw-${n}`) };
    const sample = generated.postings.find((p) => p.url.startsWith("/about/")) ?? generated.postings[0];
    const samplePage = join(sample?.url ?? "/", "index.html").slice(1);
    sites.set(n, { generated, paths: { site, baseline, samplePage, out } });
  }
  const get = (n: number) => sites.get(n) as { generated: GeneratedSite; paths: Paths };

  if (options.warmup) {
    // Untimed: fills tsx's transform cache and the OS file cache, so run 1 is not the odd one out.
    const n = sizes[0] as number;
    log(`warm-up at ${fmtN(n)} (not counted) …`);
    for (const tool of TOOLS) {
      const s = await runBuild(tool, n, get(n).paths, options, 0);
      if (!s.ok) log(`  warm-up ${TOOL_NAMES[tool]} failed: ${s.failure}`);
    }
  }

  const samples = new Map<string, Sample[]>();
  const add = (key: string, sample: Sample) => samples.set(key, [...(samples.get(key) ?? []), sample]);
  for (let run = 1; run <= options.runs; run++) {
    for (const n of sizes) {
      // Interleaved, and the order rotates each run, so drift (thermal, caches, neighbours) spreads evenly.
      const order = ROTATED.flatMap((_, i) => {
        const tool = ROTATED[(i + run - 1) % ROTATED.length] as Tool;
        return tool === "openings" ? (["openings", "search"] as Tool[]) : [tool];
      });
      for (const tool of order) {
        const s = await runBuild(tool, n, get(n).paths, options, run);
        add(`${tool}:${n}`, s);
        log(
          `[run ${run}/${options.runs}] ${fmtN(n).padStart(6)} ${TOOL_NAMES[tool].padEnd(15)} ${s.ok ? `${s.wallSeconds.toFixed(2)} s (user ${fmt(s.userSeconds)} s, sys ${fmt(s.sysSeconds)} s, tree CPU ${fmt(s.treeCpuSeconds)} s), ${fmt(s.peakRssMB, 0)} MB (tree ${fmt(s.treeRssMB, 0)} MB), ${s.pages} pages` : `FAILED: ${s.failure}`}`,
        );
      }
      if (options.check && n === largest) {
        const s = await runCheck(n, get(n).paths.site, options, run);
        add(`check:${n}`, s);
        log(
          `[run ${run}/${options.runs}] ${fmtN(n).padStart(6)} ${"check".padEnd(15)} ${s.ok ? `${s.wallSeconds.toFixed(2)} s (user ${fmt(s.userSeconds)} s, sys ${fmt(s.sysSeconds)} s), ${fmt(s.peakRssMB, 0)} MB` : `FAILED: ${s.failure}`}`,
        );
      }
    }
  }

  const results: SizeResult[] = sizes.map((n) => {
    const { generated } = get(n);
    const words = generated.postings.map((p) => p.words);
    const builds = Object.fromEntries(TOOLS.map((tool) => [tool, summarise(samples.get(`${tool}:${n}`) ?? [], n)])) as Record<Tool, Summary>;
    return {
      postings: n,
      site: {
        closed: generated.postings.filter((p) => p.closed).length,
        withPermalink: generated.postings.filter((p) => !p.url.startsWith("/jobs/")).length,
        words: { min: Math.min(...words), max: Math.max(...words), mean: Math.round(words.reduce((a, b) => a + b, 0) / words.length) },
      },
      builds,
      ratios: {
        openingsOverEleventy: ratio(builds.openings.wallSeconds, builds.eleventy.wallSeconds),
        openingsOverRaw: ratio(builds.openings.wallSeconds, builds.raw.wallSeconds),
        cpuOpeningsOverEleventy: ratio(builds.openings.treeCpuSeconds, builds.eleventy.treeCpuSeconds),
        cpuOpeningsOverRaw: ratio(builds.openings.treeCpuSeconds, builds.raw.treeCpuSeconds),
      },
    };
  });
  const check = options.check ? { postings: largest, summary: summarise(samples.get(`check:${largest}`) ?? [], largest) } : undefined;

  let edit: EditLoopResult | undefined;
  if (options.edit) {
    log(`edit loop: dev server on ${fmtN(largest)} postings …`);
    edit = await editLoop(get(largest).generated, join(root, `out-dev-${largest}`), options);
    if (edit.failure) log(`  edit loop failed: ${edit.failure}`);
  }

  const loadAverageAtEnd = Math.round((loadavg()[0] ?? 0) * 100) / 100;
  const targets = evaluateTargets(results, check, edit);
  const command = `npm run bench -- ${process.argv.slice(2).join(" ")}`.trim().replace(/ --$/, "");
  const header = [
    `Openings benchmark, ${startedAt.toISOString()}`,
    `machine: ${info.cpuModel}, ${info.cores} cores, ${info.memoryGiB} GiB, Node ${info.node}, ${info.platform}`,
    `1-minute load average: ${info.loadAverageAtStart} at start, ${loadAverageAtEnd} at end (the benchmark itself keeps about 1 core busy)`,
    `command: ${command}`,
    `code: ${code} (at the start); temporary folders in ${options.tmp}`,
    `measured: each build as a whole process, ${METHOD_LABELS[options.rssMethod]}`,
    `figures: median of ${options.runs} interleaved run${options.runs === 1 ? "" : "s"}; MB = MiB; ms/posting = wall ÷ postings; user/sys = CPU seconds of the process and the children it waited for; tree CPU = sampled CPU of every process in the tree (includes Pagefind); peak RSS = largest single process; tree RSS = largest sampled sum over the process tree`,
  ];
  const report = table(results, check, edit, targets, header);
  console.log(report);

  const json = {
    date: startedAt.toISOString(),
    command,
    argv: process.argv.slice(2),
    code,
    tmp: options.tmp,
    machine: { ...info, loadAverageAtEnd },
    measurement: { method: options.rssMethod, description: METHOD_LABELS[options.rssMethod], runs: options.runs, warmup: options.warmup },
    seed: options.seed,
    sizes: results,
    check: check ?? null,
    editLoop: edit ?? null,
    targets,
    table: report,
  };
  mkdirSync(resolve(options.json, ".."), { recursive: true });
  writeFileSync(options.json, `${JSON.stringify(json, null, 2)}\n`);
  log(`\nwrote ${relative(process.cwd(), options.json)}`);
  const failed =
    results.some((r) => TOOLS.some((t) => r.builds[t].samples.some((s) => !s.ok))) || (check?.summary.samples.some((s) => !s.ok) ?? false) || !!edit?.failure;
  return failed ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    cleanUp();
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  },
);
