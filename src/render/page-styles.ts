import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { OPENINGS_ROOT } from "../openings-root.ts";

// Every page carries layouts/style.css in its head, minified, instead of
// linking it: a linked style sheet blocks the first paint for one more round
// trip, which cost the pages a point or more of Lighthouse's mobile
// performance score (94–99, throttled to a slow phone network). About 14 KB,
// 3 KB gzipped, that every host compresses.

const STYLE_SHEET = join(OPENINGS_ROOT, "layouts", "style.css");
let kept: { version: number; styles: string } | undefined;

/** style.css, minified; read again only when the file changed (the dev server runs many builds). */
export function pageStyles(): string {
  const version = statSync(STYLE_SHEET).mtimeMs;
  if (kept?.version !== version) {
    const styles = minifyCss(readFileSync(STYLE_SHEET, "utf8"));
    // The one thing that would end the <style> element early.
    if (/<\/style/i.test(styles)) throw new Error("layouts/style.css holds `</style`, which would end the <style> element it goes in");
    kept = { version, styles };
  }
  return kept.styles;
}

/**
 * Drops comments and the white space CSS does not read: runs of it become
 * one space, and none is kept beside `{`, `}`, `;` or a child combinator.
 * Quoted strings (the icons' data: URLs) are kept as they are, and so is the
 * space after a comma, which a custom property's value keeps.
 */
export function minifyCss(css: string): string {
  const parts: string[] = [];
  let space = false;
  const tokens = /("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|(\/\*[\s\S]*?\*\/|\s+)|([^"'/\s]+|\/)/g;
  for (const [, quoted, gap, other = ""] of css.matchAll(tokens)) {
    if (gap) {
      space = parts.length > 0;
      continue;
    }
    const text = quoted ?? other;
    if (space && !/^[{};>]/.test(text) && !/[{};>]$/.test(parts.at(-1) ?? "")) parts.push(" ");
    parts.push(text);
    space = false;
  }
  return parts.join("");
}
