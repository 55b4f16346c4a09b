import type { Stats } from "node:fs";
import { error, type Problem, START, warning } from "../problem.ts";

// The problems of reading jobs/: what the file system refused, in plain words.

/** The system's error code (`EACCES`), when `cause` has one. */
export function errorCode(cause: unknown): string | undefined {
  return cause instanceof Error && "code" in cause && typeof cause.code === "string" ? cause.code : undefined;
}

const permission = (path: string, what: "file" | "folder") =>
  `let the user who runs the build read it: \`chmod ${what === "folder" ? "-R a+rX" : "a+r"} ${path}\``;
const REASONS: Record<string, [reason: string, hint: (path: string, what: "file" | "folder") => string]> = {
  EACCES: ["permission denied", permission],
  EPERM: ["permission denied", permission],
  ENAMETOOLONG: ["its path is too long", () => "use fewer or shorter folder names"],
  ENOENT: ["it was removed while the site was being read", () => "run the command again"],
  EIO: ["the disk reported an error", () => "check the disk, then run the command again"],
};

/** A file or folder under jobs/ that exists but cannot be read. */
export function unreadable(what: "file" | "folder", path: string, cause: unknown): Problem {
  const code = errorCode(cause);
  const [reason, hint] = (code && REASONS[code]) || [code ?? String(cause), () => "check the disk and the permissions, then run the command again"];
  const missing = what === "folder" ? ", so the postings in it are missing" : "";
  return error(`unreadable-${what}`, path, START, `this ${what} cannot be read (${reason})${missing}`, hint(path, what));
}

/** Pipes, sockets and devices: never opened (opening a FIFO waits for a writer forever). */
export function specialFile(path: string, stats: Pick<Stats, "isFIFO" | "isSocket">): Problem {
  const kind = stats.isFIFO() ? "a named pipe (FIFO)" : stats.isSocket() ? "a socket" : "a device";
  return warning("special-file", path, START, `this is ${kind}, not a file, so it is skipped`, "postings are plain text files; remove it from jobs/");
}

/** A link's target as its author wrote it, safe to print. */
export function shownTarget(target: string): string {
  return JSON.stringify(target).slice(1, -1).replaceAll("`", "'");
}
