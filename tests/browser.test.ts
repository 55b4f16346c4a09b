import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it, type TestContext } from "node:test";
import { type HTMLElement, parse } from "node-html-parser";
import type { Browser, BrowserContextOptions, Locator, Page } from "playwright-core";
import { slugify } from "../src/derive/slug.ts";
import { loadSiteConfig } from "../src/parse/load-site-config.ts";
import { browserSkip, eventually, launchBrowser, SCREENSHOTS_DIR, type StaticServer, screenshot, serveStatic } from "./browser-helpers.ts";
import { PROJECT_ROOT, runCli, text } from "./helpers.ts";

// A job seeker's journey through the example site in a real browser, on a
// phone and on a desktop, with JavaScript on and off: browse, filter, search,
// open a role, apply, meet a closed role, go back. Each step leaves a
// screenshot in screenshots/ (gitignored) to look at.

const { config } = loadSiteConfig(PROJECT_ROOT);
const JOBS_PATH = `${(config?.path_prefix ?? "/").replace(/\/$/, "")}${config?.jobs_path ?? "/jobs/"}`;
const CLOSED_ROLE_PATH = `${JOBS_PATH}field-trials-coordinator/`;
const TEAM = "engineering";
const LOCATION = "london-uk";

const VIEWPORTS: Record<string, BrowserContextOptions> = {
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
  desktop: { viewport: { width: 1280, height: 800 } },
};

interface Role {
  path: string;
  title: string;
  team: string;
  locations: string[];
  remote: boolean;
  types: string[];
  /** The text Pagefind indexes for it. */
  body: string;
}

const clean = (value: string) => value.replace(/\s+/g, " ").trim();

function fact(root: HTMLElement, name: string): string {
  const row = root.querySelectorAll(".facts div").find((div) => text(div.querySelector("dt")) === name);
  return text(row?.querySelector("dd"));
}

