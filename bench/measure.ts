import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// Whole-process measurement: wall-clock seconds and peak resident memory of a
// child process, never in-process timers alone.
//
//   gnu-time   /usr/bin/time -f '%e %M %U %S' (GNU time, Debian package `time`):
//              wall from %e (10 ms resolution), peak RSS from %M — the kernel's
//              ru_maxrss for the child, which covers the largest of its own
//              waited-for children too — and user and system CPU seconds from %U and %S.
//   proc-poll  no GNU time: spawn the child directly and poll
//              /proc/<pid>/status VmHWM for it and every descendant every 20 ms;
//              peak RSS is the largest single process's high-water mark seen
//              (a process that grows in its last 20 ms may be under-reported).
//              Wall from a high-resolution timer around spawn → exit; CPU
//              seconds from the child's /proc/<pid>/stat (utime + cutime,
//              stime + cstime), last value seen.
//
// Either way the process tree is also polled for `treeRssMB`: the largest sum
// of VmRSS over the child and all its descendants at one moment (the Openings
// build runs Pagefind as a separate process beside Node, and GNU time's %M
// reports only the larger of the two, never their sum), and for
// `treeCpuSeconds`: every process's own user + system time, last value seen,
// summed — this counts Pagefind, which Node does not wait for, so neither
// GNU time's %U/%S nor cutime ever include it.

export type RssMethod = "gnu-time" | "proc-poll";

export const METHOD_LABELS: Record<RssMethod, string> = {
  "gnu-time": "GNU /usr/bin/time -f '%e %M %U %S' (wall %e, peak RSS %M = ru_maxrss, user %U, sys %S)",
  "proc-poll":
    "no GNU time: polling /proc/<pid>/status VmHWM of the child and its descendants every 20 ms (wall: hrtime around spawn → exit; CPU: /proc/<pid>/stat)",
};

export interface Measurement {
  /** Wall seconds as the method reports it (GNU time's %e, or the hrtime wall for proc-poll). */
  wallSeconds: number;
  /** hrtime around spawn → exit, as seen from the benchmark process (includes /usr/bin/time's own start-up). */
  hrWallSeconds: number;
  /** Peak RSS in MiB of the largest single process, or null when it could not be read. */
  peakRssMB: number | null;
  /** Largest sampled sum of VmRSS over the whole process tree, in MiB (20 ms polling); null when never sampled. */
  treeRssMB: number | null;
  /** User CPU seconds of the process and its children: the steadiest figure when other work shares the machine. */
  userSeconds: number | null;
  /** System (kernel) CPU seconds: mostly file writes here, and erratic on some virtual machines. */
  sysSeconds: number | null;
  /** User + system seconds of every process in the tree (each one's own, sampled every 20 ms); null when never sampled. */
  treeCpuSeconds: number | null;
  method: RssMethod;
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  /** The last 64 KiB of each stream. */
  stdout: string;
  stderr: string;
}

export interface MeasureOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs: number;
  method: RssMethod;
}

const TAIL = 64 * 1024;

const FORMAT = "%e %M %U %S";
const RESULT = /^(\d+(?:\.\d+)?) (\d+) (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)$/;
/** Clock ticks per second for /proc/<pid>/stat times (USER_HZ, 100 on Linux). */
const CLOCK_TICKS = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout?.trim()) || 100;

