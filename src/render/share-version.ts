import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { shareFontVersion } from "./share-fonts.ts";

// Everything besides a card that decides a share image's pixels: the code
// that lays it out, the libraries that draw it and the font. Part of every
// cached image's key, so an upgrade of any of them draws the images anew;
// read without loading the libraries, so a build that draws nothing never
// loads them.

const require = createRequire(import.meta.url);
const EXTENSION = import.meta.url.endsWith(".js") ? ".js" : ".ts";
/** The layout, and how its text is cut into runs of one font. */
const CODE_FILES = ["./share-image", "./share-fonts"].map((name) => new URL(`${name}${EXTENSION}`, import.meta.url));

let version: string | undefined;

export function shareRendererVersion(): string {
  if (version) return version;
  const hash = createHash("sha256");
  for (const name of ["satori", "@resvg/resvg-js"])
    hash.update(`${name}@${(JSON.parse(readFileSync(require.resolve(`${name}/package.json`), "utf8")) as { version: string }).version}\n`);
  hash.update(`${shareFontVersion()}\n`);
  for (const file of CODE_FILES) hash.update(readFileSync(fileURLToPath(file)));
  version = hash.digest("hex");
  return version;
}
