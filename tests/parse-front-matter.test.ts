import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import matter from "gray-matter";
import type { SourceFile } from "../src/model.ts";
import { parseFrontMatter } from "../src/parse/parse-front-matter.ts";
import { positionAt, positionsIn } from "../src/problem.ts";

const file = (text: string): SourceFile => ({ path: "jobs/x.md", absolutePath: "/x/jobs/x.md", stem: "x", text, version: "1" });
const problemsOf = (text: string) => parseFrontMatter(file(text)).problems.map((p) => `${p.line}:${p.column} ${p.message}`);

describe("parseFrontMatter", () => {
  it("splits front matter from the body and says where the body starts", () => {
    const { frontMatter, problems } = parseFrontMatter(file("---\ntitle: Designer\nteam: Design\n---\n\nHello\n"));
    assert.deepEqual(problems, []);
    assert.deepEqual(frontMatter?.data, { title: "Designer", team: "Design" });
    assert.equal(frontMatter?.body, "\nHello\n");
    assert.equal(frontMatter?.bodyLine, 5);
  });

  it("locates nested keys and list items on their own line and column", () => {
    const { frontMatter } = parseFrontMatter(file("---\ntitle: A\nsalary:\n  min: 1\n  per: yearly\nlocation:\n  - London\n  - 42\n---\n"));
    assert.deepEqual(frontMatter?.locate(["salary", "per"]), { line: 5, column: 8 });
    assert.deepEqual(frontMatter?.locate(["salary", "per"], "key"), { line: 5, column: 3 });
    assert.deepEqual(frontMatter?.locate(["location", 1]), { line: 8, column: 5 });
    assert.deepEqual(frontMatter?.locate(["title"], "key"), { line: 2, column: 1 });
  });

  it("keeps dates as the calendar text the author wrote", () => {
    const { frontMatter } = parseFrontMatter(file("---\ntitle: A\ndate_posted: 2016-08-23\n---\n"));
    assert.equal(frontMatter?.data.date_posted, "2016-08-23");
  });

  it("refuses files without front matter, empty or unclosed", () => {
    assert.deepEqual(problemsOf("Just an ad.\n"), ["1:1 the file has no front matter"]);
    assert.deepEqual(problemsOf("  \n"), ["1:1 the file is empty"]);
    assert.deepEqual(problemsOf("---\ntitle: A\nBody\n"), ["1:1 the front matter is never closed"]);
  });

  it("reports malformed YAML and duplicate keys on their line", () => {
    assert.deepEqual(problemsOf("---\ntitle: A\ntitle: B\n---\n"), ["3:1 a key appears twice"]);
    assert.deepEqual(problemsOf("---\ntitle: A\nteam: [Design\n---\n"), ["3:14 `[Design` opens a list with `[` that is never closed"]);
  });

  it("refuses front matter that is not a mapping", () => {
    assert.deepEqual(problemsOf("---\n- a\n- b\n---\n"), ["2:1 expected a list of `key: value` lines, found something else"]);
  });

  it("stops YAML alias bombs instead of expanding them", () => {
    const bomb = ["a: &a [x,x,x,x,x,x,x,x,x]", ...["b", "c", "d", "e", "f"].map((k, i) => `${k}: &${k} [${Array(9).fill(`*${"abcde"[i]}`).join(",")}]`)].join(
      "\n",
    );
    assert.deepEqual(problemsOf(`---\n${bomb}\n---\n`), ["2:1 aliases (`*name`) are repeated so often that the YAML cannot be read"]);
  });

  it("limits aliases to 100 a file, and says where the 101st is", () => {
    const aliases = `title: A\nteam: &t Design\nredirect_from: [${Array(101).fill("*t").join(", ")}]`;
    assert.deepEqual(problemsOf(`---\n${aliases}\n---\n`), ["4:417 aliases (`*name`) are repeated so often that the YAML cannot be read"]);
  });

  it("limits nesting to 100 levels, counting the front matter's own and the innermost value, and says where", () => {
    const nested = (levels: number) => `---\ntitle: A\nextra: ${"[".repeat(levels)}x${"]".repeat(levels)}\n---\n`;
    assert.deepEqual(problemsOf(nested(98)), []);
    assert.deepEqual(problemsOf(nested(99)), ["3:107 lists and mappings are nested too deeply here (the limit is 100 levels)"]);
  });

  it("keeps __proto__, constructor and empty keys as ordinary keys", () => {
    const { frontMatter } = parseFrontMatter(file("---\ntitle: A\n__proto__: x\nconstructor: y\n: z\n---\n"));
    assert.deepEqual(Object.keys(frontMatter?.data ?? {}), ["title", "__proto__", "constructor", ""]);
    assert.equal(Object.getPrototypeOf(frontMatter?.data), Object.prototype);
    assert.deepEqual(frontMatter?.locate(["__proto__"], "key"), { line: 3, column: 1 });
    assert.deepEqual(frontMatter?.locate([""]), { line: 5, column: 3 });
  });

  it("locates keys that YAML reads as numbers, and values behind anchors and tags", () => {
    const { frontMatter } = parseFrontMatter(file("---\ntitle: A\n0x1F: hex\nteam: &t Design\nweight: !!float 2\nextra: *t\n---\n"));
    assert.deepEqual(frontMatter?.locate(["31"], "key"), { line: 3, column: 1 });
    assert.deepEqual(frontMatter?.locate(["team"]), { line: 4, column: 7 });
    assert.deepEqual(frontMatter?.locate(["weight"]), { line: 5, column: 9 });
    assert.deepEqual(frontMatter?.locate(["extra"]), { line: 6, column: 8 });
  });

  it("counts lines after a broken multi-line value from the file, not from the parser", () => {
    assert.deepEqual(problemsOf("---\ntitle: A\ndescription: 'one\n  two\n  three\nteam: Design\n---\n"), ["5:8 `'one` opens a quote that is never closed"]);
  });
});

