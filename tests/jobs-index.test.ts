import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { serveSite } from "../src/commands/serve-site.ts";
import { yearlyPay } from "../src/derive/pay.ts";
import { slugify } from "../src/derive/slug.ts";
import type { ParsedLanding, Role } from "../src/model.ts";
import { jobsIndexView, payCurrencies } from "../src/plan/jobs-index.ts";
import { siteSchema } from "../src/schema/site-schema.ts";
import { browserSkip, eventually, launchBrowser, type StaticServer, screenshot, serveStatic, withPage as withBrowserPage } from "./browser-helpers.ts";
import { buildSite, makeSite, PROJECT_ROOT, posting, runCli, SITE_YAML } from "./helpers.ts";

// The jobs index and filter pages as a job seeker meets them: roles on the
// first screen, cards that say what a role pays and how new it is, filters
// that fit a phone, search that combines with them, and a URL that keeps it all.

const require = createRequire(import.meta.url);
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const DESKTOP: BrowserContextOptions = { viewport: { width: 1366, height: 900 } };

describe("pay on one basis", () => {
  it("counts a range as its middle, over a full-time year", () => {
    assert.deepEqual(yearlyPay([{ min: 40000, max: 60000, currency: "GBP", per: "YEAR" }]), { currency: "GBP", yearly: 50000 });
    assert.deepEqual(yearlyPay([{ min: 3000, currency: "EUR", per: "MONTH" }]), { currency: "EUR", yearly: 36000 });
    assert.deepEqual(yearlyPay([{ max: 20, currency: "USD", per: "HOUR" }]), { currency: "USD", yearly: 41600 });
    assert.deepEqual(yearlyPay([{ min: 100, max: 100, currency: "USD", per: "DAY" }]), { currency: "USD", yearly: 26000 });
    assert.deepEqual(yearlyPay([{ min: 500, max: 700, currency: "USD", per: "WEEK" }]), { currency: "USD", yearly: 31200 });
  });

  it("takes the best of several ranges in the first range's currency, never mixing currencies", () => {
    const ranges = [
      { min: 90000, max: 110000, currency: "USD", per: "YEAR" as const },
      { min: 900000, currency: "JPY", per: "MONTH" as const },
      { min: 120000, max: 140000, currency: "USD", per: "YEAR" as const },
    ];
    assert.deepEqual(yearlyPay(ranges), { currency: "USD", yearly: 130000 });
    assert.equal(yearlyPay([]), undefined);
  });

  it("orders currencies by how many open roles are paid in them, then by code", () => {
    const paid = (currency?: string) => ({ pay: currency ? { currency, yearly: 1 } : undefined }) as Role;
    assert.deepEqual(payCurrencies([paid("EUR"), paid("USD"), paid(), paid("USD"), paid("CHF"), paid("EUR"), paid("USD")]), ["USD", "EUR", "CHF"]);
  });
});

describe("the index's heading", () => {
  const config = siteSchema.parse({ name: "Example Co", url: "https://jobs.example.com" });
  const landing = (html: string, more: Partial<ParsedLanding> = {}): ParsedLanding => ({
    file: "jobs/index.md",
    html,
    hasOwnHeading: html.startsWith("<h1"),
    redirectFrom: [],
    links: [],
    ...more,
  });

  it("takes an intro's own <h1> out of the intro, to stand above the roles", () => {
    const view = jobsIndexView(config, landing('<h1 id="x">Work <em>with</em> us</h1>\n<p>We build.</p>', { description: "Short." }));
    assert.deepEqual(view, { headingHtml: "Work <em>with</em> us", headingText: "Jobs at Example Co", lead: "Short.", introHtml: "<p>We build.</p>" });
  });

  it("falls back to the landing page's title, then to the company's name", () => {
    assert.equal(jobsIndexView(config, landing("<p>Hi.</p>", { title: "Careers" })).headingText, "Careers");
    assert.deepEqual(jobsIndexView(config, undefined), { headingHtml: undefined, headingText: "Jobs at Example Co", lead: undefined, introHtml: "" });
  });
});

