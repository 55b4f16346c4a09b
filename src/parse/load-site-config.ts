import { existsSync } from "node:fs";
import { join } from "node:path";
import type { LogoFile } from "../model.ts";
import { error, type Problem, START } from "../problem.ts";
import { readSource } from "../read/read-file.ts";
import { SITE_FILE, type SiteConfig, siteSchema, siteShape } from "../schema/site-schema.ts";
import { accentProblems } from "./accent-check.ts";
import { parseYamlMapping } from "./parse-yaml.ts";
import { readLogo } from "./read-logo.ts";
import { validate } from "./validate.ts";

// site.yaml, read and validated like a posting.

/** `logo` is the logo file's bytes as read for this build, when site.yaml names one in the site folder. */
export function loadSiteConfig(siteDir: string): { config?: SiteConfig; logo?: LogoFile; problems: Problem[] } {
  const path = join(siteDir, SITE_FILE);
  if (!existsSync(path)) {
    return { problems: [error("no-site-file", SITE_FILE, START, "site.yaml is missing", "create it with at least `name:` and `url:` lines; see the README")] };
  }
  // Read as strictly as a posting: never a pipe or a link out of the site, and never silently mis-decoded.
  const read = readSource(siteDir, path);
  if (!read.file) {
    const why = read.problems.map((problem) => problem.message).join("; ");
    return {
      problems: [error("unreadable-site-file", SITE_FILE, START, `site.yaml cannot be read: ${why}`, "make site.yaml a plain text file in the site folder")],
    };
  }
  const { mapping, problems } = parseYamlMapping(SITE_FILE, read.file.text);
  if (!mapping) return { problems: [...read.problems, ...problems] };
  const result = validate(siteSchema, mapping, SITE_FILE, Object.keys(siteShape));
  const logo = result.value?.logo ? readLogo(siteDir, result.value.logo, mapping.locate(["logo"])) : { problems: [] };
  const accent = result.value ? accentProblems(result.value, mapping, read.file.text) : [];
  return { config: result.value, logo: logo.logo, problems: [...read.problems, ...problems, ...result.problems, ...logo.problems, ...accent] };
}
