import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { buildSite } from "./build-site.ts";
import { formatGitHubAnnotation, formatProblem, summarise } from "./format-problems.ts";
import { loadSite } from "./load-site.ts";
import { hasErrors, type Problem } from "./problem.ts";

// The edge: the only place problems are printed and exit codes chosen.
//   openings check [--site DIR]
//   openings build [--site DIR] [--out DIR]

const USAGE = "usage: openings <check|build> [--site DIR] [--out DIR]";

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { site: { type: "string", default: "." }, out: { type: "string" } },
  });
  const command = positionals[0];
  const siteDir = resolve(values.site);
  if (command !== "check" && command !== "build") {
    console.error(USAGE);
    return 2;
  }
  const { site, problems } = loadSite({ siteDir });
  report(problems);
  if (!site || hasErrors(problems)) {
    console.error(`${summarise(problems)}: ${command === "build" ? "the site was not built; the previous one is unchanged" : "fix the errors above"}.`);
    return 1;
  }
  if (command === "check") {
    console.log(`${site.roles.length} postings checked: ${summarise(problems)}.`);
    return 0;
  }
  const outputDir = resolve(values.out ?? resolve(siteDir, "_site"));
  await buildSite(siteDir, outputDir);
  console.log(
    `Built ${site.openRoles.length} open roles (${site.roles.length} pages) into ${outputDir}${problems.length ? ` with ${summarise(problems)}` : ""}.`,
  );
  return 0;
}

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
