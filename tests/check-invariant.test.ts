import assert from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import fc from "fast-check";
import { loadSite } from "../src/pipeline/load-site.ts";
import { todayInUtc } from "../src/schema/calendar-date.ts";
import { makeSite, runCli } from "./helpers.ts";

// The promise of `npm run check`: when it reports no errors, `npm run build`
// succeeds, without a stack trace, and writes exactly the files the site plan
// lists; when it reports errors, the build refuses too and writes nothing.
// Sites are generated with hostile permalinks, redirects, teams, locations and
// file names, and run through the real command line. Each run builds a site
// (about 2 s), so the runs are few; the seed is printed, and
// OPENINGS_TEST_SEED=<seed> repeats a run.

const seed = Number(process.env.OPENINGS_TEST_SEED ?? Math.floor(Math.random() * 2 ** 31));
const RUNS = 15;

// Segments that make clashes (case, file and folder, `/x/` and `/x/index.html`)
// or only warnings; and segments that are errors wherever they are.
const MILD = [
  "jobs",
  "Jobs",
  "careers",
  "x",
  "X",
  "a.html",
  "A.HTML",
  "index.html",
  "team",
  "location",
  "engineering",
  "london-uk",
  "remote",
  "con",
  "工程部",
  "Straße",
  "strasse",
  "é",
  "e\u0301",
  "a".repeat(200),
];
const HOSTILE = [
  "assets",
  "pagefind",
  "feed.xml",
  "jobs.json",
  "404.html",
  "_redirects",
  "sitemap.xml",
  "a b",
  "%2e",
  "{{ x }}",
  "{% y %}",
  "a\u200bb",
  "b".repeat(256),
];
const MILD_TEAMS = [
  "Engineering",
  "engineering",
  " ENGINEERING ",
  "Eng.ineering",
  "工程部",
  "営業",
  "Инженерия",
  "Straße",
  "Strasse",
  "!!!",
  "🙂",
  "Con",
  "R&D",
  "R and D",
  "Director's Office",
  "constructor",
  "__proto__",
];
const MILD_PLACES = ["London, UK", "London UK", "london-uk", "Zürich", "Zuerich", "東京", "Paris, France", "Nul"];
const STEMS = [
  "data-engineer",
  "Data Engineer",
  "DATA_ENGINEER",
  "straße",
  "strasse",
  "工程部",
  "a b",
  "con",
  "x".repeat(250),
  "Щ".repeat(60),
  "feed",
  "jobs",
  "team",
  "remote",
  "a.html",
  "%2e",
  "{{x}}",
  "é",
  "e\u0301",
  "eng/data-engineer",
  "🙂",
];

const path = (segments: string[]) =>
  fc
    .tuple(fc.array(fc.constantFrom(...segments), { maxLength: 4 }), fc.constantFrom("/", "", "/index.html"))
    .map(([parts, end]) => (parts.length ? `/${parts.join("/")}${end}` : "/"));

const rarely = fc.oneof({ arbitrary: fc.constant(false), weight: 4 }, { arbitrary: fc.constant(true), weight: 1 });
const yaml = (value: unknown) => JSON.stringify(value);

/** Sometimes `arbitrary`'s value, mostly nothing. */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(undefined), weight: 2 }, { arbitrary, weight: 1 });

/** A posting; a hostile one may also carry values that are errors wherever they are. */
const posting = (hostile: boolean) => {
  const sitePath = hostile ? fc.oneof(path(MILD), path([...MILD, ...HOSTILE])) : path(MILD);
  const teams = hostile ? [...MILD_TEAMS, "Platform ".repeat(40)] : MILD_TEAMS;
  const places = hostile ? [...MILD_PLACES, "x".repeat(300)] : MILD_PLACES;
  return fc
    .record({
      stem: fc.constantFrom(...STEMS),
      team: fc.option(fc.constantFrom(...teams)),
      location: fc.array(fc.constantFrom(...places), { maxLength: 2 }),
      remote: fc.boolean(),
      closed: rarely,
      draft: rarely,
      employment_type: fc.constantFrom("full-time", "Part time", "contract"),
      permalink: sometimes(sitePath),
      redirect_from: sometimes(fc.array(sitePath, { minLength: 1, maxLength: 2 })),
    })
    .map(({ stem, ...keys }) => ({
      file: `jobs/${stem}.md`,
      text: `---\ntitle: A role\n${Object.entries(keys)
        .filter(([, value]) => value !== undefined && value !== null)
        .map(([key, value]) => `${key}: ${yaml(value)}`)
        .join("\n")}\n---\nAbout the role.\n`,
    }));
};
const landing = fc.option(
  path(MILD).map((from) => `---\ntitle: Jobs\nredirect_from: ${yaml(from)}\n---\nWork with us.\n`),
  { nil: undefined },
);
const site = fc
  .oneof({ arbitrary: fc.constant(false), weight: 2 }, { arbitrary: fc.constant(true), weight: 1 })
  .chain((hostile) => fc.tuple(fc.uniqueArray(posting(hostile), { minLength: 1, maxLength: 5, selector: (p) => p.file }), landing))
  .map(([postings, index]) => ({
    ...Object.fromEntries(postings.map((p) => [p.file, p.text])),
    ...(index ? { "jobs/index.md": index } : {}),
  }));

/** Every file under `dir`, relative, with forward slashes. */
function filesIn(dir: string, prefix = ""): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const path = `${prefix}${entry.name}`;
    return entry.isDirectory() ? filesIn(dir, `${path}/`) : [path];
  });
}

const STACK_TRACE = /failed unexpectedly|\n\s+at [^\n]+:\d+:\d+\)?\n/;

describe("what check accepts, build builds", () => {
  it(`holds for generated hostile sites (seed ${seed})`, async () => {
    console.log(`# check-invariant seed ${seed} (OPENINGS_TEST_SEED=${seed} repeats it)`);
    const outcomes = { built: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(site, async (files) => {
        const dir = makeSite(files);
        const shown = `for ${JSON.stringify(files, null, 1)}`;
        const check = runCli(["check", "--site", dir]);
        const build = runCli(["build", "--site", dir]);
        assert.doesNotMatch(check.stderr + check.stdout, STACK_TRACE, `check ${shown}`);
        assert.doesNotMatch(build.stderr + build.stdout, STACK_TRACE, `build ${shown}\n${build.stderr}`);
        if (check.code !== 0) {
          assert.equal(check.code, 1, `check ${shown}\n${check.stderr}`);
          assert.equal(build.code, 1, `build after a failed check ${shown}\n${build.stderr}`);
          assert.equal(existsSync(join(dir, "_site")), false);
          outcomes.refused++;
          return;
        }
        assert.equal(build.code, 0, `build after a clean check ${shown}\n${check.stderr}\n${build.stderr}`);
        const { site: loaded } = await loadSite({ siteDir: dir, includeDrafts: false, today: todayInUtc(), workers: 0 });
        assert.ok(loaded);
        const written = filesIn(join(dir, "_site")).filter((file) => !loaded.plan.folders.some((folder) => file.startsWith(folder.path)));
        assert.deepEqual(written.sort(), loaded.plan.files.map((file) => file.path).sort(), `written ≠ planned ${shown}`);
        outcomes.built++;
      }),
      { seed, numRuns: RUNS, endOnFailure: true, includeErrorInReport: true },
    );
    console.log(`# check-invariant: ${outcomes.built} sites built, ${outcomes.refused} refused by check and build alike`);
    assert.ok(outcomes.built >= 3, `too few generated sites passed check to test the build: ${JSON.stringify(outcomes)}`);
  });
});
