import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { launch } from "chrome-launcher";
import lighthouse, { desktopConfig, type Flags, type Result } from "lighthouse";
import { parse } from "node-html-parser";

// `npm run audit`: Lighthouse, in Debian's Chromium, against the site as
// `npm run preview` serves it: the jobs index, a filter page and a role page,
// on a phone and on a desktop, in all four categories. Prints the scores and
// what failed; exits 1 when any score is below --min (100 by default).
//
// Performance uses Lighthouse's simulated throttling (its default), which
// models a slow network and CPU from one trace instead of slowing the page
// for real. On a busy machine the trace's own tasks still run slower than on
// an idle one, so a performance score below the bar is measured again (up to
// --runs times in all) and the best is kept, as Lighthouse's guide to
// variability suggests: a site that reached the bar once can reach it.

const ROOT = join(import.meta.dirname, "..");
const OPENINGS = join(ROOT, "bin/openings.js");
export const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
export type Category = (typeof CATEGORIES)[number];
export const DEVICES = ["mobile", "desktop"] as const;
export type Device = (typeof DEVICES)[number];

export interface AuditOptions {
  /** The site folder: built, unless `builtDir` is given, and read for its path_prefix. */
  siteDir: string;
  /** A folder `openings build` wrote, audited as it is. */
  builtDir?: string;
  /** The lowest acceptable score, 0 to 100. */
  min: number;
  /** How many performance runs at most, when a score is below `min`. */
  performanceRuns: number;
  chromiumPath: string;
  log: (line: string) => void;
}

export interface FailingAudit {
  category: Category;
  id: string;
  title: string;
  /** Lighthouse's measured value, like "3.1 s"; may be empty. */
  value: string;
}

export interface PageAudit {
  page: "index" | "filter page" | "role page";
  /** As served, with path_prefix: `/jobs/`. */
  path: string;
  device: Device;
  /** 0 to 100; performance is the best of `performanceRuns`. */
  scores: Record<Category, number>;
  performanceRuns: number[];
  failing: FailingAudit[];
  /** "Lighthouse 12.8.2, Chrome/156.0.0.0" */
  tool: string;
}

