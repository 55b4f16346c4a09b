import { readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";

// The build's caches (share images, search index parts) are kept in one
// folder each, an entry per key. An entry this build did not use is removed
// once it is old enough not to be another build's, running at the same time:
// an entry is written under a temporary name and renamed, so a young entry
// may be one that build just wrote and is about to copy.

/** A cache entry another build is using may be this young; older unused ones are removed. */
const KEEP_UNUSED_MS = 10 * 60_000;

export function pruneCache(cacheDir: string, used: ReadonlySet<string>): void {
  try {
    for (const name of readdirSync(cacheDir)) {
      if (used.has(name)) continue;
      const path = join(cacheDir, name);
      if (Date.now() - statSync(path).mtimeMs > KEEP_UNUSED_MS) rmSync(path, { recursive: true, force: true });
    }
  } catch {
    // A cache that cannot be tidied costs disk space, never correctness.
  }
}
