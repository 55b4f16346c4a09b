import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { SourceFile } from "../src/model.ts";
import { parseFrontMatter } from "../src/parse/parse-front-matter.ts";
import { validate } from "../src/parse/validate.ts";
import { jobSchema, KNOWN_JOB_KEYS } from "../src/schema/job-schema.ts";
import { makeSite, runCli } from "./helpers.ts";

// Front matter written to hurt: no input may make reading it grow faster than
// its size. Each input is hundreds of kilobytes, so work that grows with the
// square of the input (10^10 steps and more) cannot finish within the timeout;
// a stack overflow would throw. The time each took is printed, not asserted.

const TIMEOUT = 60_000;
const KB = 1024;

function read(yaml: string) {
  const text = `---\n${yaml}\n---\nBody\n`;
  const file: SourceFile = { path: "jobs/hostile.md", absolutePath: "/site/jobs/hostile.md", stem: "hostile", text, version: "1" };
  const started = performance.now();
  const { frontMatter, problems } = parseFrontMatter(file);
  const validated = frontMatter ? validate(jobSchema, frontMatter, file.path, KNOWN_JOB_KEYS) : undefined;
  return { problems: [...problems, ...(validated?.problems ?? [])], value: validated?.value, ms: performance.now() - started, lines: text.split("\n") };
}

const HOSTILE: [what: string, yaml: () => string, code: string][] = [
  ["a 300 KB line of `[`", () => `title: ${"[".repeat(300 * KB)}`, "yaml-too-deep"],
  ["600 KB of `{`", () => `title: ${"{".repeat(600 * KB)}`, "yaml-too-deep"],
  ["a 300 KB line of `[` with no key", () => "[".repeat(300 * KB), "yaml-too-deep"],
  ["lists nested 2,000 deep, one `- ` a line", () => Array.from({ length: 2000 }, (_, i) => `${"  ".repeat(i)}-`).join("\n"), "yaml-too-deep"],
  ["mappings nested 2,000 deep", () => Array.from({ length: 2000 }, (_, i) => `${" ".repeat(i)}k${i}:`).join("\n"), "yaml-too-deep"],
  ["300 KB of `- - - -`", () => `title: A\nlocation:\n  ${"- ".repeat(150 * KB)}x`, "yaml-too-deep"],
  ["a 300 KB quote that never closes", () => `title: A\ndescription: '${"a".repeat(300 * KB)}\nteam: B`, "yaml-unclosed"],
  ["a bracket left open above 50,000 lines", () => `title: A\nlocation: [x,\n${"  y,\n".repeat(50_000)}team: B`, "yaml-unclosed"],
  ["300 KB of `x:` with no spaces", () => `title: A\n${"x:".repeat(150 * KB)}x\nteam: B`, "yaml-missing-space"],
  ["300 KB of `: ` in one value", () => `title: A${": A".repeat(100 * KB)}`, "yaml-colon-in-value"],
  ["100,000 aliases of one value", () => `title: A\nbase: &b x\nmany: [${Array(100_000).fill("*b").join(", ")}]`, "yaml-aliases"],
  ["one alias to a 200,000-item list, twice", () => `title: A\nbig: &big [${Array(200_000).fill("x").join(", ")}]\ncopy: [*big, *big]`, "yaml-aliases"],
  ["an alias nested in itself", () => `title: A\nloop: &l [x, [y, *l]]`, "yaml-aliases"],
  [
    "aliases stacked 30 deep",
    () => ["title: A", "l0: &l0 [x, x]", ...Array.from({ length: 30 }, (_, i) => `l${i + 1}: &l${i + 1} [*l${i}, *l${i}]`)].join("\n"),
    "yaml-aliases",
  ],
  ["300 KB of blank lines", () => `title: A\n${"\n".repeat(300 * KB)}team: B`, ""],
  ["300 KB of lines holding one space", () => `title: A\n${" \n".repeat(150 * KB)}team: B`, ""],
  ["300 KB of tabs and spaces", () => `title: A\nteam: B${" \t".repeat(150 * KB)}`, ""],
];

describe("bounded YAML: hostile front matter is answered in time linear in its size", () => {
  for (const [what, yaml, code] of HOSTILE) {
    it(`answers ${what}${code ? ` with one ${code} error` : ""}`, { timeout: TIMEOUT }, (t) => {
      const text = yaml();
      const { problems, value, ms, lines } = read(text);
      t.diagnostic(`${what}: ${Math.round(text.length / KB)} KB in ${ms.toFixed(0)} ms`);
      const errors = problems.filter((p) => p.severity === "error");
      if (code)
        assert.deepEqual(
          errors.map((p) => p.code),
          [code],
          JSON.stringify(errors).slice(0, 500),
        );
      else assert.equal(value?.title, "A", JSON.stringify(problems).slice(0, 500));
      for (const p of problems) {
        assert.ok(p.line >= 1 && p.line <= lines.length, `line ${p.line}`);
        assert.ok(p.column >= 1 && p.column <= (lines[p.line - 1]?.length ?? 0) + 1, `column ${p.column}`);
        assert.ok(p.message.length < 300 && (p.hint ?? "").length < 300, "a message quotes a short part of the value, never all of it");
      }
    });
  }

  it("reads 100,000 keys and locates each one", { timeout: TIMEOUT }, (t) => {
    const keys = Array.from({ length: 100_000 }, (_, i) => `extra_${i}`);
    const text = `---\ntitle: A\n${keys.map((key) => `${key}: value`).join("\n")}\n---\n`;
    const started = performance.now();
    const { frontMatter } = parseFrontMatter({ path: "jobs/keys.md", absolutePath: "/x", stem: "keys", text, version: "1" });
    assert.ok(frontMatter);
    for (const [i, key] of keys.entries()) assert.deepEqual(frontMatter.locate([key], "key"), { line: i + 3, column: 1 });
    t.diagnostic(`100,000 keys read and located in ${(performance.now() - started).toFixed(0)} ms`);
  });

  it("keeps `npm run check` linear on a site of hostile postings", { timeout: 5 * TIMEOUT }, (t) => {
    const files = Object.fromEntries(HOSTILE.map(([, yaml], i) => [`jobs/hostile-${i}.md`, `---\n${yaml()}\n---\nBody\n`]));
    const started = performance.now();
    const { code, stderr } = runCli(["check", "--site", makeSite(files)]);
    t.diagnostic(`check of ${HOSTILE.length} hostile postings in ${(performance.now() - started).toFixed(0)} ms`);
    assert.equal(code, 1, stderr.slice(-2000));
    assert.doesNotMatch(stderr, /\n\s+at [\w.<]+ \(/, "no stack trace");
    for (const [i, [, , problemCode]] of HOSTILE.entries()) {
      if (problemCode) assert.match(stderr, new RegExp(`^jobs/hostile-${i}\\.md:\\d+:\\d+: error: `, "m"), `hostile-${i} has its error`);
    }
  });
});