/** `days` before today as the browser's calendar has it (the machine's own time zone), `YYYY-MM-DD`. */
function daysAgo(days: number): string {
  const day = new Date();
  day.setDate(day.getDate() - days);
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, "0")}-${String(day.getDate()).padStart(2, "0")}`;
}

const LONG_TEAM = "Research, Development and Continuous Improvement of Extraordinarily Long Department Names";
const LONG_PLACE = "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch, Isle of Anglesey, United Kingdom of Great Britain and Northern Ireland";

const skip = browserSkip();

describe("finding roles on a built site", { skip }, () => {
  let browser: Browser;
  let server: StaticServer;

  before(async () => {
    const out = buildSite(
      makeSite({
        "jobs/index.md": "---\ndescription: Make useful things with us.\n---\n# Work at Example Co\n\nWe are a workshop of forty people.\n",
        "jobs/welder.md": posting(
          `title: Welder\nteam: Workshop\nlocation: Leeds, UK\nemployment_type: full-time\ndate_posted: ${daysAgo(3)}\nsalary: { min: 30000, max: 40000, currency: GBP, per: YEAR }`,
          "You will join seams on steel frames.",
        ),
        "jobs/painter.md": posting(
          `title: Painter\nteam: Finishing\nlocation: Leeds, UK\nemployment_type: part-time\ndate_posted: ${daysAgo(10)}\nsalary: { min: 20, currency: GBP, per: HOUR }`,
          "You will spray steel frames in our booth.",
        ),
        "jobs/riveter.md": posting(
          `title: Riveter\nteam: Workshop\nlocation: Ljubljana, Slovenia\nemployment_type: full-time\ndate_posted: ${daysAgo(1)}\nsalary: { min: 3000, currency: EUR, per: MONTH }`,
          "Aluminium rivets, by hand.",
        ),
        "jobs/long.md": posting(
          `title: Supercalifragilisticexpialidociousengineeringmanagerextraordinaire\nteam: "${LONG_TEAM}"\nlocation: "${LONG_PLACE}"\nremote: true\ndate_posted: ${daysAgo(40)}`,
          "Words.",
        ),
      }),
    );
    [browser, server] = await Promise.all([launchBrowser(), serveStatic(out)]);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const withPage = (options: BrowserContextOptions, use: (page: Page) => Promise<void>) => withBrowserPage(browser, options, use);

  const shownTitles = async (page: Page) => (await page.locator(".role-card > a").filter({ visible: true }).allInnerTexts()).map((title) => title.trim());
  const expectShown = async (page: Page, titles: string[], why: string) => {
    const shown = await eventually(
      () => shownTitles(page),
      (value) => JSON.stringify(value) === JSON.stringify(titles),
      10000, // Searching loads Pagefind first, which a busy machine makes slow.
    );
    assert.deepEqual(shown, titles, why);
  };
  const query = (page: Page) => Object.fromEntries(new URL(page.url()).searchParams);
  const openFilters = async (page: Page) => {
    const toggle = page.locator(".finder-toggle");
    if ((await toggle.isVisible()) && (await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
  };

  it("shows each card's facts, and how long ago it was posted with the date kept as its tooltip", async () => {
    await withPage(DESKTOP, async (page) => {
      await page.goto(`${server.origin}/jobs/`);
      const card = page.locator(".role-card", { hasText: "Welder" });
      const facts = await card.locator(".role-meta li").allTextContents();
      assert.deepEqual(facts.slice(1, 3), ["Leeds, UK", "Full-time"]);
      assert.match(facts[3] ?? "", /^£30,000\s?–\s?£40,000 a year$/);
      const posted = card.locator(".role-posted time");
      assert.equal(await posted.getAttribute("datetime"), daysAgo(3));
      assert.equal(
        await eventually(
          () => posted.textContent(),
          (text) => text === "3 days ago",
        ),
        "3 days ago",
      );
      assert.match((await posted.getAttribute("title")) ?? "", /\d{4}/, "the date itself is the tooltip");
      assert.equal(await page.locator(".role-card", { hasText: "Riveter" }).locator("time").textContent(), "yesterday");
      assert.equal(await page.locator("h1").textContent(), "Work at Example Co", "the intro's own heading heads the page");
      assert.equal(await page.locator(".intro h1").count(), 0);
    });
  });

  it("sorts by salary within each currency, the most used currency first, and by date; the URL keeps the order", async () => {
    await withPage(DESKTOP, async (page) => {
      await page.goto(`${server.origin}/jobs/`);
      await page.locator('select[name="sort"]').selectOption("salary");
      // Painter's £20 an hour is £41,600 a year; Riveter's €36,000 is not compared with pounds.
      const longTitle = "Supercalifragilisticexpialidociousengineeringmanagerextraordinaire";
      await expectShown(page, ["Painter", "Welder", "Riveter", longTitle], "highest pay first, pounds then euros, unpaid last");
      assert.equal(await page.locator(".team").filter({ visible: true }).count(), 0, "a sorted list is not grouped by team");
      assert.ok(await page.locator(".role-card", { hasText: "Welder" }).locator(".fact-team").isVisible(), "so each card names its team");
      assert.equal(
        (
          await eventually(
            async () => query(page),
            (q) => q.sort === "salary",
          )
        ).sort,
        "salary",
      );
      await page.locator('input[name="salary"]').check();
      await expectShown(page, ["Painter", "Welder", "Riveter"], "only roles that give pay");
      assert.match((await page.locator("#open-roles").textContent()) ?? "", /^3 open roles$/);
      await page.locator('select[name="sort"]').selectOption("newest");
      await expectShown(page, ["Riveter", "Welder", "Painter"], "newest first");
      await page.locator('select[name="sort"]').selectOption("");
      await expectShown(page, ["Painter", "Riveter", "Welder"], "back to teams: Finishing, then Workshop");
      assert.deepEqual(await page.locator(".team h3").filter({ visible: true }).allTextContents(), ["Finishing", "Workshop"]);
      assert.deepEqual(
        await eventually(
          async () => query(page),
          (q) => !q.sort,
        ),
        { salary: "1" },
      );
    });
  });

  it("sorts and narrows a filter page the same way", async () => {
    await withPage(PHONE, async (page) => {
      await page.goto(`${server.origin}/jobs/location/leeds-uk/?sort=salary`);
      await expectShown(page, ["Painter", "Welder"], "the URL's sort applies on load");
      assert.equal(await page.locator('select[name="sort"]').inputValue(), "salary");
      await page.locator('select[name="sort"]').selectOption("newest");
      await expectShown(page, ["Welder", "Painter"], "newest first");
      assert.equal(await page.locator('input[name="remote"]').count(), 0, "no remote chip where no listed role is remote");
    });
  });

  it("searches within the chosen filters, keeps it all in the URL, and restores it on reload and on Back", async () => {
    await withPage(PHONE, async (page) => {
      await page.goto(`${server.origin}/jobs/`);
      await page.locator("#role-search").fill("steel");
      await expectShown(page, ["Painter", "Welder"], "both roles that mention steel");
      await openFilters(page);
      await page.locator('select[name="team"]').selectOption("workshop");
      await expectShown(page, ["Welder"], "steel, in the workshop");
      assert.match((await page.locator("#open-roles").textContent()) ?? "", /^1 open role$/);
      assert.equal(await page.locator(".finder-count").textContent(), "1", "the Filters button counts the filters in use");
      await page.locator('select[name="sort"]').selectOption("newest");
      const state = { q: "steel", team: "workshop", sort: "newest" };
      assert.deepEqual(
        await eventually(
          async () => query(page),
          (q) => q.sort === "newest",
        ),
        state,
      );

      await page.reload();
      await expectShown(page, ["Welder"], "after a reload");
      assert.equal(await page.locator("#role-search").inputValue(), "steel");
      assert.equal(await page.locator('select[name="team"]').inputValue(), "workshop");
      assert.equal(await page.locator('select[name="sort"]').inputValue(), "newest");

      await page.locator(".role-card > a").filter({ visible: true }).first().tap();
      await page.waitForURL(`${server.origin}/jobs/welder/`);
      await page.goBack();
      await expectShown(page, ["Welder"], "after going back");
      assert.deepEqual(query(page), state);
      assert.equal(await page.locator("#role-search").inputValue(), "steel");

      await page.locator("#role-search").fill("rivets");
      await expectShown(page, ["Riveter"], "a new search keeps the team");
    });
  });

  it("asks Pagefind for the chosen filters' own values", async () => {
    await withPage(DESKTOP, async (page) => {
      await page.goto(`${server.origin}/jobs/?team=workshop&q=rivets`);
      await expectShown(page, ["Riveter"], "the Workshop role about rivets");
      await page.goto(`${server.origin}/jobs/?team=finishing&q=rivets`);
      await expectShown(page, [], "no Finishing role is about rivets");
      assert.ok(await page.locator(".no-match").isVisible());
      await page.locator(".no-match a").click();
      const longTitle = "Supercalifragilisticexpialidociousengineeringmanagerextraordinaire";
      await expectShown(page, ["Painter", longTitle, "Riveter", "Welder"], "every role again, by team");
      assert.equal(await page.locator("#role-search").inputValue(), "");
    });
  });

  for (const javaScriptEnabled of [true, false]) {
    it(`never scrolls sideways on a phone with very long names (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      await withPage({ ...PHONE, javaScriptEnabled }, async (page) => {
        for (const path of ["/jobs/", `/jobs/team/${slugify(LONG_TEAM)}/`, `/jobs/location/${slugify(LONG_PLACE)}/`]) {
          const response = await page.goto(`${server.origin}${path}`);
          assert.equal(response?.status(), 200, path);
          if (javaScriptEnabled && path === "/jobs/") {
            await openFilters(page);
            const place = await page.locator('select[name="location"] option').last().getAttribute("value");
            await page.locator('select[name="location"]').selectOption(place ?? "");
          } else if (!javaScriptEnabled) {
            const closed = page.locator(".facet-links details:not([open]) > summary").filter({ visible: true });
            if (await closed.count()) await closed.first().tap();
          }
          const width = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: innerWidth }));
          assert.ok(width.scroll <= width.inner, `${path}: the page is ${width.scroll}px wide in a ${width.inner}px window`);
        }
      });
    });
  }
});

