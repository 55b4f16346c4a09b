import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import nunjucks from "nunjucks";
import type { Role } from "./derive-role.ts";
import type { CareersSite } from "./load-site.ts";
import { prefixRootRelativeLinks, withPathPrefix } from "./path-prefix.ts";
import { outputFileFor } from "./site-path.ts";
import { templateFilters } from "./template-filters.ts";
import { inWorker, split, workersFor } from "./worker-pool.ts";

// Step 6: role pages, rendered through the same layouts (base.njk around
// role.njk) by Nunjucks directly and written into the output folder. Eleventy
// renders everything else. Going through Eleventy cost about 0.7 ms of
// bookkeeping per page, most of a large site's build: see docs/performance.md.

export const LAYOUTS_DIR = join(import.meta.dirname, "..", "layouts");

/** Set while build-site.ts writes the role pages itself, so .eleventy.ts leaves them alone. */
export const ROLE_PAGES_WRITTEN_BY_BUILD = "OPENINGS_ROLE_PAGES_WRITTEN_BY_BUILD";

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

/**
 * writeRolePages, on worker threads when the site is large (worker-pool.ts):
 * the calling thread is then free for Eleventy's pages meanwhile.
 */
export async function writeRolePagesInParallel(outputDir: string, site: RolePageSite, roles: readonly Role[]): Promise<void> {
  const workers = workersFor(roles.length);
  if (workers === 0) return writeRolePages(outputDir, site, roles);
  // Only what role pages show is copied to the workers, not the whole site.
  // Roles go in batches, all sent at once: a worker takes the next from its
  // queue without waiting for this thread (busy with Eleventy), and holds
  // only the batch it is rendering as objects, not a copy of every role.
  const shown: RolePageSite = { config: site.config, navigation: site.navigation, openRolesByTeam: site.openRolesByTeam };
  const build = ++builds;
  await Promise.all(
    split(roles, workers).flatMap((share, i) =>
      split(share, Math.ceil(share.length / ROLES_PER_BATCH)).map((batch) => inWorker(i, "writeRolePagesTask", build, outputDir, shown, batch)),
    ),
  );
}

const ROLES_PER_BATCH = 500;
let builds = 0;
