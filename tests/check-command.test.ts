import assert from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { pageStyles } from "../src/render/page-styles.ts";
import { buildSite, makeSite, posting, readPage, runCli, text } from "./helpers.ts";

// Every mistake a person posting a job is likely to make, as `npm run check`
// prints it: the exact words they will read, on the line they need to fix.

const ERRORS: Record<string, [content: string | Buffer, expected: string]> = {
  "malformed-yaml": [
    "---\ntitle: Analyst\nteam: [Design\n---\nBody\n",
    "3:14: error: `[Design` opens a list with `[` that is never closed (end it with `]`; if the `[` is part of the text, put the whole value in quotes: `team: '[Design'`)",
  ],
  "never-closed": [
    "---\ntitle: Analyst\nteam: Data\n\nBody text\n",
    "1:1: error: the front matter is never closed (add a line with just `---` after the last key)",
  ],
  "not-a-mapping": [
    "---\n- title\n- team\n---\nBody\n",
    "2:1: error: expected a list of `key: value` lines, found something else (write each setting as `key: value` on its own line)",
  ],
  "no-front-matter": [
    "Analyst wanted. Write to us.\n",
    "1:1: error: the file has no front matter (start the file with a `---` line, the keys, then another `---` line; `npm run import -- FILE` writes one for you)",
  ],
  empty: [
    "",
    "1:1: error: the file is empty (start the file with a `---` line, the keys, then another `---` line; `npm run import -- FILE` writes one for you)",
  ],
  binary: [
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]),
    "1:1: error: this is a binary file, not a Markdown posting (save the posting as UTF-8 plain text)",
  ],
  "missing-title": ["---\nteam: Data\nlocation: London, UK\n---\nBody\n", "2:1: error: `title` is missing (add a line `title: …`)"],
  "wrong-type": [
    '---\ntitle: Analyst\nlocation: London, UK\nsalary:\n  min: "eighty thousand"\n  currency: GBP\n  per: YEAR\n---\nBody\n',
    '5:8: error: salary.min: expected a number, like 65000, found `"eighty thousand"`',
  ],
  "unknown-employment-type": [
    "---\ntitle: Analyst\nlocation: London, UK\nemployment_type: gig\n---\nBody\n",
    '4:18: error: employment_type: expected one of FULL_TIME, PART_TIME, CONTRACTOR, TEMPORARY, INTERN, VOLUNTEER, PER_DIEM, OTHER, found `"gig"`',
  ],
  "unknown-salary-period": [
    "---\ntitle: Analyst\nlocation: London, UK\nsalary: { min: 10, currency: EUR, per: fortnight }\n---\nBody\n",
    '4:40: error: salary.per: expected one of HOUR, DAY, WEEK, MONTH, YEAR, found `"fortnight"`',
  ],
  "impossible-date": [
    "---\ntitle: Analyst\nlocation: London, UK\ndate_posted: 2026-13-45\n---\nBody\n",
    '4:14: error: date_posted: expected a real date like 2026-03-31, found `"2026-13-45"`',
  ],
  "dates-backwards": [
    "---\ntitle: Analyst\nlocation: London, UK\ndate_posted: 2026-05-10\nvalid_through: 2026-05-01\n---\nBody\n",
    '5:16: error: valid_through: expected a date on or after `date_posted` (2026-05-10), found `"2026-05-01"`',
  ],
  "duplicate-key": [
    "---\ntitle: Analyst\nlocation: London, UK\ntitle: Senior analyst\n---\nBody\n",
    "4:1: error: a key appears twice (keep one of the two lines)",
  ],
  "absolute-permalink": [
    "---\ntitle: A\nlocation: London, UK\npermalink: https://evil.example/jobs/\n---\nBody\n",
    '4:12: error: permalink: expected a path on this site, not a full web address, found `"https://evil.example/jobs/"`',
  ],
  "dotdot-permalink": [
    "---\ntitle: A\nlocation: London, UK\npermalink: /jobs/../../../tmp/owned/\n---\nBody\n",
    '4:12: error: permalink: expected a path without `.` or `..` segments, found `"/jobs/../../../tmp/owned/"`',
  ],
  "backslash-permalink": [
    "---\ntitle: A\nlocation: London, UK\npermalink: '/jobs\\..\\owned/'\n---\nBody\n",
    '4:12: error: permalink: expected forward slashes only, no backslashes, found `"/jobs\\\\..\\\\owned/"`',
  ],
  "control-permalink": [
    '---\ntitle: A\nlocation: London, UK\npermalink: "/jobs/a\\tb/"\n---\nBody\n',
    '4:12: error: permalink: expected a path without control characters, found `"/jobs/a\\tb/"`',
  ],
  "query-permalink": [
    "---\ntitle: A\nlocation: London, UK\npermalink: /jobs/a/?x=1\n---\nBody\n",
    '4:12: error: permalink: expected a path without `?` or `#`, found `"/jobs/a/?x=1"`',
  ],
  "bypass-output-dir": [
    "---\ntitle: A\nlocation: London, UK\npermalinkBypassOutputDir: true\n---\nBody\n",
    "4:1: error: `permalinkBypassOutputDir` is an Eleventy setting, and postings cannot change how the site is built (remove this line)",
  ],
};

