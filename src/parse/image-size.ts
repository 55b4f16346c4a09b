import type { LogoType } from "../schema/site-logo.ts";

// A logo's size in pixels (or, for SVG, its drawing's proportions), read from
// its header, so the header's <img> reserves its space (no layout shift) and
// share images can place it. Undefined when the file does not say.

export interface ImageSize {
  width: number;
  height: number;
}

export function imageSize(type: LogoType, bytes: Uint8Array): ImageSize | undefined {
  const size = READERS[type](bytes);
  return size && size.width > 0 && size.height > 0 && Number.isFinite(size.width) && Number.isFinite(size.height) ? size : undefined;
}

const READERS: Record<LogoType, (bytes: Uint8Array) => ImageSize | undefined> = { svg: svgSize, png: pngSize, jpeg: jpegSize, webp: webpSize };

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** The IHDR chunk always comes first: width and height at bytes 16 and 20. */
function pngSize(bytes: Uint8Array): ImageSize | undefined {
  if (bytes.length < 24) return undefined;
  return { width: view(bytes).getUint32(16), height: view(bytes).getUint32(20) };
}

/** The first start-of-frame marker (SOF0–SOF15, but not DHT, JPG or DAC) holds the size. */
function jpegSize(bytes: Uint8Array): ImageSize | undefined {
  const data = view(bytes);
  let offset = 2;
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) return undefined;
    const marker = bytes[offset + 1] as number;
    if (marker === 0xff) {
      offset++;
      continue;
    }
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: data.getUint16(offset + 5), width: data.getUint16(offset + 7) };
    }
    offset += 2 + data.getUint16(offset + 2);
  }
  return undefined;
}

/** WebP's first chunk: lossy (VP8), lossless (VP8L) or extended (VP8X). */
function webpSize(bytes: Uint8Array): ImageSize | undefined {
  if (bytes.length < 30) return undefined;
  const data = view(bytes);
  const chunk = String.fromCharCode(...bytes.subarray(12, 16));
  if (chunk === "VP8 ") return { width: data.getUint16(26, true) & 0x3fff, height: data.getUint16(28, true) & 0x3fff };
  if (chunk === "VP8L") {
    const bits = data.getUint32(21, true);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  if (chunk === "VP8X") {
    const width = 1 + ((bytes[24] as number) | ((bytes[25] as number) << 8) | ((bytes[26] as number) << 16));
    const height = 1 + ((bytes[27] as number) | ((bytes[28] as number) << 8) | ((bytes[29] as number) << 16));
    return { width, height };
  }
  return undefined;
}

/** The root element's `width` and `height` in pixels, else its `viewBox`'s proportions. */
function svgSize(bytes: Uint8Array): ImageSize | undefined {
  const text = new TextDecoder().decode(bytes.subarray(0, 64 * 1024));
  const root = /<svg\b[^>]*>/i.exec(text)?.[0];
  if (!root) return undefined;
  const attribute = (name: string) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, "i").exec(root)?.[1]?.trim();
  const pixels = (value: string | undefined) => (value && /^\d+(\.\d+)?(px)?$/.test(value) ? Number.parseFloat(value) : undefined);
  const width = pixels(attribute("width"));
  const height = pixels(attribute("height"));
  if (width && height) return { width, height };
  const box = attribute("viewBox")
    ?.split(/[\s,]+/)
    .map(Number);
  if (box?.length === 4) return { width: box[2] as number, height: box[3] as number };
  return undefined;
}
