import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { todayInUtc } from "./calendar-date.ts";
import { count } from "./count.ts";
import { formatGitHubAnnotation, formatProblem, summarise } from "./format-problems.ts";
import { importPosting } from "./import-posting.ts";
import { JOBS_DIR, loadSite } from "./load-site.ts";
import { hasErrors, type Problem } from "./problem.ts";
import { serveSite } from "./serve-site.ts";
import { loadSiteConfig } from "./site-config.ts";
import { writeNewPosting } from "./write-posting.ts";

// The edge: the only place problems are printed and exit codes chosen.
//   openings check [--site DIR]
//   openings build [--site DIR] [--out DIR] [--no-search]
//   openings new "Job title" [--site DIR]
//   openings import FILE… [--site DIR]
//   openings preview [--site DIR] [--out DIR] [--port 8080]

const USAGE = `usage: openings check|build [--site DIR] [--out DIR] [--no-search]
       openings new "Job title" [--site DIR]
       openings import FILE… [--site DIR]
       openings preview [--site DIR] [--out DIR] [--port 8080]`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      site: { type: "string", default: "." },
      out: { type: "string" },
      port: { type: "string", default: "8080" },
      "no-search": { type: "boolean", default: false },
    },
  });
  const [command, ...args] = positionals;
  const siteDir = resolve(values.site);
  if (command === "new" && args.length > 0) return newPosting(siteDir, args.join(" "));
  if (command === "import" && args.length > 0) return importFiles(siteDir, args);
  if (command === "preview") return preview(siteDir, resolve(values.out ?? resolve(siteDir, "_site")), Number(values.port));
  if (command !== "check" && command !== "build") {
    console.error(USAGE);
    return 2;
  }
  const { site, problems, checked } = await loadSite({ siteDir });
  const outputDir = resolve(values.out ?? resolve(siteDir, "_site"));
  report(problems);
  if (!site || hasErrors(problems)) {
    const outcome =
      command === "check" ? "fix the errors above" : existsSync(outputDir) ? "the site was not built; the previous one is unchanged" : "the site was not built";
    console.error(`${summarise(problems)}: ${outcome}.`);
    return 1;
  }
  if (command === "check") {
    console.log(`${count(checked, "posting")} checked: ${summarise(problems)}.`);
    return 0;
  }
  // Loaded only to build: Eleventy and Pagefind take a while to import, and check needs neither.
  const { buildSite } = await import("./build-site.ts");
  const timings = await buildSite(siteDir, outputDir, site, { search: !values["no-search"] });
  const warnings = problems.length ? ` with ${summarise(problems)}` : "";
  console.log(`Built ${count(site.openRoles.length, "open role")} (${count(site.roles.length, "role page")}) into ${outputDir}${warnings}.`);
  const search = values["no-search"] ? "no search index (--no-search)" : `search index written in ${timings.search.toFixed(2)} s`;
  console.log(`Pages rendered in ${timings.render.toFixed(2)} s, ${search}.`);
  return 0;
}

function preview(siteDir: string, outputDir: string, port: number): Promise<number> {
  if (!existsSync(join(outputDir, "index.html"))) {
    console.error(`There is no built site in ${outputDir}: run \`npm run build\` first.`);
    return Promise.resolve(1);
  }
  const pathPrefix = loadSiteConfig(siteDir).config?.path_prefix ?? "/";
  const server = serveSite(outputDir, pathPrefix);
  server.listen(port, "127.0.0.1", () => console.log(`Serving ${outputDir} as a static host would, at http://127.0.0.1:${port}${pathPrefix} (Ctrl-C stops).`));
  // Runs until interrupted.
  return new Promise(() => {});
}

function newPosting(siteDir: string, title: string): number {
  const { path, refused } = writeNewPosting(siteDir, JOBS_DIR, { title, date_posted: todayInUtc(), body: NEW_POSTING_BODY });
  if (!path) {
    console.error(`Nothing written: ${refused}.`);
    return 1;
  }
  console.log(`Wrote ${path}. Fill in the lines marked TODO, then preview with \`npm start\` and check with \`npm run check\`.`);
  return 0;
}

function importFiles(siteDir: string, files: string[]): number {
  // npm runs scripts from the project folder; FILE is relative to where the user typed it.
  const userDir = process.env.INIT_CWD ?? process.cwd();
  let failed = 0;
  for (const file of files) {
    const source = resolve(userDir, file);
    if (!existsSync(source)) {
      console.error(`${file}: no such file.`);
      failed++;
      continue;
    }
    const skeleton = importPosting(source);
    const { path, refused } = writeNewPosting(siteDir, JOBS_DIR, skeleton);
    if (!path) {
      console.error(`${file}: nothing written: ${refused}.`);
      failed++;
      continue;
    }
    const missing = (["description", "team", "location", "employment_type", "apply"] as const).filter(
      (key) => !skeleton[key] && !(key === "location" && skeleton.remote),
    );
    console.log(`Wrote ${path} from ${file}.${missing.length ? ` Still to fill in (marked TODO): ${missing.join(", ")}.` : ""}`);
  }
  return failed > 0 ? 1 : 0;
}

const NEW_POSTING_BODY = `## About the role

TODO: two or three sentences on what this person will do and why it matters.

## What you'll do

- TODO

## What we look for

- TODO

## How to apply

TODO: what to send, and what happens next.`;

function report(problems: readonly Problem[]): void {
  for (const problem of problems) console.error(formatProblem(problem));
  if (process.env.GITHUB_ACTIONS === "true") for (const problem of problems) console.log(formatGitHubAnnotation(problem));
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (bug: unknown) => {
    // Problems in postings never get here; this is a bug in Openings itself.
    console.error("Openings failed unexpectedly. Please report this, with the output below:");
    console.error(bug);
    process.exitCode = 3;
  },
);
