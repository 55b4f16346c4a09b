import { realpathSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { OPENINGS_ROOT } from "../openings-root.ts";
import { JOBS_DIR } from "../read/read-sources.ts";

// A build replaces its output folder as a whole, so the folder must be one of
// its own: never the site, its postings or layouts, nor Openings itself, nor a
// folder holding any of them. Paths are compared after following symlinks, so
// a link cannot smuggle jobs/ in under another name.

interface Guarded {
  path: string;
  /** How a person would name it: "the site folder", "the postings' folder jobs/". */
  name: string;
  /** Whether an output folder inside it is refused too (a site's `_site` lives inside the site folder). */
  whole: boolean;
}

/** Why `outputDir` may not be a build's output folder, or undefined when it may. */
export function outputFolderRefusal(outputDir: string, siteDir: string, projectDir = OPENINGS_ROOT): string | undefined {
  const out = realPath(outputDir);
  const site = realPath(siteDir);
  const project = realPath(projectDir);
  const guarded: Guarded[] = [
    { path: project, name: "the Openings project folder", whole: false },
    { path: site, name: "the site folder", whole: false },
    { path: realPath(join(site, JOBS_DIR)), name: "the postings' folder", whole: true },
    { path: realPath(join(site, "layouts")), name: "the site's layouts folder", whole: true },
    { path: realPath(join(site, ".git")), name: "the site's git folder", whole: true },
    ...["jobs", "layouts", "src", "dist", "bin", "node_modules", ".git"].map((folder) => ({
      path: realPath(join(project, folder)),
      name: `the Openings project's ${folder}/ folder`,
      whole: true,
    })),
  ];
  const suggestion = `build into a folder of its own, such as ${join(site, "_site")}`;
  for (const { path, name, whole } of guarded) {
    const where = out === path ? "is" : isInside(path, out) ? "contains" : whole && isInside(out, path) ? "lies inside" : undefined;
    if (!where) continue;
    const named = out === path && out === resolve(outputDir) ? name : `${name} ${path}`;
    return `the output folder ${outputDir} ${where} ${named}, and a build replaces its output folder as a whole: ${suggestion}`;
  }
  return undefined;
}

/** Whether `path` is `folder` or lies anywhere below it. */
export function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${sep}`) && resolve(folder, rel) === path);
}

/** `path` with every symlink followed; the part that does not exist yet is kept as written. */
export function realPath(path: string): string {
  const missing: string[] = [];
  let existing = resolve(path);
  for (;;) {
    try {
      return join(realpathSync.native(existing), ...missing);
    } catch {
      const parent = dirname(existing);
      if (parent === existing) return resolve(path);
      missing.unshift(basename(existing));
      existing = parent;
    }
  }
}
