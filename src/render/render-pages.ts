import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import nunjucks from "nunjucks";
import type { CareersSite, Role } from "../model.ts";
import { outputFileFor } from "../schema/site-path.ts";
import { prefixRootRelativeLinks, withPathPrefix } from "./path-prefix.ts";
import { templateFilters } from "./template-filters.ts";

// Step 6: role pages, rendered through the same layouts (base.njk around
// role.njk) by Nunjucks directly and written into the output folder. Eleventy
// renders everything else. Going through Eleventy cost about 0.7 ms of
// bookkeeping per page, most of a large site's build: see docs/performance.md.

/** Openings' own templates: the same for every site. */
export const LAYOUTS_DIR = join(import.meta.dirname, "..", "..", "layouts");

/** What a role's page shows besides the role itself. */
export type RolePageSite = Pick<CareersSite, "config" | "navigation" | "openRolesByTeam">;

export function rolePageRenderer(site: RolePageSite): (role: Role) => string {
  const environment = new nunjucks.Environment(new nunjucks.FileSystemLoader(join(LAYOUTS_DIR, "_includes")), { autoescape: true });
  for (const [name, filter] of Object.entries(templateFilters(() => environment))) environment.addFilter(name, filter);
  // Eleventy's `url` filter, which base.njk uses for the canonical address.
  environment.addFilter("url", (url: string) => withPathPrefix(url, site.config.path_prefix));
  return (role) => {
    const content = environment.render("role.njk", { openings: site, role });
    const page = environment.render("base.njk", {
      openings: site,
      page: { url: role.url },
      pageTitle: role.title,
      pageDescription: role.description,
      noindex: role.closed || role.draft,
      content,
    });
    return prefixRootRelativeLinks(page, site.config.path_prefix);
  };
}

/** Writes each role's page at its URL under `outputDir` (role URLs are checked site paths: see site-path.ts). */
export function writeRolePages(outputDir: string, site: RolePageSite, roles: readonly Role[], render = rolePageRenderer(site)): void {
  const folders = new Set<string>();
  for (const role of roles) {
    const file = join(outputDir, outputFileFor(role.url));
    const folder = dirname(file);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    writeFileSync(file, render(role));
  }
}
