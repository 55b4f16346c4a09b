import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { monogramSvg } from "../derive/theme.ts";
import type { CareersSite } from "../model.ts";
import { outputFileFor } from "../schema/site-path.ts";

// The company's own files in the output, at the addresses the plan gave
// them: its logo, copied as read when the site was loaded
// (parse/read-logo.ts), and the favicon Openings draws when the logo cannot
// be one (derive/theme.ts).

/** Writes them into `outputDir`; returns their paths relative to it, for the check against the plan. */
export function writeBrandFiles(outputDir: string, site: Pick<CareersSite, "config" | "logo" | "theme">): string[] {
  const written: string[] = [];
  const write = (url: string, bytes: Uint8Array) => {
    const path = outputFileFor(url);
    mkdirSync(dirname(join(outputDir, path)), { recursive: true });
    writeFileSync(join(outputDir, path), bytes);
    written.push(path);
  };
  if (site.logo) write(site.logo.url, site.logo.bytes);
  if (site.theme.icon.generated) write(site.theme.icon.url, new TextEncoder().encode(monogramSvg(site.config)));
  return written;
}
