import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { AxeResults } from "axe-core";
import { HtmlValidate, StaticConfigLoader } from "html-validate";
import { type HTMLElement, parse } from "node-html-parser";
import type { Browser } from "playwright-core";
import { loadSiteConfig } from "../src/parse/load-site-config.ts";
import { browserSkip, launchBrowser, type StaticServer, serveStatic } from "./browser-helpers.ts";
import { PROJECT_ROOT, runCli } from "./helpers.ts";

// Quality gates on the example site this repository ships (site.yaml + jobs/),
// built once into a temporary folder so the working _site/ is left alone.

const require = createRequire(import.meta.url);
const { config } = loadSiteConfig(PROJECT_ROOT);
const JOBS_PATH = config?.jobs_path ?? "/jobs/";
const PATH_PREFIX = config?.path_prefix ?? "/";
const SITE_ORIGIN = config?.url ? new URL(config.url).origin : undefined;
const CLOSED_ROLE_PATH = `${JOBS_PATH}field-trials-coordinator/`;
const FILTERED_PATH = `${JOBS_PATH}team/engineering/`;
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

const tmp = mkdtempSync(join(tmpdir(), "openings-quality-"));
const out = join(tmp, "site");

interface BuiltPage {
  /** Relative to the output folder, like jobs/x/index.html. */
  file: string;
  /** The address it is served at, like /jobs/x/. */
  path: string;
  source: string;
  root: HTMLElement;
}

let pages: BuiltPage[] = [];

/** Every file below `dir`, relative to it, with forward slashes. */
function filesBelow(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .map((file) => file.split("\\").join("/"))
    .filter((file) => statSync(join(dir, file)).isFile())
    .sort();
}

function addressOf(file: string): string {
  return `${PATH_PREFIX}${file.replace(/(^|\/)index\.html$/, "$1")}`;
}

const isRedirect = (page: BuiltPage) => page.root.querySelector('meta[http-equiv="refresh" i]') !== null;
const is404 = (page: BuiltPage) => page.file === "404.html";
const isOpenRole = (page: BuiltPage) => page.root.querySelector("a.apply") !== null;
const isRole = (page: BuiltPage) => isOpenRole(page) || page.root.querySelector("article.role") !== null;

before(() => {
  const result = runCli(["build", "--site", PROJECT_ROOT, "--out", out]);
  if (result.code !== 0) throw new Error(`building the example site failed (${result.code}):\n${result.stderr}${result.stdout}`);
  pages = filesBelow(out)
    .filter((file) => file.endsWith(".html"))
    .map((file) => {
      const source = readFileSync(join(out, file), "utf8");
      return { file, path: addressOf(file), source, root: parse(source) };
    });
});

after(() => rmSync(tmp, { recursive: true, force: true }));

describe("the example site's HTML", () => {
  it("is valid according to html-validate (html-validate:recommended + .htmlvalidate.json)", async () => {
    const configFile = join(PROJECT_ROOT, ".htmlvalidate.json");
    const projectConfig = existsSync(configFile) ? JSON.parse(readFileSync(configFile, "utf8")) : { extends: ["html-validate:recommended"] };
    const validator = new HtmlValidate(new StaticConfigLoader({ ...projectConfig, root: true }));
    const messages: string[] = [];
    for (const page of pages) {
      const report = await validator.validateString(page.source, page.file);
      for (const result of report.results) {
        for (const message of result.messages) {
          const markup = message.selector ? ` [${message.selector}]` : "";
          messages.push(`${page.file}:${message.line}:${message.column} ${message.ruleId} ${message.message}${markup}`);
        }
      }
    }
    assert.ok(pages.length > 0, "the build wrote HTML pages");
    if (messages.length > 0) assert.fail(`html-validate found ${messages.length} problem(s):\n${messages.join("\n")}`);
  });
});

