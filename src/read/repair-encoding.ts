// Text that was UTF-8 but got read as Windows-1252 ("mojibake"): `â€“` for `–`,
// `Ã©` for `é`. Postings copied out of old pages often carry it; check warns
// and the importer repairs it.

// Windows-1252 puts these characters at bytes 0x80–0x9F; everywhere else it agrees with Latin-1.
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";
const byteOf = (char: string): number | undefined => {
  const code = char.charCodeAt(0);
  const high = CP1252_HIGH.indexOf(char);
  if (high >= 0) return 0x80 + high;
  return code <= 0xff ? code : undefined;
};
/** The character Windows-1252 gives `byte`, or undefined for the five bytes it leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D). */
export function windows1252Char(byte: number): string | undefined {
  const char = byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH.charAt(byte - 0x80) : String.fromCharCode(byte);
  return char.charCodeAt(0) >= 0x80 && char.charCodeAt(0) <= 0x9f ? undefined : char;
}

const CONTINUATION = `[\\u00A0-\\u00BF${CP1252_HIGH}]`;
// A UTF-8 lead byte read as Windows-1252 (Â–ß, à–ï, ð–ô), then continuation bytes read the same way.
const MOJIBAKE = new RegExp(`(?:[\\u00C2-\\u00DF]${CONTINUATION}|[\\u00E0-\\u00EF]${CONTINUATION}{2}|[\\u00F0-\\u00F4]${CONTINUATION}{3})`, "g");

/** Each run of mojibake with its offset and what it should read, if any. */
export function findMojibake(text: string): { offset: number; found: string; meant: string }[] {
  const results: { offset: number; found: string; meant: string }[] = [];
  for (const match of text.matchAll(MOJIBAKE)) {
    const meant = decode(match[0]);
    if (meant) results.push({ offset: match.index ?? 0, found: match[0], meant });
  }
  return results;
}

export function repairMojibake(text: string): string {
  return text.replace(MOJIBAKE, (found) => decode(found) ?? found);
}

function decode(found: string): string | undefined {
  const bytes = [...found].map(byteOf);
  if (bytes.some((b) => b === undefined)) return undefined;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(new Uint8Array(bytes as number[]));
  } catch {
    return undefined;
  }
}
