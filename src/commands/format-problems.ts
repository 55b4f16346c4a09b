import { count } from "../count.ts";
import type { Problem } from "../problem.ts";

// The one place problems become text, in the `file:line:col: severity: message`
// form that editors and terminals turn into links.

export function formatProblem(p: Problem): string {
  const hint = p.hint ? ` (${p.hint})` : "";
  return `${p.file}:${p.line}:${p.column}: ${p.severity}: ${p.message}${hint}`;
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
