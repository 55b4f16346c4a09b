import { siteMessages } from "../derive/derive-role.ts";
import type { BodyLink, Facet, OtherRoles, ParsedLanding, Redirect, Role, TeamGroup } from "../model.ts";
import { type Problem, warning } from "../problem.ts";
import { withPathPrefix } from "../schema/site-path.ts";
import type { SiteConfig } from "../schema/site-schema.ts";
import { buildFacets } from "./facets.ts";
import { jobsIndexView, payCurrencies, roleFinders } from "./jobs-index.ts";
import { planSite } from "./plan-site.ts";

// Step 5: the site as a whole — which roles are open, how the index groups
// them and filters them, and every file the build writes (plan-site.ts).

/** Enough to carry on looking; a long list on a closed role's page buries it (and, on a big site, weighs megabytes). */
export const OTHER_ROLES_SHOWN = 5;

/** Netlify and Cloudflare Pages read `_redirects`: one `from to 301` a line, with path_prefix. */
export function redirectsFileText(redirects: Redirect[], pathPrefix: string): string {
  const prefixed = (path: string) => encodeURI(withPathPrefix(path, pathPrefix));
  return redirects.map(({ from, to }) => `${prefixed(from)} ${prefixed(to)} 301\n`).join("");
}

/** `unlisted`: translations the index leaves out, because it lists another version of their role (translations.ts). */
export function arrangeSite(config: SiteConfig, roles: Role[], landing: ParsedLanding | undefined, assets: string[], unlisted: ReadonlySet<Role> = new Set()) {
  const text = siteMessages(config);
  const openRoles = roles.filter((role) => !role.closed && !unlisted.has(role)).sort(byWeightThenTitle);
  const { facets, problems } = buildFacets(config, openRoles);
  const { plan, redirects, problems: planProblems } = planSite({ config, roles, landing, facets, assets });
  for (const problem of planProblems) problems.push(problem); // Not push(...many): 100,000 values overflow the stack.

  const known = new Set([...plan.files, ...plan.folders].map((file) => file.url));
  for (const { file, links, url } of [...roles, ...(landing ? [{ ...landing, url: config.jobs_path }] : [])]) {
    for (const problem of checkLinks(file, url, links, known, config)) problems.push(problem);
  }

  // Keyed by each role's own spelling of its team, so a closed role finds its
  // team-mates whichever spelling it uses (facets.ts).
  const teamFacets = new Map(facets.teams.map((facet) => [facet.slug, facet]));
  const openRolesByTeam = new Map<string, OtherRoles>();
  for (const role of roles) {
    const facet = role.team === undefined ? undefined : teamFacets.get(role.filters.team);
    if (!role.team || !facet) continue;
    let others = openRolesByTeam.get(role.team);
    if (!others) {
      others = {
        roles: facet.roles.slice(0, OTHER_ROLES_SHOWN),
        url: facet.url,
        countLabel: facet.countLabel,
        more: facet.roles.length > OTHER_ROLES_SHOWN,
        text: {},
      };
      openRolesByTeam.set(role.team, others);
    }
    // A closed role's page shows them in its own language.
    if (role.closed && !Object.hasOwn(others.text, role.language)) {
      const words = siteMessages(config, role.language);
      others.text[role.language] = {
        heading: words.text("other_roles_heading", { team: role.team }),
        more: words.count("other_roles_more", facet.roles.length, { team: role.team }),
      };
    }
  }
  return {
    site: {
      openRoles,
      openRolesLabel: text.count("open_roles", openRoles.length),
      teams: groupByTeam(openRoles, facets.teams),
      facets,
      openRolesByTeam: Object.fromEntries(openRolesByTeam),
      jobsIndex: jobsIndexView(config, landing),
      payCurrencies: payCurrencies(openRoles),
      finders: roleFinders(config, openRoles, facets),
      redirects,
      plan,
    },
    problems,
  };
}

/** Warns about links from a page at `pageUrl` to paths on this site that no page or file provides. */
function checkLinks(file: string, pageUrl: string, links: BodyLink[], known: Set<string>, config: SiteConfig): Problem[] {
  const problems: Problem[] = [];
  const origin = "https://site.invalid";
  for (const { href, at } of links) {
    const ownSite = href.startsWith(`${config.url}/`) ? href.slice(config.url.length) : href;
    if (/^[a-z][a-z0-9+.-]*:|^\/\/|^#|^$/i.test(ownSite)) continue; // Elsewhere, or on this page.
    // `\\host/x` is another host to a browser; `%E0%A4` decodes to nothing, so leads nowhere.
    const url = URL.canParse(ownSite, origin + pageUrl) ? new URL(ownSite, origin + pageUrl) : undefined;
    if (url && url.origin !== origin) continue;
    const path = url && decodedUri(url.pathname);
    if (path !== undefined && [path, `${path}/`, path.replace(/index\.html$/, "")].some((candidate) => known.has(candidate))) continue;
    problems.push(
      warning(
        "broken-link",
        file,
        at,
        `the link to \`${href}\` leads to no page on this site`,
        "check the address, or add a `redirect_from` to the page it should lead to",
      ),
    );
  }
  return problems;
}

function decodedUri(path: string): string | undefined {
  try {
    return decodeURI(path);
  } catch {
    return undefined;
  }
}

function byWeightThenTitle(a: Role, b: Role): number {
  const weight = (a.weight ?? Number.POSITIVE_INFINITY) - (b.weight ?? Number.POSITIVE_INFINITY);
  return (Number.isNaN(weight) ? 0 : weight) || a.title.localeCompare(b.title);
}

/** Roles grouped by team, teams in alphabetical order under the spelling their filter shows (facets.ts). */
export function groupByTeam(roles: Role[], teamFacets: Facet[]): TeamGroup[] {
  const groups = new Map<string, Role[]>();
  for (const role of roles) {
    const key = role.team ? role.filters.team : "";
    const group = groups.get(key);
    if (group) group.push(role);
    else groups.set(key, [role]);
  }
  const teams = teamFacets.map((facet) => ({ name: facet.label, slug: facet.slug, roles: groups.get(facet.slug) ?? [] }));
  const unnamed = groups.get("");
  return unnamed ? [...teams, { slug: "other", roles: unnamed }] : teams;
}
