import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";

// Where the time goes, from a V8 .cpuprofile (node --cpu-prof): self time per
// package or project file, and per function. For call trees and timelines,
// open the same file in Chrome DevTools (Performance) or speedscope.app.

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/** A package (`markdown-it`, `@11ty/eleventy`), a project file (`src/parse/parse-yaml.ts`), `node:fs`, or a V8 pseudo-frame such as `(garbage collector)`. */
function moduleOf(url: string, functionName: string, projectRoot: string): string {
  if (!url) return /^\(.*\)$/.test(functionName) ? functionName : "(native: built-ins, file system bindings)";
  if (url.startsWith("node:"))
    return `node:${
      url
        .slice(5)
        .replace(/^internal\//, "")
        .split("/")[0]
    }`;
  const path = url.startsWith("file:") ? fileURLToPath(url) : url;
  const inPackage = path.split("/node_modules/").at(-1)?.split("/") ?? [];
  if (path.includes("/node_modules/")) return inPackage[0]?.startsWith("@") ? `${inPackage[0]}/${inPackage[1]}` : (inPackage[0] ?? path);
  return relative(projectRoot, path);
}

/** A few lines per profile: how busy the thread was, then the top entries by self time. */
export function summariseProfile(file: string, projectRoot: string, top = 15): string {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const byModule = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let totalMs = 0;
  let idleMs = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const frame = frames.get(id);
    totalMs += ms;
    if (!frame || frame.functionName === "(idle)") {
      idleMs += ms;
      return;
    }
    const module = moduleOf(frame.url, frame.functionName, projectRoot);
    byModule.set(module, (byModule.get(module) ?? 0) + ms);
    const name = `${frame.functionName || "(anonymous)"}  ${frame.url ? `${module}:${frame.lineNumber + 1}` : ""}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
  });
  const busyMs = totalMs - idleMs;
  const rows = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => `  ${(ms / 1000).toFixed(2).padStart(7)} s ${((100 * ms) / busyMs).toFixed(1).padStart(5)}%  ${name}`);
  return [
    `busy ${(busyMs / 1000).toFixed(2)} s of ${(totalMs / 1000).toFixed(2)} s (idle: waiting for files, timers or other processes)`,
    "self time by package or file (share of busy time):",
    ...rows(byModule),
    "self time by function:",
    ...rows(byFunction),
  ].join("\n");
}
