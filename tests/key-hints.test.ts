import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { formatProblem } from "../src/commands/format-problems.ts";
import { parseFrontMatter } from "../src/parse/parse-front-matter.ts";
import type { LocatedMapping } from "../src/parse/parse-yaml.ts";
import { validate } from "../src/parse/validate.ts";
import { jobSchema, KNOWN_JOB_KEYS } from "../src/schema/job-schema.ts";
import { KEY_MEANINGS } from "../src/schema/key-meanings.ts";
import { siteShape } from "../src/schema/site-schema.ts";
import { makeSite, PROJECT_ROOT, posting, runCli } from "./helpers.ts";

// Keys written for other tools get the key they mean; the list of every key
// comes once, at the end of the report; a file's problems read top to bottom;
// no number or size of unknown keys makes the check slow.

// The list itself is the schema's; what is tested here is where it appears, and how often.
const POSTING_KEYS = `Keys a posting can have: ${KNOWN_JOB_KEYS.join(", ")} (docs/posting-a-job.md explains each).`;
const SITE_KEYS = `Keys site.yaml can have: ${Object.keys(siteShape).join(", ")} (README.md explains each).`;

function hintFor(frontMatter: string): string[] {
  const parsed = parseFrontMatter({ path: "jobs/role.md", absolutePath: "/jobs/role.md", stem: "role", text: posting(frontMatter), version: "1" });
  assert.ok(parsed.frontMatter, parsed.problems.map(formatProblem).join("\n"));
  return validate(jobSchema, parsed.frontMatter, "jobs/role.md", KNOWN_JOB_KEYS)
    .problems.filter((p) => p.code === "unknown-key")
    .map((p) => p.hint ?? "");
}

