import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { ShareCard } from "../model.ts";

// Draws share images, taking them one at a time from a list that every
// thread shares (`next`), so a thread that starts late or runs slowly simply
// draws fewer. A worker-thread task (worker-tasks.ts), also run on the main
// thread. Returns how many this thread drew.

/** One image to publish: what it shows, its cache key and its file in the output folder. */
export interface ShareImageJob {
  card: ShareCard;
  key: string;
  path: string;
}

export async function drawShareImages(
  jobs: readonly ShareImageJob[],
  next: Int32Array,
  outputDir: string,
  cacheDir: string | undefined,
  logo: Uint8Array | undefined,
): Promise<number> {
  if (Atomics.load(next, 0) >= jobs.length) return 0;
  // Loaded only to draw: satori and resvg take a while to load, and an unchanged site draws nothing.
  const { releaseDrawings, renderShareImage } = await import("../render/share-image.ts");
  let drawn = 0;
  for (let i = Atomics.add(next, 0, 1); i < jobs.length; i = Atomics.add(next, 0, 1)) {
    const job = jobs[i] as ShareImageJob;
    const png = await renderShareImage(job.card, logo);
    const target = join(outputDir, job.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, png);
    if (cacheDir) keep(cacheDir, `${job.key}.png`, png);
    drawn++;
    await releaseDrawings();
  }
  return drawn;
}

function keep(cacheDir: string, name: string, png: Uint8Array): void {
  const temporary = join(cacheDir, `.${name}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  try {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(temporary, png);
    renameSync(temporary, join(cacheDir, name));
  } catch {
    // A cache that cannot be written costs time on the next build, never correctness.
    rmSync(temporary, { force: true });
  }
}
