import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { SourceFile } from "../src/model.ts";
import { parseFrontMatter } from "../src/parse/parse-front-matter.ts";

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
    const [message] = problemsOf("---\ntitle: A\nteam: [Design\n---\n");
    assert.match(message ?? "", /^\d+:\d+ this is not valid YAML: /);
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
});
