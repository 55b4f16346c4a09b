import { closeSync, type Dirent, lstatSync, openSync, readdirSync, readSync, type Stats, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { error, type Problem, START, warning } from "../problem.ts";
import { followLink, isWithin, OPEN_FLAGS, realSiteDir } from "./follow-link.ts";
import { errorCode, specialFile, unreadable } from "./read-problems.ts";

// Step 1 of the build: find the postings in jobs/, strictly: a file or folder
// that cannot be read is an error, never "no postings". read-file.ts reads them.

export const JOBS_DIR = "jobs";
// `ops-lead.html.md` (a Jekyll page renamed to Markdown) is `ops-lead`, like `ops-lead.md`.
const POSTING_NAME = /^(.+?)(?:\.html?)?\.(?:md|markdown)$/i;
/** Names other generators give postings: with front matter, they are postings under the wrong name. */
const FOREIGN_NAME = /^[^.]+$|\.(?:html?|mdx|txt)$/i;

/** A posting's name without its extensions, like `ops-lead`; undefined when `name` is not a posting's. */
export function postingStem(name: string): string | undefined {
  return POSTING_NAME.exec(name)?.[1];
}

/** The one rule for what a file under jobs/ is, by its path relative to jobs/ (with `/` or the system's separator). */
export function sourceKind(pathInJobs: string): "landing" | "posting" | "other" {
  const parts = pathInJobs.split(sep).flatMap((part) => part.split("/"));
  const stem = postingStem(parts.at(-1) ?? "");
  if (stem === undefined) return "other";
  return parts.length === 1 && stem === "index" ? "landing" : "posting";
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

interface Found {
  /** Relative to jobs/, with `/`. */
  rel: string;
  /** Through any links, as the user sees it. */
  absolute: string;
  /** With every link resolved. */
  real: string;
  /** For a link, where it leads as its author wrote it. */
  target?: string;
}

/**
 * Lists postings (in sub-folders too, so teams may keep their own) without
 * reading them. Each real file is listed once, under the name it has without
 * links when it has one.
 */
export function listSources(siteDir: string, jobsDir: string): SourceListing {
  const listing: SourceListing = { postings: [], problems: [] };
  const walk = new JobsWalk(siteDir, jobsDir, listing.problems);
  const read = new Map<string, string>();
  const files = walk.files().filter((file) => {
    const first = read.get(file.real);
    if (first) {
      const message = `this is a link to \`${file.target}\`, which is already read as \`${first}\`, so it is skipped`;
      listing.problems.push(warning("duplicate-source", walk.show(file), START, message, "remove the link; `redirect_from` gives a role a second address"));
    } else read.set(file.real, walk.show(file));
    return !first;
  });
  for (const file of files.sort(byPath)) {
    const kind = sourceKind(file.rel);
    if (kind === "landing") listing.landingPage = file.absolute;
    else if (kind === "posting") listing.postings.push(file.absolute);
    else listing.problems.push(notAPosting(walk.show(file), file.real));
  }
  listing.problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return listing;
}

/**
 * The files under jobs/, found with an explicit stack rather than recursion
 * (deep trees cannot exhaust it), visiting each real folder once (linked
 * folders cannot loop it), and adding what it cannot read to `problems`.
 */
class JobsWalk {
  private readonly siteReal: string;
  private readonly walked = new Map<string, string>();
  private readonly folders: Found[] = [];
  private readonly found: Found[] = [];
  private readonly links: Found[] = [];

  constructor(
    siteDir: string,
    private readonly jobsDir: string,
    private readonly problems: Problem[],
  ) {
    this.siteReal = realSiteDir(siteDir);
    const root = this.root({ rel: "", absolute: join(siteDir, jobsDir), real: join(this.siteReal, jobsDir) });
    if (root) this.enter(root);
  }

  show(found: Pick<Found, "rel">): string {
    return found.rel ? `${this.jobsDir}/${found.rel}` : this.jobsDir;
  }

  /** Files reached without links first, then those reached through links (a linked folder's own links join the end). */
  files(): Found[] {
    this.walk();
    // Links last, so that what is reached without one keeps its own name.
    this.links.sort(byPath);
    for (const link of this.links) this.follow(link);
    return this.found;
  }

  /** jobs/ itself: missing means no postings yet; a link must stay inside the site; it must be a folder. */
  private root(root: Found): Found | undefined {
    let stats: Stats;
    try {
      stats = lstatSync(root.absolute);
    } catch (cause) {
      if (errorCode(cause) !== "ENOENT") this.problems.push(unreadable("folder", this.jobsDir, cause));
      return undefined;
    }
    if (stats.isSymbolicLink()) {
      const followed = followLink(this.siteReal, root.absolute, this.jobsDir);
      if ("problem" in followed) {
        this.problems.push(followed.problem);
        return undefined;
      }
      ({ stats, real: root.real } = followed);
    }
    if (stats.isDirectory()) return root;
    const message = `\`${this.jobsDir}\` is a file, but it should be the folder that holds the postings`;
    this.problems.push(error("jobs-not-a-folder", this.jobsDir, START, message, `rename the file and create a ${this.jobsDir}/ folder`));
    return undefined;
  }

  private enter(folder: Found): void {
    this.walked.set(folder.real, this.show(folder));
    this.folders.push(folder);
  }

  private walk(): void {
    for (let folder = this.folders.pop(); folder; folder = this.folders.pop()) {
      let entries: Dirent[];
      try {
        entries = readdirSync(folder.absolute, { withFileTypes: true });
      } catch (cause) {
        this.problems.push(unreadable("folder", this.show(folder), cause));
        continue;
      }
      // In name order, so which of two links to one file is read does not depend on the file system.
      for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
        if (entry.name.startsWith(".")) continue;
        const rel = folder.rel ? `${folder.rel}/${entry.name}` : entry.name;
        const found = { rel, absolute: join(folder.absolute, entry.name), real: join(folder.real, entry.name) };
        if (entry.isSymbolicLink()) this.links.push(found);
        else if (entry.isFile()) this.found.push(found);
        else if (!entry.isDirectory()) this.problems.push(specialFile(this.show(found), entry));
        else if (!this.walked.has(found.real)) this.enter(found);
      }
    }
  }

  private follow(link: Found): void {
    const path = this.show(link);
    const followed = followLink(this.siteReal, link.absolute, path);
    if ("problem" in followed) {
      this.problems.push(followed.problem);
      return;
    }
    const { real, stats, target } = followed;
    if (stats.isFile()) {
      this.found.push({ ...link, real, target });
      return;
    }
    const problem = stats.isDirectory() ? this.linkedFolderProblem(link, real, target, path) : specialFile(path, stats);
    if (problem) this.problems.push(problem);
    else {
      this.enter({ ...link, real });
      this.walk();
    }
  }

  /** A linked folder that holds the link (following it would never end), or one already read. */
  private linkedFolderProblem(link: Found, real: string, target: string, path: string): Problem | undefined {
    if (isWithin(join(link.real, ".."), real)) {
      const message = `this is a link to \`${target}\`, a folder that contains it, so following it would never end`;
      return error("symlink-loop", path, START, message, "remove the link");
    }
    const first = this.walked.get(real);
    if (!first) return undefined;
    return warning(
      "duplicate-source",
      path,
      START,
      `this is a link to \`${target}\`, a folder already read as \`${first}\`, so it is skipped`,
      "remove the link",
    );
  }
}

const byPath = (a: Found, b: Found) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0);

