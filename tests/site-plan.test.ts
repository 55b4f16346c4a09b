import assert from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { checkWrittenAsPlanned } from "../src/pipeline/check-written.ts";
import { loadSite } from "../src/pipeline/load-site.ts";
import type { Problem } from "../src/problem.ts";
import { buildSite, makeSite, posting, readPage, runCli, text } from "./helpers.ts";

// One site plan: every file a build writes is known, with who claims it,
// before anything is written, and `check` reports every clash, located,
// naming both sides. A site check accepts builds without a stack trace.

const TODAY = "2026-06-01";
const role = (title: string, extra = "") => posting(`title: ${title}\nlocation: Leeds, UK\n${extra}`);

async function problemsOf(files: Record<string, string>): Promise<Problem[]> {
  const { problems } = await loadSite({ siteDir: makeSite(files), includeDrafts: false, today: TODAY, workers: 0 });
  return problems;
}

const show = (p: Problem) => `${p.file}:${p.line}:${p.column}: ${p.severity} ${p.code}: ${p.message}${p.hint ? ` (${p.hint})` : ""}`;
/** Problems as the command line lists them: in reading order. */
async function shown(files: Record<string, string>): Promise<string[]> {
  const problems = await problemsOf(files);
  return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column).map(show);
}

/** check and build both refuse, in plain words. */
function assertBothRefuse(files: Record<string, string>, expected: RegExp) {
  const site = makeSite(files);
  for (const command of ["check", "build"]) {
    const { code, stderr } = runCli([command, "--site", site, "--no-search"].slice(0, command === "check" ? 3 : 4));
    assert.equal(code, 1, `${command}: ${stderr}`);
    assert.match(stderr, expected);
    assert.doesNotMatch(stderr, /failed unexpectedly|\n\s+at /);
  }
  assert.equal(existsSync(join(site, "_site")), false);
}

