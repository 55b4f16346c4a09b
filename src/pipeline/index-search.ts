import { join } from "node:path";
import * as pagefind from "pagefind";
import type { CareersSite, Facet, FacetGroups, Role } from "../model.ts";
import { SearchIndexError } from "../problem.ts";

// Full-text search with Pagefind, built from the derived roles rather than
// from the written HTML: re-reading and parsing every page a moment after
// writing it took longer than the rest of a large build, and indexed
// redirect pages too. Only open roles are indexed, never redirects, filter
// pages, closed roles or drafts. Pagefind runs as its own process, so the
// records are sent, and the index written, while the pages render.

export interface SearchIndex {
  /** Waits until the index is in `outputDir/pagefind/`, and stops Pagefind. */
  finished(): Promise<void>;
  /** Stops Pagefind without writing (the build failed). */
  close(): Promise<void>;
}

const RECORDS_IN_FLIGHT = 500;

/** Starts indexing `site` into `outputDir/pagefind/`. */
export function startSearchIndex(site: CareersSite, outputDir: string): SearchIndex {
  const written = (async () => {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new SearchIndexError(`the search indexer (Pagefind) could not start: ${errors.join("; ")}`);
    // Many records in flight at once: Pagefind indexes one while the next is on its way, instead of waiting on each round trip.
    const language = site.config.language.toLowerCase();
    const filters = filterValues(site.facets);
    for (let start = 0; start < site.openRoles.length; start += RECORDS_IN_FLIGHT) {
      const roles = site.openRoles.slice(start, start + RECORDS_IN_FLIGHT);
      const results = await Promise.all(roles.map((role) => index.addCustomRecord(searchRecord(role, language, filters))));
      for (const [i, added] of results.entries()) {
        if (added.errors.length > 0) throw new SearchIndexError(`the search indexer (Pagefind) refused ${roles[i]?.file}: ${added.errors.join("; ")}`);
      }
    }
    // At once, not after the pages: building the index is most of Pagefind's work, and it runs on the other core meanwhile.
    const { errors: failed } = await index.writeFiles({ outputPath: join(outputDir, "pagefind") });
    if (failed.length > 0) throw new SearchIndexError(`the search indexer (Pagefind) could not write its index: ${failed.join("; ")}`);
  })();
  written.catch(() => {}); // Awaited by finished(); close() ignores it.
  return {
    async finished() {
      try {
        await written;
      } finally {
        await pagefind.close();
      }
    },
    async close() {
      await pagefind.close();
    },
  };
}

/**
 * A record's filter values are the labels the filter form shows (facets.ts):
 * `Engineering` for a role that wrote `engineering` too, so a search narrowed
 * by the form's team finds every role the team's filter page lists.
 */
interface FilterValues {
  team: Map<string, string>;
  location: Map<string, string>;
  type: Map<string, string>;
  remote?: string;
}

function filterValues(facets: FacetGroups): FilterValues {
  const labels = (group: Facet[]) => new Map(group.map((facet) => [facet.slug, facet.label]));
  return { team: labels(facets.teams), location: labels(facets.locations), type: labels(facets.types), remote: facets.remote?.label };
}

/** What a seeker's search matches and shows: the words of the role's page, its facts, and its filters. */
function searchRecord(role: Role, language: string, values: FilterValues): pagefind.CustomRecord {
  const facts = [role.team, role.locationLabel, role.employmentTypeLabel, role.salaryLabel].filter(Boolean);
  const meta: Record<string, string> = { title: role.title };
  if (role.team) meta.team = role.team;
  if (role.locationLabel) meta.location = role.locationLabel;
  return {
    url: role.url,
    content: [role.title, ...facts, htmlText(role.html)].join("\n"),
    language,
    meta,
    filters: {
      team: role.team ? [values.team.get(role.filters.team) ?? role.team] : [],
      location: role.locations.map((place, i) => values.location.get(role.filters.locations[i] ?? "") ?? place),
      type: role.employmentTypes.map((type, i) => values.type.get(role.filters.types[i] ?? "") ?? type),
      remote: role.remote && values.remote ? [values.remote] : [],
    },
  };
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/**
 * The text of a sanitized body (render-markdown.ts's allowlist: no scripts or
 * styles): tags become spaces, so words in adjacent blocks never run together.
 */
export function htmlText(html: string): string {
  return html
    .replace(/<[^>]*>/g, " ")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
      if (name[0] !== "#") return ENTITIES[name.toLowerCase()] ?? entity;
      const code = name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    })
    .replace(/\s+/g, " ")
    .trim();
}