describe("parseFrontMatter: splitting as Eleventy does (gray-matter)", () => {
  it("reads Windows line endings, and starts the body where the file does", () => {
    const { frontMatter, problems } = parseFrontMatter(file("---\r\ntitle: Designer\r\nsalary:\r\n  min: 1\r\n---\r\n\r\nHello\r\n"));
    assert.deepEqual(problems, []);
    assert.deepEqual(frontMatter?.data, { title: "Designer", salary: { min: 1 } });
    assert.deepEqual(frontMatter?.locate(["salary", "min"]), { line: 4, column: 8 });
    assert.equal(frontMatter?.body, "\r\nHello\r\n");
    assert.equal(frontMatter?.bodyLine, 6);
  });

  it("reads an empty front matter, and `---yaml` as YAML", () => {
    assert.deepEqual(parseFrontMatter(file("---\n---\nBody\n")).frontMatter?.data, {});
    assert.deepEqual(parseFrontMatter(file("---yaml\ntitle: A\n---\nBody\n")).frontMatter?.data, { title: "A" });
    assert.deepEqual(parseFrontMatter(file("---   \ntitle: A\n---\nBody\n")).frontMatter?.data, { title: "A" });
  });

  it("never runs JavaScript front matter, in any spelling", () => {
    const global = globalThis as { frontMatterRan?: string };
    const script = "{ title: (globalThis.frontMatterRan = 'yes', 'Pwned') }";
    // The oracle: gray-matter on its own does run it.
    matter(`---js\n${script}\n---\n`, {});
    assert.equal(global.frontMatterRan, "yes");
    delete global.frontMatterRan;
    for (const opening of ["---js", "---javascript", "---JS", "--- js", "---JavaScript", "---json", "---coffee", "---toml"]) {
      const { frontMatter, problems } = parseFrontMatter(file(`${opening}\n${script}\n---\nBody\n`));
      assert.equal(frontMatter, undefined, opening);
      const language = opening.slice(3).trim();
      assert.deepEqual(
        problems.map((p) => `${p.line}:${p.column} ${p.message} (${p.hint})`),
        [
          `1:4 the front matter is marked as \`${language}\`, and only YAML front matter is read (make the first line just \`---\`, and write the keys as \`key: value\` lines)`,
        ],
        opening,
      );
      assert.equal(global.frontMatterRan, undefined, `${opening} ran`);
    }
  });

  it("reads front matter with 300 KB of blank lines, which gray-matter alone takes minutes over", () => {
    const { frontMatter, problems } = parseFrontMatter(file(`---\ntitle: A\n${"\n".repeat(300 * 1024)}team: B\n---\nBody\n`));
    assert.deepEqual(problems, []);
    assert.deepEqual(frontMatter?.data, { title: "A", team: "B" });
    assert.equal(frontMatter?.bodyLine, 300 * 1024 + 5);
  });
});

describe("positionsIn", () => {
  it("finds the same line and column as positionAt, for every offset", () => {
    const textArb = fc.string({ unit: fc.constantFrom("a", " ", "\n", "\r", "\r\n", "é", "🙂"), maxLength: 40 });
    fc.assert(
      fc.property(textArb, (text) => {
        const position = positionsIn(text);
        for (let offset = 0; offset <= text.length; offset++) assert.deepEqual(position(offset), positionAt(text, offset), `offset ${offset}`);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});
