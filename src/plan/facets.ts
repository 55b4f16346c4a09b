import { employmentTypeLabel, employmentTypeSlug, siteMessages } from "../derive/derive-role.ts";
import { slugify } from "../derive/slug.ts";
import type { Facet, FacetGroups, FacetKind, FeedLink, Role } from "../model.ts";
import { type Position, type Problem, START, warning } from "../problem.ts";
import type { EmploymentType } from "../schema/job-schema.ts";
import type { SiteConfig } from "../schema/site-schema.ts";

// The ways a job seeker narrows the list: team, place, remote, type. Each
// value gets a pre-rendered page (crawlable, linkable, works without
// JavaScript); the index's filter form uses the same slugs.
//
// A facet is its slug: `Engineering`, `engineering` and `ENGINEERING`, or
// `London, UK` and `London UK`, are one filter (two would claim one page).
// It is shown with the spelling most postings use, and every other spelling
// gets a warning where it is written.

/** One way a value is written, in an open role's posting. */
interface Value {
  label: string;
  slug: string;
  at: Position;
}

/** Facets over `openRoles`, which come sorted; each facet keeps that order. */
export function buildFacets(config: SiteConfig, openRoles: Role[]): { facets: FacetGroups; problems: Problem[] } {
  const jobsPath = config.jobs_path;
  const text = siteMessages(config);
  const problems: Problem[] = [];
  const collect = (kind: FacetKind, valuesOf: (role: Role) => Value[], title: (label: string) => string, display = (label: string) => label) => {
    const bySlug = new Map<string, { roles: Role[]; spellings: Map<string, { file: string; at: Position }[]> }>();
    for (const role of openRoles) {
      for (const { label, slug, at } of valuesOf(role)) {
        let facet = bySlug.get(slug);
        if (!facet) {
          facet = { roles: [], spellings: new Map() };
          bySlug.set(slug, facet);
        }
        if (facet.roles.at(-1) !== role) facet.roles.push(role);
        const uses = facet.spellings.get(label);
        if (uses) uses.push({ file: role.file, at });
        else facet.spellings.set(label, [{ file: role.file, at }]);
      }
    }
    return [...bySlug]
      .map(([slug, { roles, spellings }]): Facet => {
        const label = mostUsed(spellings);
        for (const [spelling, uses] of spellings) {
          if (spelling === label) continue;
          for (const { file, at } of uses) problems.push(spellingWarning(kind, file, at, spelling, label));
        }
        const countLabel = text.count("open_roles", roles.length);
        return {
          kind,
          label: display(label),
          slug,
          url: `${jobsPath}${kind}/${slug}/`,
          title: title(label),
          roles,
          countLabel,
          description: text.text("facet_description", { title: title(label), count: countLabel }),
          showAllLabel: text.count("facet_show_all", roles.length),
          feeds: facetFeeds(`${jobsPath}${kind}/${slug}/`, text.text("facet_feed_title", { title: title(label) })),
        };
      })
      .sort((a, b) => a.label.localeCompare(b.label));
  };

  const teams = collect(
    "team",
    (role) => (role.team ? [{ label: role.team, slug: role.filters.team, at: role.teamAt }] : []),
    (team) => text.text("facet_team_title", { team }),
  );
  const locations = collect(
    "location",
    (role) => role.locations.map((place, i) => ({ label: place, slug: role.filters.locations[i] ?? slugify(place), at: role.locationsAt[i] ?? START })),
    (place) => text.text("facet_location_title", { place }),
  );
  const types = collect(
    "type",
    (role) => role.employmentTypes.map((type, i) => ({ label: type, slug: role.filters.types[i] ?? employmentTypeSlug(type), at: START })),
    (type) => text.text("facet_type_title", { type: employmentTypeLabel(type as EmploymentType, text) }),
    (type) => employmentTypeLabel(type as EmploymentType, text),
  );
  const remoteRoles = openRoles.filter((role) => role.remote);
  const remote: Facet | undefined =
    remoteRoles.length > 0
      ? {
          kind: "remote",
          label: text.text("remote"),
          slug: "remote",
          url: `${jobsPath}remote/`,
          title: text.text("facet_remote_title"),
          roles: remoteRoles,
          countLabel: text.count("open_roles", remoteRoles.length),
          description: text.text("facet_description", { title: text.text("facet_remote_title"), count: text.count("open_roles", remoteRoles.length) }),
          showAllLabel: text.count("facet_show_all", remoteRoles.length),
          feeds: facetFeeds(`${jobsPath}remote/`, text.text("facet_feed_title", { title: text.text("facet_remote_title") })),
        }
      : undefined;
  return { facets: { teams, locations, types, remote, all: [...teams, ...locations, ...types, ...(remote ? [remote] : [])] }, problems };
}

/**
 * A filter page's own feeds, beside it: alerts for one team, place or type
 * without an account, through any feed reader or feed-to-e-mail service.
 */
function facetFeeds(pageUrl: string, title: string): FeedLink[] {
  return [
    { type: "application/atom+xml", url: `${pageUrl}feed.xml`, title },
    { type: "application/feed+json", url: `${pageUrl}feed.json`, title },
  ];
}

/** The spelling with the most uses; on a tie, the one the first-listed role uses. */
function mostUsed(spellings: Map<string, unknown[]>): string {
  let best = "";
  let most = 0;
  for (const [spelling, uses] of spellings) {
    if (uses.length > most) [best, most] = [spelling, uses.length];
  }
  return best;
}

function spellingWarning(kind: FacetKind, file: string, at: Position, spelling: string, label: string): Problem {
  return warning(
    "facet-spelling",
    file,
    at,
    `the ${kind} \`${spelling}\` is shown as \`${label}\`, the spelling most postings use`,
    `write \`${label}\` here too, or another name for a ${kind} of its own`,
  );
}
