import { existsSync, readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { count } from "../count.ts";
import type { BuildContext } from "../model.ts";
import { OPENINGS_ROOT } from "../openings-root.ts";
import { CACHE_DIR } from "../pipeline/parse-cache.ts";
import { hasErrors, OpeningsError, type Problem } from "../problem.ts";

// The edge: the only place settings are read from the environment, problems
// are printed and exit codes chosen. Exit codes: 0 done, 1 problems found or
// the build could not finish, 2 a mistake on the command line, 3 a bug.
// Each command imports what it needs when it runs (the schema alone takes a
// tenth of a second to load), so `--version` is instant and `check` never
// loads Eleventy.

const COMMANDS = {
  check: {
    usage: "openings check [--site DIR] [--no-cache]",
    does: "checks every posting, jobs/index.md and site.yaml; exit code 1 on errors. Parsed postings are kept in DIR/.openings-cache/ (--no-cache: not used)",
  },
  build: {
    usage: "openings build [--site DIR] [--out DIR] [--no-search] [--no-share-images] [--no-cache] [--force]",
    does:
      "checks, then builds the site into --out (default DIR/_site); on any error the previous site stays as it was. " +
      "Share images are kept in DIR/.openings-cache/ too, and drawn again only when what they show changes (--no-share-images: none this time). " +
      "--out must be a folder of its own: a non-empty folder Openings did not write is replaced only with --force",
  },
  new: { usage: 'openings new "Job title" [--site DIR]', does: "writes jobs/job-title.md with every key present and explained" },
  import: {
    usage: "openings import FILE… [--site DIR]\n       openings import --from greenhouse|lever|ashby FILE.json [--site DIR] [--force]",
    does:
      "turns job ads (text, HTML or Markdown) into postings under jobs/; with --from, a saved Greenhouse, Lever or Ashby job-board response " +
      "into one posting per listed job, updating the postings an earlier import wrote (--force: even those edited since)",
  },
  preview: { usage: "openings preview [--site DIR] [--out DIR] [--port 8080]", does: "serves the built site as a static host would" },
} as const;
type Command = keyof typeof COMMANDS;

const USAGE = `usage: ${Object.values(COMMANDS)
  .map((command) => command.usage)
  .join("\n       ")}
       openings --version
Run \`openings COMMAND --help\` for one command; npm runs them as \`npm run COMMAND -- …\`.`;

const OPTIONS = {
  site: { type: "string", default: "." },
  out: { type: "string" },
  port: { type: "string", default: "8080" },
  "no-search": { type: "boolean", default: false },
  "no-share-images": { type: "boolean", default: false },
  "no-cache": { type: "boolean", default: false },
  from: { type: "string" },
  force: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
  version: { type: "boolean", default: false },
} as const;

/** Thrown for a mistake on the command line; printed with the usage, exit code 2. */
class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: typeof OPTIONS }>>;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  } catch (cause) {
    // node:util's messages name the option; the advice about `--` is for scripts, not people.
    throw new UsageError((cause as Error).message.replace(/\. To specify a positional argument.*$/s, "."));
  }
  const { positionals, values } = parsed;
  const [name, ...args] = positionals;
  if (values.version) {
    console.log(openingsVersion());
    return 0;
  }
  if (name === undefined || name === "help") {
    (values.help || name === "help" ? console.log : console.error)(USAGE);
    return values.help || name === "help" ? 0 : 2;
  }
  if (!(name in COMMANDS)) throw new UsageError(`\`${name}\` is not an Openings command`);
  const command = name as Command;
  if (values.help) {
    console.log(`usage: ${COMMANDS[command].usage}\n${COMMANDS[command].does}.`);
    return 0;
  }
  const siteDir = resolve(values.site);
  const context: BuildContext = {
    siteDir,
    outputDir: resolve(values.out ?? join(siteDir, "_site")),
    includeDrafts: false,
    workers: workersFromEnvironment(),
    // No `today`: the day it is where the company is (site.yaml's `timezone`), found as the site loads.
    cache: values["no-cache"] ? undefined : parseCacheFor(siteDir),
    buildCache: values["no-cache"] ? undefined : join(siteDir, CACHE_DIR),
    shareImages: !values["no-share-images"],
  };
  switch (command) {
    case "new":
      if (args.length === 0) throw new UsageError("`new` needs the job title");
      return newPosting(context, args.join(" "));
    case "import":
      if (args.length === 0) throw new UsageError("`import` needs at least one file");
      return importFiles(context, args, { from: values.from, force: values.force });
    case "preview":
      return preview(context, values.port);
    default:
      if (args.length > 0) throw new UsageError(`\`${command}\` takes no ${args.length === 1 ? "argument" : "arguments"}, found \`${args.join(" ")}\``);
      return checkOrBuild(command, context, { search: !values["no-search"], force: values.force });
  }
}

