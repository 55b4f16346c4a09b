import assert from "node:assert/strict";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { type HTMLElement, parse } from "node-html-parser";
import { loadSite } from "../src/pipeline/load-site.ts";
import { discoveryFiles } from "../src/plan/discovery.ts";
import { todayInUtc } from "../src/schema/calendar-date.ts";
import { buildSite, makeSite, posting, readPage, text } from "./helpers.ts";

// sitemap.xml, robots.txt, feed.xml, feed.json, jobs.json and 404.html, read
// back with real parsers: only open roles, absolute URLs, every posting text
// escaped for the format it lands in.

const HOSTILE_TITLE = 'Lead "quoted" <b>engineer</b> & </script> co';
const QUOTED_DESCRIPTION = `She said "hi", then "bye" -- and 'single' quotes, "twice" & more`;

function readXml(outputDir: string, file: string): HTMLElement {
  return parse(readFileSync(join(outputDir, file), "utf8"), { lowerCaseTagName: false });
}

function readJson(outputDir: string, file: string): unknown {
  return JSON.parse(readFileSync(join(outputDir, file), "utf8"));
}

function readText(outputDir: string, file: string): string {
  return readFileSync(join(outputDir, file), "utf8");
}

/** Every href in an HTML fragment. */
function hrefs(html: string): string[] {
  return parse(html)
    .querySelectorAll("a")
    .map((a) => a.getAttribute("href") ?? "");
}

const files = {
  "jobs/open-role.md": posting(
    "title: Open role\nteam: Engineering\nlocation: London, UK\ndate_posted: 2026-03-01\ndescription: Build things.",
    "See [the designer role](/jobs/designer/), [the same, relatively](../designer/), [how](#how) and [elsewhere](https://example.org/x).\n\n## How",
  ),
  "jobs/designer.md": posting(
    "title: Designer\nteam: Design\nlocation: ['London, UK', 'Lisbon, Portugal']\nremote: [Europe]\nemployment_type: [full-time, contract]\ndate_posted: 2026-04-02\nvalid_through: 2099-12-31\nsalary: { min: 40000, max: 50000, currency: gbp, per: yearly }\napply: https://apply.example.com/designer",
    "Design things.",
  ),
  // No date_posted: the build date stands in.
  "jobs/hostile.md": posting(
    `title: '${HOSTILE_TITLE}'\ndescription: '${QUOTED_DESCRIPTION.replaceAll("'", "''")}'\nremote: true`,
    "Body with <em>emphasis</em>.",
  ),
  "jobs/closed-role.md": posting("title: Closed role\nlocation: London, UK\ndate_posted: 2026-01-01\nclosed: true\nredirect_from: /old/closed/"),
  "jobs/expired-role.md": posting("title: Expired role\nlocation: London, UK\ndate_posted: 2019-01-01\nvalid_through: 2020-01-01"),
  "jobs/secret.md": posting("title: Secret draft\nlocation: London, UK\ndate_posted: 2026-05-01\ndraft: true"),
};

