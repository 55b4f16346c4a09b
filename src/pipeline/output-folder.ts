import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { OPENINGS_ROOT } from "../openings-root.ts";
import { OpeningsError, OutputError } from "../problem.ts";
import { outputFolderRefusal, realPath } from "./output-guard.ts";

// The output folder is replaced only by a complete build. The build writes
// into a staging folder beside it, `.<name>.building-<pid>`; publishing
// renames the old folder to `.<name>.previous-<pid>`, the staging folder into
// its place, and deletes the old one. Those two renames are not one atomic
// step, so a build killed between them leaves only the previous copy: the
// next build starts by putting it back, and by deleting what builds that are
// no longer running left behind (their process id is in the name).
//
// An output folder that is a mount point cannot be renamed: there the build
// stages inside it and replaces its contents entry by entry. That is weaker:
// a build killed during those moves leaves a mix of old and new files until
// the next build.

/** Written into every output folder; a non-empty folder without it is not replaced unless `--force`. Not a page: no host serves it as one. */
export const BUILD_MARKER = ".openings-build";
const MARKER_TEXT = "Written by Openings (npm run build), which replaces this whole folder on every build.\n";

const KINDS = ["building", "previous", "failed"] as const;

export interface OutputFolder {
  /** The folder this build writes every file into. */
  readonly staging: string;
  /** Puts the staging folder's contents where the output folder's were. */
  publish(): void;
  /** After a failure: removes the staging folder, and keeps late writers from making it again. */
  discard(): void;
}

/**
 * Checks that `outputDir` may be replaced, tidies up after earlier builds that
 * were killed, and makes this build's staging folder. Throws OutputError,
 * having touched nothing, when the folder is not one a build may replace.
 */
export function openOutputFolder(outputDir: string, siteDir: string, options: { force: boolean }, projectDir = OPENINGS_ROOT): OutputFolder {
  const refusal = outputFolderRefusal(outputDir, siteDir, projectDir);
  if (refusal) throw new OutputError(refusal);
  const out = realPath(outputDir);
  return withOutputErrors(outputDir, () => {
    const lstat = lstatSync(out, { throwIfNoEntry: false });
    if (lstat?.isSymbolicLink()) throw new OutputError(`the output folder ${outputDir} is a link to a folder that does not exist`);
    if (lstat && !lstat.isDirectory()) throw new OutputError(`the output folder ${outputDir} is a file, not a folder: choose another --out`);
    cleanUpAfterEarlierBuilds(out);
    if (!options.force && !writtenByOpenings(out)) {
      throw new OutputError(
        `${outputDir} holds files that Openings did not write (it has no ${BUILD_MARKER} file), and a build replaces the whole folder: ` +
          "choose an empty or new folder, or build with --force to replace it",
      );
    }
    const exists = existsSync(out);
    if (exists && isMountPoint(out)) return inPlace(outputDir, out);
    const staging = join(dirname(out), leftoverName(out, "building"));
    rmSync(staging, { recursive: true, force: true });
    try {
      // Not `recursive` for the staging folder itself: on a read-only disk, that reports ENOENT instead of EROFS.
      mkdirSync(dirname(staging), { recursive: true });
      mkdirSync(staging);
    } catch (cause) {
      // The folder beside it may be closed to us while the output folder is open: stage inside, then.
      if (!exists || !isAccessError(cause)) throw cause;
      return inPlace(outputDir, out);
    }
    return {
      staging,
      publish: () => withOutputErrors(outputDir, () => orDiscard(out, staging, () => swap(out, staging))),
      discard: () => discard(out, staging),
    };
  });
}

function inPlace(outputDir: string, out: string): OutputFolder {
  const staging = join(out, leftoverName(out, "building"));
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging);
  return {
    staging,
    publish: () => withOutputErrors(outputDir, () => orDiscard(out, staging, () => replaceContents(out, staging))),
    discard: () => discard(out, staging),
  };
}

function swap(out: string, staging: string): void {
  writeFileSync(join(staging, BUILD_MARKER), MARKER_TEXT);
  const previous = join(dirname(out), leftoverName(out, "previous"));
  try {
    renameSync(out, previous);
  } catch (cause) {
    const code = codeOf(cause);
    // A mount point that stat did not reveal (a bind mount): replace its contents instead.
    if (code === "EBUSY" || code === "EXDEV") {
      replaceContents(out, staging);
      return;
    }
    if (code !== "ENOENT") throw cause;
  }
  try {
    renameSync(staging, out);
  } catch (cause) {
    // Put the previous site back; if another build took the place meanwhile, the next build tidies up.
    if (existsSync(previous) && !existsSync(out)) renameSync(previous, out);
    throw cause;
  }
  rmSync(previous, { recursive: true, force: true, maxRetries: 3 });
}

/** Moves the output folder's entries aside and the staging folder's in (copying when they are on different disks). */
function replaceContents(out: string, staging: string): void {
  writeFileSync(join(staging, BUILD_MARKER), MARKER_TEXT);
  const previous = join(out, leftoverName(out, "previous"));
  mkdirSync(previous, { recursive: true });
  for (const entry of readdirSync(out)) if (!isKept(out, entry)) renameSync(join(out, entry), join(previous, entry));
  for (const entry of readdirSync(staging)) {
    try {
      renameSync(join(staging, entry), join(out, entry));
    } catch (cause) {
      if (codeOf(cause) !== "EXDEV") throw cause;
      cpSync(join(staging, entry), join(out, entry), { recursive: true });
    }
  }
  rmSync(staging, { recursive: true, force: true, maxRetries: 3 });
  rmSync(previous, { recursive: true, force: true, maxRetries: 3 });
}

