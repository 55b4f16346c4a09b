import { readdirSync, readFileSync, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import type { SourceFile } from "../model.ts";
import { error, type Problem, START, warning } from "../problem.ts";

// Step 1 of the build: find the postings in jobs/ and read them as text.

export const JOBS_DIR = "jobs";
const POSTING_EXTENSIONS = /\.(md|markdown)$/i;
const LANDING_PAGE_NAMES = ["index.md", "index.markdown"];

/** The one rule for what a file under jobs/ is, by its path relative to jobs/ (with `/` or the system's separator). */
export function sourceKind(pathInJobs: string): "landing" | "posting" | "other" {
  if (LANDING_PAGE_NAMES.includes(pathInJobs)) return "landing";
  return POSTING_EXTENSIONS.test(pathInJobs) ? "posting" : "other";
}

/** Whether `file` (as a watcher names it) is a posting of the site in `siteDir`. */
export function isPosting(siteDir: string, file: string): boolean {
  const path = relative(resolve(siteDir, JOBS_DIR), resolve(file));
  return !path.startsWith("..") && !isAbsolute(path) && sourceKind(path) === "posting";
}

export interface SourceListing {
  postings: string[];
  landingPage?: string;
  problems: Problem[];
}

/** Lists postings (recursively, so teams may keep sub-folders) without reading them. */
export function listSources(siteDir: string, jobsDir: string): SourceListing {
  const listing: SourceListing = { postings: [], problems: [] };
  const root = join(siteDir, jobsDir);
  let entries: string[];
  try {
    entries = readdirSync(root, { recursive: true, encoding: "utf8" });
  } catch {
    return listing; // No jobs/ folder yet: an empty careers site, not an error.
  }
  for (const entry of entries.sort()) {
    const absolute = join(root, entry);
    const name = entry.split(sep).pop() ?? entry;
    if (name.startsWith(".") || entry.split(sep).some((part) => part.startsWith("."))) continue;
    if (!statSync(absolute).isFile()) continue;
    const kind = sourceKind(entry);
    if (kind === "landing") listing.landingPage = absolute;
    else if (kind === "posting") listing.postings.push(absolute);
    else
      listing.problems.push(
        warning(
          "not-a-posting",
          displayPath(siteDir, absolute),
          START,
          "this file is not a posting, so it is not part of the site",
          "postings end in .md or .markdown; `npm run import -- FILE` turns a text or HTML ad into one",
        ),
      );
  }
  return listing;
}

export function displayPath(siteDir: string, absolute: string): string {
  return relative(siteDir, absolute).split(sep).join("/");
}

export function fileVersion(absolutePath: string): string {
  const stat = statSync(absolutePath);
  return `${stat.size}:${stat.mtimeMs}`;
}

/** Reads one file as UTF-8 text, refusing binaries instead of feeding them to the parser. */
export function readSource(siteDir: string, absolutePath: string, knownVersion?: string): { file?: SourceFile; problems: Problem[] } {
  const path = displayPath(siteDir, absolutePath);
  const name = path.split("/").pop() ?? path;
  const stem = name.replace(POSTING_EXTENSIONS, "");
  const version = knownVersion ?? fileVersion(absolutePath);
  const bytes = readFileSync(absolutePath);
  if (bytes.includes(0)) {
    return { problems: [error("binary-file", path, START, "this is a binary file, not a Markdown posting", "save the posting as UTF-8 plain text")] };
  }
  const text = new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");
  return { file: { path, absolutePath, stem, text, version }, problems: [] };
}
