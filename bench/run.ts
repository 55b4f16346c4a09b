import { spawnSync } from "node:child_process";
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from "node:fs";
import { cpus, loadavg, release, tmpdir, totalmem } from "node:os";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { fmt, fmtN, ratio, type Sample, type SizeResult, type Summary, summarise, toSample } from "./figures.ts";
import { type GeneratedSite, generateSite } from "./generate.ts";
import { killGroup, type Measurement, measure, running } from "./measure.ts";
import { hugoVersion, writeEleventySite, writeHugoSite } from "./peers.ts";
import { summariseProfile } from "./profile.ts";
import { evaluateTargets, formatTargets } from "./targets.ts";

// `npm run bench`: Openings' build against plain Eleventy, Hugo and a raw
// floor on generated sites, each build a whole process, medians of
// interleaved runs, then the targets of issue 13. docs/performance.md says
// what each figure means.

const BENCH_DIR = import.meta.dirname;
const ROOT = resolve(BENCH_DIR, "..");
/** Openings' content cache in a site folder: removed before every cold row, but for its share images. */
const CACHE_DIR = ".openings-cache";
/**
 * The share images in it are drawn once per site before the timed runs and
 * kept: drawing 10,000 of them takes longer than every other row together,
 * and a site draws them on its first build only (docs/deploying.md). Their
 * first drawing is measured and reported on its own line.
 */
const SHARE_IMAGE_CACHE = "share-images";

type Options = NonNullable<ReturnType<typeof parseOptions>>;

const USAGE = `usage: npm run bench -- [options]
  --sizes 50,1000,10000  posting counts to generate and build (default 50,1000,10000)
  --runs 3               timed runs of each build per size; medians are reported (default 3)
  --seed 20261122        seed for the generated postings (default 20261122)
  --timeout 1200         seconds before any one process counts as failed (default 1200)
  --tmp DIR              where the generated sites and outputs go (default: /dev/shm when it is
                         a tmpfs with 4 GiB free, else the system temporary folder)
  --keep                 keep those folders (their path is printed)
  --profile              instead: CPU-profile one Openings build at the largest size, and summarise it`;

