import { siteMessages } from "../derive/derive-role.ts";
import type { FacetGroups, FinderView, JobsIndexView, ParsedLanding, Role } from "../model.ts";
import type { SiteConfig } from "../schema/site-schema.ts";
import { extraSearchFolders } from "./search-shards.ts";

// The jobs index puts roles first: a heading and one sentence above them,
// the landing page's longer intro beside them on a wide screen and after
// them on a phone. An intro that opens with its own `# Heading` gives the
// page its heading, so that heading is taken out of the intro.

const LEADING_H1 = /^\s*<h1\b[^>]*>([\s\S]*?)<\/h1>\s*/i;

export function jobsIndexView(config: SiteConfig, landing: ParsedLanding | undefined): JobsIndexView {
  const headingText = landing?.title ?? siteMessages(config).text("index_heading");
  const html = landing?.html ?? "";
  const heading = landing?.hasOwnHeading ? LEADING_H1.exec(html) : null;
  return {
    headingHtml: heading ? heading[1] : undefined,
    headingText,
    lead: landing?.description,
    introHtml: (heading ? html.slice(heading[0].length) : html).trim(),
  };
}

/**
 * Currencies the open roles are paid in, the most used first (then by code):
 * sorting by salary lists each currency's roles together, highest pay first,
 * in this order, since no exchange rate known at build time stays true.
 */
export function payCurrencies(openRoles: readonly Role[]): string[] {
  const roles = new Map<string, number>();
  for (const { pay } of openRoles) if (pay) roles.set(pay.currency, (roles.get(pay.currency) ?? 0) + 1);
  return [...roles].sort(([a, m], [b, n]) => n - m || a.localeCompare(b)).map(([currency]) => currency);
}

/**
 * "today", "yesterday", "3 days ago"… in the site's language, each with the
 * first day since posting it is said of: the browser only picks one, so the
 * index loads no Intl data of its own, which cost it its Lighthouse score.
 * Past ten years (and for a date still to come) the card keeps the date.
 */
export function postedAgoLabels(language: string): [number, string][] {
  const words = new Intl.RelativeTimeFormat(language, { numeric: "auto" });
  const table: [number, string][] = [];
  for (let days = 0; days < 7; days++) table.push([days, words.format(-days, "day")]);
  for (let weeks = 1; weeks <= 4; weeks++) table.push([7 * weeks, words.format(-weeks, "week")]);
  for (let months = 1; months <= 12; months++) table.push([30 * months, words.format(-months, "month")]);
  for (let years = 1; years <= 10; years++) table.push([365 * years, words.format(-years, "year")]);
  table.push([365 * 11, ""]);
  return table;
}

/**
 * The filter form of the index (search, team, location and type, remote,
 * with salary) and of each filter page (remote, with salary: the page is
 * one team, place or type already), keyed by page address. A chip shows only
 * when some listed role has what it filters on; salary sorting only when
 * some role gives pay.
 */
export function roleFinders(config: SiteConfig, openRoles: readonly Role[], facets: FacetGroups): Record<string, FinderView> {
  const text = siteMessages(config);
  const roleCounts = text.table.open_roles;
  // Every plural form of the site's language, for the script to pick with Intl.PluralRules.
  const countLabels = typeof roleCounts === "string" ? { other: roleCounts } : (roleCounts as Record<string, string>);
  // A card says it in its role's language (a posting may have its own): one table per language the roles are in.
  const postedAgo = Object.fromEntries(
    [...new Set([config.language, ...openRoles.map((role) => role.language)])].map((language) => [language, postedAgoLabels(language)]),
  );
  const finder = (roles: readonly Role[], search: boolean, ownOrder: string, remote: boolean): FinderView => {
    const pay = roles.some((role) => role.pay);
    return {
      search,
      searchParts: search ? extraSearchFolders(openRoles.length) : [],
      remoteLabel: remote && roles.some((role) => role.remote) ? (facets.remote?.label ?? text.text("remote")) : undefined,
      pay,
      sorts: [
        { value: "", label: ownOrder },
        { value: "newest", label: text.text("sort_newest") },
        ...(pay ? [{ value: "salary", label: text.text("sort_salary") }] : []),
      ],
      countLabels,
      postedAgo,
    };
  };
  return Object.fromEntries([
    [config.jobs_path, finder(openRoles, true, text.text("label_team"), true)],
    ...facets.all.map((facet) => [facet.url, finder(facet.roles, false, text.text("sort_featured"), facet.kind !== "remote")]),
  ]);
}
