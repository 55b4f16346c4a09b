import { HtmlBasePlugin } from "@11ty/eleventy";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { rssPlugin } from "@11ty/eleventy-plugin-rss";
import { discoveryFiles } from "./src/discovery.ts";
import { formatProblem } from "./src/format-problems.ts";
import { jobPostingJsonLd, scriptSafeJson } from "./src/json-ld.ts";
import { isPosting, JOBS_DIR, loadSite } from "./src/load-site.ts";
import { cacheNunjucksCompilation } from "./src/nunjucks-compile-cache.ts";
import { hasErrors, ProblemsFound } from "./src/problem.ts";
import { renderOnce } from "./src/render-once.ts";
import { loadSiteConfig, SITE_FILE } from "./src/site-config.ts";

// Eleventy only renders: the typed core in src/ reads, validates and derives
// every value, and hands the templates in layouts/ one `openings` object.
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

  // https://www.11ty.dev/docs/data-global-custom/
  eleventyConfig.addGlobalData("openings", () => {
    const { site, problems, reparsed } = loadSite({ siteDir, includeDrafts: devServer });
    // `npm run build` printed these already, before Eleventy started; the dev server has no such step.
    if (devServer) for (const problem of problems) console.error(formatProblem(problem));
    if (!site || hasErrors(problems)) throw new ProblemsFound(problems);
    const incremental = devServer && onlyPostingsChanged;
    const rolePages = incremental ? site.roles.filter((role) => reparsed.has(role.file)) : site.roles;
    const edited = new Set(rolePages.map((role) => role.url));
    const redirectPages = incremental ? site.redirects.filter((redirect) => edited.has(redirect.to)) : site.redirects;
    // Eleventy deep-copies plain data objects into every template's data, and
    // once more per paginated template; a frozen one it shares as it is. With
    // 10,000 roles those copies were most of the build's memory.
    return Object.freeze({ ...site, rolePages, redirectPages });
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
  // JSON where `<` is `\u003c`, so no posting text can close a <script> or read as markup. https://mozilla.github.io/nunjucks/templating.html#dump
  eleventyConfig.addFilter("scriptSafeJson", scriptSafeJson);

  // schema.org JobPosting for an open role's page, built as the page renders. https://www.11ty.dev/docs/filters/
  eleventyConfig.addFilter("jobPostingJsonLd", jobPostingJsonLd);

  // Compile each Nunjucks template once, not once per page (see the module for why).
  let nunjucksEnvironment: { render(name: string, context: object): string } | undefined;
  eleventyConfig.on(
    "eleventy.engine.njk",
    ({ nunjucks, environment }: { nunjucks: Parameters<typeof cacheNunjucksCompilation>[0]; environment: typeof nunjucksEnvironment }) => {
      cacheNunjucksCompilation(nunjucks);
      nunjucksEnvironment = environment;
    },
  );

  // A role's card (_includes/role-card.njk), rendered once per role however many lists show it.
  eleventyConfig.addFilter(
    "roleCard",
    renderOnce(() => nunjucksEnvironment, "role-card.njk", "role"),
  );

  // Everything from a posting is text unless a template says `| safe` (only sanitized bodies do).
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true });

  const { config } = loadSiteConfig(siteDir);
  return { pathPrefix: config?.path_prefix ?? "/" };
}

export const config = {
  dir: { input: "layouts", includes: "_includes" },
  templateFormats: ["njk"],
};