function parseOptions(argv: string[]) {
  const { values: v } = parseArgs({
    args: argv,
    options: {
      sizes: { type: "string", default: "50,1000,10000" },
      runs: { type: "string", default: "3" },
      seed: { type: "string", default: "20261122" },
      timeout: { type: "string", default: "1200" },
      tmp: { type: "string" },
      keep: { type: "boolean", default: false },
      profile: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (v.help) return undefined;
  const sizes = [...new Set(v.sizes.split(",").map((s) => Number(s.trim().replace(/_/g, ""))))].sort((a, b) => a - b);
  const [runs, seed, timeout] = [Number(v.runs), Number(v.seed), Number(v.timeout)];
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--sizes: expected counts like 50,1000, found ${v.sizes}`);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: expected a whole number of at least 1, found ${v.runs}`);
  if (!Number.isInteger(seed)) throw new Error(`--seed: expected a whole number, found ${v.seed}`);
  if (!(timeout > 0)) throw new Error(`--timeout: expected seconds, found ${v.timeout}`);
  return { sizes, runs, seed, timeoutMs: timeout * 1000, tmp: v.tmp ? resolve(v.tmp) : defaultTmp(), keep: v.keep, profile: v.profile };
}

/** /dev/shm when it is a tmpfs with room: on a slow or erratic disk, kernel write time swamps what is compared (docs/performance.md). */
function defaultTmp(): string {
  try {
    const stats = statfsSync("/dev/shm");
    accessSync("/dev/shm", constants.W_OK);
    if (stats.type === 0x01021994 && stats.bavail * stats.bsize >= 4 * 1024 ** 3) return "/dev/shm";
  } catch {
    // no /dev/shm (not Linux, or not writable)
  }
  return tmpdir();
}

type Command = { command: string; args: string[]; cwd: string; env?: NodeJS.ProcessEnv };

/**
 * What `npm run NAME -- ARGS` runs, without npm's own start-up: the script
 * from package.json through sh, with node_modules/.bin on the PATH. So the
 * benchmark follows the scripts wherever they point.
 */
function npmScript(name: string, args: string[], rewrite = (script: string) => script): Command {
  const script = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts[name];
  if (!script) throw new Error(`package.json has no "${name}" script`);
  const PATH = `${join(ROOT, "node_modules", ".bin")}:${process.env.PATH ?? ""}`;
  return { command: "sh", args: ["-c", `${rewrite(script)} "$@"`, "sh", ...args], cwd: ROOT, env: { ...process.env, PATH } };
}

interface SiteUnderTest {
  n: number;
  site: string;
  eleventy: string;
  hugo: string;
  out: (tool: string) => string;
  /** One posting's page at a custom permalink: every build must write it as a full HTML page. */
  samplePage: string;
  /** The open posting the edit rows change, its text before any edit, and its page in Openings' output. */
  edited: { file: string; original: string; page: string };
}

interface Row {
  key: string;
  label: string;
  command: (s: SiteUnderTest) => Command;
  /** The output folder it writes; the Openings rows share one, so the edit rows build over the last full build. */
  out?: "openings" | "eleventy" | "hugo" | "raw";
  /** Without Openings' content cache or a previous output. */
  cold?: boolean;
  /** After changing one posting; on the largest site only, after its full build. */
  edit?: boolean;
  /** What else must be true for the figure to count. */
  verify?: (m: Measurement, s: SiteUnderTest, marker: string) => string | undefined;
}

const HUGO = hugoVersion();
const HUGO_SKIPPED = "hugo not installed: skipped";

const build = (s: SiteUnderTest, ...flags: string[]) => npmScript("build", [...flags, "--site", s.site, "--out", s.out("openings")]);
const check = (s: SiteUnderTest) => npmScript("check", ["--site", s.site]);
const node = (cwd: string, ...args: string[]) => ({ command: process.execPath, args, cwd });
const searchIndexed = (_: Measurement, s: SiteUnderTest) =>
  existsSync(join(s.out("openings"), "pagefind", "pagefind-entry.json")) ? undefined : "no search index (pagefind/pagefind-entry.json)";
/** A figure counts only if the edit reached its page: a stale cache must not look fast. */
const editShown = (m: Measurement, s: SiteUnderTest, marker: string) =>
  searchIndexed(m, s) ??
  (existsSync(s.edited.page) && readFileSync(s.edited.page, "utf8").includes(marker) ? undefined : "the edited posting's page was not updated");
const checked = (m: Measurement, s: SiteUnderTest) =>
  new RegExp(`\\b${s.n} postings? checked`).test(m.stdout) ? undefined : `unexpected output: ${tail(m.stdout)}`;

const ROWS: Row[] = [
  { key: "openings", label: "Openings build", command: (s) => build(s), out: "openings", cold: true, verify: searchIndexed },
  { key: "no-search", label: "  --no-search", command: (s) => build(s, "--no-search"), out: "openings", cold: true },
  // From the baseline folder, so Eleventy finds no config file; a relative --input, because with an
  // absolute one Eleventy 3.1.7 ignores the directory data file jobs/jobs.json (so: no layout).
  {
    key: "eleventy",
    label: "plain Eleventy",
    command: (s) => node(s.eleventy, join(ROOT, "node_modules/@11ty/eleventy/cmd.cjs"), "--input=.", `--output=${s.out("eleventy")}`, "--quiet"),
    out: "eleventy",
  },
  { key: "hugo", label: "Hugo", command: (s) => ({ command: "hugo", args: ["--quiet", "-s", s.hugo, "-d", s.out("hugo")], cwd: ROOT }), out: "hugo" },
  { key: "raw", label: "raw floor", command: (s) => node(ROOT, join(BENCH_DIR, "raw-floor.mjs"), s.site, s.out("raw")), out: "raw" },
  { key: "build-edited", label: "build, 1 edited", command: (s) => build(s), out: "openings", edit: true, verify: editShown },
  { key: "check-edited", label: "check, 1 edited", command: check, edit: true, verify: checked },
  { key: "check", label: "check, cold", command: check, cold: true, verify: checked },
];
const row = (key: string) => ROWS.find((r) => r.key === key) as Row;
/** Rotated each run so drift on the machine spreads evenly; --no-search right before the full build, whose output and cache the edit rows reuse. */
const ROTATION = [["no-search", "openings"], ["eleventy"], ["hugo"], ["raw"]].map((group) => group.filter((key) => key !== "hugo" || HUGO));
const AT_LARGEST = ["build-edited", "check-edited", "check"];

function prepare(root: string, n: number, seed: number): SiteUnderTest {
  const [site, eleventy, hugo] = ["site", "eleventy", "hugo"].map((name) => join(root, `${name}-${n}`)) as [string, string, string];
  const { postings } = generateSite(site, n, seed);
  writeEleventySite(site, eleventy);
  if (HUGO) writeHugoSite(site, hugo);
  const sample = postings.find((p) => p.url.startsWith("/about/")) ?? (postings[0] as GeneratedSite["postings"][number]);
  const open = postings.filter((p) => !p.closed && p.url.startsWith("/jobs/"));
  const edited = open[Math.floor(open.length / 2)] ?? sample;
  const out = (tool: string) => join(root, `out-${tool}-${n}`);
  const file = join(site, edited.file);
  const page = join(out("openings"), edited.url, "index.html");
  return { n, site, eleventy, hugo, out, samplePage: join(sample.url, "index.html").slice(1), edited: { file, original: readFileSync(file, "utf8"), page } };
}

/** The last lines of an output, without stack frames: the error's message is what says why. */
const tail = (text: string, lines = 3) =>
  text
    .trim()
    .split("\n")
    .filter((line) => !/^\s+at /.test(line))
    .slice(-lines)
    .join("\n");
const countHtml = (dir: string) => (existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".html")).length : 0);
const isFullPage = (file: string) => existsSync(file) && /<html[\s>]/i.test(readFileSync(file, "utf8"));

