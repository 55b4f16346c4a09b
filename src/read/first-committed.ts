import { spawnSync } from "node:child_process";
import { join } from "node:path";
import type { CalendarDate } from "../schema/calendar-date.ts";

// A posting without `date_posted` was posted when its file was first
// committed. One `git log` answers for every file; outside a git checkout
// (or without git) there is no answer and the build date is used instead.

/** Site-relative path (`jobs/x.md`) → the day it was first committed. */
export function firstCommittedDates(siteDir: string, folder: string): Map<string, CalendarDate> {
  const dates = new Map<string, CalendarDate>();
  const result = spawnSync("git", ["log", "--diff-filter=A", "--format=%x00%as", "--name-only", "--relative", "--", join(siteDir, folder)], {
    cwd: siteDir,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.status !== 0 || !result.stdout) return dates;
  // Newest first, so the last date seen for a file is when it was added first.
  for (const entry of result.stdout.split("\0").slice(1)) {
    const [date, ...files] = entry.trim().split("\n");
    if (!date) continue;
    for (const file of files) if (file) dates.set(file, date);
  }
  return dates;
}
