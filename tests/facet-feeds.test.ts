import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { crawlSite } from "./crawl.ts";
import { readValidAtom, readValidJsonFeed } from "./feed-checks.ts";
import { buildSite, makeSite, posting, readPage, runCli, text } from "./helpers.ts";

// Alerts without accounts: every filter page (team, location, type, remote)
// has its own Atom feed and JSON Feed of exactly its open roles, announced in
// its <head> and linked in its text, so a feed reader or a feed-to-e-mail
// service can follow one team or one place.

const SITE = "name: Harbourline Ferries\nurl: https://crew.harbourline.example\napply: crew@harbourline.example\npath_prefix: /careers/\n";

const files = {
  "site.yaml": SITE,
  "jobs/deckhand.md": posting("title: Deckhand\nteam: Operations\nlocation: Oban, UK\nemployment_type: full-time\ndate_posted: 2026-09-01"),
  "jobs/ticket-desk-assistant.md": posting(
    "title: Ticket desk assistant\nteam: Operations\nlocation: ['Oban, UK', 'Mallaig, UK']\nemployment_type: part-time\ndate_posted: 2026-09-10",
  ),
  "jobs/marine-engineer.md": posting("title: Marine engineer\nteam: Engineering\nlocation: Mallaig, UK\nemployment_type: full-time\ndate_posted: 2026-08-20"),
  "jobs/booking-app-developer.md": posting(
    "title: Booking app developer\nteam: Engineering\nlocation: Glasgow, UK\nremote: [Europe]\nemployment_type: contract\ndate_posted: 2026-09-05",
  ),
  "jobs/timetable-planner.md": posting(
    "title: Timetable planner & analyst\nlocation: Oban, UK\nemployment_type: full-time\ndate_posted: 2026-07-15",
    "Plan sailings < 2 hours apart with the [deck crew](../deckhand/).",
  ),
  "jobs/winter-skipper.md": posting(
    "title: Winter skipper\nteam: Operations\nlocation: Oban, UK\nemployment_type: full-time\ndate_posted: 2026-06-01\nclosed: true",
  ),
  "jobs/relief-purser.md": posting(
    "title: Relief purser\nteam: Operations\nlocation: Oban, UK\nemployment_type: full-time\ndate_posted: 2026-09-20\ndraft: true",
  ),
};

/** Each filter page (site path) → its open roles, newest first, and its feeds' title. */
const FACETS: Record<string, { title: string; roles: string[] }> = {
  "/jobs/team/engineering/": { title: "Engineering roles", roles: ["booking-app-developer", "marine-engineer"] },
  "/jobs/team/operations/": { title: "Operations roles", roles: ["ticket-desk-assistant", "deckhand"] },
  "/jobs/location/oban-uk/": { title: "Roles in Oban, UK", roles: ["ticket-desk-assistant", "deckhand", "timetable-planner"] },
  "/jobs/location/mallaig-uk/": { title: "Roles in Mallaig, UK", roles: ["ticket-desk-assistant", "marine-engineer"] },
  "/jobs/location/glasgow-uk/": { title: "Roles in Glasgow, UK", roles: ["booking-app-developer"] },
  "/jobs/type/full-time/": { title: "Full-time roles", roles: ["deckhand", "marine-engineer", "timetable-planner"] },
  "/jobs/type/part-time/": { title: "Part-time roles", roles: ["ticket-desk-assistant"] },
  "/jobs/type/contract/": { title: "Contract roles", roles: ["booking-app-developer"] },
  "/jobs/remote/": { title: "Remote roles", roles: ["booking-app-developer"] },
};

const ORIGIN = "https://crew.harbourline.example/careers";

