import { createHash } from "node:crypto";
import librarySlugify from "@sindresorhus/slugify";
import transliterate from "@sindresorhus/transliterate";

// The one slug function: file names and team or location names become URL
// segments. It is Eleventy's own `slugify` filter (@sindresorhus/slugify,
// which transliterates: `Straße` → `strasse`, `Инженерия` → `inzheneriya`),
// with two additions so every name gets a slug that is readable, distinct and
// never empty:
// - letters the slugifier cannot transliterate (Chinese, Japanese, Korean,
//   Hebrew, Thai, Devanagari…) would vanish, and `工程部` and `営業` would both
//   become ``; they are kept as they are, lower-cased. Web addresses carry
//   them (browsers show them as typed, links percent-encode them), and so do
//   file names, which is better for a reader than a hash;
// - a name with no letter or digit at all (`🙂`) gets 8 hex digits of its hash.

/** Eleventy's options for the filter (https://www.11ty.dev/docs/filters/slugify/). */
const OPTIONS = { decamelize: false };

const WORD = /[\p{L}\p{N}\p{M}]/u;
/** Marks and modifier letters (`ー`, a virama) belong to the letter before them. */
const ATTACHED = /[\p{M}\p{Lm}]/u;
/** Placeholders for kept runs: private-use characters, which the slugifier leaves alone when told to preserve them. */
const FIRST_PLACEHOLDER = 0xe000;
const PLACEHOLDERS = 0x1900;

// The slugifier runs about 2,000 regular expressions a call (0.7 ms), so
// plain ASCII takes the same steps directly (tests/slug.test.ts checks they
// agree), and other results are remembered.
const remembered = new Map<string, string>();
const REMEMBERED_AT_MOST = 50_000;

export function slugify(text: string): string {
  const normal = text.normalize("NFKC");
  if (/^[\x20-\x7e]*$/.test(normal)) return asciiSlug(normal) || hashSlug(normal);
  let slug = remembered.get(normal);
  if (slug === undefined) {
    slug = unicodeSlug(normal) || hashSlug(normal);
    if (remembered.size >= REMEMBERED_AT_MOST) remembered.clear();
    remembered.set(normal, slug);
  }
  return slug;
}

/** @sindresorhus/slugify's steps as they apply to ASCII: `&` is "and", `'s` and `'t` join their word. */
function asciiSlug(text: string): string {
  return text
    .replace(/&/g, " and ")
    .replace(/[\^`]/g, "") // Diacritics in Unicode's eyes: the slugifier drops them.
    .toLowerCase()
    .replace(/([a-zA-Z\d]+)'([ts])(\s|$)/g, "$1$2$3")
    .replace(/[^a-z\d]+/g, "-")
    .replace(/^-|-$/g, "");
}

function unicodeSlug(text: string): string {
  // Lower case first, so `Ა` and `ა` are classed alike. Characters in the
  // range the placeholders use cannot be letters: drop them.
  const chars = [...text.toLowerCase().replace(/\p{Co}/gu, "")];
  const kept = keptCharacters(chars);
  const runs: string[] = [];
  let marked = "";
  for (const [i, char] of chars.entries()) {
    if (!kept[i] || runs.length >= PLACEHOLDERS) marked += char;
    else if (kept[i - 1] && runs.length > 0) runs[runs.length - 1] += char;
    else {
      runs.push(char);
      marked += ` ${String.fromCharCode(FIRST_PLACEHOLDER + runs.length - 1)} `;
    }
  }
  const placeholders = runs.map((_, i) => String.fromCharCode(FIRST_PLACEHOLDER + i));
  const slug = librarySlugify(marked, { ...OPTIONS, preserveCharacters: placeholders });
  return slug.replace(/[\ue000-\uf8ff]/g, (placeholder) => runs[placeholder.charCodeAt(0) - FIRST_PLACEHOLDER] ?? "");
}

/**
 * Which characters to keep as they are: letters and digits that
 * transliteration leaves outside a-z and 0-9 (so the slugifier would drop
 * them), and the marks that follow them. A letter transliterated to nothing
 * on purpose (Russian `ъ`) is not kept.
 */
function keptCharacters(chars: string[]): boolean[] {
  const unknown = [...new Set(chars.filter((char) => char > "\x7f" && WORD.test(char) && !untransliterated.has(char)))];
  if (unknown.length > 0) {
    // One call for all of them: the cost is per call, not per character.
    const out = transliterate(unknown.join("\0")).split("\0");
    for (const [i, char] of unknown.entries()) {
      const alone = out.length === unknown.length ? (out[i] ?? "") : transliterate(char);
      untransliterated.set(char, alone !== "" && !/[a-z0-9]/i.test(alone));
    }
  }
  const kept: boolean[] = [];
  for (const [i, char] of chars.entries()) kept.push(untransliterated.get(char) === true || (kept[i - 1] === true && ATTACHED.test(char)));
  return kept;
}
const untransliterated = new Map<string, boolean>();

function hashSlug(text: string): string {
  return createHash("sha256").update(text.trim()).digest("hex").slice(0, 8);
}