/** The built file an internal link lands on ({ file: undefined } when broken), or undefined for links that leave the site. */
function resolveLink(raw: string, from: BuiltPage): { target: string; file: string | undefined } | undefined {
  const href = raw.trim();
  if (href === "" || href.startsWith("#") || /^(mailto|tel|data|javascript):/i.test(href)) return undefined;
  let url: URL;
  try {
    url = new URL(href, `https://site.invalid${from.path}`);
  } catch {
    return { target: href, file: undefined };
  }
  if (url.origin !== "https://site.invalid") {
    if (url.origin !== SITE_ORIGIN) return undefined;
    url = new URL(url.pathname, "https://site.invalid");
  }
  const pathname = decodeURIComponent(url.pathname);
  if (!pathname.startsWith(PATH_PREFIX)) return { target: href, file: undefined };
  const relative = pathname.slice(PATH_PREFIX.length);
  const file = relative === "" || relative.endsWith("/") ? `${relative}index.html` : relative;
  return { target: href, file: existsSync(join(out, file)) && statSync(join(out, file)).isFile() ? file : undefined };
}

/** Every address a page points to: href, src and a refresh redirect's url. */
function linksOf(page: BuiltPage): string[] {
  const links = page.root.querySelectorAll("[href], [src]").flatMap((element) => [element.getAttribute("href"), element.getAttribute("src")]);
  for (const meta of page.root.querySelectorAll('meta[http-equiv="refresh" i]')) {
    links.push(/url\s*=\s*['"]?([^'"\s]+)/i.exec(meta.getAttribute("content") ?? "")?.[1]);
  }
  return links.filter((link): link is string => typeof link === "string");
}

describe("the example site's links", () => {
  it(`has no broken internal link, crawling from ${JOBS_PATH}, and every open role page is reachable`, (t) => {
    const byFile = new Map(pages.map((page) => [page.file, page]));
    const start = `${JOBS_PATH.slice(1)}index.html`;
    assert.ok(byFile.has(start), `the jobs index ${JOBS_PATH} was built (${start})`);
    const reached = new Set([start]);
    const queue = [start];
    const broken: string[] = [];
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
      const page = byFile.get(file);
      if (!page) continue;
      for (const link of linksOf(page)) {
        const resolved = resolveLink(link, page);
        if (!resolved) continue;
        if (!resolved.file) {
          broken.push(`${page.file}: ${resolved.target}`);
          continue;
        }
        if (!reached.has(resolved.file)) {
          reached.add(resolved.file);
          queue.push(resolved.file);
        }
      }
    }
    // Pages no link leads to are checked too, so a broken link on a redirect page or a closed role also shows.
    for (const page of pages.filter((page) => !reached.has(page.file))) {
      for (const link of linksOf(page)) {
        const resolved = resolveLink(link, page);
        if (resolved && !resolved.file) broken.push(`${page.file}: ${resolved.target}`);
      }
    }
    const unreached = pages.filter((page) => !reached.has(page.file));
    const allowed = unreached.filter((page) => isRedirect(page) || is404(page) || (isRole(page) && !isOpenRole(page)));
    if (allowed.length > 0) t.diagnostic(`not linked from the site, as expected (redirects, 404, closed roles): ${allowed.map((page) => page.path).join(" ")}`);
    const stray = unreached.filter((page) => !allowed.includes(page) && !isRole(page));
    if (stray.length > 0) t.diagnostic(`not linked from the site (not a role page, so not a failure): ${stray.map((page) => page.path).join(" ")}`);
    const orphanRoles = unreached.filter((page) => isOpenRole(page)).map((page) => page.path);
    if (broken.length > 0) assert.fail(`broken internal links (page: link):\n${broken.join("\n")}`);
    if (orphanRoles.length > 0) assert.fail(`open role pages no link leads to from ${JOBS_PATH}:\n${orphanRoles.join("\n")}`);
  });
});

const nonEmpty = (value: unknown): boolean =>
  value !== undefined && value !== null && (typeof value !== "string" || value.trim() !== "") && (!Array.isArray(value) || value.some(nonEmpty));

function jsonLdOf(page: BuiltPage): HTMLElement[] {
  return page.root.querySelectorAll("script").filter((script) => (script.getAttribute("type") ?? "").trim().toLowerCase() === "application/ld+json");
}

/** What is missing or wrong in one JobPosting by Google's required properties; empty when it is fine. */
function jobPostingProblems(data: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (!/^https?:\/\/schema\.org\/?$/.test(String(data["@context"] ?? "")))
    problems.push(`@context is ${JSON.stringify(data["@context"])}, not https://schema.org`);
  if (data["@type"] !== "JobPosting") problems.push(`@type is ${JSON.stringify(data["@type"])}, not "JobPosting"`);
  for (const key of ["title", "description", "datePosted"]) if (!nonEmpty(data[key])) problems.push(`${key} is missing or empty`);
  const organization = data.hiringOrganization as { name?: unknown } | undefined;
  if (!nonEmpty(organization?.name)) problems.push("hiringOrganization.name is missing or empty");
  const remote = data.jobLocationType === "TELECOMMUTE" && nonEmpty(data.applicantLocationRequirements);
  if (!nonEmpty(data.jobLocation) && !remote) {
    problems.push('neither jobLocation nor jobLocationType "TELECOMMUTE" with applicantLocationRequirements');
  }
  return problems;
}

describe("the example site's JSON-LD (JobPosting for Google)", () => {
  it("every open role page (one with a.apply) carries exactly one valid JobPosting", () => {
    const openRoles = pages.filter(isOpenRole);
    assert.ok(openRoles.length > 0, "the example site has open roles");
    const problems: string[] = [];
    for (const page of openRoles) {
      const scripts = jsonLdOf(page);
      if (scripts.length !== 1) {
        problems.push(`${page.file}: ${scripts.length} <script type="application/ld+json"> elements, expected exactly 1`);
        continue;
      }
      let data: unknown;
      try {
        data = JSON.parse(scripts[0]?.textContent ?? "");
      } catch (cause) {
        problems.push(`${page.file}: the JSON-LD does not parse: ${(cause as Error).message}`);
        continue;
      }
      if (typeof data !== "object" || data === null || Array.isArray(data)) {
        problems.push(`${page.file}: the JSON-LD is not one object`);
        continue;
      }
      for (const problem of jobPostingProblems(data as Record<string, unknown>)) problems.push(`${page.file}: ${problem}`);
    }
    if (problems.length > 0) assert.fail(`JobPosting JSON-LD problems:\n${problems.join("\n")}`);
  });

  it("closed role pages, list pages and every other page carry none", () => {
    const carrying = pages.filter((page) => !isOpenRole(page) && jsonLdOf(page).length > 0).map((page) => page.file);
    assert.ok(
      pages.some((page) => page.path === CLOSED_ROLE_PATH),
      `the closed example role ${CLOSED_ROLE_PATH} was built`,
    );
    if (carrying.length > 0) assert.fail(`pages without an open role that carry JSON-LD:\n${carrying.join("\n")}`);
  });
});

type AxeViolations = AxeResults["violations"];

function formatViolations(violations: AxeViolations): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes.map(
        (node) => `    ${node.target.join(" ")}: ${node.html}\n      ${(node.failureSummary ?? "").replace(/\n/g, "\n      ")}`,
      );
      return `  ${violation.id} (${violation.impact}): ${violation.help}\n${nodes.join("\n")}`;
    })
    .join("\n");
}

