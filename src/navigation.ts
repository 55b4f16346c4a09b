import type { Role } from "./derive-role.ts";
import type { ParsedLanding } from "./parse-posting.ts";

// Jekyll-era sites built their menus from front matter: pages with a
// `shortened-link` appear under it, ordered by `weight`. Openings keeps that,
// so a moved-in careers section keeps its menu.

export interface NavItem {
  label: string;
  url: string;
  weight?: number;
}

export function buildNavigation(jobsPath: string, landing: ParsedLanding | undefined, roles: Role[]): NavItem[] {
  const items: NavItem[] = [];
  if (landing?.navLabel) items.push({ label: landing.navLabel, url: jobsPath, weight: landing.weight });
  for (const role of roles) {
    const label = role.job["shortened-link"];
    if (label && !role.closed && !role.draft) items.push({ label, url: role.url, weight: role.weight });
  }
  const weightOf = (item: NavItem) => item.weight ?? Number.POSITIVE_INFINITY;
  return items.sort((a, b) => weightOf(a) - weightOf(b) || a.label.localeCompare(b.label));
}