function clearCacheButShareImages(site: string): void {
  const dir = join(site, CACHE_DIR);
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) if (name !== SHARE_IMAGE_CACHE) rmSync(join(dir, name), { recursive: true, force: true });
}

/** One untimed build per site that draws its share images into the cache; what it took is reported. */
async function drawShareImages(s: SiteUnderTest, timeoutMs: number): Promise<string> {
  rmSync(join(s.site, CACHE_DIR), { recursive: true, force: true });
  const { command, args, cwd, env } = build(s, "--no-search");
  const m = await measure(command, args, { cwd, env, timeoutMs });
  rmSync(s.out("openings"), { recursive: true, force: true });
  const drawn = /Share images: (\d+) drawn/.exec(m.stdout)?.[1];
  if (m.exitCode !== 0 || drawn === undefined) return `${fmtN(s.n).padStart(6)}: FAILED: ${tail(m.stderr || m.stdout)}`;
  const cpu = m.userSeconds === null || m.sysSeconds === null ? null : m.userSeconds + m.sysSeconds;
  return `${fmtN(s.n).padStart(6)}: ${drawn} images drawn in a --no-search build of ${m.wallSeconds.toFixed(2)} s wall, ${fmt(cpu)} s CPU (user + sys, all processes)`;
}

async function runRow(r: Row, s: SiteUnderTest, run: number, timeoutMs: number): Promise<Sample> {
  const out = r.out && s.out(r.out);
  if (r.cold) clearCacheButShareImages(s.site);
  if (out && !r.edit) rmSync(out, { recursive: true, force: true });
  const marker = `benchmarked${process.pid}x${run}x${r.key}`;
  if (r.edit) writeFileSync(s.edited.file, `${s.edited.original}\nEdited for the benchmark: ${marker}.\n`);
  const { command, args, cwd, env } = r.command(s);
  const m = await measure(command, args, { cwd, env, timeoutMs });
  const pages = out ? countHtml(out) : undefined;
  const failure = m.timedOut
    ? "timed out"
    : m.exitCode !== 0
      ? `exit code ${m.exitCode ?? m.signal}: ${tail(m.stderr || m.stdout)}`
      : out && (pages ?? 0) < s.n
        ? `wrote only ${pages} HTML pages for ${s.n} postings`
        : out && !isFullPage(join(out, s.samplePage))
          ? `${s.samplePage} is missing or not a full HTML page (no layout?)`
          : r.verify?.(m, s, marker);
  // The peers' outputs go at once (tmpfs is memory); Openings' stays for the edit rows.
  if (out && r.out !== "openings") rmSync(out, { recursive: true, force: true });
  return toSample(m, run, failure, { ...(pages === undefined ? {} : { pages }), ...(r.out === "openings" ? { stages: parseStages(m.stdout) } : {}) });
}

