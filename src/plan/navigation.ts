import type { NavItem, ParsedLanding, Role } from "../model.ts";
import { type Problem, warning } from "../problem.ts";

// Jekyll-era sites built their menus from front matter: pages with a
// `shortened-link` appear under it, ordered by `weight`. Openings keeps that,
// so a moved-in careers section keeps its menu, but only as many links as a
// header holds: the menu is on every page, and a hundred links there bury
// the page on a phone (and, on a site of thousands of roles, weigh more than
// the page itself).

export const MENU_LINKS = 8;

export function buildNavigation(jobsPath: string, landing: ParsedLanding | undefined, roles: Role[]): { menu: NavItem[]; problems: Problem[] } {
  const items: { item: NavItem; role?: Role }[] = [];
  if (landing?.navLabel) items.push({ item: { label: landing.navLabel, url: jobsPath, weight: landing.weight } });
  for (const role of roles) {
    const label = role.job["shortened-link"];
    if (label && !role.closed && !role.draft) items.push({ item: { label, url: role.url, weight: role.weight }, role });
  }
  const weightOf = (item: NavItem) => item.weight ?? Number.POSITIVE_INFINITY;
  items.sort((a, b) => weightOf(a.item) - weightOf(b.item) || a.item.label.localeCompare(b.item.label));
  const problems = items
    .slice(MENU_LINKS)
    .flatMap(({ role }) =>
      role
        ? [
            warning(
              "menu-full",
              role.file,
              role.navLabelAt,
              `the header menu shows ${MENU_LINKS} links, and this one does not fit`,
              "remove `shortened-link`, or give it a lower `weight` than the links it should come before",
            ),
          ]
        : [],
    );
  return { menu: items.slice(0, MENU_LINKS).map(({ item }) => item), problems };
}
