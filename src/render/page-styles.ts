import { readFileSync } from "node:fs";
import { join } from "node:path";
import { OPENINGS_ROOT } from "../openings-root.ts";

// Every page carries layouts/style.css in its head, minified, instead of
// linking it: a linked style sheet blocks the first paint for one more round
// trip, which cost the pages a point or more of Lighthouse's mobile
// performance score (94–99, throttled to a slow phone network). About 11 KB,
// 3 KB gzipped, that every host compresses.

let styles: string | undefined;

/** style.css, read once per process and minified. */
export function pageStyles(): string {
  styles ??= minifyCss(readFileSync(join(OPENINGS_ROOT, "layouts", "style.css"), "utf8"));
  // The one thing that would end the <style> element early.
  if (/<\/style/i.test(styles)) throw new Error("layouts/style.css holds `</style`, which would end the <style> element it goes in");
  return styles;
}

/**
 * Drops comments and the white space CSS does not read: runs of it become
 * one space, and none is kept beside `{`, `}`, `;` or a child combinator.
 * Quoted strings (the icons' data: URLs) are kept as they are, and so is the
 * space after a comma, which a custom property's value keeps.
 */
export function minifyCss(css: string): string {
  let out = "";
  const tokens = /("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|(\/\*[\s\S]*?\*\/)|(\s+)|([^"'/\s]+|\/)/g;
  for (const [, quoted, comment, space, other] of css.matchAll(tokens)) {
    if (quoted) out += quoted;
    else if (space || comment) {
      if (out && !/[{};>\s]$/.test(out)) out += " ";
    } else out = /^[{};>]/.test(other ?? "") ? out.replace(/ $/, "") + other : out + other;
  }
  return out.trim();
}
