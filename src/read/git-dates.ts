import { spawnSync } from "node:child_process";
import { join } from "node:path";
import type { CalendarDate } from "../schema/calendar-date.ts";

// Dates git knows about postings: the day each file was first committed (the
// posting date of one without `date_posted`) and when it last changed (the
// sitemap's `lastmod`). One `git log` answers for every file; outside a git
// checkout (or without git) there is no answer, and the caller falls back to
// the build date or the file's modification time.

export interface GitDates {
  /** Site-relative path (`jobs/x.md`) → the day it was first committed, by its author's calendar. */
  firstCommitted: Map<string, CalendarDate>;
  /** Site-relative path → when the last commit that touched it was made. */
  lastChanged: Map<string, Date>;
}

export function gitDates(siteDir: string, folder: string): GitDates {
  const dates: GitDates = { firstCommitted: new Map(), lastChanged: new Map() };
  // -z: paths exactly as stored, never quoted (`jobs/café.md`). Each commit is
  // `\x01<committer time>\t<author day>\0` then `\n` and `<status>\0<path>\0` per file
  // (two paths for a rename or copy).
  const result = spawnSync("git", ["log", "-z", "--format=%x01%ct%x09%as", "--name-status", "--relative", "--", join(siteDir, folder)], {
    cwd: siteDir,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.status !== 0 || !result.stdout) return dates;
  // Newest first: the first time seen for a file is its last change; the last add seen is its first commit.
  for (const entry of result.stdout.split("\x01").slice(1)) {
    const [header = "", ...fields] = entry.split("\0");
    const [seconds, day] = header.split("\t");
    if (!seconds || !day) continue;
    const changed = new Date(Number(seconds) * 1000);
    for (let i = 0; i < fields.length; i++) {
      const status = (fields[i] ?? "").trim();
      if (!status) continue;
      const renamed = /^[RC]/.test(status);
      const file = fields[renamed ? i + 2 : i + 1];
      i += renamed ? 2 : 1;
      if (!file) continue;
      if (!dates.lastChanged.has(file)) dates.lastChanged.set(file, changed);
      if (status === "A") dates.firstCommitted.set(file, day);
    }
  }
  return dates;
}
