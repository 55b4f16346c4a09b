import { existsSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { BuildContext, CareersSite } from "../model.ts";
import { LAYOUTS_DIR } from "../render/render-pages.ts";
import { openingsPlugin } from "./eleventy-plugin.ts";
import { startSearchIndex } from "./index-search.ts";
import { writeRoleAndRedirectPages } from "./role-pages.ts";

// Render role pages (render/render-pages.ts) and everything else (Eleventy)
// into a fresh folder beside the output, and swap it in only when every page
// was written. A failed build leaves the previous site exactly as it was.

/** Seconds spent in each stage, for the command line and the benchmark. */
export interface BuildTimings {
  render: number;
  search: number;
}

export async function buildSite(context: BuildContext, site: CareersSite, options: { search: boolean } = { search: true }): Promise<BuildTimings> {
  const { outputDir } = context;
  const staging = join(dirname(outputDir), `.${basename(outputDir)}.building-${process.pid}`);
  const previous = join(dirname(outputDir), `.${basename(outputDir)}.previous-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  const started = performance.now();
  let rendered = started;
  // Role pages start first (on worker threads, for a large site), while
  // Eleventy, which takes most of a second to load, renders the other pages.
  const rolePages = writeRoleAndRedirectPages(staging, site, site.roles, site.redirects, context.workers);
  rolePages.catch(() => {}); // Awaited below; Eleventy may fail first.
  // The search index is fed from the roles meanwhile, in Pagefind's own process.
  const search = options.search ? startSearchIndex(site) : undefined;
  try {
    const { Eleventy } = await import("@11ty/eleventy");
    // No config file: the Openings plugin is the whole configuration, handed this build's context and site.
    // https://www.11ty.dev/docs/programmatic/
    const eleventy = new Eleventy(LAYOUTS_DIR, staging, {
      configPath: false,
      quietMode: true,
      runMode: "build",
      pathPrefix: site.config.path_prefix,
      config: (eleventyConfig) => {
        eleventyConfig.setTemplateFormats(["njk"]);
        eleventyConfig.addPlugin(openingsPlugin, { context: { ...context, outputDir: staging }, site, rolePages });
      },
    });
    await eleventy.write();
    await rolePages;
    rendered = performance.now();
    await search?.writeTo(staging);
  } catch (cause) {
    await search?.close();
    rmSync(staging, { recursive: true, force: true });
    throw cause;
  }
  if (existsSync(outputDir)) renameSync(outputDir, previous);
  renameSync(staging, outputDir);
  rmSync(previous, { recursive: true, force: true });
  return { render: (rendered - started) / 1000, search: (performance.now() - rendered) / 1000 };
}
