import { z } from "zod";
import { found } from "./job-schema.ts";

// Colours as site.yaml gives them (`accent_color`), and the WCAG 2 contrast
// arithmetic that decides which text can sit on them.
// https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio

/** `#rrggbb`, lower case. */
export type Hex = `#${string}`;

const WANTED = 'a colour like "#0b5cad" (in quotes: YAML reads an unquoted # as a comment) or rgb(11, 92, 173)';

/** `#0b5cad`, `#fa0`, `0b5cad`, `rgb(11 92 173)`, `rgb(11, 92, 173)` → `#0b5cad`; undefined for anything else. */
export function readColour(text: string): Hex | undefined {
  const value = text.trim().toLowerCase();
  const hex = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/.exec(value)?.[1];
  if (hex) return `#${hex.length === 3 ? [...hex].map((digit) => digit + digit).join("") : hex}`;
  const rgb = /^rgb\(\s*(\d{1,3})(?:\s*,\s*|\s+)(\d{1,3})(?:\s*,\s*|\s+)(\d{1,3})\s*\)$/.exec(value);
  if (!rgb) return undefined;
  const channels = rgb.slice(1, 4).map(Number);
  return channels.every((channel) => channel <= 255) ? toHex(channels as [number, number, number]) : undefined;
}

export const colour = z.string({ error: (issue) => `expected ${WANTED}, found ${found(issue.input)}` }).transform((raw, ctx): Hex => {
  const value = readColour(raw);
  if (value) return value;
  ctx.addIssue({ code: "custom", input: raw, message: `expected ${WANTED}, found ${found(raw)}`, params: { code: "bad-colour" } });
  return z.NEVER;
});

type Rgb = [number, number, number];

function channels(hex: Hex): Rgb {
  return [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as Rgb;
}

function toHex(rgb: Rgb): Hex {
  return `#${rgb
    .map((channel) =>
      Math.round(Math.min(255, Math.max(0, channel)))
        .toString(16)
        .padStart(2, "0"),
    )
    .join("")}`;
}

/** WCAG 2's relative luminance, 0 (black) to 1 (white). */
export function luminance(hex: Hex): number {
  const [r, g, b] = channels(hex).map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** From 1 (the same) to 21 (black on white). */
export function contrast(a: Hex, b: Hex): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** `4.48:1`, never rounded up past a threshold it misses. */
export function ratioText(ratio: number): string {
  return `${(Math.floor(ratio * 100) / 100).toFixed(2).replace(/\.?0+$/, "")}:1`;
}

/** WCAG AA for body-size text. */
export const AA_TEXT = 4.5;

export const WHITE: Hex = "#ffffff";
export const BLACK: Hex = "#000000";

/**
 * Text on an accent button: white, the usual choice, when it reaches 4.5:1;
 * otherwise black, which then always does (a colour too light for white text
 * has at least 4.58:1 with black).
 */
export function buttonText(accent: Hex): Hex {
  return contrast(accent, WHITE) >= AA_TEXT ? WHITE : BLACK;
}

/** `from` mixed toward `to` by `amount` (0 to 1), channel by channel. */
export function mix(from: Hex, to: Hex, amount: number): Hex {
  const a = channels(from);
  const b = channels(to);
  return toHex(a.map((channel, i) => channel + ((b[i] as number) - channel) * amount) as Rgb);
}

/**
 * The nearest shade of `hex` toward `toward` (black or white) that reaches
 * `ratio` against `against`: `hex` itself when it already does.
 */
export function shadeFor(hex: Hex, against: Hex, ratio: number, toward: Hex): Hex {
  if (contrast(hex, against) >= ratio) return hex;
  let low = 0;
  let high = 1;
  for (let step = 0; step < 20; step++) {
    const middle = (low + high) / 2;
    if (contrast(mix(hex, toward, middle), against) >= ratio) high = middle;
    else low = middle;
  }
  // Rounding to whole channels can land just short: step on until it passes.
  let shade = mix(hex, toward, high);
  for (let extra = high; contrast(shade, against) < ratio && extra < 1; extra = Math.min(1, extra + 0.01)) shade = mix(hex, toward, extra);
  return shade;
}
