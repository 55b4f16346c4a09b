import { isMainThread, parentPort, workerData } from "node:worker_threads";
import type { LoadContext, LoadResult } from "./load-site.ts";
import { startWorker } from "./worker-pool.ts";

// `build` loads the site (load-site.ts) on a worker thread while the main
// thread loads Eleventy. Each takes about half a second, most of it loading
// modules, so on two cores a small site is built in about 0.4 s less. The
// loaded site is plain data and comes back as a copy.

type LoadMessage = { result: LoadResult } | { failure: string };

/** `loadSite(context)` on a thread of its own; the thread ends when it is done. */
export function loadSiteOnThread(context: LoadContext): Promise<LoadResult> {
  const worker = startWorker("load-thread", { loadSite: context });
  return new Promise((resolve, reject) => {
    worker.once("message", (message: LoadMessage) => {
      // Ended here: a thread with nothing left to do can still wait on handles its modules keep open.
      void worker.terminate();
      if ("result" in message) resolve(message.result);
      else reject(new Error(`in the thread loading the site: ${message.failure}`));
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the thread loading the site stopped (exit code ${code})`)));
  });
}

const task = (workerData as { loadSite?: LoadContext } | null)?.loadSite;
if (!isMainThread && parentPort && task) {
  const port = parentPort;
  const { loadSite } = await import("./load-site.ts");
  try {
    port.postMessage({ result: await loadSite(task) } satisfies LoadMessage);
  } catch (cause) {
    port.postMessage({ failure: cause instanceof Error ? (cause.stack ?? cause.message) : String(cause) } satisfies LoadMessage);
  }
}
