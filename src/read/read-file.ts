import { closeSync, fstatSync, openSync, readFileSync } from "node:fs";
import type { SourceFile } from "../model.ts";
import type { Problem } from "../problem.ts";
import { decodeSource } from "./decode-text.ts";
import { followLink, isLinkRefused, OPEN_FLAGS, realSiteDir } from "./follow-link.ts";
import { specialFile, unreadable } from "./read-problems.ts";
import { displayPath, postingStem } from "./read-sources.ts";

// Reads one file that listSources found, once: the bytes read here are the
// posting for the whole build. The file may have changed since it was
// listed, so the checks are made again on what is actually opened.

/** A posting's bytes as read, before decoding; the parse cache keys on them. */
export interface SourceBytes {
  path: string;
  name: string;
  bytes: Uint8Array;
  version: string;
}

/** `knownVersion` is the file's, when the caller already has it (saves a stat per file on large sites). */
export function readSourceBytes(siteDir: string, absolutePath: string, knownVersion?: string): SourceBytes | { problems: Problem[] } {
  const path = displayPath(siteDir, absolutePath);
  const name = path.split("/").pop() ?? path;
  const opened = openSource(siteDir, absolutePath, path);
  if ("problem" in opened) return { problems: [opened.problem] };
  try {
    const stats = fstatSync(opened.fd);
    // A pipe or a device put in the file's place: never read (a device may never end).
    if (!stats.isFile()) return { problems: [specialFile(path, stats)] };
    return { path, name, version: knownVersion ?? `${stats.size}:${stats.mtimeMs}`, bytes: readFileSync(opened.fd) };
  } catch (cause) {
    return { problems: [unreadable("file", path, cause)] };
  } finally {
    closeSync(opened.fd);
  }
}

/** Reads (or takes the bytes already `read` of) one posting and decodes it. */
export function readSource(
  siteDir: string,
  absolutePath: string,
  knownVersion?: string,
  read = readSourceBytes(siteDir, absolutePath, knownVersion),
): { file?: SourceFile; problems: Problem[] } {
  if ("problems" in read) return { problems: read.problems };
  const { path, name, bytes, version } = read;
  const { text, problems } = decodeSource(path, bytes);
  if (text === undefined) return { problems };
  return { file: { path, absolutePath, stem: postingStem(name) ?? name, text, version }, problems };
}

function openSource(siteDir: string, absolutePath: string, path: string): { fd: number } | { problem: Problem } {
  try {
    return { fd: openSync(absolutePath, OPEN_FLAGS) };
  } catch (cause) {
    if (!isLinkRefused(cause)) return { problem: unreadable("file", path, cause) };
  }
  // A link: listSources checked where it led, but it may lead elsewhere now.
  const followed = followLink(realSiteDir(siteDir), absolutePath, path);
  if ("problem" in followed) return followed;
  try {
    return { fd: openSync(followed.real, OPEN_FLAGS) };
  } catch (cause) {
    return { problem: unreadable("file", path, cause) };
  }
}
