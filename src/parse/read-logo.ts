import { closeSync, fstatSync, openSync, readFileSync, realpathSync } from "node:fs";
import { join } from "node:path";
import type { LogoFile } from "../model.ts";
import { error, type Position, type Problem } from "../problem.ts";
import { isWithin, OPEN_FLAGS, realSiteDir } from "../read/follow-link.ts";
import { errorCode } from "../read/read-problems.ts";
import { LOGO_TYPE_NAMES, type LogoType, type SiteLogo } from "../schema/site-logo.ts";
import { SITE_FILE } from "../schema/site-schema.ts";
import { imageSize } from "./image-size.ts";

// site.yaml's `logo`, read once as the build's copy of it and checked like any
// input from the site folder: a file (not a folder, pipe or link out of the
// site), not too large, and an image of the type its name says.

/** A logo is copied to every share image and favicon: a real one is a few KB to a few hundred. */
export const MAX_LOGO_BYTES = 1024 * 1024;

export function readLogo(siteDir: string, logo: SiteLogo, at: Position): { logo?: LogoFile; problems: Problem[] } {
  if (!logo.file || !logo.type) return { problems: [] };
  const { file, type } = logo;
  const fail = (message: string, hint: string) => ({ problems: [{ ...error("bad-logo", SITE_FILE, at, `logo: ${message}`, hint), key: "logo" }] });
  const absolute = join(siteDir, file);
  let real: string;
  try {
    real = realpathSync.native(absolute);
  } catch (cause) {
    if (errorCode(cause) === "ENOENT" || errorCode(cause) === "ENOTDIR") {
      return fail(`there is no file \`${file}\` in the site folder`, "check the spelling, or copy the logo there");
    }
    return fail(`\`${file}\` cannot be read (${errorCode(cause) ?? String(cause)})`, `let the user who runs the build read it: \`chmod a+r ${file}\``);
  }
  if (!isWithin(real, realSiteDir(siteDir))) {
    return fail(`\`${file}\` is a link to a file outside the site folder`, "copy the logo into the site folder instead of linking to it");
  }
  let bytes: Buffer;
  try {
    const fd = openSync(real, OPEN_FLAGS);
    try {
      const stats = fstatSync(fd);
      if (stats.isDirectory()) return fail(`\`${file}\` is a folder, not an image file`, "name the image file itself, like brand/logo.svg");
      if (!stats.isFile()) return fail(`\`${file}\` is not a plain file`, "name an image file in the site folder");
      if (stats.size > MAX_LOGO_BYTES) {
        return fail(
          `\`${file}\` is ${kilobytes(stats.size)}, more than a logo needs (at most ${kilobytes(MAX_LOGO_BYTES)})`,
          "export it smaller: an SVG, or a PNG about 512 pixels wide",
        );
      }
      bytes = readFileSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (cause) {
    return fail(`\`${file}\` cannot be read (${errorCode(cause) ?? String(cause)})`, `let the user who runs the build read it: \`chmod a+r ${file}\``);
  }
  const held = imageType(bytes);
  if (held !== type) {
    const what = held ? `holds ${withArticle(held)} image` : bytes.length === 0 ? "is empty" : "is not an SVG, PNG, WebP or JPEG image";
    const hint = held
      ? `rename it to end in .${held === "jpeg" ? "jpg" : held}, or export it again as ${LOGO_TYPE_NAMES[type]}`
      : "export the logo again as SVG or PNG";
    return fail(`\`${file}\` is named as ${withArticle(type)} file but ${what}`, hint);
  }
  return { logo: { file, type, url: logo.url, bytes: new Uint8Array(bytes), size: imageSize(type, bytes) }, problems: [] };
}

/** What kind of image `bytes` are, by their first bytes (or, for SVG, the first element). */
export function imageType(bytes: Uint8Array): LogoType | undefined {
  const starts = (signature: number[], offset = 0) => signature.every((byte, i) => bytes[offset + i] === byte);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (starts([0xff, 0xd8, 0xff])) return "jpeg";
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return "webp"; // RIFF….WEBP
  const text = new TextDecoder().decode(bytes.subarray(0, 64 * 1024)).replace(/^\uFEFF/, "");
  if (SVG_START.test(text)) return "svg";
  return undefined;
}

/** An SVG file: an XML declaration, comments and a DOCTYPE (with its own entities, as editors write them) may come first. */
const SVG_START = /^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*|<!DOCTYPE[^[>]*(?:\[[\s\S]*?\])?\s*>\s*)*<svg[\s>]/i;

function withArticle(type: LogoType): string {
  return `${type === "svg" ? "an" : "a"} ${LOGO_TYPE_NAMES[type]}`;
}

function kilobytes(size: number): string {
  return `${Math.ceil(size / 1024).toLocaleString("en")} KB`;
}