describe("a feed for every filter page", () => {
  const out = buildSite(makeSite(files));
  const read = (path: string) => readFileSync(join(out, path), "utf8");

  it("builds a filter page, and only those, for each facet of the fixture", () => {
    const built = ["team", "location", "type"].flatMap((kind) => readdirSync(join(out, "jobs", kind)).map((slug) => `/jobs/${kind}/${slug}/`));
    if (existsSync(join(out, "jobs/remote/index.html"))) built.push("/jobs/remote/");
    assert.deepEqual(built.sort(), Object.keys(FACETS).sort());
  });

  it("gives each a valid Atom feed of exactly its open roles, newest first", () => {
    for (const [page, { title, roles }] of Object.entries(FACETS)) {
      const feed = readValidAtom(read(`${page}feed.xml`), `${page}feed.xml`);
      assert.deepEqual(
        feed.entryUrls,
        roles.map((role) => `${ORIGIN}/jobs/${role}/`),
        page,
      );
      assert.equal(feed.title, `${title} at Harbourline Ferries`);
      assert.equal(feed.selfUrl, `${ORIGIN}${page}feed.xml`);
      assert.equal(feed.alternateUrl, `${ORIGIN}${page}`);
    }
  });

  it("gives each a valid JSON Feed 1.1 of exactly its open roles, newest first", () => {
    for (const [page, { title, roles }] of Object.entries(FACETS)) {
      const feed = readValidJsonFeed(read(`${page}feed.json`), `${page}feed.json`);
      assert.deepEqual(
        feed.items.map((item) => item.url),
        roles.map((role) => `${ORIGIN}/jobs/${role}/`),
        page,
      );
      assert.equal(feed.title, `${title} at Harbourline Ferries`);
      assert.equal(feed.feed_url, `${ORIGIN}${page}feed.json`);
      assert.equal(feed.home_page_url, `${ORIGIN}${page}`);
    }
  });

  it("keeps the feed's text as written: escaped in the Atom file, exact in both readers' view", () => {
    const oban = readValidAtom(read("/jobs/location/oban-uk/feed.xml"), "oban");
    assert.equal(oban.entryUrls.length, 3);
    assert.match(read("/jobs/location/oban-uk/feed.xml"), /<title>Timetable planner &amp; analyst<\/title>/);
    const json = readValidJsonFeed(read("/jobs/location/oban-uk/feed.json"), "oban");
    assert.equal(json.items.at(-1)?.title, "Timetable planner & analyst");
  });

  it("announces both feeds in each filter page's head, after the site's, and links them in its text", () => {
    for (const [page, { title }] of Object.entries(FACETS)) {
      const html = readPage(out, page);
      const alternates = html
        .querySelectorAll('head link[rel="alternate"]')
        .map((link) => [link.getAttribute("type"), link.getAttribute("href"), link.getAttribute("title")]);
      assert.deepEqual(alternates, [
        ["application/atom+xml", "/careers/feed.xml", "Harbourline Ferries jobs"],
        ["application/feed+json", "/careers/feed.json", "Harbourline Ferries jobs"],
        ["application/atom+xml", `/careers${page}feed.xml`, `${title} at Harbourline Ferries`],
        ["application/feed+json", `/careers${page}feed.json`, `${title} at Harbourline Ferries`],
      ]);
      const follow = html.querySelectorAll("main a").find((a) => text(a) === "Follow these roles");
      assert.equal(follow?.getAttribute("href"), `/careers${page}feed.xml`, page);
      assert.match(text(follow?.parentNode), /feed reader.*feed-to-e-mail service/);
    }
  });

  it("announces no filter feed on the index or a role page", () => {
    for (const page of ["/jobs/", "/jobs/deckhand/"]) {
      assert.equal(readPage(out, page).querySelectorAll('link[rel="alternate"]').length, 2, page);
    }
  });

  it("crawls clean from the jobs index, reaching every filter feed through its page", async () => {
    const { visited, broken } = await crawlSite(out, "/careers/", "/careers/jobs/");
    assert.deepEqual(broken, []);
    for (const page of Object.keys(FACETS)) {
      assert.ok(visited.has(`/careers${page}feed.xml`), `${page}feed.xml reached`);
      assert.ok(visited.has(`/careers${page}feed.json`), `${page}feed.json reached`);
    }
  });
});

describe("filter feed addresses", () => {
  it("are claimed like any other file: a posting that takes one is refused, naming the feed", () => {
    const site = makeSite({
      "jobs/deckhand.md": posting("title: Deckhand\nteam: Ops\nlocation: Oban, UK"),
      "jobs/stray.md": posting("title: Stray\nlocation: Oban, UK\npermalink: /jobs/team/ops/feed.json"),
    });
    const { code, stdout, stderr } = runCli(["check", "--site", site]);
    assert.equal(code, 1);
    assert.match(
      stdout + stderr,
      /jobs\/stray\.md:4:12: error: the address `\/jobs\/team\/ops\/feed\.json` is already used by the JSON feed of the filter page for the team `Ops` \(jobs\/deckhand\.md:3:7\)/,
    );
  });
});
