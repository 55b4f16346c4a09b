import { readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

// Where the time goes, from a V8 .cpuprofile (node --cpu-prof): self time per
// function, self time per package or project file, and inclusive time of the
// project's own functions.
//
//   npx tsx bench/profile-summary.ts FILE.cpuprofile [TOP]

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface Entry {
  name: string;
  where: string;
  ms: number;
  /** Share of all sampled time, idle included. */
  percent: number;
  /** Share of the time the main thread was busy: everything but `(idle)` (waiting on I/O, timers or child processes). */
  busyPercent: number;
}

export interface ProfileSummary {
  totalMs: number;
  idleMs: number;
  samples: number;
  selfByFunction: Entry[];
  selfByModule: Entry[];
  /** The project's own functions (src/, .eleventy.ts) by time including everything they call. */
  inclusiveProject: Entry[];
  /** The run cut into equal slices: how busy the main thread was in each, and on what. */
  timeline: { fromMs: number; toMs: number; busyPercent: number; top: string[] }[];
}

/** A package name (`@11ty/eleventy`, `markdown-it`), a project file (`src/load-site.ts`), `node:fs`, or a V8 pseudo-frame. */
export function moduleOf(frame: CallFrame, projectRoot: string): string {
  const { url, functionName } = frame;
  if (!url) {
    if (/^\(.*\)$/.test(functionName)) return functionName;
    if (functionName.startsWith("RegExp:")) return "(regular expressions)";
    // Nunjucks compiles each template to a function `root`, its blocks to `b_<name>`, its macros to `macro_<name>`.
    if (/^(root|b_\w+|macro_\w+)$/.test(functionName)) return "(compiled Nunjucks templates)";
    return "(native: fs bindings and other built-ins)";
  }
  if (url.startsWith("node:")) {
    const path = url.slice("node:".length).replace(/^internal\//, "");
    return `node:${path.split("/")[0]}`;
  }
  let path = url;
  try {
    if (url.startsWith("file:")) path = fileURLToPath(url);
  } catch {
    return url;
  }
  const parts = path.split("/node_modules/");
  if (parts.length > 1) {
    const rest = (parts.at(-1) ?? "").split("/");
    return rest[0]?.startsWith("@") ? `${rest[0]}/${rest[1]}` : (rest[0] ?? path);
  }
  const rel = relative(projectRoot, path);
  return rel.startsWith("..") ? path : rel;
}

function location(frame: CallFrame, projectRoot: string): string {
  if (!frame.url) return "";
  let path = frame.url;
  try {
    if (path.startsWith("file:")) path = fileURLToPath(path);
  } catch {
    // keep the URL
  }
  const nm = path.lastIndexOf("/node_modules/");
  const shown = nm >= 0 ? path.slice(nm + "/node_modules/".length) : path.startsWith("/") ? relative(projectRoot, path) : path;
  // tsx's output keeps no line structure V8 can report (every frame says line 1), so line 1 is left out.
  return frame.lineNumber > 0 ? `${shown}:${frame.lineNumber + 1}` : shown;
}

export function summariseProfile(profile: CpuProfile, projectRoot: string): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  // Sample i lasts until sample i + 1 (timeDeltas[i + 1] µs), as DevTools counts it.
  const selfUs = new Map<number, number>();
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    const id = samples[i] as number;
    selfUs.set(id, (selfUs.get(id) ?? 0) + Math.max(0, timeDeltas[i + 1] ?? 0));
  }
  const totalUs = [...selfUs.values()].reduce((a, b) => a + b, 0);
  let idleUs = 0;
  for (const [id, us] of selfUs) if (byId.get(id)?.callFrame.functionName === "(idle)") idleUs += us;
  const busyUs = totalUs - idleUs;

  const fnKey = (frame: CallFrame) => `${frame.functionName || "(anonymous)"}\u0000${location(frame, projectRoot)}`;
  const selfFn = new Map<string, number>();
  const selfModule = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    const key = fnKey(node.callFrame);
    selfFn.set(key, (selfFn.get(key) ?? 0) + us);
    const mod = moduleOf(node.callFrame, projectRoot);
    selfModule.set(mod, (selfModule.get(mod) ?? 0) + us);
    // Inclusive time: once per distinct project function on this sample's stack.
    const onStack = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (!frame) break;
      const m = moduleOf(frame, projectRoot);
      if (m.startsWith("src/") || m === ".eleventy.ts") onStack.add(fnKey(frame));
    }
    for (const k of onStack) inclusive.set(k, (inclusive.get(k) ?? 0) + us);
  }

  // A timeline: which packages kept the main thread busy in each tenth of the run.
  const slices = 10;
  const sliceUs = (profile.endTime - profile.startTime) / slices;
  const perSlice = Array.from({ length: slices }, () => ({ idle: 0, total: 0, modules: new Map<string, number>() }));
  let at = profile.startTime;
  for (let i = 0; i < samples.length; i++) {
    at += timeDeltas[i] ?? 0;
    const us = Math.max(0, timeDeltas[i + 1] ?? 0);
    const slice = perSlice[Math.min(slices - 1, Math.max(0, Math.floor((at - profile.startTime) / sliceUs)))];
    const node = byId.get(samples[i] as number);
    if (!slice || !node) continue;
    slice.total += us;
    if (node.callFrame.functionName === "(idle)") slice.idle += us;
    else {
      const mod = moduleOf(node.callFrame, projectRoot);
      slice.modules.set(mod, (slice.modules.get(mod) ?? 0) + us);
    }
  }
  const timeline = perSlice.map((slice, i) => ({
    fromMs: (i * sliceUs) / 1000,
    toMs: ((i + 1) * sliceUs) / 1000,
    busyPercent: slice.total ? (100 * (slice.total - slice.idle)) / slice.total : 0,
    top: [...slice.modules.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([mod, us]) => `${mod} ${((100 * us) / (slice.total || 1)).toFixed(0)}%`),
  }));

  const entries = (map: Map<string, number>, split: boolean): Entry[] =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([key, us]) => {
        const [name, where] = split ? key.split("\u0000") : [key, ""];
        const busyPercent = name === "(idle)" || !busyUs ? 0 : (100 * us) / busyUs;
        return { name: name ?? key, where: where ?? "", ms: us / 1000, percent: totalUs ? (100 * us) / totalUs : 0, busyPercent };
      });
  return {
    totalMs: totalUs / 1000,
    idleMs: idleUs / 1000,
    samples: samples.length,
    selfByFunction: entries(selfFn, true),
    selfByModule: entries(selfModule, false),
    inclusiveProject: entries(inclusive, true),
    timeline,
  };
}