describe("searching a site under a path_prefix", { skip }, () => {
  let browser: Browser;
  let server: Server;
  let origin = "";

  before(async () => {
    const out = buildSite(
      makeSite({
        "site.yaml": `${SITE_YAML}path_prefix: /careers/\n`,
        "jobs/welder.md": posting("title: Welder\nteam: Workshop\nlocation: Leeds, UK", "You will join seams on steel frames."),
        "jobs/painter.md": posting("title: Painter\nteam: Finishing\nlocation: Leeds, UK", "You will spray paint in our booth."),
      }),
    );
    server = serveSite(out, "/careers/");
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    server?.closeAllConnections();
    await new Promise((done) => server?.close(done));
  });

  it("finds roles with the index and addresses under the prefix", async () => {
    const context = await browser.newContext(DESKTOP);
    try {
      const page = await context.newPage();
      await page.goto(`${origin}/careers/jobs/?q=seams`);
      const shown = await eventually(
        () => page.locator(".role-card > a").filter({ visible: true }).allTextContents(),
        (titles) => titles.length === 1,
        10000,
      );
      assert.deepEqual(shown, ["Welder"]);
      assert.equal(await page.locator(".role-card > a").filter({ visible: true }).getAttribute("href"), "/careers/jobs/welder/");
    } finally {
      await context.close();
    }
  });
});

