import { createHash, randomBytes } from "node:crypto";
import { accessSync, constants, existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { cp, mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as pagefind from "pagefind";
import type { CareersSite, Facet, FacetGroups, Role } from "../model.ts";
import { LATER_PARTS, SEARCH_FOLDER, type SearchShard, searchShards } from "../plan/search-shards.ts";
import { SearchIndexError } from "../problem.ts";
import { pruneCache } from "./prune-cache.ts";

// Full-text search with Pagefind, built from the derived roles rather than
// from the written HTML: re-reading and parsing every page a moment after
// writing it took longer than the rest of a large build, and indexed
// redirect pages too. Only open roles are indexed, never redirects, filter
// pages, closed roles or drafts. Pagefind runs in processes of its own, so
// the records are sent, and the index written, while the pages render.
//
// The index is written in parts (plan/search-shards.ts). Each part is kept in
// `.openings-cache/search-index/` under a key made of its records and
// Pagefind's version, and a part whose key is there is copied, not indexed
// again. A cached part is written whole (a temporary folder, then a rename),
// so a killed build leaves no half part behind.

export const SEARCH_CACHE = "search-index";

export interface SearchIndexResult {
  /** Parts indexed by Pagefind in this build, and copied unchanged from the cache. */
  indexed: number;
  reused: number;
}

export interface SearchIndex {
  /** Waits until the index is in `outputDir/pagefind/`, and stops Pagefind. */
  finished(): Promise<SearchIndexResult>;
  /** Stops Pagefind without writing (the build failed). */
  close(): Promise<void>;
}

const RECORDS_IN_FLIGHT = 500;
/** Two parts at once, each in its own Pagefind process: one per core here; more would hold more memory for no gain. */
const PARTS_IN_FLIGHT = 2;
/**
 * Pagefind's script, styles and WebAssembly, which every part gets: the
 * browser runs the first part's and merges the others' data into it, so they
 * are left out of the other parts.
 */
const ENGINE_FILE = /^(pagefind.*\.(js|css)|wasm\..*\.pagefind)$/;
/** In a kept part: its files and their sizes. */
const PART_FILES = "openings-part-files.json";

type Pagefind = typeof pagefind;

interface Part {
  folder: string;
  records: pagefind.CustomRecord[];
  key: string;
}

/** Starts indexing `site` into `outputDir/pagefind/`; `cacheDir` is `.openings-cache/`, when there is one. */
export function startSearchIndex(site: CareersSite, outputDir: string, cacheDir?: string): SearchIndex {
  const language = site.config.language.toLowerCase();
  const filters = filterValues(site.facets);
  const engine = `pagefind@${pagefindVersion()}`;
  // A part's records are made when it is its turn (0.1 s each for 600 roles), not all before the pages start rendering.
  const partOf = ({ folder, roles }: SearchShard): Part => {
    // In address order: a part's key must not change with the order the site lists its roles in.
    const records = roles.map((role) => searchRecord(role, language, filters)).sort((a, b) => (a.url < b.url ? -1 : 1));
    // The first part has Pagefind's scripts too, so it is never kept under a key another part could have.
    const kind = folder === SEARCH_FOLDER ? "whole" : "data";
    return { folder, records, key: createHash("sha256").update(`${engine}\0${kind}\0`).update(JSON.stringify(records)).digest("base64url") };
  };
  const shards = searchShards(site.openRoles);
  const keys = new Set<string>();
  const cache = cacheDir && writableFolder(join(cacheDir, SEARCH_CACHE));
  const result: SearchIndexResult = { indexed: 0, reused: 0 };
  const indexers: Pagefind[] = [];
  let stopped = false;
  let next = 0;
  const writeParts = async (lane: number) => {
    for (let shard = shards[next++]; shard && !stopped; shard = shards[next++]) {
      const part = partOf(shard);
      keys.add(part.key);
      const target = join(outputDir, part.folder);
      if (cache && (await copyPart(join(cache, part.key), target))) result.reused++;
      else {
        indexers[lane] ??= lane === 0 ? pagefind : await anotherPagefind(lane);
        await indexPart(indexers[lane], part, cache, target);
        result.indexed++;
      }
    }
  };
  // When Pagefind's process dies (it panics on a folder it may not write),
  // its Node API never answers, and Node would end the build with nothing
  // left to wait for, exit status 0 and nothing published.
  let died: (reason: Error) => void = () => {};
  const onEmptyEventLoop = () => died(new SearchIndexError("the search indexer (Pagefind) stopped before it finished (its own message is above)"));
  process.once("beforeExit", onEmptyEventLoop);
  const written = Promise.race([
    (async () => {
      await Promise.all(Array.from({ length: Math.min(PARTS_IN_FLIGHT, shards.length) }, (_, lane) => writeParts(lane)));
      if (cache) pruneCache(cache, keys);
    })().catch((cause: unknown) => {
      // Pagefind's Node API rejects with a bare "backend closed" when its process is killed: not a bug in Openings.
      throw cause instanceof SearchIndexError ? cause : new SearchIndexError("the search indexer (Pagefind) stopped before it finished", { cause });
    }),
    new Promise<never>((_, reject) => {
      died = reject;
    }),
  ]).finally(() => process.off("beforeExit", onEmptyEventLoop));
  written.catch(() => {}); // Awaited by finished(); close() ignores it.
  const closeAll = () => Promise.all(indexers.map((indexer) => indexer.close()));
  return {
    async finished() {
      try {
        await written;
        return result;
      } finally {
        await closeAll();
      }
    },
    async close() {
      stopped = true;
      await closeAll();
    },
  };
}

/**
 * Pagefind's Node API runs one process per copy of its module, and that
 * process indexes on one core: a second copy, the same file under another
 * URL, gets a second process, and two parts are indexed at once.
 */
async function anotherPagefind(lane: number): Promise<Pagefind> {
  return (await import(`${import.meta.resolve("pagefind")}?process=${lane + 1}`)) as Pagefind;
}

/** Indexes one part into `target`, and keeps a copy in the cache when there is one. */
async function indexPart(indexer: Pagefind, part: Part, cache: string | undefined, target: string): Promise<void> {
  const { index, errors } = await indexer.createIndex({});
  if (!index) throw new SearchIndexError(`the search indexer (Pagefind) could not start: ${errors.join("; ")}`);
  // Many records in flight at once: Pagefind indexes one while the next is on its way, instead of waiting on each round trip.
  for (let start = 0; start < part.records.length; start += RECORDS_IN_FLIGHT) {
    const records = part.records.slice(start, start + RECORDS_IN_FLIGHT);
    const results = await Promise.all(records.map((record) => index.addCustomRecord(record)));
    for (const [i, added] of results.entries()) {
      if (added.errors.length > 0)
        throw new SearchIndexError(`the search indexer (Pagefind) refused the role at ${records[i]?.url}: ${added.errors.join("; ")}`);
    }
  }
  const { errors: failed } = await index.writeFiles({ outputPath: target });
  await index.deleteIndex(); // Frees the part's memory in Pagefind's process before the next part.
  if (failed.length > 0) throw new SearchIndexError(`the search indexer (Pagefind) could not write its index: ${failed.join("; ")}`);
  if (part.folder !== SEARCH_FOLDER) for (const name of readdirSync(target)) if (ENGINE_FILE.test(name)) await rm(join(target, name));
  if (cache) await keepPart(target, join(cache, part.key));
}

/**
 * A copy in the cache, written whole: a temporary folder, then a rename. It
 * carries a list of its files and their sizes, checked before it is used
 * (copyPart). The cache is a help: failing to keep a part never fails the build.
 */
async function keepPart(target: string, kept: string): Promise<void> {
  const temporary = `${kept}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
  try {
    await cp(target, temporary, { recursive: true, filter: (from) => !from.startsWith(join(target, LATER_PARTS)) });
    await writeFile(join(temporary, PART_FILES), await fileSizes(temporary));
    // Another build may have kept the same part meanwhile; its copy is as good.
    await rename(temporary, kept);
  } catch {
    await rm(temporary, { recursive: true, force: true }).catch(() => {});
  }
}

/**
 * Copies a kept part into the site; false when it is not there, went while
 * being copied (another build tidied the cache), or lost or cut a file
 * since it was kept (a disk that filled up, a hand in the folder), in which
 * case it is removed and the part indexed afresh. What a failed copy left is
 * overwritten then: the target is not removed, as the first part's folder
 * holds the others.
 */
async function copyPart(kept: string, target: string): Promise<boolean> {
  if (!existsSync(kept)) return false;
  try {
    if ((await readFile(join(kept, PART_FILES), "utf8")) !== (await fileSizes(kept))) {
      await rm(kept, { recursive: true, force: true });
      return false;
    }
    // Made first: the other parts' copies may be making it meanwhile, and cp does not expect that.
    await mkdir(target, { recursive: true });
    await cp(kept, target, { recursive: true, filter: (from) => from !== join(kept, PART_FILES) });
    return true;
  } catch {
    return false;
  }
}

/** Every file in `folder` but the list itself, with its size, in name order: the same files give the same text. */
async function fileSizes(folder: string): Promise<string> {
  const sizes: [string, number][] = [];
  for (const name of (await readdir(folder, { recursive: true })).sort()) {
    const found = await stat(join(folder, name));
    if (found.isFile() && name !== PART_FILES) sizes.push([name, found.size]);
  }
  return JSON.stringify(sizes);
}

/** The cache folder, made if need be, when this build may write to it; otherwise the index is written without it. */
function writableFolder(folder: string): string | undefined {
  try {
    mkdirSync(folder, { recursive: true });
    accessSync(folder, constants.W_OK);
    return folder;
  } catch {
    return undefined;
  }
}

let version: string | undefined;

/** Part of every kept part's key: another Pagefind writes another index. Read without starting Pagefind, which a fully cached build never does. */
function pagefindVersion(): string {
  version ??= (JSON.parse(readFileSync(new URL("../package.json", import.meta.resolve("pagefind")), "utf8")) as { version: string }).version;
  return version;
}

/**
 * A record's filter values are the labels the filter form shows (facets.ts):
 * `Engineering` for a role that wrote `engineering` too, so a search narrowed
 * by the form's team finds every role the team's filter page lists.
 */
interface FilterValues {
  team: Map<string, string>;
  location: Map<string, string>;
  type: Map<string, string>;
  remote?: string;
}

function filterValues(facets: FacetGroups): FilterValues {
  const labels = (group: Facet[]) => new Map(group.map((facet) => [facet.slug, facet.label]));
  return { team: labels(facets.teams), location: labels(facets.locations), type: labels(facets.types), remote: facets.remote?.label };
}

/** What a seeker's search matches and shows: the words of the role's page, its facts, and its filters. */
function searchRecord(role: Role, language: string, values: FilterValues): pagefind.CustomRecord {
  const facts = [role.team, role.locationLabel, role.employmentTypeLabel, role.salaryLabel].filter(Boolean);
  const meta: Record<string, string> = { title: role.title };
  if (role.team) meta.team = role.team;
  if (role.locationLabel) meta.location = role.locationLabel;
  return {
    url: role.url,
    content: [role.title, ...facts, htmlText(role.html)].join("\n"),
    language,
    meta,
    filters: {
      team: role.team ? [values.team.get(role.filters.team) ?? role.team] : [],
      location: role.locations.map((place, i) => values.location.get(role.filters.locations[i] ?? "") ?? place),
      type: role.employmentTypes.map((type, i) => values.type.get(role.filters.types[i] ?? "") ?? type),
      remote: role.remote && values.remote ? [values.remote] : [],
    },
  };
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/**
 * The text of a sanitized body (render-markdown.ts's allowlist: no scripts or
 * styles): tags become spaces, so words in adjacent blocks never run together.
 */
export function htmlText(html: string): string {
  return html
    .replace(/<[^>]*>/g, " ")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
      if (name[0] !== "#") return ENTITIES[name.toLowerCase()] ?? entity;
      const code = name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    })
    .replace(/\s+/g, " ")
    .trim();
}
