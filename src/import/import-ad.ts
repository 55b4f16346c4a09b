import { basename, extname, isAbsolute, relative, resolve } from "node:path";
import { error, type Problem, START, warning } from "../problem.ts";
import { JOBS_DIR } from "../read/read-sources.ts";
import { BOARD_NAMES } from "./ats/board-job.ts";
import { shapeOf } from "./ats/board-json.ts";
import { readHtml } from "./html-input.ts";
import { htmlDepth, MAX_HTML_DEPTH } from "./html-markdown.ts";
import { inferFacts } from "./infer-facts.ts";
import { setAsideUnreadable } from "./key-mapping.ts";
import { readMarkdown, readMetadata, startsFrontMatter } from "./markdown-input.ts";
import { type Draft, type OriginalFrontMatter, postingText } from "./posting-text.ts";
import { readInput } from "./read-input.ts";
import { textToMarkdown } from "./text-input.ts";
import { type TakenNames, writePosting } from "./write-posting.ts";

// `npm run import -- FILE…`: a job ad as plain text, HTML or Markdown becomes
// a posting under jobs/, with whatever it says about itself in front matter
// and the rest marked TODO. Markdown stays Markdown; HTML becomes Markdown;
// text gets its headings, paragraphs and lists. The name is the title's slug,
// suffixed when taken (`-2`); nothing is ever overwritten.

export interface ImportedAd {
  /** Where it was written, relative to the site folder. */
  path?: string;
  /** Keys marked TODO. */
  missing: string[];
  problems: Problem[];
}

export interface ImportOptions {
  today: string;
  taken: TakenNames;
}

const MARKDOWN_EXTENSIONS = /^\.(?:md|markdown|mdown|mkd|mkdn|mdx)$/i;
const HTML_TAGS = /<(?:html|body|h[1-6]|p|ul|ol|div|section|article|br)\b/i;

export function importAd(siteDir: string, source: string, shownPath: string, { today, taken }: ImportOptions): ImportedAd {
  const fail = (code: string, message: string, hint: string): ImportedAd => ({ missing: [], problems: [error(code, shownPath, START, message, hint)] });
  const input = readInput(source, shownPath);
  const { text } = input;
  if (text === undefined) return { missing: [], problems: input.problems };
  if (text.trim() === "") return fail("import-empty", "the file is empty", "save the ad's text in it, then import it again");
  if (htmlDepth(text) > MAX_HTML_DEPTH) {
    return fail(
      "import-too-deep",
      `the HTML in this file nests more than ${MAX_HTML_DEPTH} elements deep`,
      "save the ad as plain text, or remove the wrapping elements",
    );
  }
  const extension = extname(source);
  if (/^\.json$/i.test(extension) || /^\s*[[{]\s*"/.test(text)) {
    const shape = jsonShape(text);
    const hint =
      shape === "greenhouse" || shape === "lever" || shape === "ashby"
        ? `it looks like a ${BOARD_NAMES[shape]} job-board response: add \`--from ${shape}\` to import its jobs`
        : "to import the jobs of a Greenhouse, Lever or Ashby job board, add `--from greenhouse` (or `lever`, `ashby`)";
    return fail("import-json", "this is JSON, not a job ad", hint);
  }

  const frontMatter = startsFrontMatter(text.split("\n"));
  let draft: Draft;
  let original: OriginalFrontMatter | undefined;
  let title: string | undefined;
  const problems = [...input.problems];
  if (frontMatter || MARKDOWN_EXTENSIONS.test(extension) || (!/^\.html?$/i.test(extension) && looksLikeMarkdown(text))) {
    const read = readMarkdown(text, shownPath);
    problems.push(...read.problems);
    if (!read.draft) return { missing: [], problems };
    ({ draft, original, title } = read);
  } else if (/^\.html?$/i.test(extension) || /^\s*</.test(text) || HTML_TAGS.test(text)) {
    const { title, body, fields } = readHtml(text);
    draft = { fields: { ...(title ? { title } : {}), ...fields }, body };
  } else {
    // `Title: Night porter` lines at the top name the keys; otherwise the first line is the title.
    const metadata = readMetadata(text);
    const titled = typeof metadata.fields.title === "string";
    const { title, body } = textToMarkdown(metadata.body, { firstLineIsTitle: !titled });
    draft = { ...metadata, fields: { ...metadata.fields, ...(title ? { title } : {}) }, body };
  }
  // What the ad says in passing fills only keys still empty, and never a file's own front matter.
  if (!original) for (const [key, value] of Object.entries(inferFacts(draft.body))) draft.fields[key] ??= value;
  const dated = ["date_posted", "date"].some((key) => draft.fields[key] !== undefined || original?.entries.has(key));
  if (!dated) draft.fields.date_posted = today;
  setAsideUnreadable(draft, "found in the ad");

  const { text: posting, missing } = postingText(draft, original);
  title ??= typeof draft.fields.title === "string" ? draft.fields.title : basename(source, extension);
  const written = writePosting(siteDir, title, posting, taken, { suffix: true });
  if ("failed" in written)
    return {
      missing,
      problems: [...problems, error("import-write", shownPath, START, written.failed, "check the site folder's permissions and free space")],
    };
  if ("taken" in written) return { missing, problems };
  const inJobs = relative(resolve(siteDir, JOBS_DIR), resolve(source));
  if (!inJobs.startsWith("..") && !isAbsolute(inJobs)) {
    const message = `the original stays in ${JOBS_DIR}/ beside ${written.path}`;
    problems.push(
      warning("import-original-kept", shownPath, START, message, "delete the original once the new posting reads right, so check does not report it"),
    );
  }
  return { path: written.path, missing, problems };
}

function jsonShape(text: string): ReturnType<typeof shapeOf> {
  try {
    return shapeOf(JSON.parse(text));
  } catch {
    return undefined;
  }
}

/** Markdown rather than plain text: a `#` heading that is not a banner, a link, or emphasis. */
function looksLikeMarkdown(text: string): boolean {
  // Bounded spans: a megabyte-long line of `[` or `**` must not be rescanned from every one of them.
  return (
    /^#{1,6}[ \t]+[^\n]*[\p{L}\p{N}]/mu.test(text) || /\[[^\]\n]{1,200}\]\([^)\s]{1,500}\)/.test(text) || /(?:\*\*|__)\S[^\n]{0,200}?\S(?:\*\*|__)/.test(text)
  );
}
