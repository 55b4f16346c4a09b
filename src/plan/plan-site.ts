import { shareImagePath } from "../derive/share-card.ts";
import { siteIcon } from "../derive/theme.ts";
import type { Facet, FacetGroups, FeedLink, ParsedLanding, PlannedFile, Redirect, Role, SitePlan } from "../model.ts";
import { error, type Position, type Problem, START, warning } from "../problem.ts";
import { outputFileFor, sitePathProblem, sitePathWarning } from "../schema/site-path.ts";
import type { SiteConfig } from "../schema/site-schema.ts";
import { SEARCH_FOLDER } from "./search-shards.ts";

// The one place that decides every file a build writes: role pages, redirect
// pages, the index, filter pages, feeds, sitemap, robots.txt, jobs.json,
// _redirects, 404.html, assets and the search index's folder. Each file is
// claimed by a posting (file, line, column) or by Openings, before anything is
// written; a claim that would overwrite, shadow or break another is refused,
// naming both sides. The renderers write exactly this plan, and the build
// checks that they did (pipeline/build-site.ts).

/** Files layouts/*.njk write, at the paths their front matter names. */
const OPENINGS_FILES: readonly [url: string, what: string][] = [
  ["/feed.xml", "the Atom feed"],
  ["/feed.json", "the JSON feed"],
  ["/jobs.json", "the open roles for widgets (jobs.json)"],
  ["/sitemap.xml", "the sitemap"],
  ["/robots.txt", "the robots file"],
  ["/_redirects", "the redirects file"],
  ["/404.html", "the page-not-found page"],
  // pipeline/output-folder.ts's BUILD_MARKER, written as the build is published.
  ["/.openings-build", "the file that marks a folder as its build"],
];
const ASSETS = "the style sheets and scripts";
const LOGO = "the logo";
const FAVICON = "the favicon";
const SHARE_IMAGE = "the share image";
const SEARCH_INDEX = "the search index";

const OPENINGS = { file: "", at: START };

export interface PlanInput {
  config: SiteConfig;
  /** Every role that gets a page. */
  roles: Role[];
  landing?: ParsedLanding;
  facets: FacetGroups;
  /** Names of the files in layouts/assets/, copied to /assets/. */
  assets: string[];
}

