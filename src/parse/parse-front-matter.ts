import type { SourceFile } from "../model.ts";
import { error, type Problem, START } from "../problem.ts";
import { type LocatedMapping, parseYamlMapping } from "./parse-yaml.ts";

// Step 2: split a posting into its YAML front matter and its Markdown body.

export interface FrontMatter extends LocatedMapping {
  body: string;
  /** The file line on which the body starts. */
  bodyLine: number;
}

const FENCE = /^---[ \t]*$/;
const CLOSING_FENCE = /^(---|\.\.\.)[ \t]*$/;
const IMPORT_HINT = "start the file with a `---` line, the keys, then another `---` line; `npm run import -- FILE` writes one for you";

export function parseFrontMatter(file: SourceFile): { frontMatter?: FrontMatter; problems: Problem[] } {
  const fail = (message: string, hint: string) => ({ problems: [error("front-matter", file.path, START, message, hint)] });
  if (file.text.trim() === "") return fail("the file is empty", IMPORT_HINT);

  const lines = file.text.split(/\r?\n/);
  if (!FENCE.test(lines[0] ?? "")) return fail("the file has no front matter", IMPORT_HINT);
  const closing = lines.findIndex((line, i) => i > 0 && CLOSING_FENCE.test(line));
  if (closing < 0) return fail("the front matter is never closed", "add a line with just `---` after the last key");

  const { mapping, problems } = parseYamlMapping(file.path, lines.slice(1, closing).join("\n"), 2);
  if (!mapping) return { problems };
  return { frontMatter: { ...mapping, body: lines.slice(closing + 1).join("\n"), bodyLine: closing + 2 }, problems };
}
