import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { SourceFile } from "../src/model.ts";
import { parseFrontMatter } from "../src/parse/parse-front-matter.ts";

// A slip in a posting's YAML is reported once, in plain words, on the line
// where it is, with a hint that fits that slip (not always "use quotes").
// Each case is the front matter of a posting; the file's line 1 is `---`.

const problemsOf = (yaml: string) => {
  const file: SourceFile = { path: "jobs/welder.md", absolutePath: "/site/jobs/welder.md", stem: "welder", text: `---\n${yaml}---\nBody\n`, version: "1" };
  return parseFrontMatter(file).problems.map((p) => `${p.line}:${p.column} ${p.severity} ${p.code}: ${p.message} (${p.hint})`);
};

const SLIPS: [what: string, yaml: string, expected: string][] = [
  [
    "a tab in the indentation",
    "title: Welder\nsalary:\n  min: 30000\n\tcurrency: EUR\n",
    "5:1 error yaml-tab: this line is indented with a tab (indent with spaces only: YAML does not allow tabs there)",
  ],
  [
    "a key indented under a key that already has a value",
    "title: Welder\n team: Fabrication\n",
    "3:2 error yaml-indentation: `team: Fabrication` is indented more than the line above it (start it in the same column as `title:` above it)",
  ],
  [
    "nested keys that do not line up",
    "title: Welder\nsalary:\n    min: 30000\n  max: 36000\n",
    "5:3 error yaml-indentation: `max: 36000` is not lined up with the lines above it (indent nested keys by two spaces, the same on every line; keys that belong together start in the same column)",
  ],
  [
    "a key in the column of the list items above it",
    "title: Welder\nlocation:\n  - Porto\n  team: Fabrication\n",
    "5:3 error yaml-indentation: `team: Fabrication` is a key in the same column as the list item above it (list items go under their key, indented by two spaces; the next key starts in the key's column)",
  ],
  [
    "a list item under no key",
    "title: Welder\n- Porto\n",
    "3:1 error yaml-indentation: `- Porto` is a list item, but no key above it takes a list (put list items under the key they belong to, on the lines after it, indented by two spaces)",
  ],
  [
    "an unclosed bracket",
    "title: Welder\nlocation: [Porto, Braga\nteam: Fabrication\n",
    "3:24 error yaml-unclosed: `[Porto, Braga` opens a list with `[` that is never closed (end it with `]`; if the `[` is part of the text, put the whole value in quotes: `location: '[Porto, Braga'`)",
  ],
  [
    "an unclosed bracket on a list that goes on over two lines",
    "title: Welder\nlocation: [Porto,\n  Braga\nteam: Fabrication\n",
    "4:8 error yaml-unclosed: `[Porto,` opens a list with `[` that is never closed (end it with `]`; if the `[` is part of the text, put the whole value in quotes: `location: '[Porto,'`)",
  ],
  [
    "an unclosed brace",
    "title: Welder\nsalary: {min: 30000, currency: EUR\n",
    "3:35 error yaml-unclosed: `{min: 30000, currency: EUR` opens a group of keys with `{` that is never closed (end it with `}`; if the `{` is part of the text, put the whole value in quotes: `salary: '{min: 30000, currency: EUR'`)",
  ],
  [
    "an unclosed quote",
    "title: 'Night shift welder\nteam: Fabrication\n",
    "2:27 error yaml-unclosed: `'Night shift welder` opens a quote that is never closed (end the value with `'`; if the quote mark is part of the text, put the whole value in double quotes: `title: \"'Night shift welder\"`)",
  ],
  [
    "an apostrophe inside single quotes",
    "title: 'Welder's mate'\n",
    "2:15 error yaml-early-quote: the quotes close at `'Welder'`, before the end of the value (inside single quotes write an apostrophe twice: `title: 'Welder''s mate'`)",
  ],
  [
    "text after a closing quote",
    'title: "Senior" welder\n',
    '2:16 error yaml-text-after-value: the value ends at `"Senior"`, and `welder` after it cannot be read (put the whole value in quotes: `title: \'"Senior" welder\'`)',
  ],
  [
    "an alias that points at no anchor",
    "title: Welder\nteam: *fabrication\n",
    "3:7 error yaml-undefined-alias: `*fabrication` refers to a value marked `&fabrication`, and there is none (to write text that starts with `*`, put it in quotes: `team: '*fabrication'`)",
  ],
  ["a duplicate key", "title: Welder\nteam: Fabrication\nteam: Assembly\n", "4:1 error duplicate-key: a key appears twice (keep one of the two lines)"],
  [
    "`key:value` without a space",
    "title: Welder\napply:https://jobs.example.com/welder\nteam: Fabrication\n",
    "3:6 error yaml-missing-space: `apply:https://jobs.example.com/welder` has no space after the colon, so it is not read as a key (write a space after the colon: `apply: https://jobs.example.com/welder`)",
  ],
  [
    "`key:value` without a space as the only line",
    "title:Welder\n",
    "2:6 error yaml-missing-space: `title:Welder` has no space after the colon, so it is not read as a key (write a space after the colon: `title: Welder`)",
  ],
  [
    "a colon and a space inside a value",
    "title: Welder: night shift\n",
    "2:8 error yaml-colon-in-value: `Welder: night shift` contains `: `, so it reads as a second key on the same line (put the whole value in quotes: `title: 'Welder: night shift'`)",
  ],
  [
    "a value that starts with a reserved character",
    "title: Welder\ndescription: @home welding\n",
    "3:14 error yaml-reserved-character: a value cannot start with `@` unless it is in quotes (put the whole value in quotes: `description: '@home welding'`)",
  ],
  [
    "a backslash escape that double quotes do not have",
    'title: Welder\ndescription: "Weld \\w care"\n',
    "3:20 error yaml-escape: `\\w` is not an escape that double quotes understand (write `\\\\` for a backslash, or use single quotes, where a backslash is an ordinary character)",
  ],
  [
    "a type tag the value does not fit",
    "title: Welder\nweight: !!int heavy\n",
    "3:9 error yaml-tag: `!!int` is a YAML type tag that this value cannot have (remove `!!int`, or put the whole value in quotes if the `!` is part of the text)",
  ],
  [
    "a `...` line in the middle",
    "title: Welder\n...\nteam: Fabrication\n",
    "4:1 error yaml-documents: a `...` or `---` line above ends the YAML, so the lines from here on cannot be read (remove that line, so every key is in one block)",
  ],
];

describe("YAML slips", () => {
  for (const [what, yaml, expected] of SLIPS) {
    it(`reports ${what} once, where it is, with a hint that fits`, () => {
      assert.deepEqual(problemsOf(yaml), [expected]);
    });
  }

  it("gives each kind of slip its own hint, not one quoting hint for all", () => {
    const hints = new Set(SLIPS.map(([, , expected]) => expected.slice(expected.indexOf("(")).replace(/`[^`]*`/g, "")));
    assert.ok(hints.size >= 12, [...hints].join("\n"));
  });

  it("points at a line of the file even when the front matter has Windows line endings", () => {
    const crlf = (text: string) => text.replaceAll("\n", "\r\n");
    const file: SourceFile = {
      path: "jobs/welder.md",
      absolutePath: "/x",
      stem: "welder",
      text: crlf("---\ntitle: Welder\nteam: [Design\n---\nBody\n"),
      version: "1",
    };
    const [problem] = parseFrontMatter(file).problems;
    assert.deepEqual([problem?.line, problem?.column, problem?.code], [3, 14, "yaml-unclosed"]);
  });
});
