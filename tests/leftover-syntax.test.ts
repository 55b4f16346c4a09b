import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { trailingList } from "../src/parse/kramdown-attributes.ts";
import { findLiquid, leftoverLinks } from "../src/parse/leftover-syntax.ts";
import { renderMarkdown } from "../src/parse/render-markdown.ts";

// The linear scans must find exactly what the short regexes they replace
// found, on any text made of the characters that matter.

const LIQUID = /\{\{.*?\}\}|\{%.*?%\}/;
const LEFTOVER_LINK = /\[[^\]\n]+\]\s?[[(][^\])\n]*[\])]/g;

const text = (chars: string[]) => fc.array(fc.constantFrom(...chars), { maxLength: 40 }).map((parts) => parts.join(""));

describe("leftover syntax", () => {
  it("findLiquid finds what /\\{\\{.*?\\}\\}|\\{%.*?%\\}/ finds", () => {
    fc.assert(
      fc.property(text(["{", "}", "%", "{{", "}}", "{%", "%}", "a", " ", "\r", "\u2028"]), (line) => {
        const match = LIQUID.exec(line);
        assert.deepEqual(findLiquid(line), match ? { index: match.index, text: match[0] } : undefined);
      }),
      { numRuns: 5000 },
    );
  });

  it("leftoverLinks finds what the link regex's matchAll finds", () => {
    fc.assert(
      fc.property(text(["[", "]", "(", ")", "\n", " ", "\t", "a", "[a]", "] [", "](", "\r"]), (body) => {
        const expected = [...body.matchAll(LEFTOVER_LINK)].map((match) => ({ index: match.index, text: match[0] }));
        assert.deepEqual(leftoverLinks(body), expected);
      }),
      { numRuns: 5000 },
    );
  });

  it("reads the examples people write", () => {
    assert.deepEqual(findLiquid("Mail {{ site.email }} or {% include x %}"), { index: 5, text: "{{ site.email }}" });
    assert.deepEqual(leftoverLinks("See [our blog] [blog] and [the team] (/team/)."), [
      { index: 4, text: "[our blog] [blog]" },
      { index: 26, text: "[the team] (/team/)" },
    ]);
  });
});

describe("kramdown attribute lists at the end of a line", () => {
  const TRAILING_IAL = /\s*\{:\s*([^}]*)\}\s*$|\s*\{(#[\w-]+(?:\s+\.[\w-]+)*)\}\s*$/;

  it("trailingList finds what the attribute-list regex finds", () => {
    fc.assert(
      fc.property(text(["{", "}", ":", "#", ".", "a", "-", " ", "\n", "{:", "{#a", " .b", "}"]), (line) => {
        const match = TRAILING_IAL.exec(line);
        assert.deepEqual(trailingList(line), match ? { list: match[1] ?? match[2] ?? "", index: match.index } : undefined);
      }),
      { numRuns: 5000 },
    );
  });

  it("reads single-quoted and bare values as well as double-quoted ones", () => {
    const html = renderMarkdown("[a](https://example.com){:target='_blank'} and [b](https://example.com){:title=Docs}\n").html;
    assert.match(html, /<a href="https:\/\/example\.com" target="_blank" rel="noopener noreferrer">a<\/a>/);
    assert.match(html, /<a href="https:\/\/example\.com" title="Docs">b<\/a>/);
  });
});
