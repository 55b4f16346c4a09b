import { withPathPrefix } from "../schema/site-path.ts";
import type { SiteConfig } from "../schema/site-schema.ts";

// Full addresses on the site, for what is read away from it: canonical
// links, feeds, the sitemap, JSON-LD and share cards.

/** `/jobs/x/` → `https://careers.example.com/careers/jobs/x/` (with `path_prefix`). */
export function absoluteUrl(site: Pick<SiteConfig, "url" | "path_prefix">, path: string): string {
  return new URL(`${site.url}${withPathPrefix(path, site.path_prefix)}`).href;
}

/** The logo's full address (JSON-LD's `hiringOrganization.logo`, share cards): the published copy, or the https logo as written. */
export function logoUrl(site: Pick<SiteConfig, "url" | "path_prefix" | "logo">): string | undefined {
  const url = site.logo?.url;
  return url?.startsWith("/") ? absoluteUrl(site, url) : url;
}
