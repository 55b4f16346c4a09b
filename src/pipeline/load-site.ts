import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { deriveRole } from "../derive/derive-role.ts";
import { placesWithoutCountry } from "../derive/json-ld.ts";
import { payTransparencyProblems } from "../derive/pay-transparency.ts";
import { slugify } from "../derive/slug.ts";
import { siteTheme } from "../derive/theme.ts";
import type { BuildContext, CareersSite, ParsedPosting, Role, SiteConfig } from "../model.ts";
import { OPENINGS_ROOT } from "../openings-root.ts";
import { loadSiteConfig } from "../parse/load-site-config.ts";
import { parseLanding, parsePosting } from "../parse/parse-posting.ts";
import { arrangeSite, redirectsFileText } from "../plan/arrange-site.ts";
import { buildNavigation } from "../plan/navigation.ts";
import { linkTranslations } from "../plan/translations.ts";
import { error, hasErrors, type Problem, START, warning } from "../problem.ts";
import { gitDates } from "../read/git-dates.ts";
import { readSourceBytes, type SourceBytes } from "../read/read-file.ts";
import { fileVersion, JOBS_DIR, listSources, versionModified } from "../read/read-sources.ts";
import { baseLanguage, untranslatedWarning } from "../schema/messages.ts";
import { DEFAULT_TIME_ZONE, todayIn } from "../schema/time-zone.ts";
import { openParseCache, type ParseCache, parseKey } from "./parse-cache.ts";
import { inWorker, workersFor } from "./worker-pool.ts";
import { type PostingFile, parseShare } from "./worker-tasks.ts";

// The whole pipeline up to a planned site, in one call: read → parse →
// validate → derive → plan. `npm run check`, `npm run build` and the dev
// server all start here, so they can never disagree about what a posting
// means; a build loads the site once and renders everything from that value.

/** What `loadSite` needs from the build context. */
export type LoadContext = Pick<BuildContext, "siteDir" | "includeDrafts" | "today" | "workers" | "cache" | "shareImages">;

export interface LoadResult {
  /** Undefined when there are errors. */
  site?: CareersSite;
  problems: Problem[];
  /** Posting files read, drafts included. */
  checked: number;
  /** Postings read afresh rather than from the dev server's cache (all of them the first time). */
  reparsed: Set<string>;
}

// Parsing is the expensive step; repeated loads in one process (the dev
// server) re-parse only files whose size or modification time changed.
const memory = new Map<string, { version: string; posting: ParsedPosting }>();

export async function loadSite(context: LoadContext): Promise<LoadResult> {
  const { siteDir } = context;
  const { logo, problems, ...loaded } = loadSiteConfig(siteDir);
  // `--no-share-images` turns them off for this build, whatever site.yaml says.
  const config = loaded.config && context.shareImages === false ? { ...loaded.config, share_images: false } : loaded.config;
  const listing = listSources(siteDir, JOBS_DIR);
  for (const problem of listing.problems) problems.push(problem);
  const stored = openParseCache(context.cache?.dir, context.cache?.version ?? "");
  const { postings, reparsed, modified } = await parsePostingsCached(siteDir, listing.postings, context.workers, stored);
  const derived = deriveSite(context, config, listing.landingPage, postings, modified, problems);
  return { ...derived, site: derived.site && { ...derived.site, logo, theme: siteTheme(derived.site.config, logo) }, reparsed };
}