describe("unknown keys get the key they mean", () => {
  const cases: [written: string, hint: string][] = [
    ["closes: 2027-03-01", "did you mean `valid_through`, the last day to apply?"],
    ["close_date: 2027-03-01", "did you mean `valid_through`, the last day to apply?"],
    ["closing_date: 2027-03-01", "did you mean `valid_through`, the last day to apply?"],
    ["closingDate: 2027-03-01", "did you mean `valid_through`, the last day to apply?"],
    ["expires: 2027-03-01", "did you mean `valid_through`, the last day to apply?"],
    ["Deadline: 2027-03-01", "did you mean `valid_through`, the last day to apply?"],
    ["opens: 2027-01-04", "did you mean `date_posted`, the day the role was posted?"],
    ["posted: 2027-01-04", "did you mean `date_posted`, the day the role was posted?"],
    ["created: 2027-01-04", "did you mean `date_posted`, the day the role was posted?"],
    ["date_published: 2027-01-04", "did you mean `date_posted`, the day the role was posted?"],
    ["apply_url: https://apply.example.com/7", "did you mean `apply`, the web or e-mail address to apply at?"],
    ["apply_link: https://apply.example.com/7", "did you mean `apply`, the web or e-mail address to apply at?"],
    ["application_url: https://apply.example.com/7", "did you mean `apply`, the web or e-mail address to apply at?"],
    ["application link: https://apply.example.com/7", "did you mean `apply`, the web or e-mail address to apply at?"],
    ["url: https://apply.example.com/7", "did you mean `apply`, the web or e-mail address to apply at?"],
    ["url: /jobs/warehouse-lead/", "did you mean `permalink`, the role's address on this site?"],
    ["locations: [Leeds, York]", "did you mean `location`, where the role is based?"],
    ["department: Operations", "did you mean `team`, the team the role belongs to?"],
    ["dept: Operations", "did you mean `team`, the team the role belongs to?"],
    ["type: full-time", "did you mean `employment_type`, whether the role is full-time, part-time, a contract…?"],
    ["contract: permanent", "did you mean `employment_type`, whether the role is full-time, part-time, a contract…?"],
    ["commitment: Part-time", "did you mean `employment_type`, whether the role is full-time, part-time, a contract…?"],
    ["job_type: Internship", "did you mean `employment_type`, whether the role is full-time, part-time, a contract…?"],
    ["position: 3", "did you mean `weight`, the role's place in its team's list, lowest first?"],
    ["summary: Keep the shelves moving.", "did you mean `description`, the one-sentence summary of the role?"],
    ["compensation: 30000", "did you mean `salary`, the pay, with `min`, `max`, `currency` and `per` inside?"],
    ["filled: true", "did you mean `closed`, `true` once the role takes no more applications?"],
    // Spelling still counts when no other tool's word fits.
    ["descripton: Keep the shelves moving.", "did you mean `description`?"],
    ["validThrough: 2027-03-01", "did you mean `valid_through`?"],
  ];
  for (const [written, hint] of cases) {
    it(`\`${written}\``, () => assert.deepEqual(hintFor(`title: Warehouse lead\n${written}`), [hint]));
  }

  it("reads `position` as the title only when it is text and the posting has no title", () => {
    assert.deepEqual(hintFor("position: Warehouse lead"), ["did you mean `title`, the role's name?"]);
    assert.deepEqual(hintFor("title: Warehouse lead\nposition: Senior"), ["remove it if nothing needs it; the keys Openings reads are listed at the end"]);
  });

  it("says when the posting already has the key another tool's word means", () => {
    assert.deepEqual(hintFor("title: Picker\nvalid_through: 2027-03-01\nexpires: 2027-04-01"), [
      "this file already has `valid_through`, the last day to apply: remove this line if it says the same",
    ]);
  });

  it("every word in the table is listed in docs/posting-a-job.md", () => {
    const docs = readFileSync(join(PROJECT_ROOT, "docs/posting-a-job.md"), "utf8");
    const start = docs.indexOf("### Keys from other tools");
    const section = docs.slice(start, docs.indexOf("\n## ", start));
    for (const row of KEY_MEANINGS) {
      if (!KNOWN_JOB_KEYS.includes(row.key)) continue; // site.yaml's rows are documented with site.yaml.
      for (const word of row.from) assert.ok(section.includes(`\`${word}\``), `${word} → ${row.key} is documented`);
    }
  });
});

describe("the report a recruiter reads", () => {
  const site = makeSite({
    "site.yaml": "name: Example Co\nurl: https://jobs.example.com\napply: jobs@example.com\nbaseurl: /careers\n",
    // Problems found by different steps, in an order that is not the file's.
    "jobs/warehouse-lead.md": posting(
      "position: Warehouse lead\nlocations: [Leeds, York]\nsalary: { min: plenty, currency: GBP, per: YEAR }\nfavourite_snack: crisps",
      "We run a cold store â€“ and a warm team.",
    ),
    "jobs/picker.md": posting("title: Picker\nlocation: Leeds, UK\nsort_by: shelf"),
  });
  const result = runCli(["check", "--site", site]);

  it("prints each file's problems in line order, then the keys Openings reads, once per kind of file, then the count", () => {
    assert.equal(result.code, 1);
    assert.deepEqual(result.stderr.trimEnd().split("\n"), [
      "site.yaml:4:1: warning: unknown key `baseurl` is kept but not used (did you mean `path_prefix`, the folder the site is served from?)",
      "jobs/picker.md:4:1: warning: unknown key `sort_by` is kept but not used (remove it if nothing needs it; the keys Openings reads are listed at the end)",
      "jobs/warehouse-lead.md:2:1: warning: unknown key `position` is kept but not used (did you mean `title`, the role's name?)",
      "jobs/warehouse-lead.md:2:1: error: `title` is missing (add a line `title: …`)",
      "jobs/warehouse-lead.md:3:1: warning: unknown key `locations` is kept but not used (did you mean `location`, where the role is based?)",
      'jobs/warehouse-lead.md:4:16: error: salary.min: expected a number, like 65000, found `"plenty"`',
      "jobs/warehouse-lead.md:5:1: warning: unknown key `favourite_snack` is kept but not used (remove it if nothing needs it; the keys Openings reads are listed at the end)",
      "jobs/warehouse-lead.md:7:21: warning: `â€“` looks like mis-encoded text (it was probably `–`; save the file as UTF-8)",
      SITE_KEYS,
      POSTING_KEYS,
      "2 errors, 6 warnings: fix the errors above.",
    ]);
  });

  it("prints no list of keys when every key is known", () => {
    const clean = runCli(["check", "--site", makeSite({ "jobs/picker.md": posting("title: Picker\nlocation: Leeds, UK") })]);
    assert.equal(clean.code, 0);
    assert.equal(clean.stderr, "");
  });
});

