import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { shareCard, shareImagePath } from "../derive/share-card.ts";
import type { CareersSite } from "../model.ts";
import { shareRendererVersion } from "../render/share-version.ts";
import { outputFileFor } from "../schema/site-path.ts";
import { drawShareImages, type ShareImageJob } from "./draw-share-images.ts";
import { pruneCache } from "./prune-cache.ts";
import { inWorker } from "./worker-pool.ts";

// Every role's share image (derive/share-card.ts says what it shows, and
// where it goes), kept in the site's `.openings-cache/share-images/` under a
// key made of everything that decides its pixels: the card and the logo's
// bytes, the layout code, satori, resvg and the font (render/share-version.ts).
// An unchanged image is copied from there, never drawn again; the rest are
// drawn on a worker thread while the main thread renders pages, and the main
// thread helps once it is free. A cache file is written whole (a temporary
// file, then a rename), so a killed build leaves no half image behind.

export const SHARE_CACHE = "share-images";

export interface ShareImagesResult {
  /** Files written, relative to the output folder, for the check against the site plan. */
  written: string[];
  drawn: number;
  reused: number;
}

/** Below this many images to draw, a worker costs more to start (about a second, with the libraries) than it saves. */
const IMAGES_PER_WORKER = 24;
const MOST_WORKERS = 3;
/** Pool slots of their own, so image batches never queue behind role pages. */
const FIRST_WORKER = 16;

export function shareImageJobs(site: Pick<CareersSite, "roles" | "theme">): ShareImageJob[] {
  const brand = site.theme.share;
  if (!brand) return [];
  const renderer = shareRendererVersion();
  return site.roles.map((role) => {
    const card = shareCard(role, brand);
    const key = createHash("sha256").update(renderer).update("\0").update(JSON.stringify(card)).digest("base64url");
    return { card, key, path: outputFileFor(shareImagePath(role.url)) };
  });
}

/**
 * Starts publishing the share images into `outputDir`: copies the cached
 * ones and sets workers drawing the rest. `finish()`, called once the main
 * thread is free, draws what is left there, waits for the workers and
 * tidies the cache.
 */
export function startShareImages(
  outputDir: string,
  site: Pick<CareersSite, "roles" | "theme" | "logo">,
  options: { cacheDir?: string; workers?: number },
): { finish(): Promise<ShareImagesResult>; abandon(): Promise<void> } {
  const jobs = shareImageJobs(site);
  const cacheDir = options.cacheDir && join(options.cacheDir, SHARE_CACHE);
  const folders = new Set<string>();
  const misses: ShareImageJob[] = [];
  let reused = 0;
  for (const job of jobs) {
    const cached = cacheDir && join(cacheDir, `${job.key}.png`);
    if (cached && existsSync(cached)) {
      const target = join(outputDir, job.path);
      if (!folders.has(dirname(target))) {
        mkdirSync(dirname(target), { recursive: true });
        folders.add(dirname(target));
      }
      copyFileSync(cached, target);
      reused++;
    } else misses.push(job);
  }
  const logo = site.theme.share?.logo ? site.logo?.bytes : undefined;
  // Shared among the threads: each takes the next image to draw from it.
  const next = new Int32Array(new SharedArrayBuffer(4));
  const workerCount = workersFor(misses.length, options.workers);
  const workers = Array.from({ length: workerCount }, (_, i) => inWorker(FIRST_WORKER + i, "drawShareImages", misses, next, outputDir, cacheDir, logo));
  for (const worker of workers) worker.catch(() => {}); // Awaited in finish(); the build may fail first.
  return {
    async finish() {
      const here = await drawShareImages(misses, next, outputDir, cacheDir, logo);
      const drawn = here + (await Promise.all(workers)).reduce((sum, count) => sum + count, 0);
      if (cacheDir) pruneCache(cacheDir, new Set(jobs.map((job) => `${job.key}.png`)));
      return { written: jobs.map((job) => job.path), drawn, reused };
    },
    /** After a failed build: no more images are started, and the workers' current ones are waited for. */
    async abandon() {
      Atomics.store(next, 0, misses.length);
      await Promise.allSettled(workers);
    },
  };
}

function workersFor(images: number, override: number | undefined): number {
  if (override === 0) return 0;
  const byWork = Math.floor(images / IMAGES_PER_WORKER);
  return Math.max(0, Math.min(byWork, availableParallelism() - 1, MOST_WORKERS, override ?? MOST_WORKERS));
}
