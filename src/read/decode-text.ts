import { isUtf8 } from "node:buffer";
import { error, type Position, type Problem, positionAt, START, warning } from "../problem.ts";
import { windows1252Char } from "./repair-encoding.ts";

// Postings should be UTF-8, and nearly all are. Ads pasted from older tools
// are often Windows-1252, and some editors save UTF-16: decode what can be
// decoded without guessing, say so at the first byte that was not UTF-8, and
// refuse the rest. Nothing silently becomes U+FFFD.

export interface DecodedSource {
  /** Undefined when the bytes cannot be read as text. */
  text?: string;
  problems: Problem[];
}

const SAVE_AS_UTF8 = "save the file as UTF-8";
// Keeps a U+FEFF inside the text: only the file's first bytes are a byte-order mark.
const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });

export function decodeSource(path: string, bytes: Uint8Array): DecodedSource {
  const [b0, b1, b2, b3] = bytes;
  if ((b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) || (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff)) {
    return refuse(path, START, "the file is saved as UTF-32, which Openings does not read", SAVE_AS_UTF8);
  }
  if (b0 === 0xff && b1 === 0xfe) return decodeUtf16(path, bytes, "little-endian");
  if (b0 === 0xfe && b1 === 0xff) return decodeUtf16(path, bytes, "big-endian");
  if (bytes.includes(0)) return binary(path);
  const body = b0 === 0xef && b1 === 0xbb && b2 === 0xbf ? bytes.subarray(3) : bytes;
  if (isUtf8(body)) {
    const text = utf8.decode(body);
    return { text, problems: replacementCharacter(path, text) };
  }
  return decodeWindows1252(path, body);
}

function decodeUtf16(path: string, bytes: Uint8Array, order: "little-endian" | "big-endian"): DecodedSource {
  let text: string;
  try {
    // Strips the byte-order mark; `fatal` refuses an odd byte count and unpaired surrogates.
    text = new TextDecoder(order === "little-endian" ? "utf-16le" : "utf-16be", { fatal: true }).decode(bytes);
  } catch {
    return refuse(path, START, `the file starts like UTF-16 (${order}) text, but is not valid UTF-16`, SAVE_AS_UTF8);
  }
  if (text.includes("\0")) return binary(path);
  const saved = warning("utf-16", path, START, `the file is saved as UTF-16 (${order}), and was read as such`, "save it as UTF-8");
  return { text, problems: [saved, ...replacementCharacter(path, text)] };
}

/**
 * Valid UTF-8 sequences stay UTF-8 (a file edited in two tools can hold
 * both); every other byte is read as Windows-1252, unless it is one of the
 * five bytes Windows-1252 leaves undefined: then the encoding is unknown.
 * Decoded by hand into UTF-16 code units: one pass, whatever the bytes.
 */
function decodeWindows1252(path: string, bytes: Uint8Array): DecodedSource {
  // Never more code units than bytes: a four-byte sequence makes two.
  const units = new Uint16Array(bytes.length);
  let length = 0;
  let bad = 0;
  let first: { offset: number; byte: number } | undefined;
  for (let i = 0; i < bytes.length; ) {
    const byte = bytes[i] as number;
    const size = byte < 0x80 ? 1 : utf8SequenceLength(bytes, i);
    if (size === 1) units[length++] = byte;
    else if (size > 1) length = putCodePoint(units, length, codePointAt(bytes, i, size));
    else {
      const char = windows1252Char(byte);
      if (char === undefined) {
        const message = `byte \`${hex(byte)}\` here is neither UTF-8 nor Windows-1252 text, so the file's encoding is unknown`;
        return refuse(path, positionAt(fromCodeUnits(units, length), length), message, SAVE_AS_UTF8);
      }
      first ??= { offset: length, byte };
      bad++;
      units[length++] = char.charCodeAt(0);
    }
    i += Math.max(size, 1);
  }
  const text = fromCodeUnits(units, length);
  if (!first) return { text, problems: [] }; // Not reached: the caller found a byte that is not UTF-8.
  const more = bad > 1 ? `, and ${bad - 1} more` : "";
  const message = `the file is not UTF-8 (byte \`${hex(first.byte)}\` here${more}), so it was read as Windows-1252: \`${wordAt(text, first.offset)}\``;
  const notUtf8 = warning("not-utf-8", path, positionAt(text, first.offset), message, `check that the text reads right, then ${SAVE_AS_UTF8}`);
  return { text, problems: [notUtf8] };
}

