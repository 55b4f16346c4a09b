import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parse } from "node-html-parser";
import { renderMarkdown } from "../src/parse/render-markdown.ts";
import { buildSite, makeSite, posting, readPage } from "./helpers.ts";

// A posting's ids share the page with the layout's own: `id="main"` in a body
// must not take over the skip link, nor `id="open-roles"` the filter count.

describe("ids in a body", () => {
  const body = [
    '<p id="main">Mine now.</p>',
    "",
    "## Perks {#perks}",
    "",
    "See [the perks](#perks), [the team](#the-team), [the other roles](#other-roles) and [the old anchor](#old).",
    "",
    '<h3 id="the-team">Team</h3>',
    "",
    '<a name="old"></a>Old anchor. <a href="#old">Back up</a>, <a href="#perks">perks</a>.',
  ].join("\n");

  it("get user-content- in front, and in-body links to them follow", () => {
    const page = parse(renderMarkdown(body).html);
    const ids = page.querySelectorAll("[id]").map((element) => element.getAttribute("id"));
    assert.deepEqual(ids.sort(), ["user-content-main", "user-content-old", "user-content-perks", "user-content-the-team"]);
    assert.equal(page.querySelectorAll("[name]").filter((a) => !a.getAttribute("name")?.startsWith("user-content-")).length, 0);
    assert.deepEqual(
      page.querySelectorAll("a[href]").map((a) => a.getAttribute("href")),
      ["#user-content-perks", "#user-content-the-team", "#other-roles", "#user-content-old", "#user-content-old", "#user-content-perks"],
      "links to the body's own ids follow them; #other-roles is the page's and stays",
    );
  });

  it("get the prefix in Markdown-only bodies too (no raw HTML, no allowlist pass)", () => {
    const page = parse(renderMarkdown("## Main {#main}\n\nText {: #open-roles}\n\n[Up](#main)\n").html);
    assert.deepEqual(
      page.querySelectorAll("[id]").map((element) => element.getAttribute("id")),
      ["user-content-main", "user-content-open-roles"],
    );
    assert.equal(page.querySelector("a")?.getAttribute("href"), "#user-content-main");
  });

  it("cannot take over the page's own elements", () => {
    const out = buildSite(
      makeSite({
        "jobs/index.md": posting("title: Jobs", '<p id="open-roles">Intro that claims the count.</p>\n\n<p id="role-filters">And the filters.</p>'),
        "jobs/clerk.md": posting("title: Clerk\nlocation: Leeds, UK\nteam: Office", body),
        "jobs/typist.md": posting("title: Typist\nlocation: Leeds, UK\nteam: Office\nclosed: true", '<h2 id="other-roles">Mine</h2>'),
      }),
    );
    // Each id, and the element of the layout's that owns it.
    const checks: [string, string, string][] = [
      ["/jobs/clerk/", "main", "MAIN"],
      ["/jobs/", "open-roles", "H2"],
      ["/jobs/", "role-filters", "FORM"],
      ["/jobs/typist/", "other-roles", "H2"],
    ];
    for (const [path, id, tag] of checks) {
      const found = readPage(out, path).querySelectorAll(`[id="${id}"]`);
      assert.equal(found.length, 1, `${path}: one #${id}`);
      assert.equal(found[0]?.tagName, tag, `${path}: #${id} is the layout's <${tag.toLowerCase()}>`);
      assert.doesNotMatch(found[0]?.textContent ?? "", /^\s*(Mine|Intro|And the filters)/, `${path}: #${id} is the page's own`);
    }
  });
});
