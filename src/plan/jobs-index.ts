import { count } from "../count.ts";
import type { FacetGroups, FinderView, JobsIndexView, ParsedLanding, Role } from "../model.ts";
import type { SiteConfig } from "../schema/site-schema.ts";

// The jobs index puts roles first: a heading and one sentence above them,
// the landing page's longer intro beside them on a wide screen and after
// them on a phone. An intro that opens with its own `# Heading` gives the
// page its heading, so that heading is taken out of the intro.

const LEADING_H1 = /^\s*<h1\b[^>]*>([\s\S]*?)<\/h1>\s*/i;

export function jobsIndexView(config: SiteConfig, landing: ParsedLanding | undefined): JobsIndexView {
  const headingText = landing?.title ?? `Jobs at ${config.name}`;
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
 * The filter form of the index (search, team, location and type, remote,
 * with salary) and of each filter page (remote, with salary: the page is
 * one team, place or type already), keyed by page address. A chip shows only
 * when some listed role has what it filters on; salary sorting only when
 * some role gives pay.
 */
export function roleFinders(config: SiteConfig, openRoles: readonly Role[], facets: FacetGroups): Record<string, FinderView> {
  const finder = (roles: readonly Role[], search: boolean, ownOrder: string, remote: boolean): FinderView => {
    const pay = roles.some((role) => role.pay);
    return {
      search,
      remoteLabel: remote && roles.some((role) => role.remote) ? (facets.remote?.label ?? "Remote") : undefined,
      pay,
      sorts: [{ value: "", label: ownOrder }, { value: "newest", label: "Newest first" }, ...(pay ? [{ value: "salary", label: "Highest salary first" }] : [])],
      countLabels: { one: count(1, "open role"), other: count(2, "open role").replace("2", "{n}") },
    };
  };
  return Object.fromEntries([
    [config.jobs_path, finder(openRoles, true, "Team", true)],
    ...facets.all.map((facet) => [facet.url, finder(facet.roles, false, "Featured", facet.kind !== "remote")]),
  ]);
}
