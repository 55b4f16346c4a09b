import { HtmlBasePlugin } from "@11ty/eleventy";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { rssPlugin } from "@11ty/eleventy-plugin-rss";
import { discoveryFiles } from "./src/discovery.ts";
import { formatProblem } from "./src/format-problems.ts";
import { type CareersSite, isPosting, JOBS_DIR, loadSite } from "./src/load-site.ts";
import { cacheNunjucksCompilation } from "./src/nunjucks-compile-cache.ts";
import { hasErrors, ProblemsFound } from "./src/problem.ts";
import { ROLE_PAGES_WRITTEN_BY_BUILD, writeRolePagesInParallel } from "./src/render-pages.ts";
import { loadSiteConfig, SITE_FILE } from "./src/site-config.ts";
import { templateFilters } from "./src/template-filters.ts";

// Eleventy only renders: the typed core in src/ reads, validates and derives
// every value, and hands the templates in layouts/ one `openings` object.
// Role pages, one per posting, are rendered by src/render-pages.ts as the
// build starts, through the same layouts; Eleventy renders the rest.
// Postings are never Eleventy templates, so nothing in them reaches Eleventy's
// options or a template engine. https://www.11ty.dev/docs/config/

export default function (eleventyConfig: UserConfig) {
  const siteDir = process.env.OPENINGS_SITE_DIR ?? process.cwd();
  // Drafts show only in the dev server (`npm start`). https://www.11ty.dev/docs/environment-vars/
  const devServer = process.env.ELEVENTY_RUN_MODE === "serve" || process.env.ELEVENTY_RUN_MODE === "watch";

  // In the dev server, when only postings changed, only their role and
  // redirect pages are rendered again (the index, filter pages and feeds
  // always are): an edit shows in seconds on a large site. Anything else
  // changing renders everything.
  // https://www.11ty.dev/docs/events/#eleventy.beforewatch
  let onlyPostingsChanged = false;
  eleventyConfig.on("eleventy.beforeWatch", (changedFiles: string[]) => {
    onlyPostingsChanged = changedFiles.length > 0 && changedFiles.every((file) => isPosting(siteDir, file));
  });

  // Each build loads the site once, as it starts, and writes the role pages.
  // https://www.11ty.dev/docs/events/#eleventy.before
  let openings: Readonly<CareersSite & { redirectPages: CareersSite["redirects"] }> | undefined;
  let rolePagesWritten: Promise<unknown> = Promise.resolve();
  eleventyConfig.on("eleventy.before", async ({ directories }: { directories: { output: string } }) => {
    openings = undefined;
    const { site, problems, reparsed } = await loadSite({ siteDir, includeDrafts: devServer });
    // `npm run build` printed these already, before Eleventy started; the dev server has no such step.
    if (devServer) for (const problem of problems) console.error(formatProblem(problem));
    if (!site || hasErrors(problems)) throw new ProblemsFound(problems);
    const incremental = devServer && onlyPostingsChanged;
    const rolePages = incremental ? site.roles.filter((role) => reparsed.has(role.file)) : site.roles;
    // `npm run build` has them written already (src/build-site.ts); the dev server writes them here.
    if (!process.env[ROLE_PAGES_WRITTEN_BY_BUILD]) {
      // On worker threads while Eleventy renders the rest, when the site is large enough to gain from it.
      rolePagesWritten = writeRolePagesInParallel(directories.output, site, rolePages);
      // Awaited in eleventy.after; a failure also stops the build if Eleventy fails first.
      rolePagesWritten.catch(() => {});
    }
    const edited = new Set(rolePages.map((role) => role.url));
    const redirectPages = incremental ? site.redirects.filter((redirect) => edited.has(redirect.to)) : site.redirects;
    // Eleventy deep-copies plain data objects into every template's data, and
    // once more per paginated template; a frozen one it shares as it is. With
    // 10,000 roles those copies were most of the build's memory.
    openings = Object.freeze({ ...site, redirectPages });
  });

  eleventyConfig.on("eleventy.after", () => rolePagesWritten);

  // https://www.11ty.dev/docs/data-global-custom/
  eleventyConfig.addGlobalData("openings", () => {
    if (!openings) throw new Error("the site was not loaded before Eleventy asked for its data");
    return openings;
  });

  // https://www.11ty.dev/docs/watch-serve/#add-your-own-watch-targets
  eleventyConfig.addWatchTarget(`${siteDir}/${JOBS_DIR}/`);
  eleventyConfig.addWatchTarget(`${siteDir}/${SITE_FILE}`);

  // https://www.11ty.dev/docs/copy/
  eleventyConfig.addPassthroughCopy({ "layouts/assets": "assets" });

  // Every root-relative URL in the output gets `path_prefix`. https://www.11ty.dev/docs/plugins/html-base/
  eleventyConfig.addPlugin(HtmlBasePlugin);

  // Atom and JSON feed dates (`dateToRfc3339`); bodies go absolute with HtmlBasePlugin's `transformWithHtmlBase`. https://www.11ty.dev/docs/plugins/rss/
  eleventyConfig.addPlugin(rssPlugin);
  // sitemap.xml, robots.txt, feed.xml, feed.json and jobs.json place the values of src/discovery.ts. https://www.11ty.dev/docs/filters/
  eleventyConfig.addFilter("discoveryFiles", discoveryFiles);

  // Compile each Nunjucks template once, not once per page (see the module for why).
  let nunjucksEnvironment: { render(name: string, context: object): string } | undefined;
  eleventyConfig.on(
    "eleventy.engine.njk",
    ({ nunjucks, environment }: { nunjucks: Parameters<typeof cacheNunjucksCompilation>[0]; environment: typeof nunjucksEnvironment }) => {
      cacheNunjucksCompilation(nunjucks);
      nunjucksEnvironment = environment;
    },
  );

  // The filters role pages are rendered with too (src/template-filters.ts).
  for (const [name, filter] of Object.entries(templateFilters(() => nunjucksEnvironment))) eleventyConfig.addFilter(name, filter);

  // Everything from a posting is text unless a template says `| safe` (only sanitized bodies do).
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true });

  const { config } = loadSiteConfig(siteDir);
  return { pathPrefix: config?.path_prefix ?? "/" };
}

export const config = {
  dir: { input: "layouts", includes: "_includes" },
  templateFormats: ["njk"],
};