export function formatProfileSummary(summary: ProfileSummary, top = 10): string {
  const line = (e: Entry, i: number) =>
    `${String(i + 1).padStart(3)}. ${e.busyPercent.toFixed(1).padStart(5)}%  ${e.percent.toFixed(1).padStart(5)}%  ${e.ms.toFixed(0).padStart(7)} ms  ${e.name}${e.where ? `  (${e.where})` : ""}`;
  const head = `      ${"busy".padStart(6)} ${"all".padStart(6)}`;
  const busy = (entries: Entry[]) => entries.filter((e) => e.name !== "(idle)").slice(0, top);
  return [
    `CPU profile of one thread: ${(summary.totalMs / 1000).toFixed(2)} s sampled in ${summary.samples.toLocaleString("en-GB")} samples;`,
    `idle (waiting on I/O, timers or child processes such as Pagefind) ${(summary.idleMs / 1000).toFixed(2)} s = ${((100 * summary.idleMs) / (summary.totalMs || 1)).toFixed(1)}%.`,
    "busy = % of the non-idle time, all = % of all sampled time.",
    "",
    `Top ${top} functions by self time:`,
    head,
    ...busy(summary.selfByFunction).map(line),
    "",
    `Top ${top} packages / files by self time:`,
    head,
    ...busy(summary.selfByModule).map(line),
    "",
    `Top ${top} Openings functions by inclusive time (including what they call; synchronous stacks only, so work`,
    "Eleventy does after an `await` is not counted under the function that started it):",
    head,
    ...summary.inclusiveProject.slice(0, top).map(line),
    "",
    "Timeline (tenths of the run): main-thread busy %, and the packages that kept it busy:",
    ...summary.timeline.map(
      (t) =>
        `  ${(t.fromMs / 1000).toFixed(1).padStart(6)}–${(t.toMs / 1000).toFixed(1).padEnd(6)} s  busy ${t.busyPercent.toFixed(0).padStart(3)}%  ${t.top.join(", ")}`,
    ),
  ].join("\n");
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [file, top] = process.argv.slice(2);
  if (!file) {
    console.error("usage: npx tsx bench/profile-summary.ts FILE.cpuprofile [TOP]");
    process.exitCode = 2;
  } else {
    const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
    console.log(formatProfileSummary(summariseProfile(profile, resolve(import.meta.dirname, "..")), Number(top ?? 10)));
  }
}
