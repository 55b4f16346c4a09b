import { existsSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import { arrangeSite, type OtherRoles, type Redirect, redirectsFileText, type TeamGroup } from "./arrange-site.ts";
import { todayInUtc } from "./calendar-date.ts";
import { deriveRole, type Role } from "./derive-role.ts";
import type { FacetGroups } from "./facets.ts";
import { firstCommittedDates } from "./first-committed.ts";
import { buildNavigation, type NavItem } from "./navigation.ts";
import { type ParsedLanding, type ParsedPosting, parseLanding } from "./parse-posting.ts";
import { error, hasErrors, type Problem, START, warning } from "./problem.ts";
import { fileVersion, LANDING_PAGE_NAMES, listSources, POSTING_EXTENSIONS } from "./read-sources.ts";
import { loadSiteConfig, SITE_FILE, type SiteConfig } from "./site-config.ts";
import { slugify } from "./slug.ts";
import { inWorker, workersFor } from "./worker-pool.ts";
import { type PostingFile, parseShare } from "./worker-tasks.ts";

// The whole pipeline in one call: read → parse → validate → derive → arrange.
// Eleventy's templates and `npm run check` both start here, so they can never
// disagree about what a posting means.

export const JOBS_DIR = "jobs";

/** Whether `file` (as Eleventy's watcher names it) is a posting of the site in `siteDir`. */
export function isPosting(siteDir: string, file: string): boolean {
  const path = relative(resolve(siteDir, JOBS_DIR), resolve(file));
  return (
    !path.startsWith("..") && !isAbsolute(path) && POSTING_EXTENSIONS.some((ext) => path.toLowerCase().endsWith(ext)) && !LANDING_PAGE_NAMES.includes(path)
  );
}

export interface CareersSite {
  config: SiteConfig;
  /** Every role that gets a page: open and closed (and drafts in the dev server). */
  roles: Role[];
  openRoles: Role[];
  teams: TeamGroup[];
  /** "3 open roles" */
  openRolesLabel: string;
  landing?: ParsedLanding;
  /** Filter pages and the index's filter form. */
  facets: FacetGroups;
  /** Team name → some of its open roles, for a closed role's page. */
  openRolesByTeam: Record<string, OtherRoles>;
  redirects: Redirect[];
  /** The `_redirects` file for hosts that read one. */
  redirectsFile: string;
  /** The header menu, from `shortened-link` and `weight`. */
  navigation: NavItem[];
}

export interface LoadOptions {
  siteDir: string;
  includeDrafts?: boolean;
  today?: string;
}

// Parsing is the expensive step; repeated builds (the dev server) re-parse only
// files whose size or modification time changed.
const cache = new Map<string, { version: string; posting: ParsedPosting }>();

type LoadResult = { site?: CareersSite; problems: Problem[]; checked: number; reparsed: Set<string> };

// `npm run build` loads the site to check it, then Eleventy's data function
// loads it again in the same process: with nothing changed in between, the
// derived site is reused rather than derived a second time.
let lastLoad: { inputs: string; result: Omit<LoadResult, "reparsed"> } | undefined;

/**
 * `checked` counts the posting files read, drafts included; `reparsed` names
 * those read afresh rather than from the cache (all of them the first time).
 */
export async function loadSite(options: LoadOptions): Promise<LoadResult> {
  const { siteDir } = options;
  const { config, problems } = loadSiteConfig(siteDir);
  const listing = listSources(siteDir, JOBS_DIR);
  problems.push(...listing.problems);

  const { postings, reparsed } = await parsePostingsCached(siteDir, listing.postings);
  const siteFile = join(siteDir, SITE_FILE);
  const inputs = JSON.stringify([
    siteDir,
    options.includeDrafts ?? false,
    options.today ?? todayInUtc(),
    listing.postings,
    existsSync(siteFile) && fileVersion(siteFile),
    listing.landingPage && fileVersion(listing.landingPage),
  ]);
  if (reparsed.size === 0 && lastLoad?.inputs === inputs) return { ...lastLoad.result, reparsed };
  const result = deriveSite(options, config, listing.landingPage, postings, problems);
  lastLoad = { inputs, result };
  return { ...result, reparsed };
}

function deriveSite(
  options: LoadOptions,
  config: SiteConfig | undefined,
  landingPage: string | undefined,
  postings: ParsedPosting[],
  problems: Problem[],
): Omit<LoadResult, "reparsed"> {
  const { siteDir } = options;
  const landingResult = landingPage ? parseLanding(siteDir, landingPage) : undefined;
  problems.push(...postings.flatMap((p) => p.problems), ...(landingResult?.problems ?? []));
  const checked = postings.length;
  if (!config) return { problems, checked };

  const today = options.today ?? todayInUtc();
  const firstCommitted = firstCommittedDates(siteDir, JOBS_DIR);
  const roles: Role[] = [];
  for (const { job, stem, ...posting } of postings) {
    if (!job) continue;
    const apply = job.apply ?? config.apply;
    if (!apply) {
      problems.push(
        error(posting.file, START, "there is nowhere to apply for this role", "add `apply:` with a web address or an e-mail address, here or in site.yaml"),
      );
      continue;
    }
    const defaultDatePosted = firstCommitted.get(posting.file) ?? today;
    const role = deriveRole({ ...posting, job, slug: slugify(stem), apply, defaultDatePosted, today }, config);
    if (role.locations.length === 0 && !role.remote) {
      problems.push(warning(role.file, START, "this role has no location", "add a line like `location: London, UK` or `remote: [Europe]`"));
    } else if (role.jsonLdMissing) {
      problems.push(
        warning(
          role.file,
          START,
          `Google for Jobs will not list this role: ${role.jsonLdMissing}`,
          "the page is still built; add what is missing to be listed",
        ),
      );
    }
    // Drafts are checked like any posting, but only the dev server builds them.
    if (role.draft && !options.includeDrafts) continue;
    roles.push(role);
  }

  const landingPermalink = landingResult?.landing?.permalink;
  if (landingResult?.landing && landingPermalink && landingPermalink.path !== config.jobs_path) {
    const message = `the jobs index is at \`${config.jobs_path}\` (site.yaml's \`jobs_path\`), so this \`permalink\` is not used`;
    problems.push(warning(landingResult.landing.file, landingPermalink.at, message, `set \`jobs_path: ${landingPermalink.path}\` in site.yaml to move it`));
  }
  const arranged = arrangeSite(config, roles, landingResult?.landing);
  problems.push(...arranged.problems);
  if (hasErrors(problems)) return { problems, checked };
  const redirectsFile = redirectsFileText(arranged.site.redirects, config.path_prefix);
  const { menu: navigation, problems: menuProblems } = buildNavigation(config.jobs_path, landingResult?.landing, roles);
  problems.push(...menuProblems);
  return { site: { config, roles, landing: landingResult?.landing, ...arranged.site, redirectsFile, navigation }, problems, checked };
}

/**
 * Parses `files` on this thread and, for many, on worker threads too
 * (worker-pool.ts). Workers parse in rounds and hand each round back, so no
 * thread holds more than a round of results besides this one; this thread
 * lets the event loop run between its own batches to start the next rounds.
 */
async function parseInParallel(siteDir: string, files: PostingFile[]): Promise<[number, ParsedPosting][]> {
  const next = new Int32Array(new SharedArrayBuffer(4));
  const parsed: [number, ParsedPosting][] = [];
  // Two rounds in flight, so a worker finds the next one waiting when it ends one.
  const worker = async (index: number) => {
    const round = () => {
      const results = inWorker(index, "parseShare", siteDir, files, next, WORKER_ROUND);
      results.catch(() => {}); // A failed worker fails the round awaited first; this one must not go unhandled.
      return results;
    };
    const rounds = [round(), round()];
    for (let results = await rounds.shift(); results?.length; results = await rounds.shift()) {
      parsed.push(...results);
      rounds.push(round());
    }
    await Promise.all(rounds);
  };
  const workers = Array.from({ length: workersFor(files.length) }, (_, i) => worker(i));
  for (let batch = parseShare(siteDir, files, next); batch.length; batch = parseShare(siteDir, files, next)) {
    parsed.push(...batch);
    if (workers.length) await new Promise(setImmediate);
  }
  await Promise.all(workers);
  return parsed;
}

const WORKER_ROUND = 256;

/** Parses the postings not in the cache, on worker threads too when there are many (worker-pool.ts). */
async function parsePostingsCached(siteDir: string, paths: string[]): Promise<{ postings: ParsedPosting[]; reparsed: Set<string> }> {
  const postings: ParsedPosting[] = [];
  const stale: { index: number; file: PostingFile }[] = [];
  for (const [index, path] of paths.entries()) {
    const version = fileVersion(path);
    const cached = cache.get(path);
    if (cached?.version === version) postings[index] = cached.posting;
    else stale.push({ index, file: { path, version } });
  }
  const reparsed = new Set<string>();
  for (const [i, posting] of await parseInParallel(
    siteDir,
    stale.map(({ file }) => file),
  )) {
    const { index, file } = stale[i] as (typeof stale)[number];
    postings[index] = posting;
    reparsed.add(posting.file);
    cache.set(file.path, { version: file.version, posting });
  }
  return { postings, reparsed };
}
