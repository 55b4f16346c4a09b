import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { AxeResults } from "axe-core";
import type { Browser } from "playwright-core";
import { loadSite } from "../src/pipeline/load-site.ts";
import { contrast, type Hex } from "../src/schema/colour.ts";
import { browserSkip, launchBrowser, type StaticServer, serveStatic } from "./browser-helpers.ts";
import { buildSite, makeSite, posting, readPage, runCli, SITE_YAML } from "./helpers.ts";

// The company's look from site.yaml: an accent colour checked for contrast,
// a favicon and theme-color made from it and the logo, and a dark scheme
// that follows the visitor's setting, readable in both.

const require = createRequire(import.meta.url);
const ROLE = posting(
  "title: Welder\nteam: Workshop\nlocation: Leeds, UK\ndescription: Join the workshop.",
  "## The job\n\nWeld [things](https://example.com).",
);
const LOGO_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40"><rect width="120" height="40" fill="#123"/></svg>\n';

async function shown(siteYaml: string): Promise<string[]> {
  const { problems } = await loadSite({ siteDir: makeSite({ "site.yaml": siteYaml }), includeDrafts: false, today: "2026-06-01", workers: 0 });
  return problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.severity} ${p.code}: ${p.message}${p.hint ? ` (${p.hint})` : ""}`);
}

describe("accent_color", () => {
  it("warns, with the ratio and a darker shade, when white text on it fails WCAG AA", async () => {
    assert.deepEqual(await shown(`${SITE_YAML}accent_color: "#f5a623"\n`), [
      'site.yaml:4:15: warning accent-contrast: accent_color: white text on `#f5a623` has a contrast ratio of 2.02:1, below the 4.5:1 that WCAG AA asks of text, so buttons show black text on it instead (10.36:1) (for white text on buttons, use a darker shade such as "#a06c17" (4.51:1))',
    ]);
  });

  it("says nothing when white text on it passes, or when there is none", async () => {
    assert.deepEqual(await shown(`${SITE_YAML}accent_color: "#1b6b47"\n`), []);
    assert.deepEqual(await shown(`${SITE_YAML}accent_color: rgb(11, 92, 173)\n`), []);
    assert.deepEqual(await shown(SITE_YAML), []);
  });

  it("explains a colour YAML read as a comment, and refuses what is not a colour", async () => {
    assert.deepEqual(await shown(`${SITE_YAML}accent_color: #1b6b47\n`), [
      'site.yaml:4:1: warning accent-comment: accent_color is empty: YAML reads `#1b6b47` after a space as a comment, so the default colour is used (put the colour in quotes: accent_color: "#1b6b47")',
    ]);
    assert.deepEqual(await shown(`${SITE_YAML}accent_color: forest green\n`), [
      'site.yaml:4:15: error bad-colour: accent_color: expected a colour like "#0b5cad" (in quotes: YAML reads an unquoted # as a comment) or rgb(11, 92, 173), found `"forest green"`',
    ]);
  });
});

