import { Eleventy } from "@11ty/eleventy";
import type { BuildContext, CareersSite } from "../model.ts";
import { LAYOUTS_DIR } from "../render/render-pages.ts";
import { writeBrandFiles } from "./brand-files.ts";
import { checkWrittenAsPlanned } from "./check-written.ts";
import { openingsPlugin } from "./eleventy-plugin.ts";
import { type SearchIndexResult, startSearchIndex } from "./index-search.ts";
import { BUILD_MARKER, openOutputFolder, outputErrorFor } from "./output-folder.ts";
import { writeRoleAndRedirectPages } from "./role-pages.ts";
import { type ShareImagesResult, startShareImages } from "./share-images.ts";

// Render role pages (render/render-pages.ts) and everything else (Eleventy)
// into a fresh staging folder, and swap it in only when every page was
// written (output-folder.ts). A failed build leaves the previous site exactly
// as it was.

/** Seconds spent in each stage, for the command line and the benchmark. */
export interface BuildTimings {
  render: number;
  search: number;
  /** Share images drawn, and copied unchanged from the cache. */
  shareImages: Pick<ShareImagesResult, "drawn" | "reused">;
  /** Search index parts indexed, and copied unchanged from the cache; none with `--no-search`. */
  searchParts?: SearchIndexResult;
}

/** `force`: replace an output folder that Openings did not write (`--force`). */
export async function buildSite(
  context: BuildContext,
  site: CareersSite,
  options: { search: boolean; force?: boolean } = { search: true },
): Promise<BuildTimings> {
  const { outputDir } = context;
  // Refuses a folder that is not the build's to replace, before anything is written.
  const output = openOutputFolder(outputDir, context.siteDir, { force: options.force ?? false });
  const { staging } = output;
  const started = performance.now();
  let rendered = started;
  // Role pages start first (on worker threads, for a large site), while
  // Eleventy renders the other pages.
  const rolePages = writeRoleAndRedirectPages(staging, site, site.roles, site.redirects, context.workers);
  rolePages.catch(() => {}); // Awaited below; Eleventy may fail first.
  // The search index is built from the roles meanwhile, in Pagefind's own processes.
  const search = options.search ? startSearchIndex(site, staging, context.buildCache) : undefined;
  let shareImages: ReturnType<typeof startShareImages> | undefined;
  let images: ShareImagesResult = { written: [], drawn: 0, reused: 0 };
  let searchParts: SearchIndexResult | undefined;
  try {
    // Cached share images are copied now, and a worker draws the rest meanwhile.
    shareImages = startShareImages(staging, site, { cacheDir: context.buildCache, workers: context.workers });
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
    // A failure reaches the command line, which says it once in plain words; Eleventy would print it first, stack trace and all.
    eleventy.logger.overrideLogger({ log: console.log, info: console.info, warn: () => {}, error: () => {} });
    process.on("unhandledRejection", ignoreFailedAssetCopy);
    const eleventyResult = await eleventy.write();
    process.off("unhandledRejection", ignoreFailedAssetCopy);
    await rolePages;
    // This thread is free now: it draws what share images are left.
    images = await shareImages.finish();
    const brandFiles = writeBrandFiles(staging, site);
    rendered = performance.now();
    searchParts = await search?.finished();
    checkWrittenAsPlanned(staging, site, eleventyResult, [...brandFiles, ...images.written, BUILD_MARKER]);
  } catch (cause) {
    await search?.close();
    await rolePages.catch(() => {});
    await shareImages?.abandon();
    output.discard();
    throw outputErrorFor(cause, outputDir) ?? cause;
  }
  output.publish();
  return {
    render: (rendered - started) / 1000,
    search: (performance.now() - rendered) / 1000,
    shareImages: { drawn: images.drawn, reused: images.reused },
    searchParts,
  };
}

/**
 * Eleventy starts copying assets, then waits for the templates before it
 * handles the copy's failure (TemplatePassthroughManager's copyAll), so on a
 * full disk Node would stop the process over an "unhandled" rejection before
 * the build could say why. The same failure, or an earlier one, still
 * reaches `write()`; after a failed build the copy may never be handled, so
 * this stays in place then.
 */
function ignoreFailedAssetCopy(reason: unknown): void {
  if (!(reason instanceof Error && reason.name === "TemplatePassthroughManagerCopyError")) throw reason;
}
