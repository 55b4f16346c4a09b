import type { Redirect, Role } from "../model.ts";
import { type RolePageSite, writeRedirectPages, writeRolePages } from "../render/render-pages.ts";
import { inWorker, split, workersFor } from "./worker-pool.ts";

/**
 * Role pages and the redirect pages that lead to them; role pages on worker
 * threads when the site is large (worker-pool.ts), so the calling thread is
 * free for Eleventy's pages meanwhile.
 */
export async function writeRoleAndRedirectPages(
  outputDir: string,
  site: RolePageSite,
  roles: readonly Role[],
  redirects: readonly Redirect[],
  workerCount: number | undefined,
): Promise<void> {
  const workers = workersFor(roles.length, workerCount);
  if (workers === 0) {
    writeRolePages(outputDir, site, roles);
    writeRedirectPages(outputDir, site.config, redirects);
    return;
  }
  // Only what role pages show is copied to the workers, not the whole site.
  // Roles go in batches, all sent at once: a worker takes the next from its
  // queue without waiting for this thread (busy with Eleventy), and holds
  // only the batch it is rendering as objects, not a copy of every role.
  const shown: RolePageSite = {
    config: site.config,
    theme: site.theme,
    navigation: site.navigation,
    openRolesByTeam: site.openRolesByTeam,
    translations: site.translations,
  };
  const build = ++builds;
  const rolePages = Promise.all(
    split(roles, workers).flatMap((share, i) =>
      split(share, Math.ceil(share.length / ROLES_PER_BATCH)).map((batch) => inWorker(i, "writeRolePagesTask", build, outputDir, shown, batch)),
    ),
  );
  rolePages.catch(() => {}); // Awaited below, after this thread's share.
  writeRedirectPages(outputDir, site.config, redirects);
  await rolePages;
}

const ROLES_PER_BATCH = 500;
let builds = 0;
