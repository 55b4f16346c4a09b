import { isMainThread, parentPort } from "node:worker_threads";
import type { ParsedPosting, Role } from "../model.ts";
import { parsePosting } from "../parse/parse-posting.ts";
import type { SourceBytes } from "../read/read-file.ts";
import type { RolePageSite } from "../render/render-pages.ts";
import { drawShareImages } from "./draw-share-images.ts";

// What a worker thread does (worker-pool.ts starts them). Each task is a
// plain function, also called on the main thread, so a site parses and
// renders the same with or without workers.

export interface PostingFile {
  path: string;
  version: string;
  /** The bytes the main thread read already: where they sit in the shared `contents`, and the path as shown. */
  read?: { shown: string; offset: number; length: number };
}

/** Postings are taken this many at a time from the shared queue. */
const BATCH = 32;

/**
 * Parses about `count` postings from `files` (fewer when none are left),
 * taking the next batch from `next`, which all threads share: a thread that
 * started late or runs slowly simply takes fewer. Returns each posting with
 * its index; an empty list means every posting has been taken.
 */
export function parseShare(siteDir: string, files: PostingFile[], next: Int32Array, count = BATCH, contents?: SharedArrayBuffer): [number, ParsedPosting][] {
  const parsed: [number, ParsedPosting][] = [];
  while (parsed.length < count) {
    const start = Atomics.add(next, 0, BATCH);
    if (start >= files.length) break;
    for (const [offset, file] of files.slice(start, start + BATCH).entries()) {
      parsed.push([start + offset, parsePosting(siteDir, file.path, file.version, contents && alreadyRead(file, contents))]);
    }
  }
  return parsed;
}

/** The bytes the main thread read, copied out of shared memory (text decoders refuse shared buffers). */
function alreadyRead({ read, version }: PostingFile, contents: SharedArrayBuffer): SourceBytes | undefined {
  if (!read) return undefined;
  const bytes = new Uint8Array(new Uint8Array(contents, read.offset, read.length));
  return { path: read.shown, name: read.shown.split("/").pop() ?? read.shown, bytes, version };
}

/** One renderer per build (`build` counts them), reused for each batch of its roles. */
let renderer: { build: number; render: (role: Role) => string } | undefined;

export async function writeRolePagesTask(build: number, outputDir: string, site: RolePageSite, roles: Role[]): Promise<number> {
  // Imported only to render: loading Nunjucks makes V8's string handling
  // slower for the rest of the thread (it builds objects on String.prototype),
  // and parsing postings afterwards took 25% longer.
  const { rolePageRenderer, writeRolePages } = await import("../render/render-pages.ts");
  if (renderer?.build !== build) renderer = { build, render: rolePageRenderer(site) };
  writeRolePages(outputDir, site, roles, renderer.render);
  return roles.length;
}

const tasks = { parseShare, writeRolePagesTask, drawShareImages };
export type Tasks = typeof tasks;
export type TaskName = keyof Tasks;

export interface TaskMessage {
  id: number;
  task: TaskName;
  args: unknown[];
}

export type ResultMessage = { id: number; result: unknown } | { id: number; failure: string };

if (!isMainThread && parentPort) {
  const port = parentPort;
  port.on("message", async ({ id, task, args }: TaskMessage) => {
    try {
      const run = tasks[task] as (...args: unknown[]) => unknown;
      port.postMessage({ id, result: await run(...args) } satisfies ResultMessage);
    } catch (cause) {
      port.postMessage({ id, failure: cause instanceof Error ? (cause.stack ?? cause.message) : String(cause) } satisfies ResultMessage);
    }
  });
}
