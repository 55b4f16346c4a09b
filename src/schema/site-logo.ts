import { z } from "zod";
import { found } from "./job-schema.ts";

// site.yaml's `logo`: an image file in the site folder, published with the
// site, or an https address used as it is. Only what the text says is
// checked here; parse/read-logo.ts reads the file and checks what it holds.

export const LOGO_TYPES = ["svg", "png", "webp", "jpeg"] as const;
export type LogoType = (typeof LOGO_TYPES)[number];

export const LOGO_TYPE_NAMES: Record<LogoType, string> = { svg: "SVG", png: "PNG", webp: "WebP", jpeg: "JPEG" };
export const LOGO_MEDIA_TYPES: Record<LogoType, string> = { svg: "image/svg+xml", png: "image/png", webp: "image/webp", jpeg: "image/jpeg" };
const EXTENSIONS: Record<string, LogoType> = { svg: "svg", png: "png", webp: "webp", jpg: "jpeg", jpeg: "jpeg" };

/** Where a logo from the site folder is published, whatever it was called: `/assets/logo.svg`. */
export function publishedLogoPath(type: LogoType): string {
  return `/assets/logo.${type === "jpeg" ? "jpg" : type}`;
}

export interface SiteLogo {
  /** The file in the site folder, relative to it with `/` (`brand/logo.svg`); none for a logo on the web. */
  file?: string;
  /** From the file name's extension; a logo on the web may not say. */
  type?: LogoType;
  /** A site path (`/assets/logo.svg`) for a file, else the https address as written. */
  url: string;
}

const EXPECTED = "an image file in the site folder, like brand/logo.svg, or an https address";
const TYPES_WANTED = "an SVG, PNG, WebP or JPEG file (.svg, .png, .webp, .jpg)";

export const siteLogo = z.string({ error: (issue) => `expected ${EXPECTED}, found ${found(issue.input)}` }).transform((raw, ctx): SiteLogo => {
  const value = raw.trim();
  const fail = (message: string, hint?: string) => {
    ctx.addIssue({ code: "custom", input: raw, message, params: { code: "bad-logo", hint } });
    return z.NEVER;
  };
  if (value === "") return fail(`expected ${EXPECTED}, found an empty value`);
  if (/^https?:\/\//i.test(value)) {
    if (!URL.canParse(value) || !/^https:/i.test(value)) return fail(`expected an https address, found ${found(raw)}`, "use the https:// address of the image");
    const extension = /\.([a-z]+)$/i.exec(new URL(value).pathname)?.[1]?.toLowerCase();
    return { url: value, type: extension ? EXTENSIONS[extension] : undefined };
  }
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(value)) return fail(`expected ${EXPECTED}, found ${found(raw)}`);
  // `/brand/logo.svg` is read as from the site folder, as Jekyll's site settings meant it.
  const file = value.replace(/^(?:\.?\/)+/, "");
  if (file.includes("\\")) return fail(`expected a path with forward slashes, found ${found(raw)}`, "write it like brand/logo.svg");
  if (file.split("/").some((part) => part === ".." || part === "")) {
    return fail(`expected a file inside the site folder, found ${found(raw)}`, "copy the logo into the site folder, for example as brand/logo.svg");
  }
  const extension = /\.([^./]+)$/.exec(file)?.[1]?.toLowerCase() ?? "";
  const type = EXTENSIONS[extension];
  if (!type) return fail(`expected ${TYPES_WANTED}, found ${found(raw)}`, "export the logo as SVG (best) or PNG");
  return { file, type, url: publishedLogoPath(type) };
});
