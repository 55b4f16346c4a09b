import type { BodyLink, ParsedLanding, ParsedPosting, SourceFile } from "../model.ts";
import { error, type Position, type Problem, positionAt, START, warning } from "../problem.ts";
import { readSource, type SourceBytes } from "../read/read-file.ts";
import { findMojibake } from "../read/repair-encoding.ts";
import { jobSchema, KNOWN_JOB_KEYS, KNOWN_LANDING_KEYS, landingSchema } from "../schema/job-schema.ts";
import { headingSpaceProblem } from "./body-headings.ts";
import { takeLeadingHeading } from "./leading-heading.ts";
import { excerpt, findLiquid } from "./leftover-syntax.ts";
import { type FrontMatter, parseFrontMatter } from "./parse-front-matter.ts";
import { countryCode } from "./parse-location.ts";
import { renderMarkdown } from "./render-markdown.ts";
import { validate } from "./validate.ts";

// Steps 1–3 for one file: read it, split the front matter, validate it and
// render the body, collecting every problem with the line it is on.

// Keys that configure Eleventy itself. Postings never reach Eleventy, but a
// key like `permalinkBypassOutputDir` shows someone expects it to: refuse it.

const ELEVENTY_KEYS = /^(eleventy.*|permalinkBypassOutputDir|pagination|dynamicPermalink|templateEngineOverride)$/;

/**
 * `version` is the file's, when the caller already has it (saves a stat per
 * file on large sites); `read`, its bytes, when the caller has read them
 * already (for the parse cache).
 */
export function parsePosting(siteDir: string, absolutePath: string, version?: string, read?: SourceBytes | { problems: Problem[] }): ParsedPosting {
  const split = readAndSplit(siteDir, absolutePath, version, read);
  const parsed: ParsedPosting = {
    file: split.file?.path ?? "",
    stem: split.file?.stem ?? "",
    html: "",
    links: [],
    urlAt: START,
    redirectFromAt: [],
    navLabelAt: START,
    teamAt: START,
    locationAt: [],
    remoteAt: [],
    languageAt: START,
    translationOfAt: START,
    problems: split.problems,
  };
  const { file, frontMatter, problems } = split;
  if (!file || !frontMatter) return parsed;

  const { value: job, problems: validationProblems } = validate(jobSchema, frontMatter, file.path, KNOWN_JOB_KEYS);
  // Loops, not push(...many): thousands of unknown keys must not overflow the stack.
  for (const problem of validationProblems) problems.push(problem);
  for (const problem of splitPlaces(file.path, frontMatter, job?.location)) problems.push(problem);
  for (const problem of splitSalaryPlaces(file.path, frontMatter)) problems.push(problem);
  const heading = takeLeadingHeading(frontMatter.body, job?.title);
  const headingLines = frontMatter.body.slice(0, frontMatter.body.length - heading.markdown.length).split("\n").length - 1;
  const body = renderBody(file, heading.markdown, frontMatter.bodyLine + headingLines, problems, { subHeadings: true });
  // Benefits are Markdown too, checked and made safe the same way; their links are checked with the body's.
  const benefits = job?.benefits ? renderBody(file, job.benefits, frontMatter.locate(["benefits"]).line, problems, { subHeadings: true }) : undefined;
  const redirectFromAt = (job?.redirect_from ?? []).map((_, i) =>
    frontMatter.locate(Array.isArray(frontMatter.data.redirect_from) ? ["redirect_from", i] : ["redirect_from"]),
  );
  return {
    ...parsed,
    job,
    ...body,
    links: benefits ? [...body.links, ...benefits.links] : body.links,
    benefitsHtml: benefits?.html,
    headingLocation: heading.location,
    urlAt: frontMatter.locate(["permalink"]),
    redirectFromAt,
    navLabelAt: frontMatter.locate(["shortened-link"]),
    teamAt: frontMatter.locate(["team"]),
    languageAt: frontMatter.locate(["language"]),
    translationOfAt: frontMatter.locate(["translation_of"]),
    locationAt: (job?.location ?? []).map((_, i) => frontMatter.locate(Array.isArray(frontMatter.data.location) ? ["location", i] : ["location"])),
    remoteAt: (Array.isArray(job?.remote) ? job.remote : job?.remote ? [true] : []).map((_, i) =>
      frontMatter.locate(Array.isArray(frontMatter.data.remote) ? ["remote", i] : ["remote"]),
    ),
  };
}

export function parseLanding(siteDir: string, absolutePath: string): { landing?: ParsedLanding; problems: Problem[] } {
  const { file, frontMatter, problems } = readAndSplit(siteDir, absolutePath);
  if (!file || !frontMatter) return { problems };
  const { value, problems: validationProblems } = validate(landingSchema, frontMatter, file.path, KNOWN_LANDING_KEYS);
  for (const problem of validationProblems) problems.push(problem);
  const body = renderBody(file, frontMatter.body, frontMatter.bodyLine, problems);
  if (!value) return { problems };
  const { title, description, redirect_from, weight } = value;
  const navLabel = value["shortened-link"];
  const permalink = value.permalink ? { path: value.permalink, at: frontMatter.locate(["permalink"]) } : undefined;
  return {
    landing: {
      file: file.path,
      title,
      description,
      ...body,
      hasOwnHeading: body.html.trimStart().startsWith("<h1"),
      redirectFrom: redirect_from ?? [],
      navLabel,
      weight,
      permalink,
    },
    problems,
  };
}