async function checkOrBuild(command: "check" | "build", context: BuildContext, { search, force }: { search: boolean; force: boolean }): Promise<number> {
  // check needs no Eleventy at all. (Loading the site on a worker thread while
  // this one loads Eleventy was tried: 50 postings took 0.1 s longer and
  // 0.35 s more CPU, measured interleaved on a quiet machine.)
  const loading = import("../pipeline/load-site.ts").then(({ loadSite }) => loadSite(context));
  const [{ site, problems, checked }, building] = command === "build" ? await Promise.all([loading, buildModules()]) : [await loading];
  const { summarise } = await formatting();
  await report(problems);
  if (!site || hasErrors(problems)) {
    const previous = existsSync(context.outputDir) ? "the site was not built; the previous one is unchanged" : "the site was not built";
    console.error(`${summarise(problems)}: ${command === "check" ? "fix the errors above" : previous}.`);
    return 1;
  }
  if (command === "check") {
    console.log(`${count(checked, "posting")} checked: ${summarise(problems)}.`);
    return 0;
  }
  if (!building) throw new Error("build-site.ts was not loaded for a build");
  const timings = await building.buildSite(context, site, { search, force });
  const warnings = problems.length ? ` with ${summarise(problems)}` : "";
  console.log(`Built ${count(site.openRoles.length, "open role")} (${count(site.roles.length, "role page")}) into ${context.outputDir}${warnings}.`);
  const searchIndex = search ? `search index written in ${timings.search.toFixed(2)} s` : "no search index (--no-search)";
  console.log(`Pages rendered in ${timings.render.toFixed(2)} s, ${searchIndex}.`);
  const { drawn, reused } = timings.shareImages;
  if (drawn + reused > 0) console.log(`Share images: ${drawn} drawn, ${reused} unchanged from the cache.`);
  if (timings.searchParts) console.log(`Search index parts: ${timings.searchParts.indexed} indexed, ${timings.searchParts.reused} unchanged from the cache.`);
  return 0;
}

async function preview({ siteDir, outputDir }: BuildContext, portText: string): Promise<number> {
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new UsageError(`--port takes a number from 0 to 65535, found \`${portText}\``);
  if (!existsSync(join(outputDir, "index.html"))) {
    console.error(`There is no built site in ${outputDir}: run \`npm run build\` first.`);
    return 1;
  }
  const [{ loadSiteConfig }, { serveSite }] = await Promise.all([import("../parse/load-site-config.ts"), import("./serve-site.ts")]);
  const pathPrefix = loadSiteConfig(siteDir).config?.path_prefix ?? "/";
  const server = serveSite(outputDir, pathPrefix);
  // With `--port 0` the system picks a free port; say which (`npm run audit` reads it).
  server.listen(port, "127.0.0.1", () => {
    const { port: listening } = server.address() as AddressInfo;
    console.log(`Serving ${outputDir} as a static host would, at http://127.0.0.1:${listening}${pathPrefix} (Ctrl-C stops).`);
  });
  // Runs until interrupted.
  return new Promise(() => {});
}

async function newPosting({ siteDir }: BuildContext, title: string): Promise<number> {
  const [{ postingText }, { takenNames, writePosting }] = await Promise.all([import("../import/posting-text.ts"), import("../import/write-posting.ts")]);
  const today = await siteToday(siteDir);
  const written = writePosting(siteDir, title, postingText({ fields: { title, date_posted: today }, body: NEW_POSTING_BODY }).text, takenNames(siteDir), {
    suffix: false,
  });
  if (!("path" in written)) {
    console.error(`Nothing written: ${"taken" in written ? `${written.taken} already exists; choose another title, or edit that file` : written.failed}.`);
    return 1;
  }
  const { path } = written;
  console.log(`Wrote ${path}. Fill in the lines marked TODO, then preview with \`npm start\` and check with \`npm run check\`.`);
  return 0;
}

