import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

// The type on share images: Inter, from the @fontsource/inter package, which
// ships it split by script (Latin, Latin Extended, Cyrillic, Greek,
// Vietnamese). Each part maps the characters of the others to an empty
// glyph, so text is cut into runs, each set in the one part that draws it
// (its unicode.json ranges); a satori that guessed would draw boxes.
// Characters no part draws (Chinese, Arabic, emoji…) are left to the caller:
// see `runs`.

const require = createRequire(import.meta.url);
const PACKAGE_DIR = dirname(require.resolve("@fontsource/inter"));

/** In order of preference: a character in two parts is set in the first. */
const SUBSETS = ["latin", "latin-ext", "cyrillic", "cyrillic-ext", "greek", "greek-ext", "vietnamese"] as const;
export const WEIGHTS = [400, 700] as const;

export interface ShareFont {
  name: string;
  data: Buffer;
  weight: (typeof WEIGHTS)[number];
  style: "normal";
}

/** A stretch of text set in one font family; `family` is undefined for characters no part draws. */
export interface TextRun {
  text: string;
  family?: string;
}

/** What share images are set in: the fonts for satori, and which family draws each character. */
export interface ShareType {
  fonts: ShareFont[];
  runs(text: string): TextRun[];
}

let loaded: ShareType | undefined;

/** Read once per thread: about 1 MB of font files. */
export function shareType(): ShareType {
  if (loaded) return loaded;
  const ranges = JSON.parse(readFileSync(join(PACKAGE_DIR, "unicode.json"), "utf8")) as Record<string, string>;
  const coverage = SUBSETS.map((subset) => ({ family: familyOf(subset), ranges: parseRanges(ranges[subset] ?? "") }));
  const fonts = SUBSETS.flatMap((subset) =>
    WEIGHTS.map((weight) => ({
      name: familyOf(subset),
      data: readFileSync(join(PACKAGE_DIR, "files", `inter-${subset}-${weight}-normal.woff`)),
      weight,
      style: "normal" as const,
    })),
  );
  const familyFor = (codePoint: number) => coverage.find(({ ranges }) => ranges.some(([low, high]) => codePoint >= low && codePoint <= high))?.family;
  const runs = (text: string): TextRun[] => {
    const found: TextRun[] = [];
    for (const character of text) {
      const family = familyFor(character.codePointAt(0) as number);
      const last = found.at(-1);
      if (last && last.family === family) last.text += character;
      else found.push({ text: character, family });
    }
    return found;
  };
  loaded = { fonts, runs };
  return loaded;
}

/** The font package and its version, for the images' cache key. */
export function shareFontVersion(): string {
  const { version } = JSON.parse(readFileSync(join(PACKAGE_DIR, "package.json"), "utf8")) as { version: string };
  return `@fontsource/inter@${version}`;
}

function familyOf(subset: string): string {
  return `Inter ${subset}`;
}

/** `U+0000-00FF,U+0131` → [[0, 255], [305, 305]] */
function parseRanges(text: string): [number, number][] {
  return text
    .split(",")
    .map((part) => part.trim().replace(/^U\+/i, ""))
    .filter(Boolean)
    .map((part) => {
      const [low = "0", high = low] = part.split("-");
      return [Number.parseInt(low, 16), Number.parseInt(high, 16)];
    });
}
