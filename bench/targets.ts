import { fmt, fmtN, ratio, type SizeResult, type Summary } from "./figures.ts";

// The targets of issue 13, as data: each names the size it is judged at, how
// its figure is computed from that size's rows, and its limit. Ratios compare
// medians measured in the same run. See docs/performance.md.

/** A number, null when a build it needs failed, or the reason it was not measured. */
type Figure = number | null | string;

interface TargetSpec {
  name: string;
  postings: number;
  /** Undefined: reported, not judged. */
  limit?: number;
  unit: "×" | "s" | "MB";
  figure: (rows: SizeResult["rows"], at: (postings: number) => SizeResult | undefined) => Figure;
}

export interface Target {
  name: string;
  limit: string;
  actual: string;
  /** true met, false missed, null not judged (not measured here, or only reported). */
  met: boolean | null;
}

const wall = (row: string) => (rows: SizeResult["rows"]) => {
  const summary = rows[row];
  return summary === undefined
    ? "not measured at this size (check runs at the largest size only)"
    : typeof summary === "string"
      ? summary
      : summary.wallSeconds;
};

/** The whole build's memory: the larger of the biggest single process and the sum over its process tree (Node and Pagefind side by side). */
const peakMemory = (rows: SizeResult["rows"]): Figure => {
  const build = rows.openings as Summary | undefined;
  if (!build) return "not measured";
  if (build.wallSeconds === null) return null;
  if (build.peakRssMB === null && build.treeRssMB === null) return "no /proc here: memory not measured";
  return Math.max(build.peakRssMB ?? 0, build.treeRssMB ?? 0);
};

export const TARGETS: TargetSpec[] = [
  { name: "Openings build ≤ 1.0× plain Eleventy", postings: 50, limit: 1, unit: "×", figure: (rows) => ratio(rows.openings, rows.eleventy) },
  { name: "Openings build ≤ 1.0× plain Eleventy", postings: 1000, limit: 1, unit: "×", figure: (rows) => ratio(rows.openings, rows.eleventy) },
  { name: "Openings build ÷ Hugo", postings: 1000, unit: "×", figure: (rows) => ratio(rows.openings, rows.hugo) },
  { name: "Openings build ≤ 1.5× Hugo", postings: 10000, limit: 1.5, unit: "×", figure: (rows) => ratio(rows.openings, rows.hugo) },
  { name: "moonshot: Openings build ≤ 1.0× Hugo", postings: 10000, limit: 1, unit: "×", figure: (rows) => ratio(rows.openings, rows.hugo) },
  { name: "peak memory of the build ≤ 700 MB", postings: 10000, limit: 700, unit: "MB", figure: peakMemory },
  { name: "check, cold (no cache) ≤ 3 s", postings: 10000, limit: 3, unit: "s", figure: wall("check") },
  { name: "check after editing one posting ≤ 1 s", postings: 10000, limit: 1, unit: "s", figure: wall("check-edited") },
  { name: "build after editing one posting ≤ 3 s", postings: 10000, limit: 3, unit: "s", figure: wall("build-edited") },
  {
    name: "ms/posting within 1.2× of that at 1,000",
    postings: 10000,
    limit: 1.2,
    unit: "×",
    figure: (rows, at) => ratio(rows.openings, at(1000)?.rows.openings ?? "1,000 postings not measured", "msPerPosting"),
  },
];

const show = (value: number, unit: TargetSpec["unit"]) => (unit === "×" ? `${fmt(value)}×` : unit === "s" ? `${fmt(value)} s` : `${fmt(value, 0)} MB`);

export function evaluateTargets(sizes: SizeResult[]): Target[] {
  const at = (postings: number) => sizes.find((size) => size.postings === postings);
  return TARGETS.map((spec) => {
    const size = at(spec.postings);
    const figure = size ? spec.figure(size.rows, at) : `${fmtN(spec.postings)} postings not in --sizes`;
    const limit = spec.limit === undefined ? "reported only" : `≤ ${show(spec.limit, spec.unit)}`;
    const name = `${fmtN(spec.postings)} postings: ${spec.name}`;
    if (typeof figure === "string") return { name, limit, actual: `n/a (${figure})`, met: null };
    if (figure === null) return { name, limit, actual: "FAILED", met: spec.limit === undefined ? null : false };
    return { name, limit, actual: show(figure, spec.unit), met: spec.limit === undefined ? null : figure <= spec.limit };
  });
}

export function formatTargets(targets: Target[]): string[] {
  const mark = (t: Target) => (t.met === null ? (t.actual.startsWith("n/a") ? "[n/a]   " : "[info]  ") : t.met ? "[met]   " : "[MISSED]");
  return targets.map((t) => `  ${mark(t)} ${t.name}: ${t.actual} (target ${t.limit})`);
}
