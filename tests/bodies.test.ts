import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parse } from "node-html-parser";
import { renderMarkdown } from "../src/parse/render-markdown.ts";
import { buildSite, makeSite, posting, readPage, runCli, text } from "./helpers.ts";

// Bodies as people write them: opening with the title again, using `#` for
// their sections, `##Heading` with no space (kramdown read it as a heading),
// bare web and e-mail addresses.

const headings = (html: string) => parse(html).querySelectorAll("h1, h2, h3, h4, h5, h6");
const outline = (html: string) => headings(html).map((h) => `${h.tagName.toLowerCase()} ${text(h)}${h.id ? ` #${h.id}` : ""}`);
const sub = (markdown: string) => renderMarkdown(markdown, { subHeadings: true });

describe("a body that repeats the title", () => {
  const out = buildSite(
    makeSite({
      "jobs/cold-store-lead.md": posting(
        "title: Cold-store lead\nlocation: Leeds, UK",
        "\n# Cold store LEAD!\n\nYou will run the night shift in our cold store.\n\n## What you'll do\n\nKeep the pallets moving.",
      ),
      "jobs/forklift-trainer.md": posting(
        "title: Forklift trainer\nlocation: Leeds, UK",
        "Forklift trainer\n================\n\nTeach new drivers to lift safely.",
      ),
      "jobs/night-picker.md": posting("title: Night picker\nlocation: Leeds, UK", '<h1 class="title">Night  Picker</h1>\n\nPick orders overnight.'),
      "jobs/yard-marshal.md": posting("title: Yard marshal\nlocation: Leeds, UK", "# About the yard\n\nLorries come and go all night."),
      "jobs/shift-manager.md": posting("title: Shift manager", "<h1>Shift manager <small>York, UK</small></h1>\n\nRun a shift of forty people."),
    }),
  );
  const page = (slug: string) => readPage(out, `/jobs/${slug}/`);

  it("shows the title once, whether the body repeats it as `# Title`, an underlined title or an <h1>", () => {
    for (const slug of ["cold-store-lead", "forklift-trainer", "night-picker"]) {
      assert.equal(page(slug).querySelectorAll("h1").length, 1, slug);
      assert.doesNotMatch(text(page(slug).querySelector(".role-body")), /Cold store LEAD|Forklift trainer|Night\s+Picker/, slug);
    }
    assert.deepEqual(outline(page("cold-store-lead").querySelector(".role-body")?.innerHTML ?? ""), ["h2 What you'll do"]);
  });

  it("keeps a first heading that says something else, as a sub-heading", () => {
    assert.equal(text(page("yard-marshal").querySelector("h1")), "Yard marshal");
    assert.deepEqual(outline(page("yard-marshal").querySelector(".role-body")?.innerHTML ?? ""), ["h2 About the yard"]);
  });

  it("still takes a Jekyll-era <h1> with a <small> place as the location", () => {
    const facts = page("shift-manager").querySelectorAll(".facts div");
    assert.equal(text(facts.find((d) => text(d.querySelector("dt")) === "Location")?.querySelector("dd")), "York, UK");
    assert.equal(page("shift-manager").querySelectorAll("h1").length, 1);
  });
});

describe("headings in a body sit under the page's title", () => {
  it("moves a body's `#` headings one level down, ids kept, none deeper than h6", () => {
    const { html } = sub("# Perks {#perks}\n\nPaid breaks.\n\n## Pay\n\n##### Overtime\n\n###### Night rate {#night}\n");
    assert.deepEqual(outline(html), ["h2 Perks #user-content-perks", "h3 Pay", "h6 Overtime", "h6 Night rate #user-content-night"]);
  });

  it("moves raw <h1> headings too, so the page has one <h1>", () => {
    const { html } = sub('<h1 id="shifts">Shifts</h1>\n\n## Days\n\n<h2>Nights</h2>\n');
    assert.deepEqual(outline(html), ["h2 Shifts #user-content-shifts", "h3 Days", "h3 Nights"]);
  });

  it("leaves a body that already starts at `##` as written, so no level is skipped", () => {
    assert.deepEqual(outline(sub("## What you'll do\n\n### Days\n").html), ["h2 What you'll do", "h3 Days"]);
  });

  it("leaves jobs/index.md's own <h1> alone: the landing page has no other title", () => {
    assert.deepEqual(outline(renderMarkdown("# Work with us\n\n## Teams\n").html), ["h1 Work with us", "h2 Teams"]);
  });
});

describe("`##Heading` with no space", () => {
  it("is shown as the heading the author meant, with a located warning that says how to fix it", () => {
    const site = makeSite({
      "jobs/loader.md": posting(
        "title: Loader\nlocation: Leeds, UK",
        "We load lorries.\n\n##Perks\n\nFree soup.\n\n> ###Quoted###\n\n#hiring #warehouse\n\n#LI-Onsite\n\n```\n##kept as code\n```",
      ),
    });
    const check = runCli(["check", "--site", site]);
    assert.deepEqual(check.stderr.trimEnd().split("\n"), [
      "jobs/loader.md:7:1: warning: `##Perks` is read as a heading, but Markdown needs a space after `##` (write `## Perks`: other Markdown tools show it as plain text)",
      "jobs/loader.md:11:3: warning: `###Quoted###` is read as a heading, but Markdown needs a space after `###` (write `### Quoted`: other Markdown tools show it as plain text)",
    ]);
    const body = readPage(buildSite(site), "/jobs/loader/").querySelector(".role-body")?.innerHTML ?? "";
    assert.deepEqual(outline(body), ["h2 Perks", "h3 Quoted"]);
    assert.match(text(parse(body)), /#hiring #warehouse #LI-Onsite/);
    assert.match(body, /<pre><code>##kept as code\n<\/code><\/pre>/);
  });

  it("reads `#Words` as a heading, but not a hashtag, a tag like `#LI-Remote` or `#1 …`", () => {
    const { html, unspacedHeadings } = sub("#About the shifts\n\n#nightshift\n\n#LI-Remote\n\n#1 in the region for safety\n\nWe are\n#hiring now\n");
    assert.deepEqual(outline(html), ["h2 About the shifts"]);
    assert.deepEqual(unspacedHeadings, [{ text: "#About the shifts", meant: "# About the shifts", line: 0, column: 1 }]);
  });
});

describe("bare addresses", () => {
  const links = (markdown: string) =>
    parse(sub(markdown).html)
      .querySelectorAll("a")
      .map((a) => [text(a), a.getAttribute("href")]);

  it("become links: web addresses, `www.` and e-mail addresses", () => {
    assert.deepEqual(links("See https://depot.example.com/tour?day=1, www.depot.example.com/map or write to hr@depot.co.uk."), [
      ["https://depot.example.com/tour?day=1", "https://depot.example.com/tour?day=1"],
      ["www.depot.example.com/map", "http://www.depot.example.com/map"],
      ["hr@depot.co.uk", "mailto:hr@depot.co.uk"],
    ]);
    assert.deepEqual(links("Write to jobs@depot.dev"), [["jobs@depot.dev", "mailto:jobs@depot.dev"]]);
  });

  it("leave words with dots, other schemes and protocol-relative addresses as text", () => {
    assert.deepEqual(links("We use ASP.NET, socket.io and a README.md; depot.com too. ftp://files.depot.com //depot.com javascript:alert(1)"), []);
  });

  it("are not linked twice, nor inside raw HTML, and stay within the HTML allowlist", () => {
    const { html, removed } = sub('[www.depot.com](https://depot.com) <a href="https://depot.com">https://depot.com</a>\n\n<div>www.depot.com</div>\n');
    assert.deepEqual(
      parse(html)
        .querySelectorAll("a")
        .map((a) => a.getAttribute("href")),
      ["https://depot.com", "https://depot.com"],
    );
    assert.deepEqual(removed, []);
  });

  it("are checked like any link on the site", () => {
    const site = makeSite({ "jobs/loader.md": posting("title: Loader\nlocation: Leeds, UK", "Intro.\n\nAll roles: https://jobs.example.com/jobs/nowhere/") });
    assert.deepEqual(runCli(["check", "--site", site]).stderr.trimEnd().split("\n"), [
      "jobs/loader.md:7:1: warning: the link to `https://jobs.example.com/jobs/nowhere/` leads to no page on this site (check the address, or add a `redirect_from` to the page it should lead to)",
    ]);
  });
});

// Inputs of this size take minutes where a step compares every match with the
// rest of the line; the timeout stops that. Each must render in a blink.
describe("bodies that are one enormous line", () => {
  const N = 300_000;
  const cases: Record<string, string> = {
    // Unbounded, linkify-it takes three minutes on this one.
    "`www.` again and again": "www.".repeat((2 * N) / 4),
    "addresses inside addresses": "https://a.example/".repeat(N / 18),
    "e-mail addresses": "a@b.co ".repeat(N / 7),
    "`#` marks then a letter": `##a${"#".repeat(N)}x`,
    "a `#` line of words ending in `#`": `#a ${"b ".repeat(N / 2)}#`,
    "a title line of spaces": `# a${" ".repeat(N)}b`,
    "`##Heading` lines": "##a\n\n".repeat(N / 5),
  };
  for (const [name, markdown] of Object.entries(cases)) {
    it(name, { timeout: 30_000 }, () => {
      const started = performance.now();
      assert.ok(sub(markdown).html.length > 0);
      console.log(`# ${name}: ${(performance.now() - started).toFixed(0)} ms`);
    });
  }
});