/** `location: [London, UK]` is YAML for two places, "London" and "UK": say so. */
function splitPlaces(file: string, frontMatter: FrontMatter, places: string[] | undefined): Problem[] {
  if (!places || !Array.isArray(frontMatter.data.location)) return [];
  return places.flatMap((place, i) => {
    const before = places[i - 1];
    if (i === 0 || !before || before.includes(",") || !countryCode(place)) return [];
    const meant = `'${before}, ${place}'`;
    return [
      warning(
        "split-place",
        file,
        frontMatter.locate(["location", i - 1]),
        `\`${before}\` and \`${place}\` are read as two places`,
        `quote a place that contains a comma: [${meant}]`,
      ),
    ];
  });
}

/**
 * `- { min: 1, …, location: Lisbon, Portugal }` is YAML for the place
 * "Lisbon" and an empty key `Portugal`, which would go unnoticed (an empty
 * value is "not given"): say so.
 */
function splitSalaryPlaces(file: string, frontMatter: FrontMatter): Problem[] {
  const salary = frontMatter.data.salary;
  const ranges = Array.isArray(salary) ? salary.map((range, i) => ({ range, path: ["salary", i] })) : [{ range: salary, path: ["salary"] }];
  return ranges.flatMap(({ range, path }) => {
    if (!range || typeof range !== "object" || typeof (range as Record<string, unknown>).location !== "string") return [];
    const { location, ...rest } = range as Record<string, unknown>;
    const cut = Object.keys(rest).filter((key) => rest[key] === null && !["min", "max", "currency", "per"].includes(key));
    if (cut.length === 0) return [];
    const meant = [location, ...cut].join(", ");
    return [
      warning(
        "split-salary-place",
        file,
        frontMatter.locate([...path, cut[0] ?? ""], "key"),
        `\`${location}\` is read as the range's place, and ${cut.map((key) => `\`${key}\``).join(", ")} as an empty key`,
        `quote a place that contains a comma: \`location: "${meant}"\``,
      ),
    ];
  });
}

function readAndSplit(
  siteDir: string,
  absolutePath: string,
  version?: string,
  read?: SourceBytes | { problems: Problem[] },
): { file?: SourceFile; frontMatter?: FrontMatter; problems: Problem[] } {
  const { file, problems } = readSource(siteDir, absolutePath, version, read);
  if (!file) return { problems };
  for (const { offset, found, meant } of findMojibake(file.text).slice(0, 3)) {
    problems.push(
      warning(
        "mojibake",
        file.path,
        positionAt(file.text, offset),
        `\`${found}\` looks like mis-encoded text`,
        `it was probably \`${meant}\`; save the file as UTF-8`,
      ),
    );
  }
  const { frontMatter, problems: parseProblems } = parseFrontMatter(file);
  problems.push(...parseProblems);
  for (const key of Object.keys(frontMatter?.data ?? {})) {
    if (frontMatter && ELEVENTY_KEYS.test(key)) {
      problems.push(
        error(
          "eleventy-key",
          file.path,
          frontMatter.locate([key], "key"),
          `\`${key}\` is an Eleventy setting, and postings cannot change how the site is built`,
          "remove this line",
        ),
      );
      delete frontMatter.data[key]; // Refused, so not also "unknown".
    }
  }
  return { file, frontMatter, problems };
}

/** Renders a body whose first line is file line `firstLine`, adding its warnings to `problems`. */
function renderBody(
  file: SourceFile,
  markdown: string,
  firstLine: number,
  problems: Problem[],
  options: Parameters<typeof renderMarkdown>[1] = {},
): { html: string; links: BodyLink[] } {
  const { html, removed, links, unlinked, unspacedHeadings } = renderMarkdown(markdown, options);
  const at = (line: number): Position => ({ line: firstLine + line, column: 1 });
  if (removed.length > 0) {
    const message = `removed from the body because it could run code or break the page: ${removed.join(", ")}`;
    problems.push(
      warning("html-removed", file.path, at(0), message, "postings may use formatting, links, images and tables, but not scripts, styles, frames or forms"),
    );
  }
  for (const [line, text] of markdown.split("\n").entries()) {
    const todo = /\bTODO\b/.exec(text);
    if (todo)
      problems.push(
        warning(
          "todo-left",
          file.path,
          { line: firstLine + line, column: todo.index + 1 },
          "`TODO` is still in the posting",
          "replace it with the real text before publishing",
        ),
      );
    // Liquid left over from Jekyll: `{{ page.x }}`, `{% include x.html %}`.
    const liquid = findLiquid(text);
    if (liquid) {
      const hint = "Openings never runs template code from postings; replace it with the text or link it stood for, as docs/migrating-from-jekyll.md explains";
      problems.push(
        warning(
          "liquid",
          file.path,
          { line: firstLine + line, column: liquid.index + 1 },
          `\`${excerpt(liquid.text)}\` is Liquid template code and is shown as typed`,
          hint,
        ),
      );
    }
  }
  for (const { text, line } of unlinked) {
    problems.push(
      warning(
        "unlinked-reference",
        file.path,
        at(line),
        `\`${excerpt(text)}\` looks like a link but is shown as text`,
        "write `[text](https://…)`, or define the reference on its own line: `[name]: https://…`",
      ),
    );
  }
  for (const heading of unspacedHeadings) problems.push(headingSpaceProblem(file.path, { line: firstLine + heading.line, column: heading.column }, heading));
  return { html, links: links.map(({ href, line }) => ({ href, at: at(line) })) };
}