/** The length of the valid UTF-8 sequence starting with a non-ASCII byte at `i`, or 0 (the WHATWG decoder's rules). */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const lead = bytes[i] as number;
  if (lead >= 0xc2 && lead <= 0xdf) return within(bytes[i + 1], 0x80, 0xbf) ? 2 : 0;
  if (lead >= 0xe0 && lead <= 0xef) {
    // No overlong forms (E0) and no UTF-16 surrogates (ED).
    const second = within(bytes[i + 1], lead === 0xe0 ? 0xa0 : 0x80, lead === 0xed ? 0x9f : 0xbf);
    return second && within(bytes[i + 2], 0x80, 0xbf) ? 3 : 0;
  }
  if (lead >= 0xf0 && lead <= 0xf4) {
    // No overlong forms (F0) and nothing past U+10FFFF (F4).
    const second = within(bytes[i + 1], lead === 0xf0 ? 0x90 : 0x80, lead === 0xf4 ? 0x8f : 0xbf);
    return second && within(bytes[i + 2], 0x80, 0xbf) && within(bytes[i + 3], 0x80, 0xbf) ? 4 : 0;
  }
  return 0;
}

const within = (byte: number | undefined, low: number, high: number) => byte !== undefined && byte >= low && byte <= high;

/** The code point of the valid `size`-byte UTF-8 sequence at `i`. */
function codePointAt(bytes: Uint8Array, i: number, size: number): number {
  let codePoint = (bytes[i] as number) & (0xff >> (size + 1));
  for (let k = 1; k < size; k++) codePoint = (codePoint << 6) | ((bytes[i + k] as number) & 0x3f);
  return codePoint;
}

function putCodePoint(units: Uint16Array, length: number, codePoint: number): number {
  if (codePoint < 0x10000) {
    units[length] = codePoint;
    return length + 1;
  }
  units[length] = 0xd800 + ((codePoint - 0x10000) >> 10);
  units[length + 1] = 0xdc00 + ((codePoint - 0x10000) & 0x3ff);
  return length + 2;
}

/** A string from code units, in chunks (spreading a whole file into one call would overflow the stack). */
function fromCodeUnits(units: Uint16Array, length: number): string {
  const chunks: string[] = [];
  for (let start = 0; start < length; start += 0x2000) chunks.push(String.fromCharCode(...units.subarray(start, Math.min(start + 0x2000, length))));
  return chunks.join("");
}

/** A file may hold U+FFFD from an earlier conversion that lost a character: point at the first. */
function replacementCharacter(path: string, text: string): Problem[] {
  const offset = text.indexOf("\uFFFD");
  if (offset < 0) return [];
  const message = "`\uFFFD` stands for a character lost when the text was converted";
  return [warning("replacement-character", path, positionAt(text, offset), message, "replace it with the character it stood for")];
}

/** The word around `offset` (at most 20 characters each side), to show what the guessed character made of it. */
function wordAt(text: string, offset: number): string {
  let start = offset;
  while (start > 0 && offset - start < 20 && /\S/.test(text.charAt(start - 1))) start--;
  let end = offset + 1;
  while (end < text.length && end - offset < 20 && /\S/.test(text.charAt(end))) end++;
  return text.slice(start, end).replaceAll("`", "'");
}

const hex = (byte: number) => `0x${byte.toString(16).toUpperCase().padStart(2, "0")}`;

function binary(path: string): DecodedSource {
  return { problems: [error("binary-file", path, START, "this is a binary file, not a Markdown posting", "save the posting as UTF-8 plain text")] };
}

function refuse(path: string, at: Position, message: string, hint: string): DecodedSource {
  return { problems: [error("unknown-encoding", path, at, message, hint)] };
}
