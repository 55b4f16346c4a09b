import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { deserialize, serialize } from "node:v8";
import type { ParsedPosting } from "../model.ts";

// Parsed postings kept between runs (`.openings-cache/` in the site folder),
// keyed by each file's path and bytes, and by the Openings code that parsed
// them: an unchanged posting is never parsed again, and any change to it, or
// to Openings, is a miss. One file per code version, read once and written
// at most once per run, through a temporary file and a rename, so a concurrent run
// or a killed one never leaves a half-written cache; a cache file that
// cannot be read is ignored and written anew.

export interface ParseCache {
  get(key: string): ParsedPosting | undefined;
  set(key: string, posting: ParsedPosting): void;
  /** Writes what this run used, when enough changed to be worth it (deleted postings leave the cache then). */
  save(): void;
}

export const CACHE_DIR = ".openings-cache";

/** The key of a posting: its path as shown and its bytes. */
export function parseKey(path: string, bytes: Uint8Array): string {
  return createHash("sha256").update(path).update("\0").update(bytes).digest("base64url");
}

/** A cache in `dir` for the parser identified by `version`; with no `dir`, a cache that remembers nothing. */
export function openParseCache(dir: string | undefined, version: string): ParseCache {
  if (!dir) return { get: () => undefined, set() {}, save() {} };
  const file = join(dir, `parsed-${createHash("sha256").update(version).digest("hex").slice(0, 16)}.v8`);
  const stored = readStored(file);
  const used = new Map<string, ParsedPosting>();
  let added = 0;
  return {
    get(key) {
      const posting = stored.get(key);
      if (posting) used.set(key, posting);
      return posting;
    },
    set(key, posting) {
      used.set(key, posting);
      added++;
    },
    save() {
      // Rewriting the file for 10,000 postings takes 0.7 s, as long as
      // parsing several hundred of them again. So after a few edits it stays
      // as it is and those few are parsed again next time; it is rewritten
      // once they reach 2% of it, or when a fifth of it is left over from
      // deleted or changed postings.
      const leftOver = stored.size - (used.size - added);
      if (added * 50 < used.size && leftOver * 5 < used.size) return;
      if (added === 0 && leftOver === 0) return;
      try {
        mkdirSync(dir, { recursive: true });
        removeOtherVersions(dir, file);
        const temporary = `${file}.${process.pid}.tmp`;
        writeFileSync(temporary, serialize(used));
        renameSync(temporary, file);
      } catch {
        // A cache that cannot be written costs time on the next run, never correctness.
      }
    },
  };
}

function readStored(file: string): Map<string, ParsedPosting> {
  try {
    const value: unknown = deserialize(readFileSync(file));
    if (value instanceof Map) return value as Map<string, ParsedPosting>;
  } catch {
    // Missing, truncated or written by another Node version: start afresh.
  }
  return new Map();
}

/**
 * Caches of other Openings versions only take up room; so do temporary files
 * of runs killed while saving (a temporary file still being written by a
 * concurrent run is younger than a minute, and left alone).
 */
function removeOtherVersions(dir: string, keep: string): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (!name.startsWith("parsed-") || path === keep) continue;
    const ours = name.startsWith(basename(keep));
    if (!ours || Date.now() - statSync(path).mtimeMs > 60_000) rmSync(path, { force: true });
  }
}
