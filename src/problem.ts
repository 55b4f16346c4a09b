// Problems are values: every step returns them with the file, line and column
// they point at, and only the command-line edge turns them into text.

export type Severity = "error" | "warning";

export interface Problem {
  /** Path as the user would type it, relative to the site folder. */
  file: string;
  /** 1-based; 1:1 when a problem concerns the whole file. */
  line: number;
  column: number;
  severity: Severity;
  message: string;
  /** How to fix it, in plain words. */
  hint?: string;
}

export interface Position {
  line: number;
  column: number;
}

export const START: Position = { line: 1, column: 1 };

export function error(file: string, at: Position, message: string, hint?: string): Problem {
  return { file, ...at, severity: "error", message, ...(hint ? { hint } : {}) };
}

export function warning(file: string, at: Position, message: string, hint?: string): Problem {
  return { file, ...at, severity: "warning", message, ...(hint ? { hint } : {}) };
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === "error");
}

/** Shows a value from a posting the way a person typed it: `80k`, `"eighty"`, `[a, b]`. */
export function quote(value: unknown): string {
  const text = typeof value === "string" ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  const short = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  return `\`${short}\``;
}

/** Thrown only to stop Eleventy's dev server after the problems were printed. */
export class ProblemsFound extends Error {
  // Eleventy prints no stack trace for errors that carry this flag: the
  // problems themselves, already printed with file and line, are the message.
  readonly skipOriginalStack = true;
  constructor(readonly problems: readonly Problem[]) {
    super(`Openings found ${problems.filter((p) => p.severity === "error").length} problem(s) above; the site was not rebuilt.`);
    this.name = "ProblemsFound";
  }
}

/** Line and column (1-based) of a character offset in `text`. */
export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}
