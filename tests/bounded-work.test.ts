import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it, type TestContext } from "node:test";
import { limitNesting } from "../src/parse/limit-nesting.ts";
import { makeSite, PROJECT_ROOT, posting } from "./helpers.ts";

// No posting makes `check` or `build` grow faster than its size. Each input
// here is so large that work growing with its square (a regex retried from
// every position, an array grown at the front) cannot finish within the
// test's timeout, while linear work takes seconds; the time is printed, not
// asserted. Commands run as child processes with a kill timeout, so a slow
// synchronous loop fails the test instead of hanging it.

const MINUTE = 60_000;

/** `npm run check` / `build` on a site, killed after `timeout` ms. */
function run(t: TestContext, args: string[], timeout: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", join(PROJECT_ROOT, "src/commands/cli.ts"), ...args],
      { cwd: PROJECT_ROOT, timeout, killSignal: "SIGKILL", maxBuffer: 256 * 1024 * 1024, env: { ...process.env, GITHUB_ACTIONS: "" } },
      (error, stdout, stderr) => {
        t.diagnostic(`${args[0]} took ${Math.round(performance.now() - started)} ms`);
        if (error?.killed) assert.fail(`${args[0]} did not finish within ${timeout} ms`);
        resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr });
      },
    );
  });
}

const check = (t: TestContext, body: string, timeout = MINUTE) =>
  run(t, ["check", "--site", makeSite({ "jobs/role.md": posting("title: Role\nlocation: Leeds, UK", body) })], timeout);

/** No stack trace: every line of output is a located problem or the summary. */
function assertNoCrash(result: { code: number | null; stderr: string }) {
  assert.doesNotMatch(result.stderr, /\n\s+at |RangeError|Maximum call stack/, result.stderr.slice(0, 2000));
  assert.ok(result.code === 0 || result.code === 1, `exit code ${result.code}`);
}