describe("the example site's jobs index", { skip }, () => {
  let tmp = "";
  let browser: Browser;
  let server: StaticServer;

  before(async () => {
    tmp = mkdtempSync(join(tmpdir(), "openings-jobs-index-"));
    const out = join(tmp, "site");
    const result = runCli(["build", "--site", PROJECT_ROOT, "--out", out]);
    if (result.code !== 0) throw new Error(`building the example site failed (${result.code}):\n${result.stderr}${result.stdout}`);
    [browser, server] = await Promise.all([launchBrowser(), serveStatic(out)]);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  for (const [size, options] of [
    ["390×844", PHONE],
    ["1366×900", DESKTOP],
  ] as const) {
    for (const path of ["/jobs/", "/jobs/team/engineering/"]) {
      it(`shows the first role whole on the first screen of ${path} at ${size}, without scrolling sideways`, async () => {
        const context = await browser.newContext(options);
        try {
          const page = await context.newPage();
          await page.goto(`${server.origin}${path}`);
          const box = await page.locator(".role-card").first().boundingBox();
          const viewport = page.viewportSize();
          assert.ok(box && viewport);
          assert.ok(
            box.y >= 0 && box.y + box.height <= viewport.height,
            `the first card spans ${Math.round(box.y)}–${Math.round(box.y + box.height)}px of ${viewport.height}px`,
          );
          assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), "no sideways scrolling");
          await screenshot(page, `jobs-index-first-screen-${size}-${path.split("/").filter(Boolean).join("-")}`).catch(() => {});
        } finally {
          await context.close();
        }
      });
    }
  }

  it("loads no search code until the visitor turns to the search box, and shifts nothing as it loads", async () => {
    const context = await browser.newContext(PHONE);
    try {
      const page = await context.newPage();
      const requested: string[] = [];
      page.on("request", (request) => requested.push(new URL(request.url()).pathname));
      await page.goto(`${server.origin}/jobs/`, { waitUntil: "networkidle" });
      assert.deepEqual(
        requested.filter((path) => path.includes("/pagefind/")),
        [],
        "no Pagefind file on load",
      );
      const shift = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            let total = 0;
            new PerformanceObserver((list) => {
              for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
                if (!entry.hadRecentInput) total += entry.value;
              }
            }).observe({ type: "layout-shift", buffered: true });
            setTimeout(() => resolve(total), 200);
          }),
      );
      assert.equal(shift, 0, "cumulative layout shift");
      await page.locator("#role-search").focus();
      await eventually(async () => requested.some((path) => path.endsWith("/pagefind/pagefind.js")), Boolean);
      assert.ok(
        requested.some((path) => path.endsWith("/pagefind/pagefind.js")),
        "Pagefind's API loads when the search box is focused",
      );
      assert.ok(!requested.some((path) => path.includes("pagefind-ui")), "never Pagefind's full UI");
    } finally {
      await context.close();
    }
  });

  it("has no axe violations with the phone's filters open and the list sorted", async () => {
    const context = await browser.newContext(PHONE);
    try {
      const page = await context.newPage();
      await page.goto(`${server.origin}/jobs/?sort=salary&salary=1`);
      await page.locator(".finder-toggle").tap();
      await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
      const violations = await page.evaluate(async () => {
        const { axe } = globalThis as unknown as {
          axe: { run(context: Document, options: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
        };
        const tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
        return (await axe.run(document, { runOnly: { type: "tag", values: tags } })).violations.map(
          (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
        );
      });
      assert.deepEqual(violations, []);
    } finally {
      await context.close();
    }
  });
});
