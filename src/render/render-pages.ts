import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import nunjucks from "nunjucks";
import { siteMessages } from "../derive/derive-role.ts";
import { shareImageMeta } from "../derive/share-card.ts";
import type { CareersSite, Redirect, Role, SiteConfig } from "../model.ts";
import { OPENINGS_ROOT } from "../openings-root.ts";
import { outputFileFor, withPathPrefix } from "../schema/site-path.ts";
import { pageStyles } from "./page-styles.ts";
import { prefixRootRelativeLinks } from "./path-prefix.ts";
import { templateFilters } from "./template-filters.ts";

// Step 6: role pages, rendered through the same layouts (base.njk around
// role.njk) by Nunjucks directly and written into the output folder. Eleventy
// renders everything else. Going through Eleventy cost about 0.7 ms of
// bookkeeping per page, most of a large site's build: see docs/performance.md.

/** Openings' own templates: the same for every site. */
export const LAYOUTS_DIR = join(OPENINGS_ROOT, "layouts");

/** What a role's page shows besides the role itself. */
export type RolePageSite = Pick<CareersSite, "config" | "theme" | "navigation" | "openRolesByTeam" | "translations">;

function layoutsEnvironment(config: SiteConfig): nunjucks.Environment {
  const environment = new nunjucks.Environment(new nunjucks.FileSystemLoader(join(LAYOUTS_DIR, "_includes")), { autoescape: true });
  for (const [name, filter] of Object.entries(templateFilters(() => environment))) environment.addFilter(name, filter);
  // Eleventy's `url` filter, which base.njk uses for the canonical address.
  environment.addFilter("url", (url: string) => withPathPrefix(url, config.path_prefix));
  return environment;
}

export function rolePageRenderer(site: RolePageSite): (role: Role) => string {
  const environment = layoutsEnvironment(site.config);
  const styles = pageStyles();
  return (role) => {
    // A closed role's page suggests open roles in its team; an own-property look-up, so a team named `constructor` finds nothing inherited.
    const others = role.closed && role.team && Object.hasOwn(site.openRolesByTeam, role.team) ? site.openRolesByTeam[role.team] : undefined;
    // Its words in its own language: a posting's `language`, else the site's.
    const t = siteMessages(site.config, role.language).table;
    const translations = site.translations[role.url];
    const content = environment.render("role.njk", { openings: site, role, others, othersText: others?.text[role.language], translations, t });
    const page = environment.render("base.njk", {
      openings: site,
      styles,
      t,
      page: { url: role.url },
      // Alternates in other languages for an open page only: a closed one is not indexed.
      alternates: role.closed || role.draft ? undefined : translations?.alternates,
      pageTitle: role.title,
      pageDescription: role.description,
      // Its share image (og:image), when the build draws them.
      pageImage: site.theme.share && shareImageMeta(role, site.theme.share, site.config),
      // A posting in another language than the site's says so: see `language` in job-schema.ts.
      pageLanguage: role.language,
      noindex: role.closed || role.draft,
      content,
    });
    return prefixRootRelativeLinks(page, site.config.path_prefix);
  };
}

/**
 * A redirect page: tiny and the same for every redirect but its address, so it
 * is written here with the role pages rather than through Eleventy's
 * pagination, which cost about 0.7 ms of bookkeeping per page.
 */
export function redirectPageRenderer(config: SiteConfig): (redirect: Redirect) => string {
  const environment = layoutsEnvironment(config);
  const t = siteMessages(config).table;
  return (redirect) => environment.render("redirect.njk", { config, t, to: withPathPrefix(redirect.to, config.path_prefix) });
}

/** Writes each role's page at its URL under `outputDir` (role URLs are checked site paths: see site-path.ts). */
export function writeRolePages(outputDir: string, site: RolePageSite, roles: readonly Role[], render = rolePageRenderer(site)): void {
  writePages(outputDir, roles, (role) => role.url, render);
}

/** Writes a redirect page at each old address under `outputDir`. */
export function writeRedirectPages(outputDir: string, config: SiteConfig, redirects: readonly Redirect[]): void {
  writePages(outputDir, redirects, (redirect) => redirect.from, redirectPageRenderer(config));
}

function writePages<T>(outputDir: string, items: readonly T[], urlOf: (item: T) => string, render: (item: T) => string): void {
  const folders = new Set<string>();
  for (const item of items) {
    const file = join(outputDir, outputFileFor(urlOf(item)));
    const folder = dirname(file);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    writeFileSync(file, render(item));
  }
}