export async function runAudit(options: AuditOptions): Promise<PageAudit[]> {
  const scratch = options.builtDir ? undefined : mkdtempSync(join(tmpdir(), "openings-audit-"));
  const builtDir = options.builtDir ?? join(scratch as string, "site");
  let preview: ChildProcess | undefined;
  let chrome: Awaited<ReturnType<typeof launch>> | undefined;
  // Should this process end early, the preview server must not outlive it.
  const stopPreview = () => preview?.kill();
  try {
    if (!options.builtDir) {
      options.log(`Building ${options.siteDir} …`);
      const build = spawnSync(process.execPath, [OPENINGS, "build", "--site", options.siteDir, "--out", builtDir], { encoding: "utf8" });
      if (build.status !== 0) throw new Error(`the build failed:\n${build.stderr}${build.stdout}`);
    }
    preview = spawn(process.execPath, [OPENINGS, "preview", "--site", options.siteDir, "--out", builtDir, "--port", "0"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    process.once("exit", stopPreview);
    const { origin, prefix } = await servedAt(preview);
    const pages = await pagesToAudit(origin, prefix);
    chrome = await launch({ chromePath: options.chromiumPath, chromeFlags: ["--headless=new", "--no-sandbox"] });
    const results: PageAudit[] = [];
    for (const { page, path } of pages) {
      for (const device of DEVICES) {
        options.log(`Lighthouse: ${path} (${device}) …`);
        results.push(await auditPage(chrome.port, origin, page, path, device, options));
      }
    }
    return results;
  } finally {
    chrome?.kill();
    stopPreview();
    process.removeListener("exit", stopPreview);
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}

async function auditPage(port: number, origin: string, page: PageAudit["page"], path: string, device: Device, options: AuditOptions): Promise<PageAudit> {
  const all = await lighthouseRun(port, `${origin}${path}`, device, [...CATEGORIES]);
  // Performance (and what cost it points) comes from its best run.
  let fastest = all;
  const performanceRuns = [score(all, "performance")];
  while (Math.max(...performanceRuns) < options.min && performanceRuns.length < options.performanceRuns) {
    const again = await lighthouseRun(port, `${origin}${path}`, device, ["performance"]);
    performanceRuns.push(score(again, "performance"));
    if (score(again, "performance") > score(fastest, "performance")) fastest = again;
  }
  const runFor = (category: Category) => (category === "performance" ? fastest : all);
  const scores = Object.fromEntries(CATEGORIES.map((category) => [category, score(runFor(category), category)])) as Record<Category, number>;
  const failing = CATEGORIES.filter((category) => scores[category] < options.min).flatMap((category) => failingAudits(runFor(category), category));
  const tool = `Lighthouse ${all.lighthouseVersion}, ${/Chrome\/[\d.]+/.exec(all.environment.hostUserAgent)?.[0] ?? "Chromium"}`;
  return { page, path, device, scores, performanceRuns, failing, tool };
}

async function lighthouseRun(port: number, url: string, device: Device, onlyCategories: Category[]): Promise<Result> {
  const flags: Flags = { port, output: "json", logLevel: "error", onlyCategories };
  const run = await lighthouse(url, flags, device === "desktop" ? desktopConfig : undefined);
  if (!run) throw new Error(`Lighthouse returned nothing for ${url}`);
  if (run.lhr.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${run.lhr.runtimeError.message}`);
  return run.lhr;
}

function score(lhr: Result, category: Category): number {
  return Math.round((lhr.categories[category]?.score ?? 0) * 100);
}

/** What cost `category` points: its weighted audits that did not pass, and (for performance) the opportunities. */
function failingAudits(lhr: Result, category: Category): FailingAudit[] {
  const failing: FailingAudit[] = [];
  for (const ref of lhr.categories[category]?.auditRefs ?? []) {
    const audit = lhr.audits[ref.id];
    if (!audit || audit.score === null || audit.score >= 1) continue;
    if (ref.weight === 0 && audit.scoreDisplayMode !== "metricSavings") continue;
    failing.push({ category, id: ref.id, title: audit.title, value: audit.displayValue || firstItems(audit.details) });
  }
  return failing;
}

/** What an audit without a value found, from the first two rows of its table: a console message, an element, an address. */
function firstItems(details: Result["audits"][string]["details"]): string {
  const items = details && "items" in details ? (details.items as Record<string, unknown>[]) : [];
  return items
    .slice(0, 2)
    .map((item) => {
      const node = item.node as { snippet?: string } | undefined;
      const text = String(item.description ?? node?.snippet ?? item.url ?? "");
      return text.length > 140 ? `${text.slice(0, 137)}...` : text;
    })
    .filter(Boolean)
    .join(" | ");
}

/** The preview server's origin and the site's path_prefix, from the line it prints once it listens. */
function servedAt(preview: ChildProcess): Promise<{ origin: string; prefix: string }> {
  return new Promise((resolveOrigin, reject) => {
    let output = "";
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /at (http:\/\/127\.0\.0\.1:\d+)(\/\S*) \(/.exec(output);
      if (found?.[1] && found[2]) resolveOrigin({ origin: found[1], prefix: found[2] });
    };
    preview.stdout?.on("data", read);
    preview.stderr?.on("data", read);
    preview.on("exit", (code) => reject(new Error(`the preview server stopped (${code}):\n${output}`)));
    setTimeout(() => reject(new Error(`the preview server did not say where it listens within a minute:\n${output}`)), 60_000).unref();
  });
}

/** The jobs index (from jobs.json), the first team, location or type page it links to, and the first open role. */
async function pagesToAudit(origin: string, prefix: string): Promise<{ page: PageAudit["page"]; path: string }[]> {
  const jobsJson = (await (await fetch(`${origin}${prefix}jobs.json`)).json()) as { url: string; jobs: { url: string }[] };
  const index = new URL(jobsJson.url).pathname;
  const role = jobsJson.jobs[0];
  if (!role) throw new Error("the site has no open role to audit");
  const links = parse(await (await fetch(`${origin}${index}`)).text())
    .querySelectorAll("a[href]")
    .map((a) => a.getAttribute("href") ?? "");
  const filter = ["team", "location", "type"].map((kind) => links.find((href) => href.startsWith(`${index}${kind}/`))).find(Boolean);
  if (!filter) throw new Error(`the jobs index ${index} links to no filter page`);
  return [
    { page: "index", path: index },
    { page: "filter page", path: filter },
    { page: "role page", path: new URL(role.url).pathname },
  ];
}

const LABELS: Record<Category, string> = { performance: "perf", accessibility: "a11y", "best-practices": "best", seo: "seo" };

/** The scores as a table, then every failing audit under its page and device. */
export function formatAudit(results: PageAudit[], { min, performanceRuns }: Pick<AuditOptions, "min" | "performanceRuns">): string {
  const width = Math.max(...results.map((result) => result.path.length), 4);
  const row = (cells: string[]) => cells.join("  ").trimEnd();
  const lines = [
    `${results[0]?.tool ?? "Lighthouse"}, simulated throttling, threshold ${min}. Performance below it is measured up to ${performanceRuns} times; the best run counts.`,
    "",
    row(["page".padEnd(11), "path".padEnd(width), "device ", ...CATEGORIES.map((category) => LABELS[category].padStart(4)), "performance runs"]),
  ];
  for (const result of results) {
    const scores = CATEGORIES.map((category) => String(result.scores[category]).padStart(4));
    lines.push(row([result.page.padEnd(11), result.path.padEnd(width), result.device.padEnd(7), ...scores, result.performanceRuns.join(" ")]));
  }
  const failing = results.filter((result) => result.failing.length > 0);
  if (failing.length > 0) lines.push("", "What cost points:");
  for (const result of failing) {
    lines.push(`  ${result.path} (${result.device})`);
    for (const audit of result.failing) lines.push(`    ${audit.category}: ${audit.title} [${audit.id}]${audit.value ? ` — ${audit.value}` : ""}`);
  }
  return lines.join("\n");
}

export function belowMin(results: PageAudit[], min: number): boolean {
  return results.some((result) => CATEGORIES.some((category) => result.scores[category] < min));
}

async function main(): Promise<number> {
  // Ctrl-C or a kill: exit through "exit", which stops the preview server (Chromium's launcher stops Chromium).
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(130));
  const { values } = parseArgs({
    options: {
      site: { type: "string", default: ROOT },
      built: { type: "string" },
      min: { type: "string", default: "100" },
      runs: { type: "string", default: "3" },
    },
  });
  const min = Number(values.min);
  const runs = Number(values.runs);
  if (!Number.isInteger(min) || min < 0 || min > 100 || !Number.isInteger(runs) || runs < 1) {
    console.error("usage: npm run audit -- [--site DIR] [--built DIR] [--min 0-100] [--runs N]");
    return 2;
  }
  const options: AuditOptions = {
    siteDir: resolve(values.site),
    builtDir: values.built && resolve(values.built),
    min,
    performanceRuns: runs,
    chromiumPath: process.env.OPENINGS_CHROMIUM || "/usr/bin/chromium",
    log: (line) => console.error(line),
  };
  const results = await runAudit(options);
  console.log(formatAudit(results, options));
  return belowMin(results, min) ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) process.exitCode = await main();
