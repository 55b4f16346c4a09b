// Problems are values: every step returns them with the file, line and column
// they point at, and only the command-line edge turns them into text.

export type Severity = "error" | "warning";

export interface Problem {
  /** Stable identifier of the kind of problem (`unknown-key`, `url-taken`), for tests, docs and annotations. */
  code: string;
  /** Path as the user would type it, relative to the site folder. */
  file: string;
  /** 1-based; 1:1 when a problem concerns the whole file. */
  line: number;
  column: number;
  severity: Severity;
  message: string;
  /** How to fix it, in plain words. */
  hint?: string;
  /** The front-matter key it concerns, like `salary.per` or `location[1]`. */
  key?: string;
}

export interface Position {
  line: number;
  column: number;
}

export const START: Position = { line: 1, column: 1 };

export function error(code: string, file: string, at: Position, message: string, hint?: string): Problem {
  return { code, file, ...at, severity: "error", message, ...(hint ? { hint } : {}) };
}

export function warning(code: string, file: string, at: Position, message: string, hint?: string): Problem {
  return { code, file, ...at, severity: "warning", message, ...(hint ? { hint } : {}) };
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

/**
 * A failure that is not a posting's fault and not a bug either: the disk, the
 * permissions, a tool Openings runs. The message names the folder or the
 * tool in plain words; `cause` keeps the system's own error.
 */
export class OpeningsError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The output folder (or its staging copy) could not be written: disk full, permission denied, read-only. */
export class OutputError extends OpeningsError {}
/** The search indexer could not start or finish. */
export class SearchIndexError extends OpeningsError {}
/** A layout in layouts/ failed to render: Openings' own templates, or a site's edited copy. */
export class LayoutError extends OpeningsError {}

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

/** positionAt for many offsets in one text: the lines are found once, so each lookup costs a binary search, not a scan. */
export function positionsIn(text: string): (offset: number) => Position {
  const lineStarts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  return (offset) => {
    const at = Math.max(0, Math.min(offset, text.length));
    let [low, high] = [0, lineStarts.length - 1];
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((lineStarts[middle] ?? 0) <= at) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: at - (lineStarts[low] ?? 0) + 1 };
  };
}
