import { absoluteUrl, siteMessages } from "../derive/derive-role.ts";
import { salarySummary } from "../derive/salary-summary.ts";
import type { CareersSite, Role } from "../model.ts";
import type { CalendarDate } from "../schema/calendar-date.ts";
import type { SalaryPeriod } from "../schema/job-schema.ts";
import type { SiteConfig } from "../schema/site-schema.ts";
import { type SitemapEntry, sitemapEntries } from "./sitemap.ts";

// The files that let crawlers, feed readers and widgets find the open roles:
// sitemap.xml, robots.txt, feed.xml (Atom), feed.json (JSON Feed 1.1) and
// jobs.json. Every value is computed here; their templates only place it.
// Closed roles and drafts never appear (drafts exist only in the dev server),
// except that the sitemap keeps a role for 30 days after it closed (sitemap.ts).

export const SITEMAP_PATH = "/sitemap.xml";
export const ATOM_FEED_PATH = "/feed.xml";
/** Feed readers want what is new, not every role (sitemap.xml and jobs.json list them all). */
export const FEED_ENTRIES = 100;
export const JSON_FEED_PATH = "/feed.json";

export interface FeedEntry {
  title: string;
  /** Full address of the role page: the entry's link and its id. */
  url: string;
  /** Site path, which relative links in `html` are resolved against. */
  path: string;
  summary?: string;
  /** The sanitized body; the template makes its links absolute. */
  html: string;
  /** The day the role was posted (midnight UTC). */
  date: Date;
  /** The posting's language, when it is not the feed's. */
  language?: string;
}

export interface Feed {
  title: string;
  /** Site paths the templates write it to. */
  atomPath: string;
  jsonPath: string;
  language: string;
  author: string;
  homePageUrl: string;
  atomUrl: string;
  jsonUrl: string;
  /** `https://careers.example.com/`: the base root-relative links in bodies resolve against (path_prefix is added by the filter). */
  base: string;
  /** The newest entry's date; the build date when there are none. */
  updated: Date;
  /** Newest first. */
  entries: FeedEntry[];
}

/** One open role in /jobs.json: plain JSON for widgets. Absent values are `null`, so every job has every key. */
export interface JobListing {
  title: string;
  url: string;
  team: string | null;
  description: string | null;
  locations: string[];
  remote: boolean;
  /** Where remote candidates may live; empty when remote from anywhere (or not remote). */
  remote_regions: string[];
  employment_types: string[];
  salary: { min: number | null; max: number | null; currency: string; per: SalaryPeriod } | null;
  date_posted: CalendarDate;
  valid_through: CalendarDate | null;
  /** A web address, or a `mailto:` link. */
  apply_url: string;
}

export interface DiscoveryFiles {
  sitemapUrl: string;
  sitemap: SitemapEntry[];
  /** Some entry names its translations (`<xhtml:link hreflang>`), so the sitemap declares their namespace. */
  sitemapAlternates: boolean;
  /** The site's feed of every open role. */
  feed: Feed;
  /** That feed, then one per filter page (team, location, type, remote) of its open roles. */
  feeds: Feed[];
  jobs: { company: string; url: string; jobs: JobListing[] };
}

/** Everything the discovery templates show; `today` (the build date) stands in for a missing `date_posted`. */
export function discoveryFiles(site: CareersSite, today: CalendarDate): DiscoveryFiles {
  const { config } = site;
  const roles = site.openRoles.filter((role) => !role.closed && !role.draft);
  const indexUrl = absoluteUrl(config, config.jobs_path);

  const sitemap = sitemapEntries(site, today);

  const feed = feedOf(config, today, siteMessages(config).text("feed_title"), config.jobs_path, ATOM_FEED_PATH, JSON_FEED_PATH, roles);
  const facetFeeds = site.facets.all.map((facet) => {
    const [atom, json] = facet.feeds;
    if (!atom || !json) throw new Error(`the filter page ${facet.url} has no feeds`);
    const open = facet.roles.filter((role) => !role.closed && !role.draft);
    return feedOf(config, today, atom.title, facet.url, atom.url, json.url, open);
  });

  return {
    sitemapUrl: absoluteUrl(config, SITEMAP_PATH),
    sitemap,
    sitemapAlternates: sitemap.some((entry) => entry.alternates),
    feed,
    feeds: [feed, ...facetFeeds],
    jobs: { company: config.name, url: indexUrl, jobs: roles.map(jobListing) },
  };
}

/** One feed of `roles`, the newest first, for the page at `pagePath`. */
function feedOf(config: SiteConfig, today: CalendarDate, title: string, pagePath: string, atomPath: string, jsonPath: string, roles: Role[]): Feed {
  // Newest first by the posting day (ISO dates sort as text), and only the
  // entries kept are built: a site's feeds together list each role several times.
  const newest = roles.toSorted((a, b) => (a.datePosted < b.datePosted ? 1 : a.datePosted > b.datePosted ? -1 : 0)).slice(0, FEED_ENTRIES);
  const entries = newest.map((role) => ({
    title: role.title,
    url: role.absoluteUrl,
    path: role.url,
    summary: role.description,
    html: role.html,
    date: midnightUtc(role.datePosted),
    // A posting in another language than the feed's says so: Atom's xml:lang, JSON Feed's language.
    language: role.language === config.language ? undefined : role.language,
  }));
  return {
    title,
    atomPath,
    jsonPath,
    language: config.language,
    author: config.name,
    homePageUrl: absoluteUrl(config, pagePath),
    atomUrl: absoluteUrl(config, atomPath),
    jsonUrl: absoluteUrl(config, jsonPath),
    base: `${new URL(config.url).origin}/`,
    updated: entries[0]?.date ?? midnightUtc(today),
    entries,
  };
}

export function jobListing(role: Role): JobListing {
  // One range, as before lists of them: with several, their span (salary-summary.ts).
  const salary = salarySummary(role.job.salary ?? []);
  return {
    title: role.title,
    url: role.absoluteUrl,
    team: role.team ?? null,
    description: role.description ?? null,
    locations: role.locations,
    remote: role.remote !== undefined,
    remote_regions: role.remote?.regions ?? [],
    employment_types: role.employmentTypes,
    salary: salary ? { min: salary.min ?? null, max: salary.max ?? null, currency: salary.currency, per: salary.per } : null,
    date_posted: role.datePosted,
    valid_through: role.validThrough ?? null,
    apply_url: role.apply.href,
  };
}

function midnightUtc(date: CalendarDate): Date {
  return new Date(`${date}T00:00:00Z`);
}
