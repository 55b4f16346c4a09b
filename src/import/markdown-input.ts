import type { SourceFile } from "../model.ts";
import { parseFrontMatter } from "../parse/parse-front-matter.ts";
import type { Problem } from "../problem.ts";
import { KNOWN_JOB_KEYS } from "../schema/job-schema.ts";
import { keyMoves, valueFor } from "./key-mapping.ts";
import { readMarkdownBody } from "./markdown-body.ts";
import type { Draft, OriginalFrontMatter } from "./posting-text.ts";

// A Markdown posting from another tool, or an ad written in Markdown. Its
// front matter is kept line for line (comments too): keys Openings reads stay
// as they are, keys another tool used move to the key they mean (in place),
// and the rest stay, for check to point out. Without front matter, a block of
// `Key: value` lines at the top (`Title: Designer`) is read the same way.

export interface ReadMarkdown {
  draft?: Draft;
  /** The role's title, from the front matter or the first heading. */
  title?: string;
  original?: OriginalFrontMatter;
  problems: Problem[];
}

const FENCE = /^---[ \t]*$/;
/** `Title: Designer`: a key of letters, digits, spaces, `-` and `_`, then a value. */
const METADATA_LINE = /^([A-Za-z][\w -]{0,40}?)[ \t]*:[ \t]+(\S.*)$/;

export function readMarkdown(text: string, shownPath: string): ReadMarkdown {
  const lines = text.split("\n");
  const start = bannerEnd(lines);
  if (startsFrontMatter(lines)) return withFrontMatter(lines.slice(start).join("\n"), shownPath, start);
  const { fields, renamedFrom, extra, body } = readMetadata(text);
  const read = readMarkdownBody(body, typeof fields.title === "string" ? fields.title : undefined);
  if (read.title !== undefined && fields.title === undefined) fields.title = read.title;
  if (read.location && fields.location === undefined && fields.remote === undefined) fields.location = [read.location];
  const title = typeof fields.title === "string" ? fields.title : undefined;
  return { draft: { fields, renamedFrom, extra, body: read.body }, ...(title ? { title } : {}), problems: [] };
}

/**
 * A block of `Key: value` lines at the top of an ad without front matter
 * (`Title: Harbour pilot`, `Type: Full time`), read like front matter; and
 * the text after it.
 */
export function readMetadata(text: string): Pick<Draft, "fields" | "renamedFrom" | "extra"> & { body: string } {
  const lines = text.split("\n");
  const start = bannerEnd(lines);
  const metadata = metadataBlock(lines.slice(start));
  const fields: Record<string, unknown> = {};
  const extra: Record<string, unknown> = {};
  const renamedFrom: Record<string, string> = {};
  for (const [key, value] of Object.entries(metadata.data)) if (KNOWN_JOB_KEYS.includes(key)) fields[key] = valueFor(key, value) ?? value;
  const moves = keyMoves(metadata.data);
  for (const move of moves) {
    fields[move.to] = move.value;
    if (move.from.toLowerCase() !== move.to) renamedFrom[move.to] = move.from;
  }
  const moved = new Set(moves.map((move) => move.from));
  for (const [key, value] of Object.entries(metadata.data)) if (!KNOWN_JOB_KEYS.includes(key) && !moved.has(key)) extra[key] = value;
  return { fields, renamedFrom, extra, body: metadata.lines > 0 ? lines.slice(start + metadata.lines).join("\n") : text };
}