/** "Pages rendered in 1.69 s, search index written in 0.80 s." → { "pages rendered": 1.69, "search index written": 0.8 } */
const parseStages = (stdout: string): Record<string, number> =>
  Object.fromEntries([...stdout.matchAll(/([A-Za-z][A-Za-z ]*?) in (\d+(?:\.\d+)?) ?s\b/g)].map((m) => [(m[1] ?? "").trim().toLowerCase(), Number(m[2])]));

async function bench(options: Options, root: string): Promise<number> {
  const startedAt = new Date();
  const loadAtStart = loadavg()[0] ?? 0;
  const largest = options.sizes.at(-1) as number;
  const sites = options.sizes.map((n) => {
    log(`generating ${fmtN(n)} postings (seed ${options.seed}) …`);
    return prepare(root, n, options.seed);
  });
  const firstDrawings: string[] = [];
  for (const s of sites) {
    firstDrawings.push(await drawShareImages(s, options.timeoutMs));
    log(`[share images] ${firstDrawings.at(-1)}`);
  }
  const samples = new Map<string, Sample[]>();
  const measureRow = async (key: string, s: SiteUnderTest, run: number) => {
    const x = await runRow(row(key), s, run, options.timeoutMs);
    const figures = `${x.wallSeconds.toFixed(2)} s, user ${fmt(x.userSeconds)} s, sys ${fmt(x.sysSeconds)} s, ${fmt(x.peakRssMB, 0)} MB (tree ${fmt(x.treeRssMB, 0)} MB)`;
    log(
      `[${run ? `run ${run}/${options.runs}` : "warm-up"}] ${fmtN(s.n).padStart(6)} ${row(key).label.trim().padEnd(16)} ${x.ok ? figures : `FAILED: ${x.failure}`}`,
    );
    if (run) samples.set(`${key}:${s.n}`, [...(samples.get(`${key}:${s.n}`) ?? []), x]);
  };
  // Untimed: fills tsx's transform cache and the file cache, so run 1 is not the odd one out.
  for (const key of ROTATION.flat()) await measureRow(key, sites[0] as SiteUnderTest, 0);
  for (let run = 1; run <= options.runs; run++) {
    for (const s of sites) {
      const turn = (run - 1) % ROTATION.length;
      for (const key of [...ROTATION.slice(turn), ...ROTATION.slice(0, turn)].flat()) await measureRow(key, s, run);
      if (s.n === largest) for (const key of AT_LARGEST) await measureRow(key, s, run);
      writeFileSync(s.edited.file, s.edited.original); // every run's cold builds see the same postings
    }
  }

  const results: SizeResult[] = sites.map((s) => {
    const keys = ROWS.map((r) => r.key).filter((key) => s.n === largest || !AT_LARGEST.includes(key));
    return {
      postings: s.n,
      rows: Object.fromEntries(keys.map((k) => [k, k === "hugo" && !HUGO ? HUGO_SKIPPED : summarise(samples.get(`${k}:${s.n}`) ?? [], s.n)])),
    };
  });
  const targets = evaluateTargets(results);
  const machine = `${cpus()[0]?.model.trim()}, ${cpus().length} cores, ${Math.round(totalmem() / 1024 ** 3)} GiB, Node ${process.version}, ${process.platform} ${release()}`;
  const command = `npm run bench -- ${process.argv.slice(2).join(" ")}`.trim().replace(/ --$/, "");
  const report = [
    `Openings benchmark, ${startedAt.toISOString()}: ${command}`,
    `machine: ${machine}; load average ${loadAtStart.toFixed(2)} at start, ${(loadavg()[0] ?? 0).toFixed(2)} at end`,
    `code: ${codeVersion()}; Hugo: ${HUGO ?? HUGO_SKIPPED}; temporary folders in ${options.tmp}`,
    `figures: median of ${options.runs} interleaved run(s), each build a whole process polled through /proc every 20 ms; MB = MiB; user, sys and tree CPU`,
    "  count every process a build starts; peak RSS is the largest one process, tree RSS the largest sum at one moment",
    "",
    ...table(results),
    "Share images, drawn once per site before the timed runs; every timed build copies them from the cache, as a site's builds after its first do:",
    ...firstDrawings.map((line) => `  ${line}`),
    "",
    "Targets (issue 13)",
    ...formatTargets(targets),
  ].join("\n");
  console.log(report);
  const json = join(BENCH_DIR, "results", "latest.json");
  mkdirSync(join(BENCH_DIR, "results"), { recursive: true });
  writeFileSync(
    json,
    `${JSON.stringify({ date: startedAt, command, code: codeVersion(), hugo: HUGO ?? null, machine, options, results, targets }, null, 2)}\n`,
  );
  log(`\nwrote ${relative(process.cwd(), json)}`);
  return [...samples.values()].flat().some((x) => !x.ok) ? 1 : 0;
}