export function planSite({ config, roles, landing, facets, assets }: PlanInput): { plan: SitePlan; redirects: Redirect[]; problems: Problem[] } {
  const planner = new Planner();
  const claim = (url: string, what: string, by: PlannedFile["by"], reserved: boolean, asked: Asked, warnWindows = true) =>
    planner.claim({ url, path: outputFileFor(url), what, by, reserved }, asked, warnWindows);

  // Openings' own files and folders first: they are never anyone else's.
  const searchIndex: PlannedFile = { url: `/${SEARCH_FOLDER}`, path: SEARCH_FOLDER, what: SEARCH_INDEX, by: OPENINGS, reserved: true };
  planner.reserveFolder(searchIndex);
  planner.reserveFolder({ url: "/assets/", path: "assets/", what: ASSETS, by: OPENINGS, reserved: true }, [ASSETS, LOGO, FAVICON, SHARE_IMAGE]);
  for (const name of assets) claim(`/assets/${name}`, ASSETS, OPENINGS, true, OWN);
  for (const [url, what] of OPENINGS_FILES) claim(url, what, OPENINGS, true, OWN);
  // site.yaml's logo, copied from the site folder (parse/read-logo.ts); a logo on the web stays there.
  if (config.logo?.file) claim(config.logo.url, LOGO, OPENINGS, true, OWN);
  // The favicon is the logo when browsers can show it as one; otherwise Openings draws one.
  const icon = siteIcon(config);
  if (icon.generated) claim(icon.url, FAVICON, OPENINGS, true, OWN);
  claim(config.jobs_path, "the jobs index", { file: landing?.file ?? "site.yaml", at: START }, true, OWN);
  for (const facet of facets.all) {
    const madeFrom = facet.kind === "remote" ? undefined : `the ${facet.kind} \`${short(facet.label)}\``;
    const asked: Asked = { subject: "the filter page address", madeFrom, hints: FACET_HINTS };
    if (!claim(facet.url, facetName(facet), facetClaimant(facet), false, asked)) continue;
    // Its feeds sit beside it; a role or redirect at either address is refused like any clash.
    // A Windows name is in the page's folder, and was told for the page.
    for (const feed of facet.feeds) {
      claim(feed.url, `${feedName(feed)} of ${facetName(facet)}`, facetClaimant(facet), false, { ...asked, subject: "the filter feed address" }, false);
    }
  }

  const facetUrls = new Set(facets.all.map((facet) => facet.url));
  for (const role of roles) {
    const fromFile = role.job.permalink === undefined;
    const hints = fromFile || facetUrls.has(role.url) ? { ...PAGE_HINTS, taken: "rename the file or set another `permalink`" } : PAGE_HINTS;
    const madeFrom = fromFile ? "the file name" : undefined;
    const by = { file: role.file, at: fromFile ? START : role.urlAt };
    const page = claim(role.url, "the role page", by, false, { subject: "the address", madeFrom, hints });
    // Its share image, in Openings' own folder, named after the page (derive/share-card.ts).
    if (page && config.share_images) claim(shareImagePath(role.url), SHARE_IMAGE, by, true, { subject: "the share image address", hints: SHARE_HINTS });
  }

  const redirects: Redirect[] = [];
  const sources = (landing?.redirectFrom ?? []).map((from) => ({ from, to: config.jobs_path, by: { file: landing?.file ?? "", at: START } }));
  for (const role of roles) {
    for (const [i, from] of role.redirectFrom.entries()) sources.push({ from, to: role.url, by: { file: role.file, at: role.redirectFromAt[i] ?? START } });
  }
  for (const { from, to, by } of sources) {
    if (claim(from, "a redirect", by, false, { subject: "the redirect from", hints: REDIRECT_HINTS })) redirects.push({ from, to });
  }

  // Where visitors (and old links) would guess the list of jobs is: the site
  // root, and the folder above each role. Only where nothing else is.
  // Jekyll served `/about/jobs/` as `/about/jobs.html` too, and old links use both.
  const guesses = new Set(["/", config.jobs_path, ...roles.map((role) => parentFolder(role.url))]);
  for (const folder of guesses) {
    if (!folder) continue;
    for (const guess of [folder, folder.length > 1 ? folder.replace(/\/$/, ".html") : ""]) {
      if (guess && planner.tryClaim({ url: guess, path: outputFileFor(guess), what: "a redirect to the jobs index", by: OPENINGS, reserved: true })) {
        redirects.push({ from: guess, to: config.jobs_path });
      }
    }
  }
  return { plan: { files: planner.files(), folders: [searchIndex] }, redirects, problems: planner.problems };
}

/**
 * Files written (relative to the output folder, with `/`) that the plan does
 * not list, and planned files not written. Files inside the plan's folders
 * are the search indexer's to name, and are not listed in `written`.
 */
export function compareWithPlan(plan: SitePlan, written: readonly string[]): { unplanned: string[]; missing: string[] } {
  const planned = new Set(plan.files.map((file) => file.path));
  const unplanned = written.filter((path) => !planned.has(path));
  const found = new Set(written);
  return { unplanned, missing: [...planned].filter((path) => !found.has(path)) };
}

/** How a claim is named in messages, and what to suggest. */
interface Asked {
  /** "the address", "the redirect from" */
  subject: string;
  /** What the address was made from, when not written by hand: "the file name", "the team `Ops`". */
  madeFrom?: string;
  hints: Hints;
}