describe("the site plan", () => {
  it("names both sides, located, when two pages claim one address", async () => {
    const lines = await shown({
      "jobs/first.md": role("First", "permalink: /jobs/shared/"),
      "jobs/second.md": role("Second", "permalink: /jobs/shared/"),
    });
    assert.deepEqual(lines, [
      "jobs/second.md:4:12: error url-taken: the address `/jobs/shared/` is already used by jobs/first.md:4:12 (give one of the two pages another `permalink`)",
    ]);
  });

  it("treats /x/ and /x/index.html as the one file they are", async () => {
    assert.deepEqual(await shown({ "jobs/a.md": role("A", "permalink: /jobs/x/"), "jobs/b.md": role("B", "permalink: /jobs/x/index.html") }), [
      "jobs/b.md:4:12: error url-taken: the address `/jobs/x/index.html` is the file that serves `/jobs/x/`, already used by jobs/a.md:4:12 (give one of the two pages another `permalink`)",
    ]);
    assert.deepEqual(await shown({ "jobs/a.md": role("A", "redirect_from: /jobs/b/index.html"), "jobs/b.md": role("B") }), [
      "jobs/a.md:4:16: error url-taken: the redirect from `/jobs/b/index.html` is the file that serves `/jobs/b/`, already used by jobs/b.md (a redirect never replaces a page: remove this old address from `redirect_from`)",
    ]);
  });

  it("refuses addresses that differ only in case: disks and hosts that ignore case keep one", async () => {
    assert.deepEqual(await shown({ "jobs/a.md": role("A", "permalink: /jobs/Data/"), "jobs/b.md": role("B", "permalink: /jobs/data/") }), [
      "jobs/b.md:4:12: error url-case-clash: the address `/jobs/data/` differs only in case from `/jobs/Data/`, used by jobs/a.md:4:12: disks and hosts that ignore case (macOS, Windows) keep only one of them (use one spelling; addresses are best in lower case)",
    ]);
    const lines = await shown({ "jobs/designer.md": role("Designer"), "jobs/other.md": role("Other", "redirect_from: /Jobs/Designer/") });
    assert.equal(lines.length, 1);
    assert.match(
      lines[0] ?? "",
      /^jobs\/other\.md:4:16: error url-case-clash: the redirect from `\/Jobs\/Designer\/` differs only in case from `\/jobs\/designer\/`, used by jobs\/designer\.md:/,
    );
  });

  it("refuses a file where another address needs a folder, either way round", async () => {
    assert.deepEqual(await shown({ "jobs/a.md": role("A", "permalink: /jobs/a.html"), "jobs/b.md": role("B", "permalink: /jobs/a.html/b/") }), [
      "jobs/b.md:4:12: error url-file-folder: the address `/jobs/a.html/b/` needs `/jobs/a.html/` to be a folder, but jobs/a.md:4:12 writes the file `/jobs/a.html` there (give one of the two pages another `permalink`)",
    ]);
    assert.deepEqual(await shown({ "jobs/a.md": role("A", "permalink: /jobs/x.html/y/"), "jobs/b.md": role("B", "permalink: /JOBS/X.HTML") }), [
      "jobs/b.md:4:12: error url-file-folder: the address `/JOBS/X.HTML` is a file where `/jobs/x.html/y/` (jobs/a.md:4:12) needs a folder (give one of the two pages another `permalink`)",
    ]);
  });

  it("keeps every file Openings writes for itself", async () => {
    const reserved = {
      "/jobs/": "the jobs index",
      "/feed.xml": "the Atom feed",
      "/Feed.json": "the JSON feed",
      "/jobs.json": "the open roles for widgets",
      "/404.html": "the page-not-found page",
      "/_redirects": "the redirects file",
      "/sitemap.xml": "the sitemap",
      "/robots.txt": "the robots file",
      "/assets/style.css": "the style sheets and scripts",
      "/assets/extra/": "the style sheets and scripts",
      "/pagefind/": "the search index",
      "/pagefind/x/": "the search index",
      "/_redirects/x/": "the redirects file",
    };
    for (const [path, owner] of Object.entries(reserved)) {
      for (const key of ["permalink", "redirect_from"]) {
        const problems = await problemsOf({ "jobs/a.md": role("A", `${key}: ${path}`) });
        const errors = problems.filter((p) => p.severity === "error");
        const note = `${key}: ${path} → ${JSON.stringify(problems)}`;
        assert.equal(errors.length, 1, note);
        assert.equal(errors[0]?.code, "url-reserved", note);
        assert.equal(errors[0]?.line, 4, note);
        assert.match(errors[0]?.message ?? "", new RegExp(`\`${path.replace(/[.]/g, "\\.")}\`.*${owner}`), note);
      }
    }
  });

  it("refuses parts and paths too long for common file systems: 255 bytes a part, 512 a path", async () => {
    const long = "a".repeat(256);
    assert.deepEqual(await shown({ "jobs/a.md": role("A", `permalink: /jobs/${long}/`) }), [
      `jobs/a.md:4:12: error invalid-value: permalink: expected a path whose parts between slashes are at most 255 bytes long (one is 256), found \`"/jobs/${"a".repeat(50)}...\``,
    ]);
    const deep = `/${Array.from({ length: 5 }, () => "b".repeat(120)).join("/")}/`;
    const [deepProblem] = await shown({ "jobs/a.md": role("A", `redirect_from: ${deep}`) });
    assert.match(deepProblem ?? "", /^jobs\/a\.md:4:16: error invalid-value: redirect_from: expected a path of at most 512 bytes \(this one is 606\)/);
    // A file name whose slug grows past 255 bytes: each Щ is 2 bytes, and 3 letters in the slug.
    const name = `jobs/${"Щ".repeat(100)}.md`;
    const [fromName] = await shown({ [name]: role("Long") });
    assert.match(
      fromName ?? "",
      /^jobs\/Щ+\.md:1:1: error bad-address: the address `\/jobs\/(sch)+s?c?\.\.\.`, made from the file name, is not usable: expected a path whose parts between slashes are at most 255 bytes long \(one is 300\) \(rename the file, or set a shorter `permalink`\)$/,
    );
    // A team name too long for a filter page's address.
    const [fromTeam] = await shown({ "jobs/a.md": role("A", `team: ${"Platform ".repeat(40)}`) });
    assert.match(
      fromTeam ?? "",
      /^jobs\/a\.md:4:7: error bad-address: the filter page address `\/jobs\/team\/platform-.*\.\.\.`, made from the team `Platform.*`, is not usable: expected a path whose parts between slashes are at most 255 bytes long/,
    );
  });

  it("refuses characters a web address or a host cannot carry, and template code", async () => {
    const cases: Record<string, string> = {
      "'/jobs/data engineer/'": "a path without spaces: join words with `-`",
      "/jobs/%2e%2e/x/": "a path without `%`: write each character as it is, like `/jobs/café/`, not percent-encoded",
      "/jobs/caf%C3%A9/": "a path without `%`",
      '"/jobs/a\\u200bb/"': "a path without invisible or unassigned characters",
      '"/jobs/a\\u202eb/"': "a path without invisible or unassigned characters",
      "'/jobs/{{ page.title }}/'": "a path without template code (`{{`, `{%`): Openings never runs it",
      "'/jobs/{% raw %}/'": "a path without template code",
      "'/jobs/a<b/'": "a path without",
      "'/jobs/a|b/'": "a path without",
    };
    for (const [value, expected] of Object.entries(cases)) {
      for (const key of ["permalink", "redirect_from"]) {
        const problems = await problemsOf({ "jobs/a.md": role("A", `${key}: ${value}`) });
        assert.equal(problems.length, 1, `${key}: ${value} → ${JSON.stringify(problems)}`);
        assert.equal(problems[0]?.severity, "error");
        assert.ok(problems[0]?.message.includes(`${key}: expected ${expected}`), `${key}: ${value} → ${problems[0]?.message}`);
      }
    }
  });

  it("warns about names Windows reserves, where the address is made", async () => {
    assert.deepEqual(await shown({ "jobs/a.md": role("A", "permalink: /jobs/con/"), "jobs/aux.md": role("Aux"), "jobs/b.md": role("B", "team: Nul") }), [
      "jobs/a.md:4:12: warning windows-name: the address `/jobs/con/` cannot be copied to a Windows disk: `con` is a name Windows keeps for itself (choose another address if the site is ever built or stored on Windows)",
      "jobs/aux.md:1:1: warning windows-name: the address `/jobs/aux/` cannot be copied to a Windows disk: `aux` is a name Windows keeps for itself (choose another address if the site is ever built or stored on Windows)",
      "jobs/b.md:4:7: warning windows-name: the filter page address `/jobs/team/nul/` cannot be copied to a Windows disk: `nul` is a name Windows keeps for itself (choose another address if the site is ever built or stored on Windows)",
    ]);
  });

  it("check and build both refuse a clash that used to crash the build or overwrite a file", () => {
    assertBothRefuse(
      { "jobs/a.md": role("A", "permalink: /jobs/a.html"), "jobs/b.md": role("B", "permalink: /jobs/a.html/b/") },
      /url-file-folder|needs `\/jobs\/a\.html\/` to be a folder/,
    );
    assertBothRefuse({ "jobs/a.md": role("A", "redirect_from: /feed.xml") }, /is where Openings writes the Atom feed/);
  });

  it("puts the whole plan on the site: every file the build writes, with who claims it", async () => {
    const { site } = await loadSite({
      siteDir: makeSite({ "jobs/a.md": role("A", "team: Ops\nredirect_from: /old/a/"), "jobs/index.md": posting("title: Jobs") }),
      includeDrafts: false,
      today: TODAY,
      workers: 0,
    });
    assert.ok(site);
    const byPath = new Map(site.plan.files.map((file) => [file.path, file]));
    assert.equal(byPath.get("jobs/a/index.html")?.by.file, "jobs/a.md");
    assert.equal(byPath.get("old/a/index.html")?.by.file, "jobs/a.md");
    assert.deepEqual(byPath.get("old/a/index.html")?.by.at, { line: 5, column: 16 });
    assert.equal(byPath.get("jobs/index.html")?.by.file, "jobs/index.md");
    assert.equal(byPath.get("jobs/team/ops/index.html")?.by.file, "jobs/a.md");
    for (const fixed of ["feed.xml", "feed.json", "jobs.json", "sitemap.xml", "robots.txt", "_redirects", "404.html", "assets/print.css", "assets/index.js"]) {
      assert.equal(byPath.get(fixed)?.by.file, "", fixed);
    }
    assert.ok(site.plan.folders.some((folder) => folder.path === "pagefind/"));
  });

  it("refuses to publish a build whose renderers wrote anything but the plan: that is a bug", async () => {
    const { site } = await loadSite({ siteDir: makeSite({ "jobs/a.md": role("A", "team: Ops") }), includeDrafts: false, today: TODAY, workers: 0 });
    assert.ok(site);
    const staging = "/tmp/staging";
    const eleventyWrote = (extra: string[] = [], left: string[] = []) => [
      [{ map: Object.fromEntries(["print.css", "index.js", "apply.js"].map((name) => [`/layouts/assets/${name}`, `${staging}/assets/${name}`])) }],
      [
        "feed.xml",
        "feed.json",
        "jobs.json",
        "sitemap.xml",
        "robots.txt",
        "_redirects",
        "404.html",
        "jobs/index.html",
        "jobs/team/ops/index.html",
        "jobs/team/ops/feed.xml",
        "jobs/team/ops/feed.json",
        "jobs/location/leeds-uk/index.html",
        "jobs/location/leeds-uk/feed.xml",
        "jobs/location/leeds-uk/feed.json",
        ...extra,
      ]
        .filter((file) => !left.includes(file))
        .map((file) => ({ outputPath: `${staging}/${file}` })),
    ];
    // Written beside Eleventy's files: the favicon and share image Openings draws (pipeline/brand-files.ts, share-images.ts), and the build's marker.
    const ours = ["assets/favicon.svg", "assets/share/jobs/a.png", ".openings-build"];
    checkWrittenAsPlanned(staging, site, eleventyWrote(), ours);
    assert.throws(() => checkWrittenAsPlanned(staging, site, eleventyWrote(["jobs/stray/index.html"]), ours), /not planned: jobs\/stray\/index\.html/);
    assert.throws(() => checkWrittenAsPlanned(staging, site, eleventyWrote([], ["feed.json"]), ours), /planned but not written: feed\.json/);
    assert.throws(() => checkWrittenAsPlanned(staging, site, "something else", []), /unexpected shape/);
  });
});

