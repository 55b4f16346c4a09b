import { type Problem, warning } from "../problem.ts";
import { AA_TEXT, BLACK, contrast, ratioText, shadeFor, WHITE } from "../schema/colour.ts";
import { SITE_FILE, type SiteConfig } from "../schema/site-schema.ts";
import type { LocatedMapping } from "./parse-yaml.ts";

// site.yaml's `accent_color`, read as a recruiter would mean it: a colour
// that buttons show white text on. When white does not reach WCAG AA's 4.5:1
// on it, buttons get black text instead, and check says so with a shade that
// would keep white text readable.

export function accentProblems(config: SiteConfig, mapping: LocatedMapping, text: string): Problem[] {
  const accent = config.accent_color;
  if (accent === undefined) return commentedOut(mapping, text);
  const onWhite = contrast(accent, WHITE);
  if (onWhite >= AA_TEXT) return [];
  const black = contrast(accent, BLACK);
  const darker = shadeFor(accent, WHITE, AA_TEXT, BLACK);
  const message =
    `accent_color: white text on \`${accent}\` has a contrast ratio of ${ratioText(onWhite)}, below the ${AA_TEXT}:1 that WCAG AA asks of text, ` +
    `so buttons show black text on it instead (${ratioText(black)})`;
  const hint = `for white text on buttons, use a darker shade such as "${darker}" (${ratioText(contrast(darker, WHITE))})`;
  return [{ ...warning("accent-contrast", SITE_FILE, mapping.locate(["accent_color"]), message, hint), key: "accent_color" }];
}

/** `accent_color: #0b5cad` without quotes is a comment to YAML, so the key is empty: the colour would be silently lost. */
function commentedOut(mapping: LocatedMapping, text: string): Problem[] {
  if (mapping.data.accent_color !== null) return [];
  const at = mapping.locate(["accent_color"], "key");
  const line = text.split(/\r?\n/)[at.line - 1] ?? "";
  const written = /^\s*accent_color\s*:\s*(#\S*)/.exec(line)?.[1];
  if (!written) return [];
  const message = `accent_color is empty: YAML reads \`${written}\` after a space as a comment, so the default colour is used`;
  return [{ ...warning("accent-comment", SITE_FILE, at, message, `put the colour in quotes: accent_color: "${written}"`), key: "accent_color" }];
}