interface Hints {
  /** Two claims on one file, or one file where another needs a folder. */
  taken: string;
  /** A claim on what Openings writes for itself. */
  reserved?: string;
  /** An address that cannot be a file, or that Windows cannot store. */
  bad?: string;
}
const SHARE_HINTS: Hints = { taken: "give one of the two pages another `permalink`", bad: "set a shorter `permalink`" };
const PAGE_HINTS: Hints = { taken: "give one of the two pages another `permalink`", reserved: "choose another `permalink`" };
const REDIRECT_HINTS: Hints = {
  taken: "a redirect never replaces a page: remove this old address from `redirect_from`",
  reserved: "remove this old address from `redirect_from`",
};
const FACET_HINTS: Hints = { taken: "use another name, or set another `jobs_path` in site.yaml", bad: "use a shorter name" };
/** Openings' own files clash only with each other when `jobs_path` lands on one. */
const OWN: Asked = { subject: "the address", hints: { taken: "set another `jobs_path` in site.yaml" } };

/** Claims, keyed so that paths a case-insensitive disk or host would take for one file collide. */
class Planner {
  readonly problems: Problem[] = [];
  private readonly byFile = new Map<string, PlannedFile>();
  /** A folder (without its `/`) → the first file that needs it. */
  private readonly folderNeededBy = new Map<string, PlannedFile>();
  private readonly reservedFolders: (PlannedFile & { admits: readonly string[] })[] = [];

  /** A folder only Openings writes in: only files claimed as one of `admits` may be inside. */
  reserveFolder(folder: PlannedFile, admits: readonly string[] = [folder.what]): void {
    this.reservedFolders.push({ ...folder, admits });
  }

  files(): PlannedFile[] {
    return [...this.byFile.values()];
  }

  /** Claims `file`, or reports why it cannot have it; true when claimed. */
  claim(file: PlannedFile, asked: Asked, warnWindows = true): boolean {
    const keys = keysOf(file.path);
    const refused = this.refusal(file, keys, asked);
    if (refused) {
      this.problems.push(refused);
      return false;
    }
    const windows = warnWindows && sitePathWarning(file.url);
    if (windows && !file.reserved) {
      const message = `${asked.subject} \`${file.url}\` cannot be copied to a Windows disk: ${windows}`;
      this.problems.push(warning("windows-name", file.by.file, file.by.at, message, "choose another address if the site is ever built or stored on Windows"));
    }
    this.take(file, keys);
    return true;
  }

  /** Claims `file` only if that harms nothing; says nothing otherwise. */
  tryClaim(file: PlannedFile): boolean {
    const keys = keysOf(file.path);
    if (this.refusal(file, keys, OWN) || sitePathWarning(file.url)) return false;
    this.take(file, keys);
    return true;
  }

  private take(file: PlannedFile, { key, folders }: Keys): void {
    this.byFile.set(key, file);
    for (const folder of folders) if (!this.folderNeededBy.has(folder)) this.folderNeededBy.set(folder, file);
  }

