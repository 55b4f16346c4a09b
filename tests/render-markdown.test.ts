import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parse } from "node-html-parser";
import { takeLeadingHeading } from "../src/parse/leading-heading.ts";
import { parseLocationText } from "../src/parse/parse-location.ts";
import { renderMarkdown } from "../src/parse/render-markdown.ts";

const html = (markdown: string) => parse(renderMarkdown(markdown).html);

describe("renderMarkdown", () => {
  it("turns kramdown's spaced reference links into links", () => {
    const links = html("[Back to jobs page] [jobs]\n\n[jobs]: /about/jobs/\n").querySelectorAll("a");
    assert.deepEqual(
      links.map((a) => [a.textContent, a.getAttribute("href")]),
      [["Back to jobs page", "/about/jobs/"]],
    );
  });

  it("leaves brackets alone when the reference is not defined", () => {
    const page = html("[one] [two] and [three]\n");
    assert.equal(page.querySelectorAll("a").length, 0);
    assert.equal(page.textContent.trim(), "[one] [two] and [three]");
  });

  it("keeps the inline HTML Jekyll-era postings use, with <a name> anchors as ids", () => {
    const page = html('<h2><a name="infra">Infra</a></h2>\n\nSome <strong>bold</strong> text.\n');
    assert.equal(page.querySelector("h2 a")?.getAttribute("id"), "user-content-infra", "the anchor survives as an HTML5 id, prefixed");
    assert.equal(page.querySelector("strong")?.textContent, "bold");
  });

  it("shows template syntax as typed instead of running it", () => {
    const page = html("Hello {{ site.name }} {% include 'x.html' %}\n");
    assert.equal(page.querySelector("p")?.textContent, "Hello {{ site.name }} {% include 'x.html' %}");
  });

  it("removes scripts, event handlers and javascript: links, and says so", () => {
    const { html: out, removed } = renderMarkdown(
      '<img src="x.png" alt="x" onerror="alert(1)">\n<script>alert(2)</script>\n\n<a href="javascript:alert(3)">x</a>\n',
    );
    const page = parse(out);
    assert.equal(page.querySelectorAll("script").length, 0);
    assert.equal(page.querySelector("img")?.getAttribute("onerror"), undefined);
    assert.equal(page.querySelector("a")?.getAttribute("href"), undefined);
    assert.deepEqual(removed.sort(), ["<script>", "a `javascript:` link", "the `onerror` attribute"]);
  });
});

describe("Jekyll-era headings", () => {
  it("takes the location from <small> and removes the heading", () => {
    const { markdown, location } = takeLeadingHeading("\n<h1>Data Engineer <small>Remote or London, UK or Berlin, Germany</small></h1>\n\nBody\n");
    assert.equal(location, "Remote or London, UK or Berlin, Germany");
    assert.equal(markdown.trim(), "Body");
  });

  it("reads remote and places from free text the way a person would", () => {
    assert.deepEqual(parseLocationText("Remote or London, UK or Berlin, Germany"), { places: ["London, UK", "Berlin, Germany"], remote: { regions: [] } });
    assert.deepEqual(parseLocationText("Remote (Europe)"), { places: [], remote: { regions: ["Europe"] } });
    assert.deepEqual(parseLocationText("London, UK"), { places: ["London, UK"] });
  });
});

describe("kramdown attribute lists", () => {
  it("applies safe attributes to the element before them and never shows them as text", () => {
    const page = html(
      'See [our site](https://example.com){:target="_blank"}.\n\nA note.\n{: .note}\n\n## Perks {#perks}\n\n* one\n\n{: .list onclick="alert(1)"}\n',
    );
    const link = page.querySelector("a");
    assert.equal(link?.getAttribute("target"), "_blank");
    assert.equal(link?.getAttribute("rel"), "noopener noreferrer");
    assert.equal(page.querySelector("p.note")?.textContent, "A note.");
    assert.equal(page.querySelector("h2")?.getAttribute("id"), "user-content-perks");
    assert.equal(page.querySelector("ul")?.getAttribute("class"), "list");
    assert.equal(page.querySelector("ul")?.getAttribute("onclick"), undefined);
    assert.doesNotMatch(page.textContent, /\{:|\{#/);
  });
});
