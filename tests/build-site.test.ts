import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { generateSite } from "../bench/generate.ts";
import { loadSite } from "../src/pipeline/load-site.ts";
import { inWorker } from "../src/pipeline/worker-pool.ts";
import { buildSite, makeSite, posting, readPage, runCli, text } from "./helpers.ts";

describe("building a careers site", () => {
  const site = makeSite({
    "jobs/index.md": posting("title: Work with us\nshortened-link: Jobs\nweight: 2", "We build **useful** things."),
    "jobs/zeta-engineer.md": posting(
      "title: Zeta engineer\nteam: Engineering\nlocation: ['London, UK', 'Lisbon, Portugal']\nemployment_type: full-time\nweight: 2",
    ),
    "jobs/alpha-engineer.md": posting("title: Alpha engineer\nteam: Engineering\nremote: [Europe]\nweight: 5"),
    "jobs/beta-engineer.md": posting("title: Beta engineer\nteam: Engineering\nlocation: Berlin, Germany\nweight: 2"),
    "jobs/designer.md": posting(
      "title: Product designer\nteam: Design\nlocation: London, UK\nemployment_type: [Part-time, contract]\ndate_posted: 2026-03-01\nsalary: { min: 40000, max: 50000, currency: GBP, per: year }\napply: https://apply.example.com/designer",
      "## The role\n\nDesign things.",
    ),
    "jobs/closed-role.md": posting("title: Closed role\nteam: Design\nlocation: London, UK\nclosed: true"),
    "jobs/expired-role.md": posting("title: Expired role\nteam: Design\nlocation: London, UK\nvalid_through: 2020-01-01"),
    "jobs/secret.md": posting("title: Secret draft\nteam: Design\nlocation: London, UK\ndraft: true"),
    "jobs/moved.md": posting(
      "title: Moved role\nteam: Operations\nlocation: Lisbon, Portugal\npermalink: /about/jobs/moved-role/\nredirect_from: [/careers/moved/]\nshortened-link: Ops\nweight: 1",
    ),
  });
  const out = buildSite(site);

  it("lists open roles grouped by team, teams alphabetical, roles by weight then title", () => {
    const index = readPage(out, "/jobs/");
    const teams = index.querySelectorAll(".team").map((team) => ({
      name: text(team.querySelector("h3")),
      roles: team.querySelectorAll(".role-card > a").map((a) => text(a)),
    }));
    assert.deepEqual(teams, [
      { name: "Design", roles: ["Product designer"] },
      { name: "Engineering", roles: ["Beta engineer", "Zeta engineer", "Alpha engineer"] },
      { name: "Operations", roles: ["Moved role"] },
    ]);
    assert.equal(text(index.querySelector("#open-roles")), "5 open roles");
    assert.equal(text(index.querySelector(".intro p")), "We build useful things.");
    assert.equal(index.querySelectorAll(".intro h1").length, 0, "the intro's heading is the page's");
    assert.equal(text(index.querySelector("h1")), "Work with us");
  });

  it("shows team, places, remote, type, salary and posting date for each role on the index", () => {
    const cards = readPage(out, "/jobs/").querySelectorAll(".role-card");
    const facts = (title: string) => {
      const card = cards.find((c) => text(c.querySelector("a")) === title);
      // A range's dash, with or without spaces around it as the language's own range format puts them.
      return card
        ?.querySelectorAll(".role-meta li")
        .map((li) => `${li.classList.value.find((name) => name.startsWith("fact-"))}: ${text(li).replace(/\s?–\s?/, "–")}`);
    };
    assert.deepEqual(facts("Zeta engineer"), ["fact-team: Engineering", "fact-place: London, UK or Lisbon, Portugal", "fact-type: Full-time"]);
    assert.deepEqual(facts("Alpha engineer"), ["fact-team: Engineering", "fact-remote: Remote (Europe)"]);
    assert.deepEqual(facts("Product designer"), [
      "fact-team: Design",
      "fact-place: London, UK",
      "fact-type: Part-time, Contract",
      "fact-pay: £40,000–£50,000 a year",
    ]);
    const posted = cards.find((c) => text(c.querySelector("a")) === "Product designer")?.querySelector(".role-posted time");
    assert.equal(posted?.getAttribute("datetime"), "2026-03-01");
    assert.equal(text(posted), "March 1, 2026");
  });

  it("writes a page per role with its facts, body, apply action and a way back", () => {
    const page = readPage(out, "/jobs/designer/");
    assert.equal(page.querySelectorAll("h1").length, 1);
    assert.equal(text(page.querySelector("h1")), "Product designer");
    const facts = Object.fromEntries(page.querySelectorAll(".facts div").map((d) => [text(d.querySelector("dt")), text(d.querySelector("dd"))]));
    assert.deepEqual(facts, {
      Team: "Design",
      Location: "London, UK",
      Type: "Part-time, Contract",
      Salary: "£40,000 – £50,000 a year",
      Posted: "March 1, 2026",
    });
    assert.equal(text(page.querySelector(".role-body h2")), "The role");
    assert.equal(page.querySelector("a.apply")?.getAttribute("href"), "https://apply.example.com/designer");
    assert.equal(page.querySelector(".back a")?.getAttribute("href"), "/jobs/");
    assert.equal(text(page.querySelector("title")), "Product designer · Example Co");
  });

  it("builds the Jekyll-era menu from shortened-link and weight", () => {
    const menu = readPage(out, "/jobs/").querySelectorAll(".site-nav a");
    assert.deepEqual(
      menu.map((a) => [text(a), a.getAttribute("href"), a.getAttribute("aria-current") ?? ""]),
      [
        ["Ops", "/about/jobs/moved-role/", ""],
        ["Jobs", "/jobs/", "page"],
      ],
    );
  });

  it("falls back to the site's apply address, as a mailto link", () => {
    const href = readPage(out, "/jobs/beta-engineer/").querySelector("a.apply")?.getAttribute("href");
    assert.equal(href, "mailto:jobs@example.com?subject=Application%3A%20Beta%20engineer");
  });

  it("keeps closed and expired roles at their URL, marked closed, off the index and without an apply action", () => {
    const index = text(readPage(out, "/jobs/"));
    for (const slug of ["closed-role", "expired-role"]) {
      const page = readPage(out, `/jobs/${slug}/`);
      assert.match(text(page.querySelector(".notice")), /This position is closed/);
      assert.equal(page.querySelector("a.apply"), null);
      assert.equal(page.querySelector('meta[name="robots"]')?.getAttribute("content"), "noindex");
    }
    assert.doesNotMatch(index, /Closed role|Expired role/);
  });

  it("leaves drafts out of the production build entirely", () => {
    assert.equal(existsSync(join(out, "jobs/secret")), false);
    assert.doesNotMatch(readFileSync(join(out, "jobs/index.html"), "utf8"), /Secret draft/);
  });

  it("honours permalinks and writes redirect pages for old addresses", () => {
    assert.equal(text(readPage(out, "/about/jobs/moved-role/").querySelector("h1")), "Moved role");
    const redirect = readPage(out, "/careers/moved/");
    assert.equal(redirect.querySelector('meta[http-equiv="refresh"]')?.getAttribute("content"), "0; url=/about/jobs/moved-role/");
    assert.equal(redirect.querySelector("a")?.getAttribute("href"), "/about/jobs/moved-role/");
    // The folder above a role leads back to the list of jobs rather than to a 404.
    assert.equal(readPage(out, "/about/jobs/").querySelector("a")?.getAttribute("href"), "/jobs/");
  });

  it("keeps the previous site when a build fails, and says where the problem is", () => {
    writeFileSync(join(site, "jobs/broken.md"), posting("team: Nobody"));
    const before = readFileSync(join(out, "jobs/index.html"), "utf8");
    const result = runCli(["build", "--site", site]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^jobs\/broken\.md:2:1: error: `title` is missing/m);
    assert.doesNotMatch(result.stderr, /\n\s+at /, "no stack trace");
    assert.equal(readFileSync(join(out, "jobs/index.html"), "utf8"), before);
  });
});

