import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { type HTMLElement, parse } from "node-html-parser";
import { formatProblem } from "../src/commands/format-problems.ts";
import { parseFrontMatter } from "../src/parse/parse-front-matter.ts";
import { validate } from "../src/parse/validate.ts";
import { jobSchema, KNOWN_JOB_KEYS } from "../src/schema/job-schema.ts";

export const PROJECT_ROOT = join(import.meta.dirname, "..");

export const SITE_YAML = "name: Example Co\nurl: https://jobs.example.com\napply: jobs@example.com\n";

/** A throwaway site folder holding `files` (path → content). */
export function makeSite(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), "openings-test-"));
  for (const [path, content] of Object.entries({ "site.yaml": SITE_YAML, ...files })) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

export interface RunOptions {
  /** Options for Node itself, like `--import` of a preload module (after tsx's, so it may be TypeScript). */
  nodeArgs?: string[];
  /** A command that runs Node, like `setpriv … --`. */
  wrapper?: string[];
  /** Milliseconds before the command is killed (its `code` is then null). */
  timeout?: number;
}

/** Runs the real command line, as `npm run build` / `npm run check` would. */
export function runCli(args: string[], env: Record<string, string> = {}, options: RunOptions = {}) {
  const [command = process.execPath, ...prefix] = [...(options.wrapper ?? []), process.execPath];
  const nodeArgs = ["--import", "tsx", ...(options.nodeArgs ?? []), join(PROJECT_ROOT, "src/commands/cli.ts"), ...args];
  const result = spawnSync(command, [...prefix, ...nodeArgs], {
    cwd: PROJECT_ROOT,
    encoding: "utf8",
    env: { ...process.env, GITHUB_ACTIONS: "", ...env },
    timeout: options.timeout,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Builds `siteDir` into `<siteDir>/_site` and fails loudly if that did not work. */
export function buildSite(siteDir: string): string {
  const result = runCli(["build", "--site", siteDir]);
  if (result.code !== 0) throw new Error(`build failed (${result.code}):\n${result.stderr}${result.stdout}`);
  return join(siteDir, "_site");
}

/** How many pages the search index in `folder` (`<out>/pagefind`, or one of its parts) holds, by Pagefind's own count. */
export function searchIndexPages(folder: string): number {
  const entry = JSON.parse(readFileSync(join(folder, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

/** A built page parsed by a real HTML parser; `sitePath` like /jobs/x/. */
export function readPage(outputDir: string, sitePath: string): HTMLElement {
  const file = sitePath.endsWith("/") ? `${sitePath}index.html` : sitePath;
  return parse(readFileSync(join(outputDir, file), "utf8"));
}

export function text(element: HTMLElement | null | undefined): string {
  return (element?.textContent ?? "").replace(/\s+/g, " ").trim();
}

export function posting(frontMatter: string, body = "About the role."): string {
  return `---\n${frontMatter.trim()}\n---\n${body}\n`;
}

/** The built file a root-relative link lands on, or undefined when the site has no such page. */
export function builtFileFor(outputDir: string, href: string): string | undefined {
  const path = decodeURI(href.split(/[?#]/)[0] ?? "");
  const file = join(outputDir, path.endsWith("/") ? `${path}index.html` : path);
  return existsSync(file) ? file : undefined;
}

/** A posting's front matter, split and validated as check does, with its problems and their printed form. */
export function validateFrontMatter(frontMatter: string) {
  const parsed = parseFrontMatter({
    path: "jobs/role.md",
    absolutePath: "/jobs/role.md",
    stem: "role",
    text: `---\n${frontMatter}\n---\nBody\n`,
    version: "1",
  });
  assert.ok(parsed.frontMatter, parsed.problems.map(formatProblem).join("\n"));
  const { value, problems } = validate(jobSchema, parsed.frontMatter, "jobs/role.md", KNOWN_JOB_KEYS);
  return { job: value, problems, messages: problems.map(formatProblem) };
}
