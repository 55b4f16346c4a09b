import { count } from "../count.ts";
import { employmentTypeLabel, employmentTypeSlug } from "../derive/derive-role.ts";
import { slugify } from "../derive/slug.ts";
import type { Facet, FacetGroups, FacetKind, Role } from "../model.ts";
import type { EmploymentType } from "../schema/job-schema.ts";

// The ways a job seeker narrows the list: team, place, remote, type. Each
// value gets a pre-rendered page (crawlable, linkable, works without
// JavaScript); the index's filter form uses the same slugs.

/** Facets over `openRoles`, which come sorted; each facet keeps that order. */
export function buildFacets(jobsPath: string, openRoles: Role[]): FacetGroups {
  const collect = (kind: FacetKind, valuesOf: (role: Role) => string[], title: (label: string) => string, folder = `${kind}/`) => {
    const byLabel = new Map<string, Role[]>();
    for (const role of openRoles) {
      for (const label of new Set(valuesOf(role))) {
        const roles = byLabel.get(label);
        if (roles) roles.push(role);
        else byLabel.set(label, [role]);
      }
    }
    return [...byLabel]
      .map(([label, roles]): Facet => {
        const slug = kind === "type" ? employmentTypeSlug(label as EmploymentType) : slugify(label);
        return {
          kind,
          label: kind === "type" ? employmentTypeLabel(label as EmploymentType) : label,
          slug,
          url: `${jobsPath}${folder}${slug}/`,
          title: title(label),
          roles,
          countLabel: count(roles.length, "open role"),
        };
      })
      .sort((a, b) => a.label.localeCompare(b.label));
  };

  const teams = collect(
    "team",
    (role) => (role.team ? [role.team] : []),
    (team) => `${team} roles`,
  );
  const locations = collect(
    "location",
    (role) => role.locations,
    (place) => `Roles in ${place}`,
  );
  const types = collect(
    "type",
    (role) => role.employmentTypes,
    (type) => `${employmentTypeLabel(type as EmploymentType)} roles`,
  );
  const remoteRoles = openRoles.filter((role) => role.remote);
  const remote: Facet | undefined =
    remoteRoles.length > 0
      ? {
          kind: "remote",
          label: "Remote",
          slug: "remote",
          url: `${jobsPath}remote/`,
          title: "Remote roles",
          roles: remoteRoles,
          countLabel: count(remoteRoles.length, "open role"),
        }
      : undefined;
  return { teams, locations, types, remote, all: [...teams, ...locations, ...types, ...(remote ? [remote] : [])] };
}
