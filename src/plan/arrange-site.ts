import { count } from "../count.ts";
import { slugify } from "../derive/slug.ts";
import type { BodyLink, OtherRoles, ParsedLanding, Redirect, Role, TeamGroup } from "../model.ts";
import { error, type Position, type Problem, START, warning } from "../problem.ts";
import type { SiteConfig } from "../schema/site-schema.ts";
import { buildFacets } from "./facets.ts";

// Step 5: the site as a whole — which roles are open, how the index groups
// them, and which URLs every page and redirect claims (two claims on one URL
// are an error naming both files, never a silent overwrite).

/** Enough to carry on looking; a long list on a closed role's page buries it (and, on a big site, weighs megabytes). */
export const OTHER_ROLES_SHOWN = 5;

/** Netlify and Cloudflare Pages read `_redirects`: one `from to 301` a line, with path_prefix. */
export function redirectsFileText(redirects: Redirect[], pathPrefix: string): string {
  const prefixed = (path: string) => encodeURI(`${pathPrefix.replace(/\/$/, "")}${path}`);
  return redirects.map(({ from, to }) => `${prefixed(from)} ${prefixed(to)} 301\n`).join("");
}

/** Files the layouts always write, besides pages and redirects. */
export const STATIC_FILES = ["/assets/style.css", "/assets/print.css", "/sitemap.xml", "/robots.txt", "/feed.xml", "/feed.json", "/jobs.json", "/404.html"];

export function arrangeSite(config: SiteConfig, roles: Role[], landing?: ParsedLanding) {
  const problems: Problem[] = [];
  const claims = new Map<string, string>();
  const claim = (path: string, file: string, at: Position, what: string, hint: string): boolean => {
    const owner = claims.get(path);
    if (owner === undefined) {
      claims.set(path, file);
      return true;
    }
    problems.push(error("url-taken", file, at, `${what} \`${path}\` is already used by ${owner}`, hint));
    return false;
  };

  const openRoles = roles.filter((role) => !role.closed).sort(byWeightThenTitle);
  const facets = buildFacets(config.jobs_path, openRoles);

  const movePage = "give one of the two pages another `permalink`";
  claim(config.jobs_path, landing?.file ?? "the jobs index", START, "the address", movePage);
  for (const facet of facets.all) claims.set(facet.url, `the page listing ${facet.title.toLowerCase()}`);
  const facetUrls = new Set(facets.all.map((facet) => facet.url));
  for (const role of roles) {
    claim(role.url, role.file, role.urlAt, "the address", facetUrls.has(role.url) ? "rename the file or set another `permalink`" : movePage);
  }

  const redirects: Redirect[] = [];
  const redirectSources = (landing?.redirectFrom ?? []).map((from) => ({ from, to: config.jobs_path, file: landing?.file ?? "", at: START }));
  for (const role of roles) {
    for (const [i, from] of role.redirectFrom.entries()) redirectSources.push({ from, to: role.url, file: role.file, at: role.redirectFromAt[i] ?? START });
  }
  for (const { from, to, file, at } of redirectSources) {
    if (claim(from, file, at, "the redirect from", "a redirect never replaces a page: remove this old address from `redirect_from`"))
      redirects.push({ from, to });
  }
  // Where visitors (and old links) would guess the list of jobs is: the site
  // root, and the folder above each role. Only where no page is there already.
  // Jekyll served `/about/jobs/` as `/about/jobs.html` too, and old links use both.
  const guesses = new Set(["/", config.jobs_path, ...roles.map((role) => parentFolder(role.url))]);
  for (const folder of guesses) {
    if (!folder) continue;
    for (const guess of [folder, folder.length > 1 ? folder.replace(/\/$/, ".html") : ""]) {
      if (guess && !claims.has(guess)) {
        claims.set(guess, "");
        redirects.push({ from: guess, to: config.jobs_path });
      }
    }
  }

  const known = new Set([...claims.keys(), ...STATIC_FILES]);
  for (const { file, links, url } of [...roles, ...(landing ? [{ ...landing, url: config.jobs_path }] : [])]) {
    problems.push(...checkLinks(file, url, links, known, config));
  }

  const openRolesByTeam = Object.fromEntries(
    facets.teams.map((facet): [string, OtherRoles] => [
      facet.label,
      { roles: facet.roles.slice(0, OTHER_ROLES_SHOWN), url: facet.url, countLabel: facet.countLabel, more: facet.roles.length > OTHER_ROLES_SHOWN },
    ]),
  );
  return {
    site: { openRoles, openRolesLabel: count(openRoles.length, "open role"), teams: groupByTeam(openRoles), facets, openRolesByTeam, redirects },
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
    const path = new URL(ownSite, origin + pageUrl).pathname;
    if ([path, `${path}/`, path.replace(/index\.html$/, "")].some((candidate) => known.has(decodeURI(candidate)))) continue;
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

function parentFolder(url: string): string | undefined {
  const parent = url.replace(/[^/]+\/?$/, "");
  return parent.length > 1 ? parent : undefined;
}

function byWeightThenTitle(a: Role, b: Role): number {
  const weight = (a.weight ?? Number.POSITIVE_INFINITY) - (b.weight ?? Number.POSITIVE_INFINITY);
  return (Number.isNaN(weight) ? 0 : weight) || a.title.localeCompare(b.title);
}

export function groupByTeam(roles: Role[]): TeamGroup[] {
  const groups = new Map<string | undefined, Role[]>();
  for (const role of roles) {
    const group = groups.get(role.team);
    if (group) group.push(role);
    else groups.set(role.team, [role]);
  }
  const named = [...groups.keys()].filter((name): name is string => name !== undefined).sort((a, b) => a.localeCompare(b));
  const teams = named.map((name) => ({ name, slug: slugify(name), roles: groups.get(name) ?? [] }));
  const unnamed = groups.get(undefined);
  return unnamed ? [...teams, { slug: "other", roles: unnamed }] : teams;
}