function deriveSite(
  context: LoadContext,
  config: SiteConfig | undefined,
  landingPage: string | undefined,
  postings: ParsedPosting[],
  modified: Map<string, Date>,
  problems: Problem[],
): Omit<LoadResult, "reparsed" | "site"> & { site?: Omit<CareersSite, "theme"> } {
  const { siteDir } = context;
  const landingResult = landingPage ? parseLanding(siteDir, landingPage) : undefined;
  // Loops, not push(...many): spreading 100,000-odd values into a call overflows the stack.
  for (const posting of postings) for (const problem of posting.problems) problems.push(problem);
  for (const problem of landingResult?.problems ?? []) problems.push(problem);
  const checked = postings.length;
  if (!config) return { problems, checked };

  // A role is open all through its `valid_through` day where the company is.
  const today = context.today ?? todayIn(config.timezone ?? DEFAULT_TIME_ZONE);
  const { firstCommitted, lastChanged } = gitDates(siteDir, JOBS_DIR);
  const roles: Role[] = [];
  // Every posting that derived, drafts too, so translations check the same in `check` as in a build.
  const derived: Role[] = [];
  for (const { job, stem, ...posting } of postings) {
    if (!job) continue;
    const apply = job.apply ?? config.apply;
    if (!apply) {
      problems.push(
        error(
          "no-apply",
          posting.file,
          START,
          "there is nowhere to apply for this role",
          "add `apply:` with a web address or an e-mail address, here or in site.yaml",
        ),
      );
      continue;
    }
    const defaultDatePosted = firstCommitted.get(posting.file) ?? today;
    // The last commit, not the file's time: a fresh checkout gives every file the time it was cloned.
    const changed = lastChanged.get(posting.file) ?? modified.get(posting.file) ?? new Date(`${today}T00:00:00Z`);
    const role = deriveRole({ ...posting, job, slug: slugify(stem), apply, defaultDatePosted, lastChanged: changed, today }, config);
    if (role.locations.length === 0 && !role.remote) {
      problems.push(warning("no-location", role.file, START, "this role has no location", "add a line like `location: London, UK` or `remote: [Europe]`"));
    } else if (role.jsonLdMissing) {
      problems.push(
        warning(
          "no-job-posting",
          role.file,
          START,
          `Google for Jobs will not list this role: ${role.jsonLdMissing}`,
          "the page is still built; add what is missing to be listed",
        ),
      );
    } else if (!role.closed && !posting.problems.some((problem) => problem.code === "split-place")) {
      // `[London, UK]` is already told as one place split in two, which quoting mends.
      for (const index of placesWithoutCountry(role)) {
        const message = `\`${role.locations[index]}\` is left out of what Google for Jobs is told: its country is not known`;
        problems.push(
          warning(
            "place-no-country",
            role.file,
            role.locationsAt[index] ?? START,
            message,
            "add the country after a comma, like `Leeds, UK`, or a US state, like `Austin, TX`",
          ),
        );
      }
    }
    for (const problem of payTransparencyProblems(role, posting, config.pay_transparency, today)) problems.push(problem);
    const untranslated = job.language && baseLanguage(job.language) !== baseLanguage(config.language) && untranslatedWarning(job.language, config.messages);
    if (untranslated) problems.push(warning("language-without-messages", role.file, role.languageAt, untranslated.message, untranslated.hint));
    derived.push(role);
    // Drafts are checked like any posting, but only the dev server builds them.
    if (role.draft && !context.includeDrafts) continue;
    roles.push(role);
  }

  const landingPermalink = landingResult?.landing?.permalink;
  if (landingResult?.landing && landingPermalink && landingPermalink.path !== config.jobs_path) {
    const message = `the jobs index is at \`${config.jobs_path}\` (site.yaml's \`jobs_path\`), so this \`permalink\` is not used`;
    problems.push(
      warning(
        "landing-permalink-ignored",
        landingResult.landing.file,
        landingPermalink.at,
        message,
        `set \`jobs_path: ${landingPermalink.path}\` in site.yaml to move it`,
      ),
    );
  }
  const translations = linkTranslations(
    config,
    derived,
    roles,
    postings.map((posting) => posting.file),
  );
  for (const problem of translations.problems) problems.push(problem);
  const arranged = arrangeSite(config, roles, landingResult?.landing, layoutAssets(), translations.unlisted);
  for (const problem of arranged.problems) problems.push(problem);
  if (hasErrors(problems)) return { problems, checked };
  const redirectsFile = redirectsFileText(arranged.site.redirects, config.path_prefix);
  const { menu: navigation, problems: menuProblems } = buildNavigation(config.jobs_path, landingResult?.landing, roles);
  for (const problem of menuProblems) problems.push(problem);
  return {
    site: { config, today, roles, landing: landingResult?.landing, ...arranged.site, redirectsFile, navigation, translations: translations.groups },
    problems,
    checked,
  };
}

