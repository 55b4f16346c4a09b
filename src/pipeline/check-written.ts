import { relative, sep } from "node:path";
import type { CareersSite } from "../model.ts";
import { compareWithPlan } from "../plan/plan-site.ts";
import { outputFileFor } from "../schema/site-path.ts";

// The renderers write exactly the site plan (plan/plan-site.ts), checked
// before the build is published: role and redirect pages are written at the
// plan's own addresses, and Eleventy reports every file it wrote. (Listing
// the staging folder instead would cost a directory read per page;
// tests/check-invariant.test.ts compares the built folder with the plan.)
// A difference is a bug in Openings, never a posting's mistake, so it is a
// plain Error: the command line asks for a report.

/**
 * Throws unless the files written into `staging` — the role and redirect
 * pages, what `eleventyResult` (Eleventy's `write()` result) lists, and
 * `publishedLater` — are exactly the planned ones.
 */
export function checkWrittenAsPlanned(staging: string, site: CareersSite, eleventyResult: unknown, publishedLater: readonly string[]): void {
  const written = [
    ...site.roles.map((role) => outputFileFor(role.url)),
    ...site.redirects.map((redirect) => outputFileFor(redirect.from)),
    ...eleventyOutputs(eleventyResult).map((file) => relative(staging, file).split(sep).join("/")),
    ...publishedLater,
  ];
  const { unplanned, missing } = compareWithPlan(site.plan, written);
  if (unplanned.length === 0 && missing.length === 0) return;
  const list = (paths: string[]) => paths.slice(0, 10).join(", ") + (paths.length > 10 ? ` and ${paths.length - 10} more` : "");
  const differences = [unplanned.length ? `not planned: ${list(unplanned)}` : "", missing.length ? `planned but not written: ${list(missing)}` : ""];
  throw new Error(`the build's files differ from the site plan, so the site was not published: ${differences.filter(Boolean).join("; ")}`);
}

/** The files Eleventy 3's `write()` says it wrote: `[passthroughCopies, templates]`. https://www.11ty.dev/docs/programmatic/ */
function eleventyOutputs(result: unknown): string[] {
  const [copies, templates] = Array.isArray(result) ? result : [];
  if (!Array.isArray(copies) || !Array.isArray(templates)) throw new Error(`Eleventy's write() answered in an unexpected shape: ${typeof result}`);
  const files: string[] = [];
  for (const copy of copies) for (const to of Object.values((copy as { map?: Record<string, string> }).map ?? {})) files.push(to);
  for (const template of templates) {
    const { outputPath } = template as { outputPath?: unknown };
    if (typeof outputPath === "string") files.push(outputPath);
  }
  return files;
}
