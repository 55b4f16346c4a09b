import { readFileSync } from "node:fs";
import { error, type Problem, START } from "../problem.ts";
import { decodeSource } from "../read/decode-text.ts";
import { errorCode } from "../read/read-problems.ts";
import { repairMojibake } from "../read/repair-encoding.ts";
import { whyNot } from "./write-posting.ts";

// A file to import, read as text the way postings are: UTF-8, or
// Windows-1252 and UTF-16 with a warning; binary files refused. Text damaged
// by an earlier wrong decoding (`â€“` for `–`) is repaired, and line ends
// become `\n`.

export function readInput(source: string, shownPath: string): { text?: string; problems: Problem[] } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(source);
  } catch (cause) {
    const code = errorCode(cause);
    const [message, hint] =
      code === "EISDIR"
        ? ["this is a folder, not a file", "name each file to import, like `folder/*.txt`"]
        : code === "ENOENT"
          ? ["there is no such file", "check the path: it is relative to the folder the command runs in"]
          : [`this file cannot be read (${whyNot(cause)})`, "check its permissions"];
    return { problems: [error("import-unreadable", shownPath, START, message, hint)] };
  }
  const decoded = decodeSource(shownPath, bytes);
  if (decoded.text === undefined) return { problems: decoded.problems };
  return { text: repairMojibake(decoded.text).replace(/\r\n?/g, "\n"), problems: decoded.problems };
}