describe("accessibility (axe-core, WCAG 2.1 A and AA)", { skip: browserSkip() }, () => {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  before(async () => {
    [browser, server] = await Promise.all([launchBrowser(), serveStatic(out)]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const firstRolePath = () => {
    const index = pages.find((page) => page.path === JOBS_PATH);
    const href = index?.root.querySelector(".role-card a")?.getAttribute("href");
    assert.ok(href, `the jobs index ${JOBS_PATH} links to a role`);
    return href;
  };

  const targets: [string, () => string][] = [
    ["the jobs index", () => JOBS_PATH],
    ["a filtered view", () => FILTERED_PATH],
    ["an open role page", firstRolePath],
    ["a closed role page", () => CLOSED_ROLE_PATH],
  ];
  for (const [name, pathOf] of targets) {
    it(`finds no violations on ${name}`, async () => {
      assert.ok(browser && server);
      const path = pathOf();
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      try {
        const page = await context.newPage();
        const response = await page.goto(`${server.origin}${path}`);
        assert.equal(response?.status(), 200, `${path} exists`);
        await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
        const violations = await page.evaluate(async (tags) => {
          const { axe } = globalThis as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolations }> } };
          return (await axe.run(document, { runOnly: { type: "tag", values: tags } })).violations;
        }, WCAG_TAGS);
        if (violations.length > 0) assert.fail(`axe-core found ${violations.length} violation(s) on ${path}:\n${formatViolations(violations)}`);
      } finally {
        await context.close();
      }
    });
  }
});