/** Every open role of the built site, read from its own page: the facts the filters must agree with. */
function openRoles(out: string): Role[] {
  return (readdirSync(out, { recursive: true }) as string[])
    .map((file) => file.split("\\").join("/"))
    .filter((file) => file.endsWith("/index.html"))
    .map((file) => ({ file, root: parse(readFileSync(join(out, file), "utf8")) }))
    .filter(({ root }) => root.querySelector("a.apply"))
    .map(({ file, root }) => {
      const places = fact(root, "Location").split(/\s+or\s+|\s*[·;]\s*/);
      return {
        path: `/${file.replace(/index\.html$/, "")}`,
        title: text(root.querySelector("h1")),
        team: slugify(fact(root, "Team")),
        locations: places.filter((place) => !/^remote\b/i.test(place)).map(slugify),
        remote: places.some((place) => /^remote\b/i.test(place)),
        types: fact(root, "Type")
          .split(/\s*,\s*/)
          .filter(Boolean)
          .map(slugify),
        body: (root.querySelector("[data-pagefind-body]") ?? root.querySelector("main"))?.textContent ?? "",
      };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * A word in exactly one open role, with no other role holding a word that
 * starts the same way (Pagefind stems words and matches prefixes): the longest such word.
 */
function wordOnlyIn(roles: Role[]): { word: string; role: Role } {
  const words = roles.map((role) => new Set(role.body.toLowerCase().match(/\b[a-z]{8,}\b/g) ?? []));
  const candidates: { word: string; role: Role }[] = [];
  roles.forEach((role, i) => {
    for (const word of words[i] ?? []) {
      const stem = word.slice(0, 6);
      if (words.every((others, j) => j === i || ![...others].some((other) => other.startsWith(stem)))) candidates.push({ word, role });
    }
  });
  candidates.sort((a, b) => b.word.length - a.word.length || a.word.localeCompare(b.word));
  const best = candidates[0];
  assert.ok(best, "some word appears in only one posting");
  return best;
}

const titles = (roles: Role[]) => roles.map((role) => role.title).sort();
const countLabel = (n: number) => new RegExp(`\\b${n} open roles?\\b`);

async function textOf(locator: Locator): Promise<string> {
  return clean((await locator.textContent()) ?? "");
}

async function shownTitles(page: Page): Promise<string[]> {
  return (await page.locator(".role-card > a").filter({ visible: true }).allInnerTexts()).map(clean).sort();
}

function query(page: Page): Record<string, string> {
  return Object.fromEntries(new URL(page.url()).searchParams);
}

describe("a job seeker's journey in a real browser", { skip: browserSkip() }, () => {
  let tmp = "";
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  let roles: Role[] = [];

  before(async () => {
    tmp = mkdtempSync(join(tmpdir(), "openings-browser-"));
    const out = join(tmp, "site");
    const result = runCli(["build", "--site", PROJECT_ROOT, "--out", out]);
    if (result.code !== 0) throw new Error(`building the example site failed (${result.code}):\n${result.stderr}${result.stdout}`);
    roles = openRoles(out);
    mkdirSync(SCREENSHOTS_DIR, { recursive: true });
    [browser, server] = await Promise.all([launchBrowser(), serveStatic(out)]);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  for (const [viewport, options] of Object.entries(VIEWPORTS)) {
    for (const javaScriptEnabled of [true, false]) {
      const name = `${viewport}-${javaScriptEnabled ? "js" : "nojs"}`;

      it(`${name}: browse, filter, search, open a role, meet a closed one, go back`, async (t: TestContext) => {
        assert.ok(browser && server);
        const origin = server.origin;
        for (const old of readdirSync(SCREENSHOTS_DIR).filter((file) => file.startsWith(`${name}-`))) rmSync(join(SCREENSHOTS_DIR, old));
        const context = await browser.newContext({ ...options, javaScriptEnabled });
        const page = await context.newPage();
        page.setDefaultTimeout(5000);
        page.setDefaultNavigationTimeout(10000);
        const scriptErrors: string[] = [];
        page.on("pageerror", (error) => scriptErrors.push(`${page.url()}: ${error.message}`));
        const follow = (link: Locator) => (options.hasTouch ? link.tap() : link.click());
        /** Opens the closed <details> a link sits in, as a visitor would by its <summary>. */
        const reveal = async (link: Locator) => {
          if (await link.isVisible()) return;
          const summary = link.locator("xpath=ancestor::details[not(@open)]/summary");
          for (let i = (await summary.count()) - 1; i >= 0; i--) await follow(summary.nth(i));
        };
        /** On a phone the filters sit behind a "Filters" button: opens them, as a visitor would. */
        const openFilters = async () => {
          const toggle = page.locator(".finder-toggle");
          if ((await toggle.isVisible()) && (await toggle.getAttribute("aria-expanded")) !== "true") await follow(toggle);
        };
        const open = async (path: string) => {
          const response = await page.goto(`${origin}${path}`);
          assert.equal(response?.status(), 200, `${path} answers 200`);
        };
        let shot = 0;
        const step = (title: string, body: () => Promise<void>) =>
          t.test(title, async () => {
            const file = `${name}-${++shot}-${title.split(":")[0]}`;
            try {
              await body();
            } finally {
              await screenshot(page, file).catch(() => {});
            }
          });
        const expectShown = async (expected: Role[], where: string) => {
          const shown = await eventually(
            () => shownTitles(page),
            (value) => JSON.stringify(value) === JSON.stringify(titles(expected)),
          );
          assert.deepEqual(shown, titles(expected), `the roles shown ${where}`);
        };
        const expectCount = async (n: number) => {
          const label = await eventually(
            () => textOf(page.locator("#open-roles")),
            (value) => countLabel(n).test(value),
          );
          assert.match(label, countLabel(n), "#open-roles counts the roles shown");
        };
        const byTeam = roles.filter((role) => role.team === TEAM);
        const byTeamAndLocation = byTeam.filter((role) => role.locations.includes(LOCATION));
        const byLocation = roles.filter((role) => role.locations.includes(LOCATION));
        let role: Role | undefined;

        try {
          await step("index: the jobs index lists every open role", async () => {
            await open(JOBS_PATH);
            assert.ok(await page.locator("h1").isVisible(), "the index has a visible <h1>");
            await expectShown(roles, "on the index");
            await expectCount(roles.length);
            assert.equal(await page.locator("#role-filters").isVisible(), javaScriptEnabled, "the filter form shows exactly when JavaScript runs");
          });

          if (javaScriptEnabled) {
            await step(`team: choosing team ${TEAM} shows only its roles, counts them and puts it in the URL`, async () => {
              await open(JOBS_PATH);
              await openFilters();
              const select = page.locator('#role-filters select[name="team"]');
              assert.equal(await select.count(), 1, '#role-filters has a <select name="team">');
              await select.selectOption(TEAM);
              await expectShown(byTeam, `for team=${TEAM}`);
              await expectCount(byTeam.length);
              assert.equal(
                (
                  await eventually(
                    async () => query(page),
                    (q) => q.team === TEAM,
                  )
                ).team,
                TEAM,
                "the URL says ?team=…",
              );
            });

            await step(`location: adding location ${LOCATION} narrows the list further`, async () => {
              if (query(page).team !== TEAM) await open(`${JOBS_PATH}?team=${TEAM}`);
              await openFilters();
              const select = page.locator('#role-filters select[name="location"]');
              assert.equal(await select.count(), 1, '#role-filters has a <select name="location">');
              await select.selectOption(LOCATION);
              await expectShown(byTeamAndLocation, `for team=${TEAM}, location=${LOCATION}`);
              await expectCount(byTeamAndLocation.length);
              const q = await eventually(
                async () => query(page),
                (value) => value.location === LOCATION,
              );
              assert.deepEqual([q.team, q.location], [TEAM, LOCATION], "the URL holds both filters");
            });

            await step("no-match: filters that match nothing say so and offer to clear them", async () => {
              const team = [...new Set(roles.map((r) => r.team))].sort().find((slug) => roles.every((r) => r.team !== slug || !r.remote));
              assert.ok(team, "some team has no remote role");
              await open(`${JOBS_PATH}?team=${team}`);
              await openFilters();
              await page.locator('#role-filters input[name="remote"]').check();
              await expectShown([], `for team=${team}, remote=1`);
              assert.ok(await page.locator(".no-match").isVisible(), ".no-match shows");
              await screenshot(page, `${name}-${shot}-no-match-shown`);
              assert.equal(
                (
                  await eventually(
                    async () => query(page),
                    (q) => q.remote === "1",
                  )
                ).remote,
                "1",
                "the URL says remote=1",
              );
              await follow(page.locator(".no-match").locator("a, button").first());
              await expectShown(roles, "after clearing the filters");
              assert.ok(!(await page.locator(".no-match").isVisible()), ".no-match hides again");
              assert.deepEqual(
                await eventually(
                  async () => query(page),
                  (q) => Object.keys(q).length === 0,
                ),
                {},
                "the URL has no filters left",
              );
            });

            await step("query: opening the index with filters in the URL applies them", async () => {
              await open(`${JOBS_PATH}?team=${TEAM}&location=${LOCATION}`);
              await expectShown(byTeamAndLocation, `for ?team=${TEAM}&location=${LOCATION}`);
              assert.equal(await page.locator('#role-filters select[name="team"]').inputValue(), TEAM);
              assert.equal(await page.locator('#role-filters select[name="location"]').inputValue(), LOCATION);
            });

            await step("search: a word from one posting narrows the list to it, and its card opens it", async () => {
              const { word, role: found } = wordOnlyIn(roles);
              t.diagnostic(`${name}: searching for "${word}", found only in ${found.path}`);
              await open(JOBS_PATH);
              const input = page.locator("#role-search");
              await input.waitFor({ state: "visible" });
              await input.fill(word);
              await expectShown([found], `for the search "${word}"`);
              await expectCount(1);
              await screenshot(page, `${name}-${shot}-search-results`);
              assert.equal(
                (
                  await eventually(
                    async () => query(page),
                    (q) => q.q === word,
                  )
                ).q,
                word,
                "the URL keeps the search",
              );
              await follow(page.locator(".role-card > a").filter({ visible: true }).first());
              await page.waitForURL(`${origin}${found.path}`);
              assert.equal(await textOf(page.locator("h1")), found.title);
            });
          } else {
            await step(`team: the ${TEAM} facet link leads to a page of its roles`, async () => {
              await open(JOBS_PATH);
              const link = page.locator(`nav.facet-links a[href$="/team/${TEAM}/"]`);
              assert.equal(await link.count(), 1, `nav.facet-links links to …/team/${TEAM}/`);
              await reveal(link);
              await follow(link);
              await page.waitForURL(`${origin}${JOBS_PATH}team/${TEAM}/`);
              assert.ok(await page.locator("h1").isVisible(), "the facet page has a visible <h1>");
              await expectShown(byTeam, `on ${JOBS_PATH}team/${TEAM}/`);
            });

            await step(`location: the ${LOCATION} facet link leads to a page of its roles`, async () => {
              await open(JOBS_PATH);
              const link = page.locator(`nav.facet-links a[href$="/location/${LOCATION}/"]`);
              assert.equal(await link.count(), 1, `nav.facet-links links to …/location/${LOCATION}/`);
              await reveal(link);
              await follow(link);
              await page.waitForURL(`${origin}${JOBS_PATH}location/${LOCATION}/`);
              assert.ok(await page.locator("h1").isVisible(), "the facet page has a visible <h1>");
              await expectShown(byLocation, `on ${JOBS_PATH}location/${LOCATION}/`);
            });

            await step("search: without JavaScript there is no search box, and the roles are still listed", async () => {
              await open(JOBS_PATH);
              assert.ok(!(await page.locator("#role-search").isVisible()), "no search box without JavaScript");
              assert.ok(!(await page.locator("#role-filters").isVisible()), "the filter form takes no space without JavaScript");
              await expectShown(roles, "on the index");
            });
          }

          await step("role: a role card opens the role, whose Apply action is a mailto: or https: link", async () => {
            await open(JOBS_PATH);
            const card = page.locator(".role-card > a").filter({ visible: true }).first();
            const title = await textOf(card);
            role = roles.find((r) => r.title === title);
            assert.ok(role, `the first card, "${title}", is an open role`);
            await follow(card);
            await page.waitForURL(`${origin}${role.path}`);
            assert.equal(await textOf(page.locator("h1")), role.title);
            const apply = page.locator("a.apply").first();
            assert.ok(await apply.isVisible(), "the Apply action shows");
            assert.match((await apply.getAttribute("href")) ?? "", /^(mailto:[^@\s]+@[^@\s]+|https:\/\/\S+)$/, "Apply leads to an e-mail or a web address");
          });

          await step("closed: a closed role says so and offers no Apply action", async () => {
            if (role && page.url() !== `${origin}${role.path}`) await open(role.path);
            await open(CLOSED_ROLE_PATH);
            const notice = page.locator(".notice");
            assert.ok(await notice.isVisible(), "the closed notice shows");
            assert.match(await textOf(notice), /This position is closed/);
            assert.equal(await page.locator("a.apply").count(), 0, "no a.apply on a closed role");
          });

          await step("back: the browser's Back button returns to the role", async () => {
            assert.ok(role, "the role step chose a role");
            await page.goBack();
            assert.equal(page.url(), `${origin}${role.path}`);
            assert.equal(await textOf(page.locator("h1")), role.title);
          });

          assert.deepEqual(scriptErrors, [], "no uncaught script errors");
        } finally {
          await context.close();
        }
      });
    }
  }
});