  private refusal(file: PlannedFile, { key, folders }: Keys, { subject, madeFrom, hints }: Asked): Problem | undefined {
    const refuse = (code: string, message: string, hint: string | undefined) =>
      error(code, file.by.file, file.by.at, `${subject} \`${file.url}\` ${message}`, hint);
    const bad = sitePathProblem(file.url);
    if (bad) {
      const made = madeFrom ? `, made from ${madeFrom}, ` : " ";
      return error(
        "bad-address",
        file.by.file,
        file.by.at,
        `${subject} \`${short(file.url, 100)}\`${made}is not usable: expected ${bad}`,
        hints.bad ?? "rename the file, or set a shorter `permalink`",
      );
    }

    // Only the folder's own files may be inside it (the jobs index may not: `jobs_path: /assets/`).
    const inReserved = this.reservedFolders.find((folder) => key.startsWith(folder.path) && !folder.admits.includes(file.what));
    if (inReserved) return refuse("url-reserved", `is inside \`${inReserved.url}\`, where Openings writes ${inReserved.what}`, hints.reserved ?? hints.taken);

    const owner = this.byFile.get(key);
    if (owner) {
      if (owner.reserved && !file.reserved) {
        const where = owner.url === file.url ? "is" : `clashes with \`${owner.url}\`,`;
        return refuse("url-reserved", `${where} where Openings writes ${owner.what}`, hints.reserved ?? hints.taken);
      }
      if (owner.path !== file.path) {
        const how = owner.path.toLowerCase() === file.path.toLowerCase() ? "only in case" : "only in case or in how accented letters are encoded";
        const message = `differs ${how} from \`${owner.url}\`, used by ${describe(owner)}: disks and hosts that ignore case (macOS, Windows) keep only one of them`;
        return refuse("url-case-clash", message, "use one spelling; addresses are best in lower case");
      }
      if (owner.url !== file.url) return refuse("url-taken", `is the file that serves \`${owner.url}\`, already used by ${describe(owner)}`, hints.taken);
      return refuse("url-taken", `is already used by ${describe(owner)}`, hints.taken);
    }

    for (let i = 0; i < folders.length; i++) {
      const blocker = this.byFile.get(folders[i] as string);
      if (!blocker) continue;
      if (blocker.reserved && !file.reserved) {
        return refuse("url-reserved", `clashes with \`${blocker.url}\`, where Openings writes ${blocker.what}`, hints.reserved ?? hints.taken);
      }
      const message = `needs \`/${file.path.split("/", i + 1).join("/")}/\` to be a folder, but ${describe(blocker)} writes the file \`${blocker.url}\` there`;
      return refuse("url-file-folder", message, hints.taken);
    }
    const needer = this.folderNeededBy.get(key);
    if (needer) {
      if (needer.reserved && !file.reserved) {
        return refuse("url-reserved", `clashes with \`${needer.url}\`, where Openings writes ${needer.what}`, hints.reserved ?? hints.taken);
      }
      return refuse("url-file-folder", `is a file where \`${needer.url}\` (${describe(needer)}) needs a folder`, hints.taken);
    }
    return undefined;
  }
}

/**
 * The key two paths share when a case-insensitive, normalising disk (macOS,
 * Windows) stores them as one, and the keys of the folders it needs:
 * `jobs/a/b/index.html` needs `jobs`, `jobs/a` and `jobs/a/b`.
 */
interface Keys {
  key: string;
  folders: string[];
}
function keysOf(path: string): Keys {
  // `/` never combines with its neighbours, so the folders' keys are prefixes of the file's.
  const key = (/[^ -~]/.test(path) ? path.normalize("NFC") : path).toLowerCase();
  const folders: string[] = [];
  for (let slash = key.indexOf("/"); slash !== -1; slash = key.indexOf("/", slash + 1)) folders.push(key.slice(0, slash));
  return { key, folders };
}

/** A name (or an over-long address) as a message quotes it. */
function short(text: string, length = 60): string {
  return text.length > length ? `${text.slice(0, length - 3)}...` : text;
}

/** Who claims `file`, for a message: a place in a posting, or what Openings writes. */
function describe(file: PlannedFile): string {
  const at =
    file.by.at === START || (file.by.at.line === 1 && file.by.at.column === 1) ? file.by.file : `${file.by.file}:${file.by.at.line}:${file.by.at.column}`;
  if (file.what.includes("the filter page")) return `${file.what} (${at})`;
  return file.reserved ? `Openings' ${file.what.replace(/^the /, "")}` : at;
}

function facetName(facet: Facet): string {
  return facet.kind === "remote" ? "the filter page for remote roles" : `the filter page for the ${facet.kind} \`${short(facet.label)}\``;
}

function feedName(feed: FeedLink): string {
  return feed.type === "application/atom+xml" ? "the Atom feed" : "the JSON feed";
}

/** The first posting that has the facet's value, and where it says so. */
function facetClaimant(facet: Facet): PlannedFile["by"] {
  const role = facet.roles[0];
  if (!role) return OPENINGS;
  let at: Position = START;
  if (facet.kind === "team") at = role.teamAt;
  else if (facet.kind === "location") at = role.locationsAt[role.filters.locations.indexOf(facet.slug)] ?? START;
  return { file: role.file, at };
}

function parentFolder(url: string): string | undefined {
  const parent = url.replace(/[^/]+\/?$/, "");
  return parent.length > 1 ? parent : undefined;
}