const WARNINGS: Record<string, [content: string, expected: string]> = {
  "unknown-key": [
    "---\ntitle: Analyst\nlocation: London, UK\ndescripton: Crunch numbers.\n---\nBody\n",
    "4:1: warning: unknown key `descripton` is kept but not used (did you mean `description`?)",
  ],
  "mis-encoded": [
    "---\ntitle: Analyst\nlocation: London, UK\n---\nWe value craft â€“ and care.\n",
    "5:16: warning: `â€“` looks like mis-encoded text (it was probably `–`; save the file as UTF-8)",
  ],
  "leftover-link": [
    "---\ntitle: Analyst\nlocation: London, UK\n---\nIntro.\n\nSee [our blog] [blog] for more.\n",
    "7:1: warning: `[our blog] [blog]` looks like a link but is shown as text (write `[text](https://…)`, or define the reference on its own line: `[name]: https://…`)",
  ],
  "dead-link": [
    "---\ntitle: Analyst\nlocation: London, UK\n---\nIntro.\n\n[All jobs](/jobs/) and [the team](/about/team/).\n",
    "7:1: warning: the link to `/about/team/` leads to no page on this site (check the address, or add a `redirect_from` to the page it should lead to)",
  ],
  liquid: [
    "---\ntitle: Analyst\nlocation: London, UK\n---\nIntro.\n\nWrite to {{ site.email }} today.\n",
    "7:10: warning: `{{ site.email }}` is Liquid template code and is shown as typed (Openings never runs template code from postings; replace it with the text or link it stood for, as docs/migrating-from-jekyll.md explains)",
  ],
  "places-split": [
    "---\ntitle: Analyst\nlocation: [London, UK]\n---\nBody\n",
    "3:12: warning: `London` and `UK` are read as two places (quote a place that contains a comma: ['London, UK'])",
  ],
  "todo-left": [
    "---\ntitle: Analyst\nlocation: London, UK\n---\nWhat you'll do: TODO\n",
    "5:17: warning: `TODO` is still in the posting (replace it with the real text before publishing)",
  ],
  "no-location": ["---\ntitle: Analyst\n---\nBody\n", "1:1: warning: this role has no location (add a line like `location: London, UK` or `remote: [Europe]`)"],
};

const files = (cases: Record<string, [string | Buffer, string]>) =>
  Object.fromEntries(Object.entries(cases).map(([name, [content]]) => [`jobs/${name}.md`, content]));

