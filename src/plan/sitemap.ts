import { absoluteUrl } from "../derive/site-url.ts";
import type { CareersSite, Role } from "../model.ts";
import type { CalendarDate } from "../schema/calendar-date.ts";
import { endOfDay } from "../schema/time-zone.ts";

// sitemap.xml's entries: the jobs index, every open role, and roles closed in
// the last 30 days. A closed role's page stays online, marked closed, with no
// JobPosting and `noindex`; listing it a while longer, with the moment it
// closed as its `lastmod`, brings crawlers back to see that, so search
// engines drop the job rather than keep showing it. https://www.sitemaps.org/protocol.html

/** A closed role stays in the sitemap through this many days after the day (UTC) it closed. */
export const CLOSED_SITEMAP_DAYS = 30;

export interface SitemapEntry {
  loc: string;
  /** W3C Datetime: when the page last changed, like `2026-11-20T09:30:00Z` (a day for an index that lists no role). */
  lastmod: string;
  /** An open translated role's language versions, itself included, and `x-default` (plan/translations.ts): Google reads hreflang here as on the page. */
  alternates?: { hreflang: string; href: string }[];
}

/** The index first (its `lastmod` is its newest role's, else the build day), then the roles by address. */
export function sitemapEntries(site: Pick<CareersSite, "config" | "roles" | "translations">, today: CalendarDate): SitemapEntry[] {
  const { config } = site;
  const since = Date.parse(`${today}T00:00:00Z`) - CLOSED_SITEMAP_DAYS * 24 * 60 * 60 * 1000;
  const roles = site.roles
    .filter((role) => !role.draft)
    .flatMap((role) => {
      const closed = role.closed ? closedAt(role, config.timezone, today) : undefined;
      if (closed && closed.getTime() < since) return [];
      // A role that closed by its date changed then, whenever its file last did.
      const changed = closed && closed > role.lastChanged ? closed : role.lastChanged;
      const group = closed ? undefined : site.translations[role.url];
      return [{ loc: absoluteUrl(config, role.url), lastmod: w3cDatetime(changed), ...(group ? { alternates: group.alternates } : {}) }];
    })
    .sort((a, b) => (a.loc < b.loc ? -1 : a.loc > b.loc ? 1 : 0));
  const newest = roles.reduce<string | undefined>((latest, entry) => (latest === undefined || entry.lastmod > latest ? entry.lastmod : latest), undefined);
  return [{ loc: absoluteUrl(config, config.jobs_path), lastmod: newest ?? today }, ...roles];
}

/** When a closed role closed: the end of its `valid_through` day where the company is, or, closed by hand, its last change. */
function closedAt(role: Role, timeZone: string, today: CalendarDate): Date {
  const expired = role.validThrough !== undefined && role.validThrough < today ? new Date(endOfDay(role.validThrough, timeZone)) : undefined;
  if (role.job.closed !== true) return expired ?? role.lastChanged;
  return expired && expired < role.lastChanged ? expired : role.lastChanged;
}

/** `2026-11-20T09:30:00Z`: seconds are as precise as git's dates. */
function w3cDatetime(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}