describe("discovery files", () => {
  const todayBefore = todayInUtc();
  const siteDir = makeSite(files);
  const out = buildSite(siteDir);
  const today = todayInUtc();
  assert.equal(today, todayBefore, "the build crossed midnight UTC; run the tests again");
  const base = "https://jobs.example.com";
  const newest = [today, "2026-04-02", "2026-03-01"].sort().at(-1);

  it("sitemap.xml lists the jobs index, the open roles and a role closed in the last 30 days, each with its last change", () => {
    const urls = readXml(out, "sitemap.xml")
      .querySelectorAll("urlset > url")
      .map((url) => ({ loc: text(url.querySelector("loc")), lastmod: text(url.querySelector("lastmod")) }));
    // Outside a git checkout, a posting last changed when its file was saved.
    const saved = (file: string) => `${statSync(`${siteDir}/jobs/${file}`).mtime.toISOString().slice(0, 19)}Z`;
    const roles = [
      { loc: `${base}/jobs/closed-role/`, lastmod: saved("closed-role.md") },
      { loc: `${base}/jobs/designer/`, lastmod: saved("designer.md") },
      { loc: `${base}/jobs/hostile/`, lastmod: saved("hostile.md") },
      { loc: `${base}/jobs/open-role/`, lastmod: saved("open-role.md") },
    ];
    const latest = roles
      .map((role) => role.lastmod)
      .sort()
      .at(-1);
    assert.deepEqual(urls, [{ loc: `${base}/jobs/`, lastmod: latest }, ...roles]);
    assert.match(
      readText(out, "sitemap.xml"),
      /^<\?xml version="1\.0" encoding="utf-8"\?>\n<urlset xmlns="http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9">/,
    );
  });

  it("robots.txt allows everything and points at the sitemap", () => {
    assert.equal(readText(out, "robots.txt"), `User-agent: *\nAllow: /\n\nSitemap: ${base}/sitemap.xml\n`);
  });

  it("feed.xml is an Atom feed with one entry per open role, newest first, with absolute links", () => {
    const feed = readXml(out, "feed.xml");
    assert.equal(text(feed.querySelector("feed > title")), "Example Co jobs");
    assert.equal(feed.querySelector("feed")?.getAttribute("xmlns"), "http://www.w3.org/2005/Atom");
    assert.deepEqual(
      feed.querySelectorAll("feed > link").map((link) => [link.getAttribute("rel"), link.getAttribute("href")]),
      [
        ["self", `${base}/feed.xml`],
        ["alternate", `${base}/jobs/`],
      ],
    );
    assert.equal(text(feed.querySelector("feed > id")), `${base}/feed.xml`);
    assert.equal(text(feed.querySelector("feed > updated")), `${newest}T00:00:00Z`);
    assert.equal(text(feed.querySelector("feed > author > name")), "Example Co");

    const entries = feed.querySelectorAll("entry").map((entry) => ({
      title: entry.querySelector("title")?.text,
      link: entry.querySelector("link")?.getAttribute("href"),
      id: text(entry.querySelector("id")),
      updated: text(entry.querySelector("updated")),
      summary: entry.querySelector("summary")?.text,
    }));
    assert.deepEqual(entries, [
      { title: HOSTILE_TITLE, link: `${base}/jobs/hostile/`, id: `${base}/jobs/hostile/`, updated: `${today}T00:00:00Z`, summary: QUOTED_DESCRIPTION },
      { title: "Designer", link: `${base}/jobs/designer/`, id: `${base}/jobs/designer/`, updated: "2026-04-02T00:00:00Z", summary: undefined },
      { title: "Open role", link: `${base}/jobs/open-role/`, id: `${base}/jobs/open-role/`, updated: "2026-03-01T00:00:00Z", summary: "Build things." },
    ]);

    const contents = feed.querySelectorAll("entry > content");
    assert.deepEqual(
      contents.map((content) => content.getAttribute("type")),
      ["html", "html", "html"],
    );
    assert.equal(contents[0]?.text, "<p>Body with <em>emphasis</em>.</p>\n");
    assert.deepEqual(hrefs(contents[2]?.text ?? ""), [
      `${base}/jobs/designer/`,
      `${base}/jobs/designer/`,
      `${base}/jobs/open-role/#how`,
      "https://example.org/x",
    ]);
  });

  it("escapes posting text in the Atom feed as XML", () => {
    const raw = readText(out, "feed.xml");
    assert.ok(raw.includes("<title>Lead &quot;quoted&quot; &lt;b&gt;engineer&lt;/b&gt; &amp; &lt;/script&gt; co</title>"));
    assert.ok(raw.includes("<summary>She said &quot;hi&quot;, then &quot;bye&quot; -- and &#39;single&#39; quotes, &quot;twice&quot; &amp; more</summary>"));
    assert.ok(!raw.includes("</script>") && !raw.includes("<b>") && !raw.includes("<p>"));
  });

  it("feed.json is a JSON Feed 1.1 of the open roles, with absolute links", () => {
    const feed = readJson(out, "feed.json") as Record<string, unknown> & { items: Record<string, unknown>[] };
    const { items, ...top } = feed;
    assert.deepEqual(top, {
      version: "https://jsonfeed.org/version/1.1",
      title: "Example Co jobs",
      home_page_url: `${base}/jobs/`,
      feed_url: `${base}/feed.json`,
      language: "en",
      authors: [{ name: "Example Co" }],
    });
    assert.deepEqual(
      items.map(({ content_html, ...item }) => item),
      [
        { id: `${base}/jobs/hostile/`, url: `${base}/jobs/hostile/`, title: HOSTILE_TITLE, summary: QUOTED_DESCRIPTION, date_published: `${today}T00:00:00Z` },
        { id: `${base}/jobs/designer/`, url: `${base}/jobs/designer/`, title: "Designer", date_published: "2026-04-02T00:00:00Z" },
        { id: `${base}/jobs/open-role/`, url: `${base}/jobs/open-role/`, title: "Open role", summary: "Build things.", date_published: "2026-03-01T00:00:00Z" },
      ],
    );
    assert.equal(items[0]?.content_html, "<p>Body with <em>emphasis</em>.</p>\n");
    assert.deepEqual(hrefs(String(items[2]?.content_html)), [
      `${base}/jobs/designer/`,
      `${base}/jobs/designer/`,
      `${base}/jobs/open-role/#how`,
      "https://example.org/x",
    ]);
  });

  it("writes `<` in JSON files as \\u003c, so no posting text can close a <script>", () => {
    for (const file of ["feed.json", "jobs.json"]) {
      const raw = readText(out, file);
      assert.ok(!raw.includes("<"), `${file} has no raw <`);
      assert.ok(raw.includes(String.raw`"Lead \"quoted\" \u003cb>engineer\u003c/b> & \u003c/script> co"`), `${file} escapes the hostile title`);
    }
  });

  it("jobs.json lists the open roles' structured fields for widgets", () => {
    assert.deepEqual(readJson(out, "jobs.json"), {
      company: "Example Co",
      url: `${base}/jobs/`,
      jobs: [
        {
          title: "Designer",
          url: `${base}/jobs/designer/`,
          team: "Design",
          description: null,
          locations: ["London, UK", "Lisbon, Portugal"],
          remote: true,
          remote_regions: ["Europe"],
          employment_types: ["FULL_TIME", "CONTRACTOR"],
          salary: { min: 40000, max: 50000, currency: "GBP", per: "YEAR" },
          date_posted: "2026-04-02",
          valid_through: "2099-12-31",
          apply_url: "https://apply.example.com/designer",
        },
        {
          title: HOSTILE_TITLE,
          url: `${base}/jobs/hostile/`,
          team: null,
          description: QUOTED_DESCRIPTION,
          locations: [],
          remote: true,
          remote_regions: [],
          employment_types: [],
          salary: null,
          date_posted: today,
          valid_through: null,
          apply_url: `mailto:jobs@example.com?subject=${encodeURIComponent(`Application: ${HOSTILE_TITLE}`)}`,
        },
        {
          title: "Open role",
          url: `${base}/jobs/open-role/`,
          team: "Engineering",
          description: "Build things.",
          locations: ["London, UK"],
          remote: false,
          remote_regions: [],
          employment_types: [],
          salary: null,
          date_posted: "2026-03-01",
          valid_through: null,
          apply_url: "mailto:jobs@example.com?subject=Application%3A%20Open%20role",
        },
      ],
    });
  });

  it("leaves closed, expired and draft roles and redirects out of every discovery file, but a role closed in the last 30 days in the sitemap", () => {
    for (const file of ["sitemap.xml", "feed.xml", "feed.json", "jobs.json"]) {
      const raw = readText(out, file);
      const words = ["Closed role", "closed-role", "Expired role", "expired-role", "Secret draft", "secret", "/old/closed/"];
      for (const left of file === "sitemap.xml" ? words.filter((word) => word !== "closed-role") : words) {
        assert.ok(!raw.includes(left), `${file} does not mention ${left}`);
      }
    }
  });

  it("leaves drafts out even in the dev server, where they have pages", async () => {
    const { site } = await loadSite({ siteDir: makeSite(files), includeDrafts: true, today: "2026-06-01" });
    if (!site) assert.fail("the site did not load");
    assert.ok(site.openRoles.some((role) => role.title === "Secret draft"));
    const discovery = discoveryFiles(site, "2026-06-01");
    assert.deepEqual(
      discovery.sitemap.map((entry) => entry.loc),
      [`${base}/jobs/`, `${base}/jobs/closed-role/`, `${base}/jobs/designer/`, `${base}/jobs/hostile/`, `${base}/jobs/open-role/`],
    );
    assert.deepEqual(
      discovery.feed.entries.map((entry) => entry.title),
      [HOSTILE_TITLE, "Designer", "Open role"],
    );
    assert.deepEqual(
      discovery.jobs.jobs.map((job) => job.title),
      ["Designer", HOSTILE_TITLE, "Open role"],
    );
  });

  it("writes a friendly 404.html that leads to the jobs index", () => {
    const page = readPage(out, "/404.html");
    assert.equal(text(page.querySelector("h1")), "Page not found");
    assert.equal(text(page.querySelector("title")), "Page not found · Example Co");
    assert.equal(page.querySelector('meta[name="robots"]')?.getAttribute("content"), "noindex");
    const link = page.querySelector("main a");
    assert.equal(link?.getAttribute("href"), "/jobs/");
    assert.equal(text(link), "See all open roles at Example Co");
  });

  it("announces the feeds and the print stylesheet on every page", () => {
    for (const path of ["/jobs/", "/jobs/designer/", "/404.html"]) {
      const head = readPage(out, path).querySelector("head");
      assert.equal(head?.querySelector('link[rel="alternate"][type="application/atom+xml"]')?.getAttribute("href"), "/feed.xml");
      assert.equal(head?.querySelector('link[rel="alternate"][type="application/feed+json"]')?.getAttribute("href"), "/feed.json");
      assert.equal(head?.querySelector('link[rel="alternate"][type="application/atom+xml"]')?.getAttribute("title"), "Example Co jobs");
      assert.equal(head?.querySelector('link[rel="stylesheet"][media="print"]')?.getAttribute("href"), "/assets/print.css");
    }
    assert.match(readText(out, "assets/print.css"), /@page/);
  });
});

