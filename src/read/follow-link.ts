import { constants, readlinkSync, realpathSync, type Stats, statSync } from "node:fs";
import { resolve, sep } from "node:path";
import { error, type Problem, START } from "../problem.ts";
import { errorCode, shownTarget, unreadable } from "./read-problems.ts";

// A symbolic link in jobs/ is followed only when it leads to something inside
// the site folder: a posting must never publish /etc/passwd or another
// project's files. Dangling links and loops are errors, never a hang.

/** Where the link leads (`real`), what is there, and the target as written (`target`, for messages). */
export type Followed = { real: string; stats: Stats; target: string } | { problem: Problem };

/**
 * For opening files under jobs/: a link in the last part of the path is
 * refused (ELOOP) rather than followed unchecked, and a FIFO that replaced a
 * file does not block the open until some writer comes.
 */
export const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** Whether `cause` is open() refusing a link because of O_NOFOLLOW (ELOOP; EMLINK on FreeBSD). */
export function isLinkRefused(cause: unknown): boolean {
  const code = errorCode(cause);
  return code === "ELOOP" || code === "EMLINK";
}

/** The site folder with every link in its path resolved: what "inside the site" is measured against. */
export function realSiteDir(siteDir: string): string {
  try {
    return realpathSync.native(siteDir);
  } catch {
    return resolve(siteDir);
  }
}

/** Whether `path` (with links resolved) is `folder` or lies inside it. */
export function isWithin(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

/** Where the link at `absolute` (shown as `path`) leads, if that is inside `siteReal`. */
export function followLink(siteReal: string, absolute: string, path: string): Followed {
  let target = "";
  try {
    target = shownTarget(readlinkSync(absolute, "utf8"));
  } catch {
    // Not a link any more: realpath below says what it is.
  }
  let real: string;
  try {
    real = realpathSync.native(absolute);
  } catch (cause) {
    const code = errorCode(cause);
    if (code === "ENOENT" || code === "ENOTDIR") {
      const message = `this is a link to \`${target}\`, which does not exist`;
      return { problem: error("broken-symlink", path, START, message, "remove the link, or point it at a file inside the site folder") };
    }
    if (code === "ELOOP") {
      const message = `this is a link to \`${target}\`, which leads back to itself, so it cannot be followed`;
      return { problem: error("symlink-loop", path, START, message, "remove the link") };
    }
    return { problem: unreadable("file", path, cause) };
  }
  if (!isWithin(real, siteReal)) {
    const message = `this is a link to \`${target}\`, outside the site folder, so it is not read`;
    return { problem: error("symlink-outside-site", path, START, message, "copy the file or folder into the site folder instead of linking to it") };
  }
  try {
    return { real, stats: statSync(real), target };
  } catch (cause) {
    return { problem: unreadable("file", path, cause) };
  }
}