/**
 * Parses `files` on this thread and, for many, on worker threads too
 * (worker-pool.ts). Workers parse in rounds and hand each round back, so no
 * thread holds more than a round of results besides this one; this thread
 * lets the event loop run between its own batches to start the next rounds.
 */
async function parseInParallel(
  siteDir: string,
  files: PostingFile[],
  workerCount: number | undefined,
  contents?: SharedArrayBuffer,
): Promise<[number, ParsedPosting][]> {
  const next = new Int32Array(new SharedArrayBuffer(4));
  const parsed: [number, ParsedPosting][] = [];
  // Two rounds in flight, so a worker finds the next one waiting when it ends one.
  const worker = async (index: number) => {
    const round = () => {
      const results = inWorker(index, "parseShare", siteDir, files, next, WORKER_ROUND, contents);
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
  const workers = Array.from({ length: workersFor(files.length, workerCount) }, (_, i) => worker(i));
  for (let batch = parseShare(siteDir, files, next, undefined, contents); batch.length; batch = parseShare(siteDir, files, next, undefined, contents)) {
    parsed.push(...batch);
    if (workers.length) await new Promise(setImmediate);
  }
  await Promise.all(workers);
  return parsed;
}

const WORKER_ROUND = 256;

/** Parses the postings not in the cache, on worker threads too when there are many (worker-pool.ts). */
/**
 * Parses the postings that neither this process (the dev server's memory)
 * nor the parse cache on disk has seen as they are now, on worker threads too
 * when there are many. Each file is read once, here: the cache keys on its
 * bytes, and workers parse those same bytes from shared memory.
 */
async function parsePostingsCached(
  siteDir: string,
  paths: string[],
  workerCount: number | undefined,
  stored: ParseCache,
): Promise<{ postings: ParsedPosting[]; reparsed: Set<string>; modified: Map<string, Date> }> {
  const postings: ParsedPosting[] = [];
  const versions: string[] = [];
  const reparsed = new Set<string>();
  const misses: { index: number; path: string; key: string; read: SourceBytes; version: string }[] = [];
  for (const [index, path] of paths.entries()) {
    const version = fileVersion(path);
    versions[index] = version;
    const cached = memory.get(path);
    if (cached?.version === version) {
      postings[index] = cached.posting;
      continue;
    }
    const read = readSourceBytes(siteDir, path, version);
    const key = "bytes" in read ? parseKey(read.path, read.bytes) : undefined;
    const posting = key === undefined ? parsePosting(siteDir, path, version, read) : stored.get(key);
    if (posting) {
      postings[index] = posting;
      reparsed.add(posting.file);
      memory.set(path, { version, posting });
    } else if (key !== undefined && "bytes" in read) misses.push({ index, path, key, read, version });
  }
  // The misses' bytes in one shared buffer, so workers see them without a copy per round.
  const contents = new SharedArrayBuffer(misses.reduce((sum, miss) => sum + miss.read.bytes.length, 0));
  const files: PostingFile[] = [];
  let offset = 0;
  for (const { path, read, version } of misses) {
    new Uint8Array(contents, offset, read.bytes.length).set(read.bytes);
    files.push({ path, version, read: { shown: read.path, offset, length: read.bytes.length } });
    offset += read.bytes.length;
  }
  for (const [i, posting] of await parseInParallel(siteDir, files, workerCount, contents)) {
    const { index, path, key, version } = misses[i] as (typeof misses)[number];
    postings[index] = posting;
    reparsed.add(posting.file);
    memory.set(path, { version, posting });
    stored.set(key, posting);
  }
  stored.save();
  // Each file's modification time, from the version just taken: no second look at the disk.
  const modified = new Map<string, Date>();
  for (const [index, posting] of postings.entries()) {
    const time = versionModified(versions[index] ?? "");
    if (posting && time) modified.set(posting.file, time);
  }
  return { postings, reparsed, modified };
}

/** The files the build copies from layouts/assets/ to /assets/ (Eleventy's passthrough copy), for the site plan. */
function layoutAssets(): string[] {
  const dir = join(OPENINGS_ROOT, "layouts", "assets");
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/"));
}
