import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { ResultMessage, TaskMessage, TaskName, Tasks } from "./worker-tasks.ts";

// Parsing and rendering are independent per posting, so a large site spreads
// them over the machine's cores: worker threads beside the main thread, each
// running the functions of worker-tasks.ts. Small sites use none; starting a
// worker (loading the modules again) costs about half a second of CPU.

/**
 * Fewer postings than this per thread, and a worker costs more than it saves:
 * measured on 2 cores, one worker slowed 1,000 and 3,000 postings down and
 * sped 10,000 up by 15%. Threads on 2 cores also compete with V8's own
 * garbage-collector threads, so they gain far less than 2×.
 */
const POSTINGS_PER_THREAD = 2500;
const MOST_WORKERS = 7;

/** How many workers to use for `postings` postings; the build context's `workers` (`OPENINGS_WORKERS`) overrides. */
export function workersFor(postings: number, override: number | undefined): number {
  if (override !== undefined) return Math.min(override, MOST_WORKERS);
  const byWork = Math.floor(postings / POSTINGS_PER_THREAD) - 1;
  return Math.max(0, Math.min(availableParallelism() - 1, MOST_WORKERS, byWork));
}

interface Pending {
  resolve(result: unknown): void;
  reject(cause: Error): void;
}

interface PoolWorker {
  worker: Worker;
  pending: Map<number, Pending>;
}

// Compiled (dist/, how the commands run), a worker loads the compiled tasks
// module. As TypeScript (tests import src/ through tsx), it cannot: Node 20
// does not pass tsx's loader hooks on to worker threads, so the worker loads
// tsx itself, then the tasks.
const COMPILED = import.meta.url.endsWith(".js");

/** A worker thread running the module `name` of this folder (without its extension). */
function startWorker(name: string): Worker {
  const url = new URL(`./${name}${COMPILED ? ".js" : ".ts"}`, import.meta.url);
  if (COMPILED) return new Worker(url);
  const load = `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}).then(({ tsImport }) => tsImport(${JSON.stringify(url.href)}, ${JSON.stringify(import.meta.url)}))`;
  return new Worker(load, { eval: true });
}

const pool = new Map<number, PoolWorker>();
let nextId = 0;

function poolWorker(index: number): PoolWorker {
  const existing = pool.get(index);
  if (existing) return existing;
  const entry: PoolWorker = { worker: startWorker("worker-tasks"), pending: new Map() };
  const failAll = (cause: Error) => {
    for (const pending of entry.pending.values()) pending.reject(cause);
    entry.pending.clear();
    if (pool.get(index) === entry) pool.delete(index);
  };
  entry.worker.on("message", (message: ResultMessage) => {
    const pending = entry.pending.get(message.id);
    if (!pending) return;
    entry.pending.delete(message.id);
    // An idle worker must not keep the process alive.
    if (entry.pending.size === 0) entry.worker.unref();
    if ("failure" in message) pending.reject(new Error(`in a worker thread: ${message.failure}`));
    else pending.resolve(message.result);
  });
  entry.worker.on("error", failAll);
  entry.worker.on("exit", (code) => failAll(new Error(`a worker thread stopped (exit code ${code})`)));
  entry.worker.unref();
  pool.set(index, entry);
  return entry;
}

/** Runs `task` on worker `index` (started on first use and kept for later builds). */
export function inWorker<T extends TaskName>(index: number, task: T, ...args: Parameters<Tasks[T]>): Promise<Awaited<ReturnType<Tasks[T]>>> {
  const entry = poolWorker(index);
  const id = nextId++;
  return new Promise((resolve, reject) => {
    entry.pending.set(id, { resolve: resolve as (result: unknown) => void, reject });
    entry.worker.ref();
    entry.worker.postMessage({ id, task, args } satisfies TaskMessage);
  });
}

/** `items` in `parts` runs of near-equal length, in order. */
export function split<T>(items: readonly T[], parts: number): T[][] {
  const size = Math.ceil(items.length / parts);
  return Array.from({ length: parts }, (_, i) => items.slice(i * size, (i + 1) * size));
}