function table(results: SizeResult[]): string[] {
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(i === 0 ? 9 : 17) : c.padStart(11))).join(" ");
  const lines = [line(["postings", "build", "wall s", "ms/posting", "user s", "sys s", "tree CPU s", "peak RSS MB", "tree RSS MB", "pages"])];
  const indent = "".padEnd(10);
  const times = (r: number | null | string) => (typeof r === "number" ? `${r.toFixed(2)}×` : r === null ? "FAILED" : "n/a");
  for (const size of results) {
    for (const [i, [key, s]] of Object.entries(size.rows).entries()) {
      const cells = [i === 0 ? fmtN(size.postings) : "", row(key).label];
      const failed = typeof s === "string" ? [] : s.samples.filter((x) => !x.ok);
      if (typeof s === "string") lines.push(line([...cells, s]));
      else if (s.wallSeconds === null) lines.push(`${line([...cells, "FAILED"])}   ${failed[0]?.failure?.split("\n")[0]}`);
      else {
        const figures = [s.wallSeconds, s.msPerPosting, s.userSeconds, s.sysSeconds, s.treeCpuSeconds].map((value) => fmt(value));
        const note = failed.length ? `   (${failed.length} of ${s.samples.length} runs failed)` : "";
        lines.push(line([...cells, ...figures, fmt(s.peakRssMB, 0), fmt(s.treeRssMB, 0), s.pages === undefined ? "-" : fmtN(s.pages)]) + note);
      }
    }
    for (const key of ["openings", "no-search"]) {
      const over = (peer: string) =>
        `÷ ${row(peer).label} ${times(ratio(size.rows[key], size.rows[peer]))} (CPU ${times(ratio(size.rows[key], size.rows[peer], "treeCpuSeconds"))})`;
      lines.push(`${indent}${row(key).label.trim()}: ${["eleventy", "hugo", "raw"].map(over).join(", ")}`);
    }
    const stages = Object.entries((size.rows.openings as Summary).stages ?? {}).map(([name, seconds]) => `${name} ${fmt(seconds)} s`);
    if (stages.length) lines.push(`${indent}Openings build's own timers (median): ${stages.join(", ")}`);
    const runs = Object.entries(size.rows).flatMap(([key, s]) =>
      typeof s === "string" ? [] : [`${key} ${s.samples.map((x) => (x.ok ? x.wallSeconds.toFixed(2) : "FAIL")).join("/")}`],
    );
    lines.push(`${indent}runs (wall s): ${runs.join("; ")}`, "");
  }
  return lines;
}

