import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { error, type Problem, START } from "../problem.ts";
import { SITE_FILE, type SiteConfig, siteSchema, siteShape } from "../schema/site-schema.ts";
import { parseYamlMapping } from "./parse-yaml.ts";
import { validate } from "./validate.ts";

// site.yaml, read and validated like a posting.

export function loadSiteConfig(siteDir: string): { config?: SiteConfig; problems: Problem[] } {
  const path = join(siteDir, SITE_FILE);
  if (!existsSync(path)) {
    return { problems: [error("no-site-file", SITE_FILE, START, "site.yaml is missing", "create it with at least `name:` and `url:` lines; see the README")] };
  }
  const { mapping, problems } = parseYamlMapping(SITE_FILE, readFileSync(path, "utf8"));
  if (!mapping) return { problems };
  const result = validate(siteSchema, mapping, SITE_FILE, Object.keys(siteShape));
  return { config: result.value, problems: [...problems, ...result.problems] };
}