describe("facet identity", () => {
  it("makes one filter of team and location spellings that differ only in case, spacing or punctuation", async () => {
    const files = {
      "jobs/a.md": posting("title: A\nteam: Engineering\nlocation: London, UK"),
      "jobs/b.md": posting("title: B\nteam: Engineering\nlocation: ['London, UK', 'Paris, France']"),
      "jobs/c.md": posting("title: C\nteam: engineering\nlocation: [Paris France, London UK]"),
      "jobs/d.md": posting("title: D\nteam: ' ENGINEERING '\nlocation: 'london - uk'"),
    };
    assert.deepEqual(await shown(files), [
      // No comma before the country: Google is not told where these are (json-ld.ts).
      "jobs/c.md:1:1: warning no-job-posting: Google for Jobs will not list this role: Google needs the country of each place, and `Paris France` names none: write it like `Leeds, UK` or `Austin, TX` (the page is still built; add what is missing to be listed)",
      "jobs/c.md:3:7: warning facet-spelling: the team `engineering` is shown as `Engineering`, the spelling most postings use (write `Engineering` here too, or another name for a team of its own)",
      "jobs/c.md:4:12: warning facet-spelling: the location `Paris France` is shown as `Paris, France`, the spelling most postings use (write `Paris, France` here too, or another name for a location of its own)",
      "jobs/c.md:4:26: warning facet-spelling: the location `London UK` is shown as `London, UK`, the spelling most postings use (write `London, UK` here too, or another name for a location of its own)",
      "jobs/d.md:1:1: warning no-job-posting: Google for Jobs will not list this role: Google needs the country of each place, and `london - uk` names none: write it like `Leeds, UK` or `Austin, TX` (the page is still built; add what is missing to be listed)",
      "jobs/d.md:3:7: warning facet-spelling: the team `ENGINEERING` is shown as `Engineering`, the spelling most postings use (write `Engineering` here too, or another name for a team of its own)",
      "jobs/d.md:4:11: warning facet-spelling: the location `london - uk` is shown as `London, UK`, the spelling most postings use (write `London, UK` here too, or another name for a location of its own)",
    ]);
    const out = buildSite(makeSite(files));
    assert.deepEqual(readdirSync(join(out, "jobs/team")), ["engineering"]);
    assert.deepEqual(readdirSync(join(out, "jobs/location")).sort(), ["london-uk", "paris-france"]);
    assert.equal(text(readPage(out, "/jobs/team/engineering/").querySelector("h1")), "Engineering roles");
    assert.equal(readPage(out, "/jobs/team/engineering/").querySelectorAll(".role-card").length, 4);
    assert.equal(text(readPage(out, "/jobs/location/london-uk/").querySelector("h1")), "Roles in London, UK");
    const index = readPage(out, "/jobs/");
    assert.deepEqual(
      index.querySelectorAll(".team h3").map((h) => text(h)),
      ["Engineering"],
    );
    assert.deepEqual(
      index.querySelectorAll("select[name=location] option").map((o) => text(o)),
      ["All locations", "London, UK", "Paris, France"],
    );
  });

  it("gives teams in every script a page of their own, with a readable address", () => {
    const out = buildSite(
      makeSite({
        "jobs/a.md": role("A", "team: Инженерия"),
        "jobs/b.md": role("B", "team: Μηχανική"),
        "jobs/c.md": role("C", "team: 工程部"),
        "jobs/d.md": role("D", "team: 営業"),
        "jobs/e.md": role("E", "team: Straße"),
      }),
    );
    assert.deepEqual(readdirSync(join(out, "jobs/team")).sort(), ["inzheneriya", "mixaniki", "strasse", "営業", "工程部"]);
    assert.equal(text(readPage(out, "/jobs/team/工程部/").querySelector("h1")), "工程部 roles");
  });

  it("suggests a closed role's team-mates whatever spelling its own team is in", () => {
    const out = buildSite(
      makeSite({
        "jobs/a.md": role("Open A", "team: Engineering"),
        "jobs/b.md": role("Open B", "team: Engineering"),
        "jobs/c.md": role("Closed C", "team: engineering\nclosed: true"),
      }),
    );
    assert.deepEqual(
      readPage(out, "/jobs/c/")
        .querySelectorAll(".other-roles .role-card > a")
        .map((a) => text(a)),
      ["Open A", "Open B"],
    );
  });
});
