import type { Measurement } from "./measure.ts";

// One timed run as a sample, the medians over a row's samples, and the
// formatting shared by the table and the targets.

type Figure = "wallSeconds" | "userSeconds" | "sysSeconds" | "treeCpuSeconds" | "peakRssMB" | "treeRssMB";

/** Null where a figure could not be read (no /proc). `stages`: Openings' own timers ("Pages rendered in X s, …"). */
export type Sample = Record<Figure, number | null> & {
  run: number;
  wallSeconds: number;
  pages?: number;
  stages?: Record<string, number>;
  ok: boolean;
  failure?: string;
};

/** Medians over a row's successful samples; null where none succeeded or a figure could not be read. */
export type Summary = Record<Figure | "msPerPosting", number | null> & { samples: Sample[]; pages?: number; stages?: Record<string, number> };

/** A size's rows by key (ROWS in run.ts); a string says why a row was not measured ("hugo not installed: skipped"). */
export interface SizeResult {
  postings: number;
  rows: Record<string, Summary | string>;
}

export function toSample(m: Measurement, run: number, failure: string | undefined, extra: Pick<Sample, "stages" | "pages"> = {}): Sample {
  const { wallSeconds, peakRssMB, treeRssMB, userSeconds, sysSeconds } = m;
  const treeCpuSeconds = userSeconds === null || sysSeconds === null ? null : userSeconds + sysSeconds;
  return { run, wallSeconds, peakRssMB, treeRssMB, userSeconds, sysSeconds, treeCpuSeconds, ...extra, ok: !failure, ...(failure ? { failure } : {}) };
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function summarise(samples: Sample[], postings: number): Summary {
  const ok = samples.filter((s) => s.ok);
  const med = (key: Figure) => median(ok.flatMap((s) => s[key] ?? []));
  const wallSeconds = med("wallSeconds");
  const stageNames = [...new Set(ok.flatMap((s) => Object.keys(s.stages ?? {})))];
  return {
    samples,
    wallSeconds,
    msPerPosting: wallSeconds === null ? null : (wallSeconds * 1000) / postings,
    userSeconds: med("userSeconds"),
    sysSeconds: med("sysSeconds"),
    treeCpuSeconds: med("treeCpuSeconds"),
    peakRssMB: med("peakRssMB"),
    treeRssMB: med("treeRssMB"),
    ...(ok[0]?.pages === undefined ? {} : { pages: ok[0].pages }),
    ...(stageNames.length ? { stages: Object.fromEntries(stageNames.map((name) => [name, median(ok.flatMap((s) => s.stages?.[name] ?? [])) ?? 0])) } : {}),
  };
}

/** a ÷ b on one figure of two rows: null when either failed, the reason when either was not measured. */
export function ratio(
  a: Summary | string | undefined,
  b: Summary | string | undefined,
  figure: Figure | "msPerPosting" = "wallSeconds",
): number | null | string {
  if (a === undefined || b === undefined) return "not measured";
  if (typeof a === "string" || typeof b === "string") return typeof a === "string" ? a : (b as string);
  const [x, y] = [a[figure], b[figure]];
  return x === null || y === null || y === 0 ? null : x / y;
}

/** A figure that could not be read here (no /proc) prints n/a. */
export const fmt = (value: number | null, digits = 2) => (value === null ? "n/a" : value.toFixed(digits));
export const fmtN = (n: number) => n.toLocaleString("en-GB");