describe("an empty careers site", () => {
  it("warns when the landing page names a permalink other than jobs_path", () => {
    const { code, stderr } = runCli(["check", "--site", makeSite({ "jobs/index.md": posting("title: Jobs\npermalink: /about/jobs/") })]);
    assert.equal(code, 0);
    assert.match(
      stderr,
      /^jobs\/index\.md:3:12: warning: the jobs index is at `\/jobs\/` \(site\.yaml's `jobs_path`\), so this `permalink` is not used \(set `jobs_path: \/about\/jobs\/` in site\.yaml to move it\)$/m,
    );
  });

  it("says so kindly instead of showing an empty list", () => {
    const out = buildSite(makeSite({}));
    const index = readPage(out, "/jobs/");
    assert.equal(text(index.querySelector("#open-roles")), "0 open roles");
    assert.match(text(index.querySelector(".empty-state")), /no open roles right now/);
  });
});

describe("building on worker threads", () => {
  // Large sites parse and render on worker threads (src/worker-pool.ts); this
  // site is small, so OPENINGS_WORKERS forces them, and the result must be the
  // same, byte for byte and problem for problem, as on one thread.
  const postings = Object.fromEntries(
    Array.from({ length: 40 }, (_, i) => [
      `jobs/role-${String(i).padStart(2, "0")}.md`,
      posting(
        `title: Role ${i}\nteam: ${["Design", "Data", "Sales"][i % 3]}\n${i % 4 ? "location: London, UK" : "remote: true"}${i % 9 === 0 ? "\nclosed: true" : ""}`,
        `## About\n\nRole ${i} does <strong>things</strong>.${i % 7 === 0 ? " <script>alert(1)</script>" : ""}`,
      ),
    ]),
  );
  const site = makeSite(postings);
  const files = (dir: string) =>
    readdirSync(dir, { recursive: true, encoding: "utf8" })
      .filter((file) => statSync(join(dir, file)).isFile())
      .sort()
      .map((file) => [file, readFileSync(join(dir, file), "utf8")]);

  it("reports the same problems in the same order", () => {
    const one = runCli(["check", "--site", site], { OPENINGS_WORKERS: "0" });
    const many = runCli(["check", "--site", site], { OPENINGS_WORKERS: "2" });
    assert.equal(one.code, 0);
    assert.match(one.stderr, /^jobs\/role-07\.md:6:1: warning: removed from the body .*<script>/m);
    assert.deepEqual([many.code, many.stdout, many.stderr], [one.code, one.stdout, one.stderr]);
  });

  it("writes the same files", () => {
    const built = (workers: string) => {
      const out = join(site, `_site-${workers}`);
      const result = runCli(["build", "--no-search", "--site", site, "--out", out], { OPENINGS_WORKERS: workers });
      assert.equal(result.code, 0, result.stderr);
      return files(out);
    };
    const one = built("0");
    assert.ok(one.some(([file]) => file === join("jobs", "role-01", "index.html")));
    assert.deepEqual(built("2"), one);
  });

  it("parses a larger generated site the same way on a worker as on one thread", async () => {
    // Two copies of one generated site (the parse cache is per file), and a
    // worker started beforehand: it then takes a share of the postings
    // before this thread has parsed them all.
    const copies = ["one", "many"].map((name) => {
      const dir = mkdtempSync(join(tmpdir(), `openings-${name}-`));
      generateSite(dir, 1500, 7);
      // Saved at one moment in both copies: a role carries when its posting last changed.
      const saved = new Date("2026-11-20T10:00:00Z");
      for (const file of readdirSync(join(dir, "jobs"), { recursive: true }) as string[]) utimesSync(join(dir, "jobs", file), saved, saved);
      return dir;
    });
    await inWorker(0, "parseShare", "", [], new Int32Array(new SharedArrayBuffer(4)));
    const load = async (siteDir: string, workers: string) => {
      process.env.OPENINGS_WORKERS = workers;
      try {
        return await loadSite({ siteDir, includeDrafts: false, today: "2026-11-22" });
      } finally {
        delete process.env.OPENINGS_WORKERS;
      }
    };
    const one = await load(copies[0] as string, "0");
    const many = await load(copies[1] as string, "1");
    assert.equal(one.checked, 1500);
    assert.ok(one.problems.length > 0);
    assert.deepEqual(many.problems, one.problems);
    assert.deepEqual(many.site, one.site);
  });

  it("suggests five open roles in its team on a closed role's page, and links to the rest", () => {
    const page = readPage(join(site, "_site-0"), "/jobs/role-09/");
    assert.equal(text(page.querySelector(".other-roles h2")), "Open roles in Design");
    assert.equal(page.querySelectorAll(".other-roles .role-card").length, 5);
    const more = page.querySelector(".other-roles .more-roles a");
    assert.equal(text(more), "See all 9 open roles in Design");
    assert.equal(more?.getAttribute("href"), "/jobs/team/design/");
  });
});

describe("a closed role in a team named like an Object property", () => {
  it("suggests no inherited roles", () => {
    const out = buildSite(
      makeSite({
        "jobs/gone.md": posting("title: Builder\nteam: constructor\nlocation: Leeds, UK\nclosed: true"),
        "jobs/open.md": posting("title: Welder\nteam: Workshop\nlocation: Leeds, UK"),
      }),
    );
    const page = readPage(out, "/jobs/gone/");
    assert.equal(page.querySelector(".other-roles"), null);
  });
});