describe("check stays linear in a posting's body", () => {
  it("a 1 MB line of `{{` that never closes (the Liquid scan)", { timeout: 2 * MINUTE }, async (t) => {
    const result = await check(t, `Intro ${"{{".repeat(500_000)}\nand {{ page.title }}`);
    assertNoCrash(result);
    assert.match(result.stderr, /jobs\/role\.md:6:5: warning: `\{\{ page\.title \}\}` is Liquid template code/);
    assert.doesNotMatch(result.stderr, /role\.md:5:/);
  });

  it("a 1 MB line of `{%`, and one of `{{` with a `}}` only at the very end", { timeout: 2 * MINUTE }, async (t) => {
    const result = await check(t, `${"{%".repeat(500_000)}\n\n${"{{".repeat(500_000)}}}`);
    assertNoCrash(result);
    assert.match(result.stderr, /jobs\/role\.md:7:1: warning: `\{\{\{\{/);
  });

  it("a 1 MB line of `[` (the unlinked-reference scan)", { timeout: 2 * MINUTE }, async (t) => {
    const result = await check(t, `${"[".repeat(1_000_000)}\n\n[jobs] [missing]`);
    assertNoCrash(result);
    assert.match(result.stderr, /`\[jobs\] \[missing\]` looks like a link but is shown as text/);
  });

  it("a 1 MB line of `[a](` and of `[a] (`", { timeout: 2 * MINUTE }, async (t) => {
    assertNoCrash(await check(t, `${"[a](".repeat(250_000)}\n\n${"[a] (".repeat(200_000)}`));
  });

  it("a kramdown attribute list opened and never closed, after 1 MB of spaces", { timeout: 2 * MINUTE }, async (t) => {
    assertNoCrash(await check(t, `Text {:${" ".repeat(1_000_000)}x\n\nMore {#${"a".repeat(1_000_000)}`));
  });

  it("200,000 links to missing pages: every one reported, no RangeError from spreading them", { timeout: 2 * MINUTE }, async (t) => {
    const result = await check(t, "[gone](/nowhere/)\n".repeat(200_000));
    assertNoCrash(result);
    assert.equal(result.stderr.match(/leads to no page on this site/g)?.length, 200_000);
  });

  it("a permalink of 150,000 segments: a located error, no RangeError from Math.max(...segments)", { timeout: 2 * MINUTE }, async (t) => {
    const site = makeSite({ "jobs/role.md": posting(`title: Role\nlocation: Leeds, UK\npermalink: ${"/a".repeat(150_000)}/`) });
    const result = await run(t, ["check", "--site", site], MINUTE);
    assertNoCrash(result);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /jobs\/role\.md:4:\d+: error: permalink: expected a path of at most/);
  });

  for (const [name, html] of [
    ["<div>", `${"<div>".repeat(300_000)}deep${"</div>".repeat(300_000)}`],
    ["<ul><li>", `${"<ul><li>".repeat(300_000)}deep`],
    ["<span>, never closed", `${"<span>".repeat(300_000)}deep`],
    ["<svg/>", `<svg>${"<svg/>".repeat(300_000)}</svg>deep`],
  ] as const) {
    it(`300,000 nested ${name}: checked, with a warning`, { timeout: 2 * MINUTE }, async (t) => {
      const result = await check(t, html);
      assertNoCrash(result);
      assert.match(result.stderr, /warning: removed from the body because it could run code or break the page: .*nested more than 512 deep/);
    });
  }
});

describe("build stays linear in a posting's body", () => {
  it("builds 300,000 nested <div> as at most 512 levels, text kept, search index and feeds included", { timeout: 4 * MINUTE }, async (t) => {
    const site = makeSite({
      "jobs/role.md": posting("title: Role\nlocation: Leeds, UK", `${"<div>".repeat(300_000)}Deepest words${"</div>".repeat(300_000)}`),
      "jobs/flat.md": posting("title: Flat\nlocation: Leeds, UK", "Shallow words"),
    });
    const result = await run(t, ["build", "--site", site], 3 * MINUTE);
    assertNoCrash(result);
    assert.equal(result.code, 0, result.stderr);
    const page = readFileSync(join(site, "_site/jobs/role/index.html"), "utf8");
    assert.match(page, /Deepest words/);
    // 512 levels from the body, and the ones the layout wraps it in: as deep as a flat body's page.
    const layout = maxDepth(readFileSync(join(site, "_site/jobs/flat/index.html"), "utf8"));
    assert.ok(maxDepth(page) <= 512 + layout, `depth ${maxDepth(page)}, the layout's ${layout}`);
  });
});

describe("limitNesting", () => {
  it("leaves a body no deeper than the limit as it is, however many tags it has", () => {
    const wide = `<ul>${"<li>item".repeat(5000)}</ul><table>${"<tr><td>a<td>b".repeat(2000)}</table>${"<p>para".repeat(2000)}`;
    assert.equal(limitNesting(wide, 8).html, wide, "implied closes (<li>, <td>, <p>) do not add depth");
    const nested = `${"<div>".repeat(8)}x${"</div>".repeat(8)}`;
    assert.equal(limitNesting(nested.repeat(100), 8).html, nested.repeat(100));
  });

  it("cuts the tags past the limit and keeps their text and the rest of the body", () => {
    const { html, cut } = limitNesting(`${"<div>".repeat(20)}deep${"</div>".repeat(20)}<p id="after">after</p>`, 8);
    assert.equal(cut, 12);
    assert.equal(html, `${"<div>".repeat(8)}deep${"</div>".repeat(8)}<p id="after">after</p>`);
  });

  it("never cuts <script> or <style>, whose content would otherwise become markup", () => {
    const html = `${"<div>".repeat(10)}<script><div><div></script><style>a{}</style>${"</div>".repeat(10)}`;
    assert.match(limitNesting(html, 4).html, /<script><div><div><\/script><style>a\{\}<\/style>/);
  });
});

/** Deepest element nesting of serialised, well-formed HTML. */
function maxDepth(html: string): number {
  const VOID = /^(area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr)$/i;
  let depth = 0;
  let max = 0;
  for (const [, slash, name] of html.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^>]*>/g)) {
    if (VOID.test(name ?? "")) continue;
    depth += slash ? -1 : 1;
    max = Math.max(max, depth);
  }
  return max;
}