function notAPosting(path: string, real: string): Problem {
  const name = path.split("/").pop() ?? path;
  if (FOREIGN_NAME.test(name) && hasFrontMatter(real)) {
    const message = "this file has front matter, but only files ending in .md or .markdown are postings, so it is not part of the site";
    return warning("misnamed-posting", path, START, message, `rename it to \`${name.replace(/\.[^.]*$/, "")}.md\``);
  }
  const hint = "postings end in .md or .markdown; `npm run import -- FILE` turns a text or HTML ad into one";
  return warning("not-a-posting", path, START, "this file is not a posting, so it is not part of the site", hint);
}

/** Whether the file opens with a `---` line, as Jekyll's and Eleventy's pages do. */
function hasFrontMatter(real: string): boolean {
  const start = Buffer.alloc(16);
  let fd: number | undefined;
  try {
    fd = openSync(real, OPEN_FLAGS);
    const length = readSync(fd, start, 0, start.length, 0);
    return /^(?:\xEF\xBB\xBF)?---[ \t]*\r?\n/.test(start.subarray(0, length).toString("latin1"));
  } catch {
    return false; // Unreadable: it stays "not a posting".
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function displayPath(siteDir: string, absolute: string): string {
  return relative(siteDir, absolute).split(sep).join("/");
}

let unreadableFiles = 0;

/** Changes whenever the file does. A file that cannot be examined gets a version no later one equals, so it is read (and reported) again. */
export function fileVersion(absolutePath: string): string {
  try {
    const stat = statSync(absolutePath);
    return `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return `unreadable ${++unreadableFiles}`;
  }
}

/** When the file was last modified, from its `fileVersion`; undefined for one that could not be examined. */
export function versionModified(version: string): Date | undefined {
  const match = /^\d+:(\d+(?:\.\d+)?)$/.exec(version);
  return match ? new Date(Math.floor(Number(match[1]))) : undefined;
}