async function importFiles({ siteDir }: BuildContext, files: string[], { from, force }: { from?: string; force: boolean }): Promise<number> {
  const today = await siteToday(siteDir);
  // npm runs scripts from the project folder; FILE is relative to where the user typed it.
  const userDir = process.env.INIT_CWD ?? process.cwd();
  // Loaded only to import: turndown and its DOM are for this command alone.
  const [{ importAd }, { importBoard }, { BOARDS, BOARD_NAMES }, { takenNames }] = await Promise.all([
    import("../import/import-ad.ts"),
    import("../import/ats/import-board.ts"),
    import("../import/ats/board-job.ts"),
    import("../import/write-posting.ts"),
  ]);
  const board = BOARDS.find((name) => name === from);
  if (from !== undefined && !board) throw new UsageError(`--from takes ${BOARDS.join(", ")}, found \`${from}\``);
  const problems: Problem[] = [];
  const taken = takenNames(siteDir);
  for (const file of files) {
    const source = resolve(userDir, file);
    if (board) {
      const imported = importBoard(siteDir, source, file, board, { today, force });
      // A loop, not push(...many): a board of 100,000-odd jobs must not overflow the stack.
      for (const problem of imported.problems) problems.push(problem);
      for (const { action, path, id, missing } of imported.outcomes) {
        if (action === "unchanged" || action === "kept") continue;
        const todo = missing.length ? ` (to fill in: ${missing.join(", ")})` : "";
        console.log(`${action === "wrote" ? "Wrote" : "Updated"} ${path} from ${BOARD_NAMES[board]} job ${id}${todo}.`);
      }
      const tally = (["wrote", "updated", "unchanged", "kept"] as const).map(
        (action) => imported.outcomes.filter((outcome) => outcome.action === action).length,
      );
      const [wrote = 0, updated = 0, unchanged = 0, kept = 0] = tally;
      const parts = [`${count(wrote, "posting")} written`, `${updated} updated`, `${unchanged} unchanged`, ...(kept ? [`${kept} left as edited`] : [])];
      const unlisted = imported.unlisted ? `; ${count(imported.unlisted, "unlisted job")} skipped` : "";
      if (!hasErrors(imported.problems)) console.log(`${file}: ${parts.join(", ")}${unlisted}.`);
      continue;
    }
    const imported = importAd(siteDir, source, file, { today, taken });
    for (const problem of imported.problems) problems.push(problem);
    if (imported.path) {
      const todo = imported.missing.length ? ` Still to fill in (marked TODO): ${imported.missing.join(", ")}.` : "";
      console.log(`Wrote ${imported.path} from ${file}.${todo}`);
    }
  }
  await report(problems);
  return hasErrors(problems) ? 1 : 0;
}

const NEW_POSTING_BODY = `## About the role

TODO: two or three sentences on what this person will do and why it matters.

## What you'll do

- TODO

## What we look for

- TODO

## How to apply

TODO: what to send, and what happens next.`;

const formatting = () => import("./format-problems.ts");

/** The day it is where the company is (site.yaml's `timezone`), for the date a new posting gets. */
async function siteToday(siteDir: string): Promise<string> {
  const [{ loadSiteConfig }, { DEFAULT_TIME_ZONE, todayIn }] = await Promise.all([import("../parse/load-site-config.ts"), import("../schema/time-zone.ts")]);
  return todayIn(loadSiteConfig(siteDir).config?.timezone ?? DEFAULT_TIME_ZONE);
}

/** What a build needs once the site is loaded, loaded meanwhile: Eleventy first, then how problems are printed. */
async function buildModules() {
  const building = await import("../pipeline/build-site.ts");
  await formatting();
  return building;
}

async function report(problems: readonly Problem[]): Promise<void> {
  const { formatGitHubAnnotation, formatReport, inReadingOrder } = await formatting();
  for (const line of formatReport(problems)) console.error(line);
  if (process.env.GITHUB_ACTIONS === "true") for (const problem of inReadingOrder(problems)) console.log(formatGitHubAnnotation(problem));
}

/**
 * The parse cache in `<site>/.openings-cache/`, for the compiled Openings that
 * bin/openings.js runs: its compile stamp names the code that parses. Run
 * from TypeScript source (tests, through tsx), there is no such stamp, and
 * no cache: an edit to the parser would otherwise go unseen.
 */
function parseCacheFor(siteDir: string): BuildContext["cache"] {
  if (!import.meta.url.endsWith(".js")) return undefined;
  try {
    return { dir: join(siteDir, CACHE_DIR), version: readFileSync(join(OPENINGS_ROOT, "dist", ".compiled-from"), "utf8") };
  } catch {
    return undefined;
  }
}

/** `OPENINGS_WORKERS=N` sets the number of worker threads (0: none); unset, the site's size decides. */
function workersFromEnvironment(): number | undefined {
  const value = process.env.OPENINGS_WORKERS;
  if (value === undefined || value === "") return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`OPENINGS_WORKERS takes a whole number, found \`${value}\``);
  return Number(value);
}

function openingsVersion(): string {
  const { version } = JSON.parse(readFileSync(join(OPENINGS_ROOT, "package.json"), "utf8")) as { version: string };
  return `openings ${version}`;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (failure: unknown) => {
    if (failure instanceof UsageError) {
      console.error(`${failure.message}.\n${USAGE}`);
      process.exitCode = 2;
    } else if (failure instanceof OpeningsError) {
      // Not a posting's fault, not a bug: the disk, permissions or a tool. Said plainly, with the system's reason.
      const cause = failure.cause instanceof Error ? ` (${failure.cause.message})` : "";
      console.error(`The site was not built: ${failure.message}${cause}.`);
      process.exitCode = 1;
    } else {
      // Problems in postings never get here; this is a bug in Openings itself.
      console.error("Openings failed unexpectedly. Please report this, with the output below:");
      console.error(failure);
      process.exitCode = 3;
    }
  },
);
