import { HtmlBasePlugin } from "@11ty/eleventy";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { formatProblem } from "./src/format-problems.ts";
import { JOBS_DIR, loadSite } from "./src/load-site.ts";
import { hasErrors, ProblemsFound } from "./src/problem.ts";
import { loadSiteConfig, SITE_FILE } from "./src/site-config.ts";

// Eleventy only renders: the typed core in src/ reads, validates and derives
// every value, and hands the templates in layouts/ one `openings` object.
// Postings are never Eleventy templates, so nothing in them reaches Eleventy's
// options or a template engine. https://www.11ty.dev/docs/config/

export default function (eleventyConfig: UserConfig) {
  const siteDir = process.env.OPENINGS_SITE_DIR ?? process.cwd();
  // Drafts show only in the dev server (`npm start`). https://www.11ty.dev/docs/environment-vars/
  const includeDrafts = process.env.ELEVENTY_RUN_MODE === "serve" || process.env.ELEVENTY_RUN_MODE === "watch";

  // https://www.11ty.dev/docs/data-global-custom/
  eleventyConfig.addGlobalData("openings", () => {
    const { site, problems } = loadSite({ siteDir, includeDrafts });
    for (const problem of problems) console.error(formatProblem(problem));
    if (!site || hasErrors(problems)) throw new ProblemsFound(problems);
    return site;
  });

  // https://www.11ty.dev/docs/watch-serve/#add-your-own-watch-targets
  eleventyConfig.addWatchTarget(`${siteDir}/${JOBS_DIR}/`);
  eleventyConfig.addWatchTarget(`${siteDir}/${SITE_FILE}`);

  // https://www.11ty.dev/docs/copy/
  eleventyConfig.addPassthroughCopy({ "layouts/assets": "assets" });

  // Every root-relative URL in the output gets `path_prefix`. https://www.11ty.dev/docs/plugins/html-base/
  eleventyConfig.addPlugin(HtmlBasePlugin);

  // Everything from a posting is text unless a template says `| safe` (only sanitized bodies do).
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true });

  const { config } = loadSiteConfig(siteDir);
  return { pathPrefix: config?.path_prefix ?? "/" };
}

export const config = {
  dir: { input: "layouts", includes: "_includes" },
  templateFormats: ["njk"],
};