describe("unknown keys in bulk", () => {
  it("warns about ten keys one by one and the rest in one line, located at the first of them", { timeout: 120_000 }, () => {
    const keys = Array.from({ length: 3000 }, (_, i) => `field_${i}: x`).join("\n");
    const longKey = `? ${"q".repeat(200_000)}\n: x`;
    const result = runCli(["check", "--site", makeSite({ "jobs/export.md": posting(`title: Export\nlocation: Leeds, UK\n${longKey}\n${keys}`) })]);
    const lines = result.stderr.trimEnd().split("\n");
    assert.equal(lines.length, 12, result.stderr.slice(0, 2000));
    assert.equal(
      lines[0],
      `jobs/export.md:4:3: warning: unknown key \`${"q".repeat(57)}...\` is kept but not used (remove it if nothing needs it; the keys Openings reads are listed at the end)`,
    );
    assert.equal(
      lines[9],
      "jobs/export.md:14:1: warning: unknown key `field_8` is kept but not used (remove it if nothing needs it; the keys Openings reads are listed at the end)",
    );
    assert.equal(
      lines[10],
      "jobs/export.md:15:1: warning: 2991 more unknown keys kept but not used, from `field_9` on (remove the keys nothing needs; the keys Openings reads are listed at the end)",
    );
    assert.equal(lines[11], POSTING_KEYS, "the list of keys follows, once");
    assert.equal(result.stdout, "1 posting checked: 0 errors, 11 warnings.\n");
  });

  // Keys are looked up where they stand (a search through the file) only for the
  // warnings shown, so the work does not grow with the square of the key count.
  it("looks up the place of at most eleven keys, however many there are", { timeout: 60_000 }, () => {
    let lookups = 0;
    const data: Record<string, unknown> = { title: "Export" };
    for (let i = 0; i < 200_000; i++) data[`column_${i}`] = i;
    const mapping: LocatedMapping = {
      data,
      locate: () => {
        lookups++;
        return { line: 1, column: 1 };
      },
    };
    const { problems } = validate(jobSchema, mapping, "jobs/export.md", KNOWN_JOB_KEYS);
    assert.equal(problems.length, 11);
    assert.equal(lookups, 11);
  });

  // Comparing every letter of these keys with every letter of every known key
  // takes minutes (about two seconds a key); the test's timeout stops that.
  it("suggests spellings for keys of a megabyte without comparing them letter by letter", { timeout: 60_000 }, () => {
    const data: Record<string, unknown> = { title: "Export" };
    for (let i = 0; i < 40; i++) data[`${String(i)}${"description".repeat(100_000)}`] = "x";
    const { problems } = validate(jobSchema, { data, locate: () => ({ line: 1, column: 1 }) }, "jobs/export.md", KNOWN_JOB_KEYS);
    assert.equal(problems.length, 11);
    for (const p of problems.slice(0, 10)) assert.equal(p.hint, "remove it if nothing needs it; the keys Openings reads are listed at the end");
    assert.ok(problems.every((p) => p.message.length < 120));
  });
});