describe("favicon, theme-color and header", () => {
  it("draws a favicon from the name and accent when there is no logo to use", () => {
    const out = buildSite(makeSite({ "site.yaml": `${SITE_YAML}accent_color: "#f5a623"\n`, "jobs/welder.md": ROLE }));
    const head = readPage(out, "/jobs/welder/").querySelector("head");
    assert.equal(head?.querySelector('link[rel="icon"]')?.getAttribute("href"), "/assets/favicon.svg");
    assert.equal(head?.querySelector('link[rel="icon"]')?.getAttribute("type"), "image/svg+xml");
    const icon = readFileSync(join(out, "assets/favicon.svg"), "utf8");
    assert.match(icon, /fill="#f5a623"/);
    // Black on this light accent, as on its buttons.
    assert.match(icon, /fill="#000000">E<\/text>/);
    const themeColors = head?.querySelectorAll('meta[name="theme-color"]').map((meta) => [meta.getAttribute("media"), meta.getAttribute("content")]);
    assert.deepEqual(themeColors, [
      ["(prefers-color-scheme: light)", "#f5a623"],
      ["(prefers-color-scheme: dark)", "#121417"],
    ]);
    assert.match(head?.querySelector("style")?.textContent ?? "", /--accent:#f5a623;--accent-ink:#000000;/);
    assert.equal(head?.querySelector('meta[name="color-scheme"]')?.getAttribute("content"), "light dark");
  });

  it("uses an SVG or PNG logo as the favicon, and shows the logo named by the company in the header", () => {
    const out = buildSite(makeSite({ "site.yaml": `${SITE_YAML}logo: logo.svg\n`, "logo.svg": LOGO_SVG, "jobs/welder.md": ROLE }));
    const page = readPage(out, "/jobs/");
    assert.equal(page.querySelector('link[rel="icon"]')?.getAttribute("href"), "/assets/logo.svg");
    assert.equal(existsSync(join(out, "assets/favicon.svg")), false);
    const logo = page.querySelector(".site-header img");
    assert.deepEqual(
      [logo?.getAttribute("src"), logo?.getAttribute("alt"), logo?.getAttribute("width"), logo?.getAttribute("height")],
      ["/assets/logo.svg", "Example Co", "108", "36"],
    );
  });
});

type AxeViolations = AxeResults["violations"];

interface Colours {
  root: string;
  ink: string;
  link: string;
  button?: [string, string];
}

/** The page's background, body text, first link in the content and apply button, as #rrggbb. */
const READ_COLOURS = `(() => {
  const hex = (css) => "#" + (css.match(/\\d+/g) || []).slice(0, 3).map((n) => Number(n).toString(16).padStart(2, "0")).join("");
  const link = document.querySelector("main a:not(.apply):not(.role-title)");
  const button = document.querySelector(".apply");
  return {
    root: hex(getComputedStyle(document.documentElement).backgroundColor),
    ink: hex(getComputedStyle(document.body).color),
    link: hex(getComputedStyle(link).color),
    button: button ? [hex(getComputedStyle(button).backgroundColor), hex(getComputedStyle(button).color)] : undefined,
  };
})()`;

/** The example site, built into a folder of its own (other tests build it too). */
function buildExample(): string {
  const out = join(mkdtempSync(join(tmpdir(), "openings-look-")), "site");
  const result = runCli(["build", "--no-search", "--out", out]);
  assert.equal(result.code, 0, result.stderr);
  return out;
}

describe("light and dark schemes in a browser", { skip: browserSkip() }, () => {
  let browser: Browser | undefined;
  const servers: StaticServer[] = [];
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    for (const server of servers) await server.close();
  });

  const sites: [string, () => string, string[]][] = [
    ["the example site", () => buildExample(), ["/jobs/", "/jobs/robotics-software-engineer/"]],
    [
      "a site with a light accent",
      () =>
        buildSite(
          makeSite({ "site.yaml": `${SITE_YAML}accent_color: "#f5a623"\n`, "jobs/welder.md": ROLE, "jobs/fitter.md": ROLE.replace("Welder", "Fitter") }),
        ),
      ["/jobs/", "/jobs/welder/"],
    ],
  ];
  for (const [name, build, paths] of sites) {
    it(`keeps text readable on ${name}, light and dark (axe, and the button and link colours)`, async () => {
      assert.ok(browser);
      const server = await serveStatic(build());
      servers.push(server);
      for (const scheme of ["light", "dark"] as const) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: scheme });
        try {
          const page = await context.newPage();
          for (const path of paths) {
            await page.goto(`${server.origin}${path}`);
            await page.emulateMedia({ colorScheme: scheme });
            // A string, not a function: tsx would wrap a function's inner names in a helper the page lacks.
            const colours: Colours = await page.evaluate(READ_COLOURS);
            const where = `${path} in ${scheme}`;
            assert.equal(colours.root, scheme === "dark" ? "#121417" : "#ffffff", `${where}: the page follows the scheme`);
            assert.ok(contrast(colours.ink as Hex, colours.root as Hex) >= 4.5, `${where}: body text ${JSON.stringify(colours)}`);
            assert.ok(contrast(colours.link as Hex, colours.root as Hex) >= 4.5, `${where}: links ${JSON.stringify(colours)}`);
            if (colours.button) {
              const [background, text] = colours.button as [Hex, Hex];
              assert.ok(contrast(background, text) >= 4.5, `${where}: the apply button ${JSON.stringify(colours)}`);
            }
            await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
            const violations = await page.evaluate(async () => {
              const { axe } = globalThis as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolations }> } };
              return (await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } })).violations;
            });
            const found = violations.map((v) => `${v.id}: ${v.nodes.map((node) => `${node.target.join(" ")} ${node.failureSummary}`).join("; ")}`);
            assert.deepEqual(found, [], where);
          }
        } finally {
          await context.close();
        }
      }
    });
  }
});
