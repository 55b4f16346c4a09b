import { count } from "../count.ts";
import type { Problem } from "../problem.ts";
import { JOBS_DIR, sourceKind } from "../read/read-sources.ts";
import { KNOWN_JOB_KEYS, KNOWN_LANDING_KEYS } from "../schema/job-schema.ts";
import { SITE_FILE, siteShape } from "../schema/site-schema.ts";

// The one place problems become text, in the `file:line:col: severity: message`
// form that editors and terminals turn into links.

export function formatProblem(p: Problem): string {
  const hint = p.hint ? ` (${p.hint})` : "";
  return `${p.file}:${p.line}:${p.column}: ${p.severity}: ${p.message}${hint}`;
}

/**
 * Problems grouped by file (files in the order they first appear) and, within
 * a file, in line order, whatever step found them: a file reads top to bottom.
 */
export function inReadingOrder(problems: readonly Problem[]): Problem[] {
  const fileOrder = new Map<string, number>();
  for (const p of problems) if (!fileOrder.has(p.file)) fileOrder.set(p.file, fileOrder.size);
  // Array sort is stable: problems on one spot keep the order they were found in.
  return [...problems].sort((a, b) => (fileOrder.get(a.file) ?? 0) - (fileOrder.get(b.file) ?? 0) || a.line - b.line || a.column - b.column);
}

/** Every problem, one per line in reading order, then the notes that apply to the whole report. */
export function formatReport(problems: readonly Problem[]): string[] {
  return [...inReadingOrder(problems).map(formatProblem), ...knownKeysNotes(problems)];
}

/**
 * The keys Openings reads, once per report and kind of file, when some file
 * has a key it does not know: listed here rather than in every warning.
 */
function knownKeysNotes(problems: readonly Problem[]): string[] {
  const notes = new Set<string>();
  for (const { code, file } of problems) {
    if (code !== "unknown-key") continue;
    if (file === SITE_FILE) notes.add(`Keys site.yaml can have: ${Object.keys(siteShape).join(", ")} (README.md explains each).`);
    else if (sourceKind(file.slice(JOBS_DIR.length + 1)) === "landing") {
      notes.add(`Keys ${file} can have: ${KNOWN_LANDING_KEYS.join(", ")} (docs/posting-a-job.md explains each).`);
    } else notes.add(`Keys a posting can have: ${KNOWN_JOB_KEYS.join(", ")} (docs/posting-a-job.md explains each).`);
  }
  return [...notes];
}

/** GitHub Actions workflow commands, so a pull request shows each problem on its line. */
export function formatGitHubAnnotation(p: Problem): string {
  const escapeData = (s: string) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  const escapeProperty = (s: string) => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
  const hint = p.hint ? ` (${p.hint})` : "";
  return `::${p.severity} file=${escapeProperty(p.file)},line=${p.line},col=${p.column}::${escapeData(p.message + hint)}`;
}

export function summarise(problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === "error").length;
  return `${count(errors, "error")}, ${count(problems.length - errors, "warning")}`;
}
