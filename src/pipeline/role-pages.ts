import type { Role } from "../model.ts";
import { type RolePageSite, writeRolePages } from "../render/render-pages.ts";
import { inWorker, split, workersFor } from "./worker-pool.ts";

/**
 * writeRolePages, on worker threads when the site is large (worker-pool.ts):
 * the calling thread is then free for Eleventy's pages meanwhile.
 */
export async function writeRolePagesInParallel(outputDir: string, site: RolePageSite, roles: readonly Role[], workerCount: number | undefined): Promise<void> {
  const workers = workersFor(roles.length, workerCount);
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
