import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { Resvg } from "@resvg/resvg-js";
import satori from "satori";
import { SHARE_IMAGE_SIZE } from "../derive/share-card.ts";
import { initial } from "../derive/theme.ts";
import type { ShareCard } from "../model.ts";
import { LOGO_MEDIA_TYPES } from "../schema/site-logo.ts";
import { shareType, type TextRun } from "./share-fonts.ts";

// A role's share image: 1200×630, as Facebook, LinkedIn, Slack and X show
// link previews. Laid out as HTML and CSS by satori (which turns text into
// outlines, so no fonts are needed after it), then drawn into a PNG by
// resvg. Text in a script the bundled font cannot draw is left out rather
// than shown as boxes: the title then gives way to the company's name.

// Its source is part of every cached image's key (share-version.ts): an edit here draws them anew.

const PAPER = "#ffffff";
const INK = "#1c1f24";
const MUTED = "#4d5560";

/** Satori's element tree: React's shape, without React. */
interface Node {
  type: string;
  props: Record<string, unknown> & { style?: Record<string, unknown>; children?: (Node | string)[] | Node | string };
}
const h = (type: string, style: Record<string, unknown>, ...children: (Node | string | undefined)[]): Node => ({
  type,
  props: { style, children: children.filter((child): child is Node | string => child !== undefined) },
});

/** Text as runs of the font part that draws them; undefined when it holds a letter or digit no part draws. */
function drawable(text: string): TextRun[] | undefined {
  const runs = shareType().runs(text);
  if (runs.some((run) => !run.family && /[\p{L}\p{N}]/u.test(run.text))) return undefined;
  // Symbols and emoji the font lacks are dropped; what is left still reads.
  const kept = runs.filter((run) => run.family);
  return kept.some((run) => run.text.trim()) ? kept : undefined;
}

function textBlock(runs: TextRun[], style: Record<string, unknown>): Node {
  return h("div", { display: "block", ...style }, ...runs.map((run) => h("span", { fontFamily: run.family }, run.text)));
}

/** A long title gets smaller type, so it fits in three lines. */
function titleSize(title: string): number {
  const length = [...title].length;
  if (length <= 24) return 84;
  if (length <= 44) return 72;
  if (length <= 70) return 60;
  return 52;
}

function logoNode(card: ShareCard, logoBytes: Uint8Array | undefined): Node {
  const { brand } = card;
  const box = 96;
  const logo = brand.logo;
  // WebP is not one of satori's image types; the letter stands in for it.
  if (logo && logoBytes && logo.type !== "webp") {
    const { width, height } = logo.size ?? { width: box, height: box };
    const scale = Math.min(box / height, (box * 3) / width);
    const src = `data:${LOGO_MEDIA_TYPES[logo.type]};base64,${Buffer.from(logoBytes).toString("base64")}`;
    return { type: "img", props: { src, width: Math.round(width * scale), height: Math.round(height * scale), style: { objectFit: "contain" } } };
  }
  const letter = drawable(initial(brand.company));
  return h(
    "div",
    { display: "flex", alignItems: "center", justifyContent: "center", width: box, height: box, borderRadius: 22, background: brand.accent },
    letter ? textBlock(letter, { color: brand.accentInk, fontSize: 56, fontWeight: 700 }) : undefined,
  );
}

export function shareImageTree(card: ShareCard, logoBytes: Uint8Array | undefined): Node {
  const { brand } = card;
  const company = drawable(brand.company);
  const title = drawable(card.title);
  const details = card.details ? drawable(card.details) : undefined;
  // When the title cannot be drawn, the company's name takes its place.
  const headline = title ?? company;
  const size = titleSize(title ? card.title : brand.company);
  return h(
    "div",
    { display: "flex", width: "100%", height: "100%", background: PAPER, fontWeight: 400 },
    h("div", { display: "flex", width: 24, height: "100%", flexShrink: 0, background: brand.accent }),
    h(
      "div",
      { display: "flex", flexDirection: "column", justifyContent: "space-between", flexGrow: 1, padding: "64px 72px 56px 64px" },
      h(
        "div",
        { display: "flex", alignItems: "center", gap: 28 },
        logoNode(card, logoBytes),
        company && title ? textBlock(company, { color: INK, fontSize: 40, fontWeight: 700, lineClamp: 1 }) : undefined,
      ),
      h(
        "div",
        { display: "flex", flexDirection: "column", gap: 20 },
        headline ? textBlock(headline, { color: INK, fontSize: size, fontWeight: 700, lineHeight: 1.1, letterSpacing: -1, lineClamp: 3 }) : undefined,
        details ? textBlock(details, { color: MUTED, fontSize: 36, lineHeight: 1.3, lineClamp: 2 }) : undefined,
      ),
      textBlock(shareType().runs(brand.host), { color: brand.accentText, fontSize: 30, fontWeight: 700 }),
    ),
  );
}

// resvg-js 2.6 keeps each drawing's pixels (3 MB at this size) outside what
// V8 counts, so V8 sees no reason to collect them: a thousand images held
// 3 GB. A full collection every few images, and a turn of the event loop for
// the finalizers, frees them (thx/resvg-js#216; 2.7, still an alpha, tells V8).
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;
let drawnSinceCollected = 0;
const DRAWINGS_BETWEEN_COLLECTIONS = 8;

/** Frees what the drawings so far hold, every few drawings. */
export async function releaseDrawings(): Promise<void> {
  if (++drawnSinceCollected < DRAWINGS_BETWEEN_COLLECTIONS) return;
  drawnSinceCollected = 0;
  collectGarbage();
  await new Promise(setImmediate);
}

/** The PNG for `card`; `logoBytes` are the logo file's when the card has one. */
export async function renderShareImage(card: ShareCard, logoBytes: Uint8Array | undefined): Promise<Buffer> {
  const svg = await satori(shareImageTree(card, logoBytes) as Parameters<typeof satori>[0], { ...SHARE_IMAGE_SIZE, fonts: shareType().fonts });
  // Satori has turned every letter into a path, so resvg needs no font: by
  // default it reads every font installed on the machine for each image.
  // That took 5 of its 17 ms per image here, with 22 fonts installed, and
  // takes longer on a desktop that has hundreds. (Text inside an SVG logo is
  // not drawn either way: resvg draws an embedded SVG image without fonts.)
  return new Resvg(svg, { fitTo: { mode: "original" }, font: { loadSystemFonts: false } }).render().asPng();
}