/** The commit measured, and whether the code differed from it (others may be editing while the benchmark runs). */
function codeVersion(): string {
  const git = (...args: string[]) => spawnSync("git", args, { cwd: ROOT, encoding: "utf8" });
  const head = git("rev-parse", "--short", "HEAD");
  if (head.status !== 0) return "unknown (no git)";
  const dirty = git("status", "--porcelain", "--", "src", "layouts", "package.json").stdout.trim();
  return `${head.stdout.trim()}${dirty ? " + uncommitted changes in src/, layouts/ or package.json" : ""}`;
}

/** One full build at the largest size with V8's profiler on in every thread, each thread's profile summarised. */
async function profile(options: Options, root: string): Promise<void> {
  const n = options.sizes.at(-1) as number;
  generateSite(join(root, "site"), n, options.seed);
  const dir = join(BENCH_DIR, "results", `profiles-${n}`);
  rmSync(dir, { recursive: true, force: true });
  log(`profiling \`npm run build\` on ${fmtN(n)} postings, with node --cpu-prof --cpu-prof-dir=${relative(ROOT, dir)} …`);
  // Node 20 refuses --cpu-prof in NODE_OPTIONS: it goes on the script's own node (or tsx's).
  const withProfiler = (script: string) => {
    if (!/^(node|tsx) /.test(script)) throw new Error(`--profile: cannot add --cpu-prof to the build script \`${script}\``);
    return script.replace(/^(node|tsx) /, (_, bin) => `node --cpu-prof --cpu-prof-dir=${dir}${bin === "tsx" ? " --import tsx" : ""} `);
  };
  const { command, args, cwd, env } = npmScript("build", ["--site", join(root, "site"), "--out", join(root, "out")], withProfiler);
  const m = await measure(command, args, { cwd, env, timeoutMs: options.timeoutMs });
  if (m.exitCode !== 0)
    throw new Error(`the profiled build failed (${m.timedOut ? "timed out" : `exit code ${m.exitCode ?? m.signal}`}): ${tail(m.stderr || m.stdout)}`);
  console.log(`${tail(m.stdout, 2)}\nwall ${m.wallSeconds.toFixed(2)} s with the profiler on; profiles in ${relative(process.cwd(), dir)}`);
  // Node names them CPU.<date>.<time>.<pid>.<thread id>.<n>.cpuprofile; thread 0 is a process's main thread.
  for (const file of readdirSync(dir).sort()) {
    const [pid, thread] = file.split(".").slice(-4, -2);
    console.log(`\n=== process ${pid}, ${thread === "0" ? "main thread" : `thread ${thread}`} (${file})\n${summariseProfile(join(dir, file), ROOT)}`);
  }
}

let tmpRoot: string | undefined;
let keepTmp = false;
const cleanUp = () => {
  if (tmpRoot && !keepTmp) rmSync(tmpRoot, { recursive: true, force: true });
};
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    log(`\n${signal}: stopping the build and removing temporary folders`);
    for (const pid of running) killGroup(pid, "SIGKILL");
    cleanUp();
    process.exit(130);
  });
}
const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<number> {
  let options: Options | undefined;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!options) {
    console.log(USAGE);
    return 0;
  }
  keepTmp = options.keep;
  tmpRoot = mkdtempSync(join(options.tmp, "openings-bench-"));
  log(`temporary folders in ${tmpRoot}${options.keep ? " (kept)" : ""}`);
  try {
    if (!options.profile) return await bench(options, tmpRoot);
    await profile(options, tmpRoot);
    return 0;
  } finally {
    cleanUp();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    cleanUp();
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
