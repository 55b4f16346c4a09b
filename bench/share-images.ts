import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { generateSite } from "./generate.ts";

// What share images cost a build: generated sites of each size (the
// benchmark's postings, with the example site's logo and colour) built
// without search three ways, through the compiled command line as users run
// it: without share images, with them and an empty cache (cold), and again
// with the cache the cold build left (warm).
//   npx tsx bench/share-images.ts --sizes 50,1000

const ROOT = join(import.meta.dirname, "..");
const { values } = parseArgs({ options: { sizes: { type: "string", default: "50,1000" }, seed: { type: "string", default: "7" } } });
const sizes = values.sizes.split(",").map(Number);

/** Wall time, and CPU time (user + system, all threads) as GNU time counts it: the fairer figure on a busy machine. */
function build(site: string, out: string, ...flags: string[]) {
  const started = performance.now();
  const command = [process.execPath, join(ROOT, "bin/openings.js"), "build", "--site", site, "--out", out, "--no-search", ...flags];
  const result = spawnSync("/usr/bin/time", ["-f", "cpu %U %S", ...command], { encoding: "utf8" });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`build failed:\n${result.stderr}`);
  const images = /Share images: (\d+) drawn, (\d+) unchanged/.exec(result.stdout);
  const [, user = "0", system = "0"] = /cpu ([\d.]+) ([\d.]+)/.exec(result.stderr) ?? [];
  return { seconds, cpu: Number(user) + Number(system), drawn: Number(images?.[1] ?? 0), reused: Number(images?.[2] ?? 0) };
}

// Compiles dist/ first, so the first row does not pay for it.
spawnSync(process.execPath, [join(ROOT, "bin/openings.js"), "--version"]);
console.log(
  `load average at start: ${loadavg()
    .map((n) => n.toFixed(1))
    .join(" ")}`,
);
console.log("postings  build                     wall s    CPU s   images drawn / from cache");
for (const n of sizes) {
  const dir = mkdtempSync(join(tmpdir(), `openings-share-bench-${n}-`));
  const site = join(dir, "site");
  generateSite(site, n, Number(values.seed));
  cpSync(join(ROOT, "brand"), join(site, "brand"), { recursive: true });
  spawnSync("sh", ["-c", `printf 'logo: brand/logo.svg\\naccent_color: "#1b6b47"\\n' >> ${JSON.stringify(join(site, "site.yaml"))}`]);
  const rows: [string, ReturnType<typeof build>][] = [];
  rows.push(["--no-share-images", build(site, join(dir, "out"), "--no-share-images")]);
  rmSync(join(site, ".openings-cache"), { recursive: true, force: true });
  rows.push(["share images, cold", build(site, join(dir, "out"))]);
  rows.push(["share images, warm", build(site, join(dir, "out"))]);
  for (const [label, { seconds, cpu, drawn, reused }] of rows) {
    console.log(`${String(n).padStart(8)}  ${label.padEnd(24)} ${seconds.toFixed(2).padStart(7)}  ${cpu.toFixed(2).padStart(7)}   ${drawn} / ${reused}`);
  }
  rmSync(dir, { recursive: true, force: true });
}
console.log(
  `load average at end: ${loadavg()
    .map((n) => n.toFixed(1))
    .join(" ")}`,
);