describe("discovery files under a path_prefix", () => {
  const out = buildSite(
    makeSite({
      "site.yaml": "name: Example Co\nurl: https://example.github.io\napply: jobs@example.com\npath_prefix: /careers/\n",
      "jobs/open-role.md": posting(
        "title: Open role\nlocation: London, UK\ndate_posted: 2026-03-01",
        "See [the other role](/jobs/other-role/) and [the same, relatively](../other-role/).",
      ),
      "jobs/other-role.md": posting("title: Other role\nlocation: London, UK\ndate_posted: 2026-02-01"),
    }),
  );
  const base = "https://example.github.io/careers";

  it("puts the prefix in the sitemap and robots.txt", () => {
    const locs = readXml(out, "sitemap.xml")
      .querySelectorAll("url > loc")
      .map((loc) => text(loc));
    assert.deepEqual(locs, [`${base}/jobs/`, `${base}/jobs/open-role/`, `${base}/jobs/other-role/`]);
    assert.equal(readText(out, "robots.txt"), `User-agent: *\nAllow: /\n\nSitemap: ${base}/sitemap.xml\n`);
  });

  it("puts the prefix in every URL of the Atom feed, bodies included", () => {
    const feed = readXml(out, "feed.xml");
    assert.deepEqual(
      feed.querySelectorAll("feed > link").map((link) => link.getAttribute("href")),
      [`${base}/feed.xml`, `${base}/jobs/`],
    );
    assert.equal(text(feed.querySelector("feed > id")), `${base}/feed.xml`);
    assert.deepEqual(
      feed.querySelectorAll("entry").map((entry) => [entry.querySelector("link")?.getAttribute("href"), text(entry.querySelector("id"))]),
      [
        [`${base}/jobs/open-role/`, `${base}/jobs/open-role/`],
        [`${base}/jobs/other-role/`, `${base}/jobs/other-role/`],
      ],
    );
    assert.deepEqual(hrefs(feed.querySelector("entry > content")?.text ?? ""), [`${base}/jobs/other-role/`, `${base}/jobs/other-role/`]);
  });

  it("puts the prefix in every URL of the JSON feed and jobs.json", () => {
    const feed = readJson(out, "feed.json") as { home_page_url: string; feed_url: string; items: { id: string; url: string; content_html: string }[] };
    assert.equal(feed.home_page_url, `${base}/jobs/`);
    assert.equal(feed.feed_url, `${base}/feed.json`);
    assert.deepEqual(
      feed.items.map((item) => [item.id, item.url]),
      [
        [`${base}/jobs/open-role/`, `${base}/jobs/open-role/`],
        [`${base}/jobs/other-role/`, `${base}/jobs/other-role/`],
      ],
    );
    assert.deepEqual(hrefs(feed.items[0]?.content_html ?? ""), [`${base}/jobs/other-role/`, `${base}/jobs/other-role/`]);
    const jobs = readJson(out, "jobs.json") as { url: string; jobs: { url: string }[] };
    assert.equal(jobs.url, `${base}/jobs/`);
    assert.deepEqual(
      jobs.jobs.map((job) => job.url),
      [`${base}/jobs/open-role/`, `${base}/jobs/other-role/`],
    );
  });

  it("puts the prefix in the 404 page's links and the feed links of every page", () => {
    const page = readPage(out, "/404.html");
    assert.equal(page.querySelector("main a")?.getAttribute("href"), "/careers/jobs/");
    assert.equal(page.querySelector('link[rel="stylesheet"][media="print"]')?.getAttribute("href"), "/careers/assets/print.css");
    assert.equal(page.querySelector('link[type="application/atom+xml"]')?.getAttribute("href"), "/careers/feed.xml");
    assert.equal(page.querySelector('link[type="application/feed+json"]')?.getAttribute("href"), "/careers/feed.json");
  });
});