/** True when /usr/bin/time is GNU time and understands -f '%e %M' and -o. */
export function hasGnuTime(): boolean {
  if (!existsSync("/usr/bin/time")) return false;
  const dir = mkdtempSync(join(tmpdir(), "openings-bench-time-"));
  try {
    const file = join(dir, "t");
    const probe = spawnSync("/usr/bin/time", ["-f", FORMAT, "-o", file, "true"], { encoding: "utf8" });
    return probe.status === 0 && RESULT.test(readFileSync(file, "utf8").trim().split("\n").at(-1) ?? "");
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs `command args` to completion (or the timeout) and measures it as a whole process. */
export function measure(command: string, args: string[], options: MeasureOptions): Promise<Measurement> {
  const timeDir = options.method === "gnu-time" ? mkdtempSync(join(tmpdir(), "openings-bench-time-")) : undefined;
  const timeFile = timeDir ? join(timeDir, "time.txt") : "";
  const [file, argv] = timeDir ? ["/usr/bin/time", ["-f", FORMAT, "-o", timeFile, command, ...args]] : [command, args];
  const started = process.hrtime.bigint();
  // Its own process group, so a timeout can stop the child and everything it started.
  const child = spawn(file, argv, { cwd: options.cwd, env: options.env ?? process.env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout = (stdout + chunk).slice(-TAIL);
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr = (stderr + chunk).slice(-TAIL);
  });

  const peaks = new Map<number, number>();
  let treeMaxKb = 0;
  let cpuTicks: { user: number; sys: number } | undefined;
  const ownTicks = new Map<number, number>();
  const poller =
    child.pid !== undefined
      ? setInterval(() => {
          try {
            sample();
          } catch {
            // no /proc (not Linux): the tree figures stay null
          }
        }, 20)
      : undefined;
  function sample(): void {
    let sum = 0;
    for (const pid of processTree(child.pid as number)) {
      const status = readStatus(pid);
      if (!status) continue;
      // /usr/bin/time itself is not part of what is measured.
      if (timeDir && pid === child.pid) continue;
      sum += status.rssKb;
      if (status.hwmKb > (peaks.get(pid) ?? 0)) peaks.set(pid, status.hwmKb);
      const ticks = readCpuTicks(pid);
      if (ticks) ownTicks.set(pid, ticks.ownUser + ticks.ownSys);
    }
    treeMaxKb = Math.max(treeMaxKb, sum);
    if (!timeDir) {
      const ticks = readCpuTicks(child.pid as number);
      if (ticks) cpuTicks = { user: ticks.ownUser + ticks.childUser, sys: ticks.ownSys + ticks.childSys };
    }
  }

  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    killGroup(child.pid, "SIGKILL");
  }, options.timeoutMs);

  return new Promise((resolve) => {
    const finish = (exitCode: number | null, signal: string | null) => {
      clearTimeout(timer);
      if (poller) clearInterval(poller);
      const hrWallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
      let wallSeconds = hrWallSeconds;
      let peakRssMB: number | null = peaks.size ? Math.max(...peaks.values()) / 1024 : null;
      let userSeconds: number | null = cpuTicks === undefined ? null : cpuTicks.user / CLOCK_TICKS;
      let sysSeconds: number | null = cpuTicks === undefined ? null : cpuTicks.sys / CLOCK_TICKS;
      if (timeDir) {
        // GNU time writes "Command exited with non-zero status N" first when the command fails.
        const lines = existsSync(timeFile) ? readFileSync(timeFile, "utf8").trim().split("\n") : [];
        const match = RESULT.exec(lines.at(-1) ?? "");
        if (match) {
          wallSeconds = Number(match[1]);
          peakRssMB = Number(match[2]) / 1024;
          userSeconds = Number(match[3]);
          sysSeconds = Number(match[4]);
        } else {
          peakRssMB = null;
          userSeconds = null;
          sysSeconds = null;
        }
        rmSync(timeDir, { recursive: true, force: true });
      }
      const treeRssMB = treeMaxKb ? treeMaxKb / 1024 : null;
      const treeCpuSeconds = ownTicks.size ? [...ownTicks.values()].reduce((a, b) => a + b, 0) / CLOCK_TICKS : null;
      resolve({
        wallSeconds,
        hrWallSeconds,
        peakRssMB,
        treeRssMB,
        userSeconds,
        sysSeconds,
        treeCpuSeconds,
        method: options.method,
        exitCode,
        signal,
        timedOut,
        stdout,
        stderr,
      });
    };
    child.on("error", (error) => {
      stderr += `\n${String(error)}`;
      finish(null, null);
    });
    child.on("close", (code, signal) => finish(code, signal));
  });
}

/** Sends a signal to a whole process group started with `detached: true`; quiet when it is gone. */
export function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

/** `pid` and all its descendants, from /proc/<pid>/task/<tid>/children (or a scan of /proc when the kernel lacks it). */
export function processTree(pid: number): number[] {
  const seen: number[] = [];
  const queue = [pid];
  let childrenOf: Map<number, number[]> | undefined;
  while (queue.length) {
    const current = queue.shift() as number;
    seen.push(current);
    let kids: number[] | undefined;
    try {
      kids = readdirSync(`/proc/${current}/task`).flatMap((tid) =>
        readFileSync(`/proc/${current}/task/${tid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number),
      );
    } catch {
      childrenOf ??= scanParents();
      kids = childrenOf.get(current) ?? [];
    }
    queue.push(...kids);
  }
  return seen;
}

function scanParents(): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name may contain spaces and parentheses: ppid is the second field after the last ")".
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      map.set(ppid, [...(map.get(ppid) ?? []), Number(entry)]);
    } catch {
      // exited meanwhile
    }
  }
  return map;
}

/** A process's own user and system time, and that of the children it has waited for, in clock ticks. */
function readCpuTicks(pid: number): { ownUser: number; ownSys: number; childUser: number; childSys: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat
      .slice(stat.lastIndexOf(")") + 2)
      .split(" ")
      .map(Number);
    // After the command name: state is field 3, so utime (14), stime, cutime, cstime (17) are at 11 … 14 here.
    return { ownUser: fields[11] ?? 0, ownSys: fields[12] ?? 0, childUser: fields[13] ?? 0, childSys: fields[14] ?? 0 };
  } catch {
    return undefined;
  }
}

function readStatus(pid: number): { hwmKb: number; rssKb: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const hwm = /^VmHWM:\s+(\d+) kB/m.exec(status);
    const rss = /^VmRSS:\s+(\d+) kB/m.exec(status);
    return hwm && rss ? { hwmKb: Number(hwm[1]), rssKb: Number(rss[1]) } : undefined;
  } catch {
    return undefined;
  }
}
