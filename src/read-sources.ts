import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { error, type Problem, START, warning } from "./problem.ts";

// Step 1 of the build: find the postings in jobs/ and read them as text.

export const POSTING_EXTENSIONS = [".md", ".markdown"];
export const LANDING_PAGE_NAMES = ["index.md", "index.markdown"];

export interface SourceFile {
  /** As shown to the user: relative to the site folder, with forward slashes. */
  path: string;
  absolutePath: string;
  /** Name without folder or extension; the default slug comes from it. */
  stem: string;
  text: string;
  /** Changes whenever the file does; lets repeated builds skip unchanged files. */
  version: string;
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
    if (LANDING_PAGE_NAMES.includes(entry)) listing.landingPage = absolute;
    else if (POSTING_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext))) listing.postings.push(absolute);
    else
      listing.problems.push(
        warning(
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
  const stem = name.replace(/\.(md|markdown)$/i, "");
  const version = knownVersion ?? fileVersion(absolutePath);
  const bytes = readFileSync(absolutePath);
  if (bytes.includes(0)) {
    return { problems: [error(path, START, "this is a binary file, not a Markdown posting", "save the posting as UTF-8 plain text")] };
  }
  const text = new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");
  return { file: { path, absolutePath, stem, text, version }, problems: [] };
}
