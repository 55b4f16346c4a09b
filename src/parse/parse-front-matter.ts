import matter from "gray-matter";
import type { SourceFile } from "../model.ts";
import { error, type Problem, positionAt, START } from "../problem.ts";
import { type LocatedMapping, parseYamlMapping } from "./parse-yaml.ts";

// Step 2: split a posting into its YAML front matter and its Markdown body.
// gray-matter (@11ty/gray-matter, the copy Eleventy itself uses) decides where
// the front matter starts and ends, exactly as Eleventy would; js-yaml 5
// (parse-yaml.ts) reads the YAML, and is the only YAML parser that runs.

export interface FrontMatter extends LocatedMapping {
  body: string;
  /** The file line on which the body starts. */
  bodyLine: number;
}

const IMPORT_HINT = "start the file with a `---` line, the keys, then another `---` line; `npm run import -- FILE` writes one for you";

/** A no-op parser: gray-matter only splits; the YAML is parsed from the real text, with positions. */
const split = () => ({});
// Every engine gray-matter might pick is replaced, so nothing it ships can run:
// its `javascript` engine would eval a `---js` block. Only `---` and `---yaml` reach it at all.
const OPTIONS = { engines: { yaml: split, javascript: split, json: split }, excerpt: false } as const;

export function parseFrontMatter(file: SourceFile): { frontMatter?: FrontMatter; problems: Problem[] } {
  const fail = (message: string, hint: string, at = START) => ({ problems: [error("front-matter", file.path, at, message, hint)] });
  const text = file.text;
  if (!/\S/.test(text)) return fail("the file is empty", IMPORT_HINT);
  if (!matter.test(text) || text[3] === "-") return fail("the file has no front matter", IMPORT_HINT);
  const language = matter.language(text);
  if (language.name !== "" && !/^ya?ml$/i.test(language.name)) {
    return fail(
      `the front matter is marked as \`${language.name.slice(0, 20)}\`, and only YAML front matter is read`,
      "make the first line just `---`, and write the keys as `key: value` lines",
      { line: 1, column: 4 },
    );
  }

  // gray-matter hashes and encodes all the text it is given, so it is given the
  // front matter and the two characters after the closing `---` it will look
  // for (the first `\n---`, as it finds it), not a body that may be megabytes.
  const close = text.indexOf("\n---", 3);
  const head = close < 0 ? text : text.slice(0, close + 6);
  const parts = matter(blankedForSplitting(head), OPTIONS);
  // gray-matter skips a language word after `---` (`---yaml`), but not spaces alone.
  const matterStart = 3 + (language.name ? language.raw.length : 0);
  const matterEnd = matterStart + parts.matter.length;
  if (matterEnd >= head.length) return fail("the front matter is never closed", "add a line with just `---` after the last key");

  // The YAML starts on the line after the opening `---`; its line break belongs to neither.
  const lineBreak = text.indexOf("\n", matterStart);
  const yamlStart = Math.min(lineBreak < 0 ? matterEnd : lineBreak + 1, matterEnd);
  const { mapping, problems } = parseYamlMapping(file.path, text, { start: yamlStart, end: matterEnd });
  if (!mapping) return { problems };
  const bodyStart = head.length - parts.content.length;
  return { frontMatter: { ...mapping, body: text.slice(bodyStart), bodyLine: positionAt(text, bodyStart).line }, problems };
}

/**
 * gray-matter checks for a comment-only block with `/^\s*#[^\n]+/gm`, which
 * backtracks from every line start over the blank lines below it: 300 KB of
 * newlines took 48 s. It needs only the fences, so it reads a copy of the
 * same length in which every other line break is an `x` (leaving few line
 * starts to backtrack from); the parts are then cut from the real text at the
 * offsets it found.
 */
function blankedForSplitting(text: string): string {
  const firstLineEnd = text.indexOf("\n") + 1;
  if (firstLineEnd === 0) return text;
  // Kept: a line break before `---`, and the `\r`/`\n` right after such a fence (gray-matter drops them from the body).
  return text.slice(0, firstLineEnd) + text.slice(firstLineEnd).replace(/(?<!\n---\r?)[\n\r\u2028\u2029](?!---)/g, "x");
}
