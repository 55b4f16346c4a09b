import { existsSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { Eleventy } from "@11ty/eleventy";
import { indexSearch } from "./index-search.ts";

// Step 6: render through Eleventy into a fresh folder beside the output, and
// swap it in only when every page was written. A failed build leaves the
// previous site exactly as it was.

export const PROJECT_ROOT = join(import.meta.dirname, "..");

/** Seconds spent in each stage, for the command line and the benchmark. */
export interface BuildTimings {
  render: number;
  search: number;
}

export async function buildSite(siteDir: string, outputDir: string, options: { search: boolean } = { search: true }): Promise<BuildTimings> {
  const staging = join(dirname(outputDir), `.${basename(outputDir)}.building-${process.pid}`);
  const previous = join(dirname(outputDir), `.${basename(outputDir)}.previous-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  process.env.OPENINGS_SITE_DIR = siteDir;
  // Eleventy resolves its input and config from the working folder.
  const workingDir = process.cwd();
  process.chdir(PROJECT_ROOT);
  const started = performance.now();
  let rendered = started;
  try {
    const eleventy = new Eleventy("layouts", staging, { configPath: ".eleventy.ts", quietMode: true, runMode: "build" });
    await eleventy.write();
    rendered = performance.now();
    if (options.search) await indexSearch(staging);
  } catch (cause) {
    rmSync(staging, { recursive: true, force: true });
    throw cause;
  } finally {
    process.chdir(workingDir);
  }
  if (existsSync(outputDir)) renameSync(outputDir, previous);
  renameSync(staging, outputDir);
  rmSync(previous, { recursive: true, force: true });
  return { render: (rendered - started) / 1000, search: (performance.now() - rendered) / 1000 };
}