describe("npm run check", () => {
  const result = runCli(["check", "--site", makeSite({ ...files(ERRORS), ...files(WARNINGS) })]);
  const lines = result.stderr.split("\n");

  for (const [name, [, expected]] of Object.entries({ ...ERRORS, ...WARNINGS })) {
    it(`reports ${name} at its line, in plain words`, () => {
      assert.deepEqual(
        lines.filter((line) => line.startsWith(`jobs/${name}.md:`)),
        [`jobs/${name}.md:${expected}`],
      );
    });
  }

  it("reports every problem in one run, exits 1, and never shows a stack trace", () => {
    assert.equal(result.code, 1);
    assert.match(result.stderr, new RegExp(`^${Object.keys(ERRORS).length} errors, ${Object.keys(WARNINGS).length} warnings: fix the errors above\\.$`, "m"));
    assert.doesNotMatch(result.stderr, /\n\s+at [\w.<]+ \(/);
  });

  it("names both files, and where, when two pages claim one address, or a redirect claims a page", () => {
    const site = makeSite({
      "jobs/first.md": posting("title: First\nlocation: London, UK\npermalink: /jobs/shared/"),
      "jobs/second.md": posting("title: Second\nlocation: London, UK\npermalink: /jobs/shared/"),
      "jobs/thief.md": posting("title: Thief\nlocation: London, UK\nredirect_from:\n  - /old/thief/\n  - /jobs/first-choice/"),
      "jobs/first-choice.md": posting("title: First choice\nlocation: London, UK"),
    });
    const { code, stderr } = runCli(["check", "--site", site]);
    assert.equal(code, 1);
    assert.deepEqual(stderr.trim().split("\n").slice(0, -1), [
      "jobs/second.md:4:12: error: the address `/jobs/shared/` is already used by jobs/first.md:4:12 (give one of the two pages another `permalink`)",
      "jobs/thief.md:6:5: error: the redirect from `/jobs/first-choice/` is already used by jobs/first-choice.md (a redirect never replaces a page: remove this old address from `redirect_from`)",
    ]);
  });

  it("exits 0 when there are only warnings", () => {
    const { code, stdout } = runCli(["check", "--site", makeSite(files(WARNINGS))]);
    assert.equal(code, 0);
    assert.match(stdout, new RegExp(`0 errors, ${Object.keys(WARNINGS).length} warnings`));
  });

  it("keeps the header menu to eight links and names the posting left out", () => {
    const menuPostings = Object.fromEntries(
      Array.from({ length: 9 }, (_, i) => [
        `jobs/role-${i + 1}.md`,
        posting(`title: Role ${i + 1}\nlocation: London, UK\nweight: ${i + 1}\nshortened-link: Role ${i + 1}`),
      ]),
    );
    const site = makeSite(menuPostings);
    const { code, stderr } = runCli(["check", "--site", site]);
    assert.equal(code, 0);
    assert.equal(
      stderr.trim(),
      "jobs/role-9.md:5:17: warning: the header menu shows 8 links, and this one does not fit (remove `shortened-link`, or give it a lower `weight` than the links it should come before)",
    );
    const menu = readPage(buildSite(site), "/jobs/role-1/").querySelectorAll(".site-nav a");
    assert.deepEqual(
      menu.map((a) => text(a)),
      Array.from({ length: 8 }, (_, i) => `Role ${i + 1}`),
    );
  });

  it("also prints GitHub annotations inside GitHub Actions", () => {
    const { stdout } = runCli(["check", "--site", makeSite(files({ "missing-title": ERRORS["missing-title"] as [string, string] }))], {
      GITHUB_ACTIONS: "true",
    });
    assert.match(stdout, /^::error file=jobs\/missing-title\.md,line=2,col=1::`title` is missing \(add a line `title: …`\)$/m);
  });

  it("checks site.yaml like a posting", () => {
    const { code, stderr } = runCli(["check", "--site", makeSite({ "site.yaml": "name: Example\nurl: example.com\njobs_path: /jobs/\n" })]);
    assert.equal(code, 1);
    assert.match(stderr, /^site\.yaml:2:6: error: url: expected the site's full address, like https:\/\/careers\.example\.com, found `"example\.com"`$/m);
  });

  it("copes with a 5 MB posting", () => {
    const big = posting("title: Big\nlocation: London, UK", "A long paragraph about the role. ".repeat(160_000));
    assert.ok(big.length > 5_000_000);
    const { code } = runCli(["check", "--site", makeSite({ "jobs/big.md": big })]);
    assert.equal(code, 0);
  });
});

describe("hostile but valid postings", () => {
  const title = 'Engineer </script><script>alert("title")</script> <img src=x onerror=alert(1)>';
  const site = makeSite({
    "jobs/hostile.md": posting(
      `title: '${title}'\ndescription: '"><script>alert("description")</script>'\nlocation: London, UK\nteam: '<b onmouseover=alert(1)>Team</b>'`,
      [
        "<script>alert('body')</script>",
        '<img src="x.png" alt="logo" onerror="alert(1)">',
        '<a href="javascript:alert(1)">click</a> [also](javascript:alert(2))',
        "<iframe src=https://evil.example></iframe><form action=/x><input></form><style>body{display:none}</style>",
        "{{ 7 * 7 }} {% raw %}",
      ].join("\n\n"),
    ),
  });
  const out = buildSite(site);

  it("builds pages where nothing from the posting can run", () => {
    for (const path of ["/jobs/hostile/", "/jobs/"]) {
      const page = readPage(out, path);
      // The head's one <style> is Openings' own: layouts/style.css, then the accent colours from site.yaml (derive/theme.ts).
      assert.equal(page.querySelectorAll("iframe, body style, embed, object").length, 0, path);
      assert.equal(page.querySelectorAll("head style").length, 1, path);
      assert.ok(page.querySelector("head style")?.text.startsWith(pageStyles()), path);
      assert.deepEqual(
        page.querySelectorAll("form").map((form) => form.id),
        path === "/jobs/" ? ["role-filters"] : [],
        `${path}: only the site's own filter form`,
      );
      for (const script of page.querySelectorAll("script")) {
        const src = script.getAttribute("src");
        if (src) assert.ok(["/assets/index.js", "/pagefind/pagefind-ui.js"].includes(src), `${path}: unexpected script ${src}`);
        else {
          // The only inline script is JSON-LD, and the hostile title cannot end it early.
          assert.equal(script.getAttribute("type"), "application/ld+json", path);
          assert.doesNotMatch(script.innerHTML, /<\//);
          assert.equal(JSON.parse(script.innerHTML).title, title);
        }
      }
      for (const element of page.querySelectorAll("*")) {
        for (const [name, value] of Object.entries(element.attributes)) {
          assert.doesNotMatch(name, /^on/i, `${path}: ${element.tagName} has ${name}`);
          assert.doesNotMatch(value, /^\s*javascript:/i, `${path}: ${element.tagName} ${name}`);
        }
      }
    }
  });

  it("shows the hostile text as text, and template syntax as typed", () => {
    const page = readPage(out, "/jobs/hostile/");
    assert.equal(text(page.querySelector("h1")), title);
    assert.equal(page.querySelector("title")?.textContent, `${title} · Example Co`);
    assert.equal(page.querySelector('meta[property="og:title"]')?.getAttribute("content"), title);
    assert.match(text(page.querySelector(".role-body")), /\{\{ 7 \* 7 \}\} \{% raw %\}/);
    assert.equal(page.querySelector("img")?.getAttribute("alt"), "logo");
  });

  it("writes nothing outside the output folder", () => {
    const written = readdirSync(dirname(out));
    // Besides the output folder, only the site's own cache: its search index parts and share images (pipeline/index-search.ts, share-images.ts).
    assert.deepEqual(written.sort(), [".openings-cache", "_site", "jobs", "site.yaml"]);
    assert.deepEqual(readdirSync(join(dirname(out), ".openings-cache")).sort(), ["search-index", "share-images"]);
    assert.ok(existsSync(join(out, "jobs/hostile/index.html")));
  });
});
