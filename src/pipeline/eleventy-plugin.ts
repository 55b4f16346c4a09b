import type UserConfig from "@11ty/eleventy/UserConfig";
import { rssPlugin } from "@11ty/eleventy-plugin-rss";
import { siteMessages } from "../derive/derive-role.ts";
import type { BuildContext, CareersSite } from "../model.ts";
import { discoveryFiles } from "../plan/discovery.ts";
import { hasErrors, type Problem, ProblemsFound } from "../problem.ts";
import { isPosting, JOBS_DIR } from "../read/read-sources.ts";
import { cacheNunjucksCompilation } from "../render/nunjucks-compile-cache.ts";
import { pageStyles } from "../render/page-styles.ts";
import { LAYOUTS_DIR } from "../render/render-pages.ts";
import { templateFilters } from "../render/template-filters.ts";
import { SITE_FILE } from "../schema/site-schema.ts";
import { writeBrandFiles } from "./brand-files.ts";
import { loadSite } from "./load-site.ts";
import { writeRoleAndRedirectPages } from "./role-pages.ts";

// Eleventy only renders: the typed core reads, validates, derives and plans
// every value, and hands the templates in layouts/ one frozen `openings`
// object. Role pages are rendered by render/render-pages.ts through the same
// layouts; Eleventy renders the index, filter pages, feeds and redirects.
// Postings are never Eleventy templates, so nothing in them reaches
// Eleventy's options or a template engine. https://www.11ty.dev/docs/plugins/

export type OpeningsPluginOptions =
  /** `npm run build`: the site was loaded and checked once, and its role pages are already being written. */
  | { context: BuildContext; site: CareersSite; rolePages: Promise<void> }
  /** The dev server: the site is loaded as each rebuild starts (unchanged postings come from a cache), and the plugin writes the role pages. */
  | { context: BuildContext; report(problems: readonly Problem[]): void };

export function openingsPlugin(eleventyConfig: UserConfig, options: OpeningsPluginOptions): void {
  const { context } = options;

  // In the dev server, when only postings changed, only their role and
  // redirect pages are rendered again (the index, filter pages and feeds
  // always are). https://www.11ty.dev/docs/events/#eleventy.beforewatch
  let onlyPostingsChanged = false;
  eleventyConfig.on("eleventy.beforeWatch", (changedFiles: string[]) => {
    onlyPostingsChanged = changedFiles.length > 0 && changedFiles.every((file) => isPosting(context.siteDir, file));
  });

  // https://www.11ty.dev/docs/events/#eleventy.before
  let openings: Readonly<Record<string, unknown>> | undefined;
  let messages: Readonly<Record<string, unknown>> | undefined;
  let rolePages: Promise<void> = Promise.resolve();
  eleventyConfig.on("eleventy.before", async ({ directories }: { directories: { output: string } }) => {
    openings = undefined;
    let site: CareersSite;
    if ("site" in options) {
      ({ site, rolePages } = options);
    } else {
      const loaded = await loadSite(context);
      options.report(loaded.problems);
      if (!loaded.site || hasErrors(loaded.problems)) throw new ProblemsFound(loaded.problems);
      site = loaded.site;
      const edited = onlyPostingsChanged ? site.roles.filter((role) => loaded.reparsed.has(role.file)) : site.roles;
      const editedUrls = new Set(edited.map((role) => role.url));
      const redirects = onlyPostingsChanged ? site.redirects.filter((redirect) => editedUrls.has(redirect.to)) : site.redirects;
      // Into Eleventy's output folder, which its `--output` option may have moved.
      rolePages = writeRoleAndRedirectPages(directories.output, site, edited, redirects, context.workers);
      writeBrandFiles(directories.output, site);
    }
    rolePages.catch(() => {}); // Awaited in eleventy.after; Eleventy may fail first.
    // Eleventy deep-copies plain data objects into every template's data, and
    // once more per paginated template; a frozen one it shares as it is.
    openings = Object.freeze({ ...site, discovery: discoveryFiles(site, site.today) });
    messages = Object.freeze(siteMessages(site.config).table);
  });
  eleventyConfig.on("eleventy.after", () => rolePages);

  // https://www.11ty.dev/docs/data-global-custom/
  eleventyConfig.addGlobalData("openings", () => {
    if (!openings) throw new Error("the site was not loaded before Eleventy asked for its data");
    return openings;
  });
  // layouts/style.css, minified, for base.njk to put in every page's head (render/page-styles.ts).
  eleventyConfig.addGlobalData("styles", () => pageStyles());
  // The site's messages (schema/messages.ts), as `t`: role pages get their own language's under the same name.
  eleventyConfig.addGlobalData("t", () => {
    if (!messages) throw new Error("the site was not loaded before Eleventy asked for its messages");
    return messages;
  });

  // https://www.11ty.dev/docs/watch-serve/#add-your-own-watch-targets
  eleventyConfig.addWatchTarget(`${context.siteDir}/${JOBS_DIR}/`);
  eleventyConfig.addWatchTarget(`${context.siteDir}/${SITE_FILE}`);
  // Inlined into every page (render/page-styles.ts), so not a passthrough copy Eleventy would watch.
  eleventyConfig.addWatchTarget(`${LAYOUTS_DIR}/style.css`);

  // https://www.11ty.dev/docs/copy/
  eleventyConfig.addPassthroughCopy({ [`${LAYOUTS_DIR}/assets`]: "assets" });

  // Atom and JSON feed dates (`dateToRfc3339`); bodies go absolute with `transformWithHtmlBase`. https://www.11ty.dev/docs/plugins/rss/
  // It adds HtmlBasePlugin, which gives every root-relative URL in the output `path_prefix`
  // (https://www.11ty.dev/docs/plugins/html-base/). Adding that again here would run it twice:
  // inside a plugin, Eleventy runs nested plugins at once and cannot skip the duplicate.
  eleventyConfig.addPlugin(rssPlugin);
  // A role's body goes into the site's feeds and into those of each of its filter pages, Atom
  // and JSON: made absolute once per build (by the plugin's transformWithHtmlBase), not once per feed.
  let feedBodies = new Map<string, Promise<string>>();
  eleventyConfig.on("eleventy.before", () => {
    feedBodies = new Map();
  });
  eleventyConfig.addAsyncFilter("feedBody", function (this: unknown, html: string, base: string, path: string) {
    const key = `${base} ${path}`;
    let body = feedBodies.get(key);
    if (!body) {
      body = eleventyConfig.getFilter("transformWithHtmlBase").call(this, html, base, path);
      feedBodies.set(key, body);
    }
    return body;
  });

  // Compile each Nunjucks template once, not once per page (see the module for why).
  let nunjucksEnvironment: { render(name: string, context: object): string } | undefined;
  eleventyConfig.on(
    "eleventy.engine.njk",
    ({ nunjucks, environment }: { nunjucks: Parameters<typeof cacheNunjucksCompilation>[0]; environment: typeof nunjucksEnvironment }) => {
      cacheNunjucksCompilation(nunjucks);
      nunjucksEnvironment = environment;
    },
  );
  // The filters role pages are rendered with too (render/template-filters.ts).
  for (const [name, filter] of Object.entries(templateFilters(() => nunjucksEnvironment))) eleventyConfig.addFilter(name, filter);

  // Everything from a posting is text unless a template says `| safe` (only sanitized bodies do).
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true });
}
