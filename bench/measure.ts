import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";

// Whole-process measurement, one method for every figure and nothing to
// install: the command runs as its own process group while /proc is polled
// every 20 ms for it and every process it starts (tsx's launched child,
// Pagefind's indexer). Linux only; elsewhere only wall time is measured.
//
// - wall: a high-resolution timer from spawn to exit.
// - peak RSS: the largest VmHWM of any one process (the kernel's high-water
//   mark, so only growth in a process's last 20 ms can be missed).
// - tree RSS: the largest sum of VmRSS over all the processes at one moment.
// - user, sys: each process's own utime and stime, last value seen, summed.
//   Not a parent's "children" times: those grow only when a child is reaped,
//   often after the last poll.

/** Memory in MiB and CPU in seconds; null where /proc cannot be read. stdout and stderr: the last 64 KiB. */
export interface Measurement {
  wallSeconds: number;
  peakRssMB: number | null;
  treeRssMB: number | null;
  userSeconds: number | null;
  sysSeconds: number | null;
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
}

/** Process groups still running, for the benchmark to stop on Ctrl-C. */
export const running = new Set<number>();
/** USER_HZ, the unit of /proc/<pid>/stat times: 100 on every Linux architecture Node runs on. */
const CLOCK_TICKS = 100;
/** Without /proc/<pid>/task/<tid>/children (a kernel built without it) the tree would silently be one process. */
const CAN_WALK_TREE = existsSync(`/proc/${process.pid}/task/${process.pid}/children`);

export function measure(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs: number }): Promise<Measurement> {
  const started = process.hrtime.bigint();
  const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9;
  // Its own process group, so a timeout stops the command and everything it started.
  const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const pid = child.pid;
  if (pid !== undefined) running.add(pid);
  const output = { stdout: "", stderr: "" };
  for (const stream of ["stdout", "stderr"] as const) {
    child[stream].setEncoding("utf8").on("data", (chunk: string) => {
      output[stream] = (output[stream] + chunk).slice(-65_536);
    });
  }

  const hwmKb = new Map<number, number>();
  const ticks = new Map<number, { user: number; sys: number }>();
  let treeMaxKb = 0;
  const poll = () => {
    if (!CAN_WALK_TREE || pid === undefined) return;
    let sum = 0;
    for (const each of processTree(pid)) {
      const status = read(`/proc/${each}/status`);
      const stat = read(`/proc/${each}/stat`);
      if (!status || !stat) continue;
      sum += kb(status, "VmRSS");
      hwmKb.set(each, Math.max(hwmKb.get(each) ?? 0, kb(status, "VmHWM")));
      // The command name may hold spaces and parentheses: count fields after the last ")".
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks.set(each, { user: Number(fields[11]), sys: Number(fields[12]) });
    }
    treeMaxKb = Math.max(treeMaxKb, sum);
  };
  const poller = setInterval(poll, 20);
  poll();

  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    killGroup(pid, "SIGKILL");
  }, options.timeoutMs);
  let wallSeconds: number | undefined;
  child.on("exit", () => {
    wallSeconds = elapsed();
  });

  return new Promise((resolve) => {
    const finish = (exitCode: number | null, signal: string | null) => {
      if (pid !== undefined) running.delete(pid);
      clearTimeout(timer);
      clearInterval(poller);
      const seen = ticks.size > 0;
      const cpu = (key: "user" | "sys") => (seen ? [...ticks.values()].reduce((sum, t) => sum + t[key], 0) / CLOCK_TICKS : null);
      resolve({
        wallSeconds: wallSeconds ?? elapsed(),
        peakRssMB: seen ? Math.max(...hwmKb.values()) / 1024 : null,
        treeRssMB: seen ? treeMaxKb / 1024 : null,
        userSeconds: cpu("user"),
        sysSeconds: cpu("sys"),
        exitCode,
        signal,
        timedOut,
        ...output,
      });
    };
    child.on("error", (error) => {
      output.stderr += `\n${String(error)}`;
      finish(null, null);
    });
    child.on("close", (code, signal) => finish(code, signal));
  });
}

/** Sends a signal to a whole process group started with `detached: true`; quiet when it is gone. */
export function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  try {
    if (pid !== undefined) process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** `pid` and all its descendants, through every thread's children (a worker thread may start a process too). */
function processTree(pid: number): number[] {
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) {
    let threads: string[] = [];
    try {
      threads = readdirSync(`/proc/${tree[i]}/task`);
    } catch {
      continue; // exited meanwhile
    }
    for (const tid of threads) tree.push(...(read(`/proc/${tree[i]}/task/${tid}/children`) ?? "").split(/\s+/).filter(Boolean).map(Number));
  }
  return tree;
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined; // the process exited meanwhile
  }
}

const kb = (status: string, field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0);