function orDiscard(out: string, staging: string, publish: () => void): void {
  try {
    publish();
  } catch (cause) {
    discard(out, staging);
    throw cause;
  }
}

/**
 * Writers still running after a failure (Eleventy's other templates, which it
 * does not let us wait for, or role pages on worker threads) would make the
 * staging folder again as they write. So it is moved away and a file takes
 * its name, on which every late write fails; the file goes when the process
 * ends, or at the next build.
 */
function discard(out: string, staging: string): void {
  const failed = join(dirname(staging), leftoverName(out, "failed"));
  try {
    renameSync(staging, failed);
  } catch {
    // Nothing was staged, or the disk refuses even a rename: remove what is there.
    rmSync(staging, { recursive: true, force: true, maxRetries: 3 });
    return;
  }
  try {
    writeFileSync(staging, "");
  } finally {
    // When the process ends no writer is left, so whatever is at that name can go.
    process.once("exit", () => rmSync(staging, { recursive: true, force: true }));
    rmSync(failed, { recursive: true, force: true, maxRetries: 3 });
  }
}

/**
 * Removes what killed or failed builds left beside (or, for a mount point,
 * inside) the output folder, never what a build still running is using. A
 * build killed between its two renames left no output folder, only the
 * previous copy: that copy is put back.
 */
export function cleanUpAfterEarlierBuilds(outputDir: string): void {
  const out = realPath(outputDir);
  const folders = existsSync(out) && statSync(out).isDirectory() ? [dirname(out), out] : [dirname(out)];
  const dead = folders.flatMap((folder) =>
    (existsSync(folder) ? readdirSync(folder) : [])
      .map((entry) => ({ path: join(folder, entry), ...parseLeftover(out, entry) }))
      .filter((leftover) => leftover.kind !== undefined && !isRunning(leftover.pid)),
  );
  if (!existsSync(out)) {
    const previous = dead
      .filter((leftover) => leftover.kind === "previous" && dirname(leftover.path) === dirname(out))
      .sort((a, b) => statSync(b.path).ctimeMs - statSync(a.path).ctimeMs)[0];
    if (previous) renameSync(previous.path, out);
  }
  for (const { path } of dead) rmSync(path, { recursive: true, force: true, maxRetries: 3 });
}

function writtenByOpenings(out: string): boolean {
  if (!existsSync(out)) return true;
  const entries = readdirSync(out).filter((entry) => !isKept(out, entry));
  return entries.length === 0 || entries.includes(BUILD_MARKER);
}

function isMountPoint(path: string): boolean {
  return statSync(path).dev !== statSync(dirname(path)).dev;
}

const leftoverName = (out: string, kind: (typeof KINDS)[number]) => `.${basename(out)}.${kind}-${process.pid}`;

function parseLeftover(out: string, entry: string): { kind?: (typeof KINDS)[number]; pid: number } {
  const prefix = `.${basename(out)}.`;
  if (!entry.startsWith(prefix)) return { pid: 0 };
  const match = /^(building|previous|failed)-([1-9]\d*)$/.exec(entry.slice(prefix.length));
  return match ? { kind: match[1] as (typeof KINDS)[number], pid: Number(match[2]) } : { pid: 0 };
}

/** Never moved when contents are replaced in place: builds' own folders, and the file system's lost+found on a disk of its own. */
const isKept = (out: string, entry: string) => entry === "lost+found" || parseLeftover(out, entry).kind !== undefined;

/** Whether a process with this id is running (EPERM: it is, as another user). Our own earlier leftovers count as ended. */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (cause) {
    return codeOf(cause) === "EPERM";
  }
}

const codeOf = (cause: unknown) => (cause as NodeJS.ErrnoException | undefined)?.code;
const isAccessError = (cause: unknown) => ["EACCES", "EPERM", "EROFS"].includes(codeOf(cause) ?? "");

function withOutputErrors<T>(outputDir: string, work: () => T): T {
  try {
    return work();
  } catch (cause) {
    throw outputErrorFor(cause, outputDir) ?? cause;
  }
}

const SYSTEM_REASONS: [RegExp, (folder: string) => string][] = [
  [/\bENOSPC\b|\bEDQUOT\b|No space left on device|Disk quota exceeded/i, (folder) => `the disk is full: there is no room left to write ${folder}`],
  [/\bEROFS\b|Read-only file system/i, (folder) => `${folder} is on a read-only disk: choose a writable --out folder`],
  [/\bEACCES\b|\bEPERM\b|Permission denied|Operation not permitted/i, (folder) => `permission denied: Openings may not write ${folder} or the folder it is in`],
  [/\bENOTDIR\b/, (folder) => `${folder} cannot be a folder: part of that path is a file`],
];

/**
 * A full disk, a read-only disk or a folder closed to us, anywhere in the
 * build (Eleventy, role pages on worker threads, Pagefind), as an OutputError
 * naming the output folder; undefined for any other failure. Worker threads
 * and Pagefind pass on only the message, so it is read as well as the code.
 */
export function outputErrorFor(cause: unknown, outputDir: string): OutputError | undefined {
  if (cause instanceof OutputError) return cause;
  for (let error = cause, depth = 0; error instanceof Error && depth < 10; depth++) {
    const described = `${codeOf(error) ?? ""} ${error.message}`;
    const reason = SYSTEM_REASONS.find(([pattern]) => pattern.test(described));
    if (reason) return new OutputError(reason[1](outputDir), { cause: error });
    if (error instanceof OpeningsError && !error.cause) break;
    error = error.cause ?? (error as { originalError?: unknown }).originalError;
  }
  return undefined;
}
