import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import { withApplyParams } from "../src/schema/apply-params.ts";
import { browserSkip, launchBrowser, type StaticServer, serveStatic } from "./browser-helpers.ts";
import { buildSite, makeSite, posting, readPage } from "./helpers.ts";

// Apply links a company can measure: site.yaml's `apply_params` on every web
// apply link as built, and the campaign parameters a visitor arrived with
// carried on to it by assets/apply.js, never anything else.

const PARAMS = [
  ["utm_source", "careers-site"],
  ["utm_medium", "website"],
] as const;

describe("apply_params on an apply link", () => {
  const cases: [string, string][] = [
    ["https://ats.example/jobs/1", "https://ats.example/jobs/1?utm_source=careers-site&utm_medium=website"],
    ["https://ats.example/jobs?id=1", "https://ats.example/jobs?id=1&utm_source=careers-site&utm_medium=website"],
    ["https://ats.example/jobs/1?", "https://ats.example/jobs/1?utm_source=careers-site&utm_medium=website"],
    ["https://ats.example/jobs/1?id=1&", "https://ats.example/jobs/1?id=1&utm_source=careers-site&utm_medium=website"],
    // A parameter the link already has keeps the link's value.
    ["https://ats.example/jobs/1?utm_source=board", "https://ats.example/jobs/1?utm_source=board&utm_medium=website"],
    ["https://ats.example/jobs/1?utm_source=a&utm_medium=b", "https://ats.example/jobs/1?utm_source=a&utm_medium=b"],
    // The fragment stays last, even one with a `?` in it.
    ["https://ats.example/jobs/1#apply", "https://ats.example/jobs/1?utm_source=careers-site&utm_medium=website#apply"],
    ["https://ats.example/#/jobs?id=1", "https://ats.example/?utm_source=careers-site&utm_medium=website#/jobs?id=1"],
    // The rest of the link is kept byte for byte.
    ["https://ats.example/jobs/1?q=a+b%2Fc&x", "https://ats.example/jobs/1?q=a+b%2Fc&x&utm_source=careers-site&utm_medium=website"],
  ];
  for (const [href, expected] of cases) {
    it(href, () => assert.equal(withApplyParams(href, PARAMS), expected));
  }

  it("percent-encodes names and values, and knows a name the link wrote encoded", () => {
    assert.equal(
      withApplyParams("https://ats.example/j", [["utm_campaign", "spring & summer/2027"]]),
      "https://ats.example/j?utm_campaign=spring%20%26%20summer%2F2027",
    );
    assert.equal(withApplyParams("https://ats.example/j?lever-source%5B%5D=x", [["lever-source[]", "careers"]]), "https://ats.example/j?lever-source%5B%5D=x");
    assert.equal(withApplyParams("https://ats.example/j", [["lever-source[]", "careers"]]), "https://ats.example/j?lever-source%5B%5D=careers");
  });
});

const SITE = [
  "name: Harbour Freight",
  "url: https://careers.harbour.example",
  "apply: hiring@harbour.example",
  "apply_params:",
  "  utm_source: careers-site",
  "  utm_medium: website",
  "",
].join("\n");

const files = {
  "site.yaml": SITE,
  "jobs/crane-operator.md": posting(
    "title: Crane operator\nlocation: Rotterdam, Netherlands\napply: https://ats.example/harbour/jobs/41?gh_src=own-board#form",
  ),
  "jobs/clerk.md": posting("title: Shipping clerk\nlocation: Rotterdam, Netherlands"),
  "jobs/pilot.md": posting("title: Harbour pilot\nlocation: Rotterdam, Netherlands\napply: https://ats.example/harbour/jobs/7\nclosed: true"),
};
const CRANE = "https://ats.example/harbour/jobs/41?gh_src=own-board&utm_source=careers-site&utm_medium=website#form";

describe("apply_params in a built site", () => {
  const out = buildSite(makeSite(files));

  it("are on both apply buttons of a role applied for on the web, and in jobs.json", () => {
    const links = readPage(out, "/jobs/crane-operator/").querySelectorAll("a.apply");
    assert.equal(links.length, 2);
    for (const link of links) assert.equal(link.getAttribute("href"), CRANE);
    const jobs = JSON.parse(readFileSync(join(out, "jobs.json"), "utf8")).jobs as { title: string; apply_url: string }[];
    assert.equal(jobs.find((job) => job.title === "Crane operator")?.apply_url, CRANE);
  });

  it("never touch an e-mail link, which gets no script either", () => {
    const page = readPage(out, "/jobs/clerk/");
    assert.equal(page.querySelector("a.apply")?.getAttribute("href"), "mailto:hiring@harbour.example?subject=Application%3A%20Shipping%20clerk");
    assert.equal(page.querySelector('script[src="/assets/apply.js"]'), null);
  });

  it("load the small script, deferred, only where there is a web apply link", () => {
    assert.equal(readPage(out, "/jobs/crane-operator/").querySelector('script[src="/assets/apply.js"]')?.getAttribute("defer"), "");
    assert.equal(readPage(out, "/jobs/pilot/").querySelector('script[src="/assets/apply.js"]'), null);
  });
});