function withFrontMatter(text: string, shownPath: string, skippedLines: number): ReadMarkdown {
  const file: SourceFile = { path: shownPath, absolutePath: shownPath, stem: "", text, version: "" };
  const { frontMatter, problems } = parseFrontMatter(file);
  // Lines above the front matter (banners) were cut off: problems point at the file's own lines.
  const located = problems.map((problem) => ({ ...problem, line: problem.line + skippedLines }));
  if (!frontMatter) return { problems: located };
  const { data } = frontMatter;
  const allLines = text.split("\n");
  // The YAML runs from the line after the opening fence to the line before the closing one.
  const closing = allLines.findIndex((line, i) => i > 0 && line.startsWith("---"));
  const yamlLines = allLines.slice(1, closing < 0 ? allLines.length : closing);
  const original = entriesOf(yamlLines, Object.keys(data), (key) => frontMatter.locate([key], "key").line - 2);
  const fields: Record<string, unknown> = {};
  const renamedFrom: Record<string, string> = {};
  for (const move of keyMoves(data)) {
    fields[move.to] = move.value;
    renamedFrom[move.to] = move.from;
  }
  const title = typeof data.title === "string" ? data.title : typeof fields.title === "string" ? fields.title : undefined;
  const read = readMarkdownBody(frontMatter.body, title);
  if (read.title !== undefined && title === undefined) fields.title = read.title;
  const placed = ["location", "remote"].some((key) => data[key] !== undefined || fields[key] !== undefined);
  if (read.location && !placed) fields.location = [read.location];
  const draft: Draft = { fields, renamedFrom, body: read.body };
  const named = title ?? read.title;
  if (original) return { draft, original, ...(named ? { title: named } : {}), problems: located };
  // Keys sharing a line (`{ title: A, team: B }`) cannot be edited in place: written afresh.
  for (const [key, value] of Object.entries(data)) {
    if (KNOWN_JOB_KEYS.includes(key)) fields[key] ??= value;
    else if (!Object.values(renamedFrom).includes(key)) draft.extra = { ...draft.extra, [key]: value };
  }
  return { draft, ...(named ? { title: named } : {}), problems: located };
}

/** Each top-level key's lines; comments and blank lines after its value are left outside it. */
function entriesOf(lines: string[], keys: string[], lineOf: (key: string) => number): OriginalFrontMatter | undefined {
  const starts = keys.map((key) => ({ key, start: lineOf(key) })).sort((a, b) => a.start - b.start);
  if (starts.some(({ start }, i) => start < 0 || start >= lines.length || start === starts[i - 1]?.start)) return undefined;
  const entries = new Map<string, { start: number; end: number }>();
  starts.forEach(({ key, start }, i) => {
    let end = (starts[i + 1]?.start ?? lines.length) - 1;
    while (end > start && /^(?:#.*|\s*)$/.test(lines[end] ?? "")) end--;
    entries.set(key, { start, end });
  });
  return { lines, entries };
}

/**
 * Whether the file opens with front matter: a `---` line (after any banner)
 * and a `key:` line, so that a `---` rule around an ad's title is a rule.
 */
export function startsFrontMatter(lines: readonly string[]): boolean {
  const start = bannerEnd(lines);
  if (!FENCE.test(lines[start] ?? "")) return false;
  const first = lines.slice(start + 1).find((line) => line.trim() !== "" && !/^\s*#/.test(line));
  return first !== undefined && /^(?:[\w"'][^:#]*|[^\s:#][^:]*):(?:\s|$)/.test(first);
}

/** `# -----`, `#######`, `# = = =`: a banner's rule, a `#` line of punctuation only. */
const isRule = (line: string | undefined) =>
  line !== undefined && /^#[^\p{L}\p{N}]*$/u.test(line) && (line.replace(/[\s#]/g, "").length >= 3 || /^#{7,}/.test(line));

/**
 * Lines before the content that are no part of it: blank lines, `<!-- … -->`
 * comments, empty `#` lines, and banners: a `# -----` rule, with the `#` lines
 * up to a closing rule when there is one (`# ----` / `# Careers page` / `# ----`).
 */
export function bannerEnd(lines: readonly string[]): number {
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? "";
    if (/^\s*$/.test(line) || /^#+\s*$/.test(line)) i++;
    else if (/^\s*<!--/.test(line)) {
      while (i < lines.length && !(lines[i] ?? "").includes("-->")) i++;
      i++;
    } else if (isRule(line)) {
      let end = i + 1;
      while (end < lines.length && /^#/.test(lines[end] ?? "") && !isRule(lines[end])) end++;
      i = isRule(lines[end]) ? end + 1 : i + 1;
    } else break;
  }
  return Math.min(i, lines.length);
}

/** A first block of `Key: value` lines that names a title, or has two lines or more. */
function metadataBlock(lines: readonly string[]): { data: Record<string, string>; lines: number } {
  const data: Record<string, string> = {};
  let count = 0;
  for (const line of lines) {
    const match = METADATA_LINE.exec(line);
    if (!match) break;
    data[(match[1] ?? "").trim()] = (match[2] ?? "").trim();
    count++;
  }
  const blankAfter = /^\s*$/.test(lines[count] ?? "");
  const titled = Object.keys(data).some((key) => /^(?:title|job[ _-]?title|position|role)$/i.test(key));
  return blankAfter && (titled || count >= 2) ? { data, lines: count } : { data: {}, lines: 0 };
}
