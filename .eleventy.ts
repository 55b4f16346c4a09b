import { resolve } from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { formatReport } from "./src/commands/format-problems.ts";
import { loadSiteConfig } from "./src/parse/load-site-config.ts";
import { openingsPlugin } from "./src/pipeline/eleventy-plugin.ts";
import { DEFAULT_TIME_ZONE, todayIn } from "./src/schema/time-zone.ts";

// `npm start`: Eleventy's dev server over the Openings plugin, which loads
// the site again whenever a posting, site.yaml or a layout changes.
// `npm run build` starts Eleventy itself, with the same plugin and no config
// file (src/pipeline/build-site.ts). https://www.11ty.dev/docs/config/

// The site in this folder, or the one OPENINGS_SITE_DIR names.
const siteDir = resolve(process.env.OPENINGS_SITE_DIR ?? ".");

export default function (eleventyConfig: UserConfig) {
  // Drafts show only here, never in the deployable _site/. https://www.11ty.dev/docs/environment-vars/
  const devServer = process.env.ELEVENTY_RUN_MODE === "serve" || process.env.ELEVENTY_RUN_MODE === "watch";
  const siteTimeZone = loadSiteConfig(siteDir).config?.timezone ?? DEFAULT_TIME_ZONE;
  eleventyConfig.addPlugin(openingsPlugin, {
    // Today where the company is (site.yaml's `timezone`), as `npm run build` counts it.
    context: { siteDir, outputDir: resolve(config.dir.output), includeDrafts: devServer, today: todayIn(siteTimeZone) },
    // The dev server's only report: printed as each rebuild starts.
    report: (problems: Parameters<typeof formatReport>[0]) => {
      for (const line of formatReport(problems)) console.error(line);
    },
  });
  // https://www.11ty.dev/docs/config/#deploy-to-a-subdirectory-with-a-path-prefix
  return { pathPrefix: loadSiteConfig(siteDir).config?.path_prefix ?? "/" };
}

export const config = {
  // The dev server's own folder (ignored by git): drafts must never reach the _site/ that gets deployed.
  dir: { input: "layouts", includes: "_includes", output: "_dev" },
  templateFormats: ["njk"],
};
