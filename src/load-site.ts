import { arrangeSite, type Redirect, type TeamGroup } from "./arrange-site.ts";
import { todayInUtc } from "./calendar-date.ts";
import { deriveRole, type Role } from "./derive-role.ts";
import { type Job, jobSchema, KNOWN_JOB_KEYS, KNOWN_LANDING_KEYS, type Landing, landingSchema } from "./job-schema.ts";
import { takeLeadingHeading } from "./leading-heading.ts";
import { parseFrontMatter } from "./parse-front-matter.ts";
import { error, hasErrors, type Position, type Problem, START, warning } from "./problem.ts";
import { fileVersion, listSources, readSource } from "./read-sources.ts";
import { renderMarkdown } from "./render-markdown.ts";
import { loadSiteConfig, type SiteConfig } from "./site-config.ts";
import { slugify } from "./slug.ts";
import { validate } from "./validate.ts";

// The whole pipeline in one call: read → parse → validate → derive. Eleventy's
// templates and `npm run check` both start here, so they can never disagree.

export const JOBS_DIR = "jobs";

export interface LandingPage {
  file: string;
  title?: string;
  description?: string;
  html: string;
  /** The intro starts with its own `<h1>`, so the index adds none. */
  hasOwnHeading: boolean;
  redirectFrom: string[];
}

export interface CareersSite {
  config: SiteConfig;
  /** Every role that gets a page: open and closed (and drafts in the dev server). */
  roles: Role[];
  openRoles: Role[];
  teams: TeamGroup[];
  /** "3 open roles" */
  openRolesLabel: string;
  landing?: LandingPage;
  redirects: Redirect[];
}

export interface LoadOptions {
  siteDir: string;
  includeDrafts?: boolean;
  today?: string;
}

interface ParsedPosting {
  file: string;
  stem: string;
  job?: Job;
  urlAt: Position;
  redirectFromAt: Position[];
  html: string;
  headingLocation?: string;
  problems: Problem[];
}

// Parsing is the expensive step; repeated builds (the dev server) re-parse only
// files whose size or modification time changed.
const cache = new Map<string, { version: string; posting: ParsedPosting }>();

export function loadSite(options: LoadOptions): { site?: CareersSite; problems: Problem[] } {
  const { siteDir } = options;
  const { config, problems } = loadSiteConfig(siteDir);
  const listing = listSources(siteDir, JOBS_DIR);
  problems.push(...listing.problems);

  const postings = listing.postings.map((path) => parsePostingCached(siteDir, path));
  const landingResult = listing.landingPage ? parseLanding(siteDir, listing.landingPage) : undefined;
  problems.push(...postings.flatMap((p) => p.problems), ...(landingResult?.problems ?? []));
  if (!config) return { problems };

  const today = options.today ?? todayInUtc();
  const roles: Role[] = [];
  for (const posting of postings) {
    if (!posting.job) continue;
    const apply = posting.job.apply ?? config.apply;
    if (!apply) {
      problems.push(
        error(posting.file, START, "there is nowhere to apply for this role", "add `apply:` with a web address or an e-mail address, here or in site.yaml"),
      );
      continue;
    }
    const { file, stem, job, html, headingLocation, urlAt, redirectFromAt } = posting;
    const role = deriveRole({ file, slug: slugify(stem), job, html, headingLocation, apply, today, urlAt, redirectFromAt }, config);
    if (role.draft && !options.includeDrafts) continue;
    if (role.locations.length === 0 && !role.remote) {
      problems.push(warning(role.file, START, "this role has no location", "add `location:` (a place like `London, UK`) or `remote: true`"));
    }
    roles.push(role);
  }

  const arranged = arrangeSite(config, roles, landingResult?.landing);
  problems.push(...arranged.problems);
  if (hasErrors(problems)) return { problems };
  return { site: { config, roles, landing: landingResult?.landing, ...arranged }, problems };
}

function parsePostingCached(siteDir: string, absolutePath: string): ParsedPosting {
  const version = fileVersion(absolutePath);
  const cached = cache.get(absolutePath);
  if (cached?.version === version) return cached.posting;
  const posting = parsePosting(siteDir, absolutePath);
  cache.set(absolutePath, { version, posting });
  return posting;
}

function parsePosting(siteDir: string, absolutePath: string): ParsedPosting {
  const { file, problems } = readSource(siteDir, absolutePath);
  const result: ParsedPosting = { file: file?.path ?? "", stem: file?.stem ?? "", html: "", problems, urlAt: START, redirectFromAt: [] };
  if (!file) return result;
  const { frontMatter, problems: parseProblems } = parseFrontMatter(file);
  problems.push(...parseProblems);
  if (!frontMatter) return result;
  const { value: job, problems: validationProblems } = validate(jobSchema, frontMatter, file.path, KNOWN_JOB_KEYS);
  problems.push(...validationProblems);
  const heading = takeLeadingHeading(frontMatter.body);
  const body = renderBody(file.path, heading.markdown, frontMatter.bodyLine);
  problems.push(...body.problems);
  const redirectFromAt = (job?.redirect_from ?? []).map((_, i) =>
    frontMatter.locate(Array.isArray(frontMatter.data.redirect_from) ? ["redirect_from", i] : ["redirect_from"]),
  );
  return { ...result, job, html: body.html, headingLocation: heading.location, urlAt: frontMatter.locate(["permalink"]), redirectFromAt };
}

function renderBody(file: string, markdown: string, bodyLine: number): { html: string; problems: Problem[] } {
  const { html, removed } = renderMarkdown(markdown);
  if (removed.length === 0) return { html, problems: [] };
  const message = `removed from the body because it could run code or break the page: ${removed.join(", ")}`;
  return {
    html,
    problems: [
      warning(file, { line: bodyLine, column: 1 }, message, "postings may use formatting, links, images and tables, but not scripts, styles, frames or forms"),
    ],
  };
}

function parseLanding(siteDir: string, absolutePath: string): { landing?: LandingPage; problems: Problem[] } {
  const { file, problems } = readSource(siteDir, absolutePath);
  if (!file) return { problems };
  const { frontMatter, problems: parseProblems } = parseFrontMatter(file);
  problems.push(...parseProblems);
  if (!frontMatter) return { problems };
  const { value, problems: validationProblems } = validate(landingSchema, frontMatter, file.path, KNOWN_LANDING_KEYS);
  problems.push(...validationProblems);
  if (!value) return { problems };
  const landing: Landing = value;
  const body = renderBody(file.path, frontMatter.body, frontMatter.bodyLine);
  problems.push(...body.problems);
  return {
    landing: {
      file: file.path,
      title: landing.title,
      description: landing.description,
      html: body.html,
      hasOwnHeading: body.html.trimStart().startsWith("<h1"),
      redirectFrom: landing.redirect_from ?? [],
    },
    problems,
  };
}
