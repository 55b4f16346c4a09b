import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

// Openings' own folder (package.json, layouts/), found from this module
// whether it runs as TypeScript from src/ or compiled into dist/src/.

function findRoot(from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "layouts"))) return dir;
  }
  throw new Error(`Openings' own folder (with package.json and layouts/) is not above ${from}`);
}

export const OPENINGS_ROOT = findRoot(import.meta.dirname);