describe("campaign parameters a visitor arrived with, in a browser", { skip: browserSkip() }, () => {
  const out = buildSite(makeSite(files));
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  before(async () => {
    [browser, server] = await Promise.all([launchBrowser(), serveStatic(out)]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The apply links' hrefs once the page has loaded (deferred scripts have run by then). */
  async function applyLinks(path: string, javaScript = true): Promise<string[]> {
    const context = await (browser as Browser).newContext({ javaScriptEnabled: javaScript });
    try {
      const page = await context.newPage();
      await page.goto(`${server?.origin}${path}`, { waitUntil: "load" });
      return await page.locator("a.apply").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
    } finally {
      await context.close();
    }
  }

  it("carries utm_*, gh_src and lever-source on to the apply link, replacing the link's own values for them", async () => {
    const query = "?utm_source=linkedin&utm_campaign=spring%20hiring&gh_src=a1b2c3&lever-source[]=Meetup";
    assert.deepEqual(await applyLinks(`/jobs/crane-operator/${query}`), [
      "https://ats.example/harbour/jobs/41?utm_medium=website&utm_source=linkedin&utm_campaign=spring%20hiring&gh_src=a1b2c3&lever-source%5B%5D=Meetup#form",
      "https://ats.example/harbour/jobs/41?utm_medium=website&utm_source=linkedin&utm_campaign=spring%20hiring&gh_src=a1b2c3&lever-source%5B%5D=Meetup#form",
    ]);
  });

  it("carries nothing else: not a job id, not another name, not markup, and never changes where the link leads", async () => {
    const query = '?gh_jid=999&ashby_jid=5&redirect=https://evil.example&utm_source="><img src=x onerror=alert(1)>&utm_term=a%26next%3Dhttps://evil.example';
    const [href = ""] = await applyLinks(`/jobs/crane-operator/${query}`);
    const url = new URL(href);
    assert.equal(`${url.origin}${url.pathname}${url.hash}`, "https://ats.example/harbour/jobs/41#form");
    assert.deepEqual(
      [...url.searchParams],
      [
        ["gh_src", "own-board"],
        ["utm_medium", "website"],
        ["utm_source", '"><img src=x onerror=alert(1)>'],
        ["utm_term", "a&next=https://evil.example"],
      ],
    );
  });

  it("keeps them from the jobs index, through filtering, to the role and its apply link", async () => {
    const context = await (browser as Browser).newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${server?.origin}/jobs/?utm_source=newsletter&gh_jid=1`, { waitUntil: "load" });
      const roleLink = page.locator(".role-card a", { hasText: "Crane operator" }).first();
      assert.equal(new URL((await roleLink.getAttribute("href")) ?? "", server?.origin).searchParams.get("utm_source"), "newsletter");
      await page.locator('select[name="location"]').selectOption({ index: 1 });
      await page.waitForFunction(() => new URLSearchParams(location.search).has("location"));
      assert.equal(new URL(page.url()).searchParams.get("utm_source"), "newsletter", "filtering keeps the visitor's campaign in the address");
      await roleLink.click();
      await page.waitForURL(/\/jobs\/crane-operator\//);
      const href = (await page.locator("a.apply").first().getAttribute("href")) ?? "";
      assert.equal(new URL(href).searchParams.get("utm_source"), "newsletter");
      assert.equal(new URL(href).searchParams.has("gh_jid"), false);
    } finally {
      await context.close();
    }
  });

  it("leaves the link as built without campaign parameters, without JavaScript, and on an e-mail link", async () => {
    assert.deepEqual(await applyLinks("/jobs/crane-operator/"), [CRANE, CRANE]);
    assert.deepEqual(await applyLinks("/jobs/crane-operator/?utm_source=linkedin", false), [CRANE, CRANE]);
    assert.deepEqual(await applyLinks("/jobs/clerk/?utm_source=linkedin"), [
      "mailto:hiring@harbour.example?subject=Application%3A%20Shipping%20clerk",
      "mailto:hiring@harbour.example?subject=Application%3A%20Shipping%20clerk",
    ]);
  });
});
