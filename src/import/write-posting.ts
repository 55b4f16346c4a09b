import { mkdirSync, writeFileSync } from "node:fs";
import { basename, join, relative, sep } from "node:path";
import { slugify } from "../derive/slug.ts";
import { errorCode } from "../read/read-problems.ts";
import { JOBS_DIR, listSources, postingStem } from "../read/read-sources.ts";

// Where a new posting goes: `jobs/<slug of its title>.md`. `npm run new`
// refuses a name that is taken; an import takes the next free one
// (`designer-2.md`), so importing a second ad for the same role never fails.
// Nothing is ever overwritten: files are created with `wx`.

/** Names in use: the stem of every posting, lower-cased (`designer` for `teams/Designer.markdown`), with its path. */
export type TakenNames = Map<string, string>;

export function takenNames(siteDir: string): TakenNames {
  // jobs/index.md is the landing page, never a role.
  const taken: TakenNames = new Map([["index", `${JOBS_DIR}/index.md`]]);
  const jobs = join(siteDir, JOBS_DIR);
  for (const path of listSources(siteDir, JOBS_DIR).postings) {
    taken.set((postingStem(basename(path)) ?? "").toLowerCase(), `${JOBS_DIR}/${relative(jobs, path).split(sep).join("/")}`);
  }
  return taken;
}

const nextSuffix = new WeakMap<TakenNames, Map<string, number>>();

export type Written = { path: string } | { taken: string } | { failed: string };

/**
 * Writes `text` to `jobs/<slug>.md`, or with `suffix`, to the first free
 * `<slug>-2.md`, `<slug>-3.md`…; `taken` gains the stem used. Never replaces a file.
 */
export function writePosting(siteDir: string, title: string, text: string, taken: TakenNames, { suffix }: { suffix: boolean }): Written {
  // File names stay well under every file system's 255-byte limit.
  const slug = cut(slugify(title) || "new-role", 120);
  let stem = slug;
  if (taken.has(stem.toLowerCase()) && !suffix) return { taken: taken.get(stem.toLowerCase()) ?? `${JOBS_DIR}/${stem}.md` };
  // Counting on from the last suffix used keeps a thousand roles of one title from retrying every name.
  const counters = nextSuffix.get(taken) ?? new Map<string, number>();
  nextSuffix.set(taken, counters);
  for (let n = counters.get(slug) ?? 2; taken.has(stem.toLowerCase()); n++) {
    stem = `${slug}-${n}`;
    counters.set(slug, n + 1);
  }
  const path = `${JOBS_DIR}/${stem}.md`;
  try {
    mkdirSync(join(siteDir, JOBS_DIR), { recursive: true });
    writeFileSync(join(siteDir, path), text, { flag: "wx" });
  } catch (cause) {
    // Created since the folder was listed (another import running): take the next name.
    if (errorCode(cause) === "EEXIST") {
      taken.set(stem.toLowerCase(), path);
      return writePosting(siteDir, title, text, taken, { suffix });
    }
    return { failed: `${path} could not be written (${whyNot(cause)})` };
  }
  taken.set(stem.toLowerCase(), path);
  return { path };
}

const REASONS: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "permission denied",
  EROFS: "the disk is read-only",
  ENOSPC: "the disk is full",
  ENOTDIR: `${JOBS_DIR} is not a folder`,
  EISDIR: "a folder has that name",
};

export function whyNot(cause: unknown): string {
  const code = errorCode(cause);
  return (code && REASONS[code]) ?? code ?? String(cause);
}

/** At most `bytes` bytes of UTF-8, cut at a `-` when there is one, never inside a character. */
function cut(slug: string, bytes: number): string {
  if (Buffer.byteLength(slug) <= bytes) return slug;
  let out = "";
  for (const char of slug) {
    if (Buffer.byteLength(out + char) > bytes) break;
    out += char;
  }
  const dash = out.lastIndexOf("-");
  return dash > bytes / 2 ? out.slice(0, dash) : out;
}
