import { createHash } from "node:crypto";
import type { Role } from "../model.ts";

// The search index comes in parts of about a thousand roles: Pagefind's time
// and memory grow faster than the number of records it holds (2.6 GB for
// 10,000 in one index, 0.2 GB in parts of 625), and a part whose roles did
// not change is reused from the cache (pipeline/index-search.ts). The
// browser merges the parts (assets/index.js). A role's part follows from its
// address alone, so adding or editing one role changes one part; the number
// of parts is a power of two, so it changes only when the site doubles or
// halves.

/** The first part is Pagefind's own bundle, with its script and WebAssembly; the others hold only index data. */
export const SEARCH_FOLDER = "pagefind/";
/** The other parts are in the first part's folder, in folders named with this and a number. */
export const LATER_PARTS = "part-";
const ROLES_PER_SHARD = 1000;

export interface SearchShard {
  /** Relative to the output folder, ending in `/`. */
  folder: string;
  roles: Role[];
}

export function searchShardCount(openRoles: number): number {
  let count = 1;
  while (openRoles > count * ROLES_PER_SHARD) count *= 2;
  return count;
}

/** The folders of every part but the first, for the page to merge. */
export function extraSearchFolders(openRoles: number): string[] {
  return Array.from({ length: searchShardCount(openRoles) - 1 }, (_, i) => shardFolder(i + 1));
}

export function searchShards(openRoles: readonly Role[]): SearchShard[] {
  const count = searchShardCount(openRoles.length);
  const shards = Array.from({ length: count }, (_, i): SearchShard => ({ folder: shardFolder(i), roles: [] }));
  for (const role of openRoles) shards[count === 1 ? 0 : shardOf(role.url, count)]?.roles.push(role);
  return shards;
}

function shardFolder(index: number): string {
  return index === 0 ? SEARCH_FOLDER : `${SEARCH_FOLDER}${LATER_PARTS}${index}/`;
}

function shardOf(url: string, count: number): number {
  return createHash("sha256").update(url).digest().readUInt32BE(0) % count;
}
