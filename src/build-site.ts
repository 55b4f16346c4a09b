import { existsSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { indexSearch } from "./index-search.ts";
import type { CareersSite } from "./load-site.ts";
import { ROLE_PAGES_WRITTEN_BY_BUILD, writeRolePagesInParallel } from "./render-pages.ts";

// Step 6: render role pages (render-pages.ts) and everything else (Eleventy)
// into a fresh folder beside the output, and swap it in only when every page
// was written. A failed build leaves the previous site exactly as it was.

export const PROJECT_ROOT = join(import.meta.dirname, "..");

/** Seconds spent in each stage, for the command line and the benchmark. */
export interface BuildTimings {
  render: number;
  search: number;
}

export async function buildSite(siteDir: string, outputDir: string, site: CareersSite, options: { search: boolean } = { search: true }): Promise<BuildTimings> {
  const staging = join(dirname(outputDir), `.${basename(outputDir)}.building-${process.pid}`);
  const previous = join(dirname(outputDir), `.${basename(outputDir)}.previous-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  process.env.OPENINGS_SITE_DIR = siteDir;
  // Eleventy resolves its input and config from the working folder.
  const workingDir = process.cwd();
  process.chdir(PROJECT_ROOT);
  const started = performance.now();
  let rendered = started;
  // Role pages start first (on worker threads, for a large site), while
  // Eleventy, which takes most of a second to load, renders the other pages.
  const rolePages = writeRolePagesInParallel(staging, site, site.roles);
  rolePages.catch(() => {}); // Awaited below; Eleventy may fail first.
  process.env[ROLE_PAGES_WRITTEN_BY_BUILD] = "1";
  try {
    const { Eleventy } = await import("@11ty/eleventy");
    const eleventy = new Eleventy("layouts", staging, { configPath: ".eleventy.ts", quietMode: true, runMode: "build" });
    await eleventy.write();
    await rolePages;
    rendered = performance.now();
    if (options.search) await indexSearch(staging);
  } catch (cause) {
    rmSync(staging, { recursive: true, force: true });
    throw cause;
  } finally {
    delete process.env[ROLE_PAGES_WRITTEN_BY_BUILD];
    process.chdir(workingDir);
  }
  if (existsSync(outputDir)) renameSync(outputDir, previous);
  renameSync(staging, outputDir);
  rmSync(previous, { recursive: true, force: true });
  return { render: (rendered - started) / 1000, search: (performance.now() - rendered) / 1000 };
}
