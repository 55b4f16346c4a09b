#!/usr/bin/env node
// The command line's entry point: runs the compiled JavaScript in dist/,
// compiling src/ first when it changed since the last compile (a fresh
// clone, an update, an edit). Compiling takes under a second with
// TypeScript 7; running compiled code saves that on every command after.
//   node bin/openings.js check|build|new|import|preview …   (npm run …)
//   node bin/openings.js start [Eleventy options]           (npm start: the dev server)
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import module, { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const STAMP = ".compiled-from";

// Node 22+ keeps compiled bytecode between runs; Node 20 has no such cache.
module.enableCompileCache?.(join(root, "node_modules", ".cache", "openings-node"));

/** A digest of every input of the compile: when it differs from the stamp in dist/, dist/ is stale. */
function sourceDigest() {
  const hash = createHash("sha256");
  const inputs = ["tsconfig.json", "tsconfig.build.json", ".eleventy.ts", "package.json"];
  for (const entry of readdirSync(join(root, "src"), { recursive: true, encoding: "utf8" }).sort()) {
    if (entry.endsWith(".ts")) inputs.push(join("src", entry));
  }
  for (const input of inputs) {
    const stat = statSync(join(root, input));
    hash.update(`${input}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
  return hash.digest("hex");
}

function compile(digest) {
  // Into a folder of its own, swapped in whole: a command running meanwhile never reads a half-written dist/.
  const fresh = `${dist}.${process.pid}.tmp`;
  const old = `${dist}.${process.pid}.old`;
  rmSync(fresh, { recursive: true, force: true });
  // typescript exports only its version from "."; its bin/ sits beside lib/.
  const tsc = join(dirname(createRequire(import.meta.url).resolve("typescript")), "..", "bin", "tsc");
  const result = spawnSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json"), "--outDir", fresh], { cwd: root, encoding: "utf8" });
  if (result.status !== 0) {
    rmSync(fresh, { recursive: true, force: true });
    console.error(`Openings could not compile its own code (src/). Please report this, with the output below:\n${result.stdout}${result.stderr}`);
    process.exit(3);
  }
  writeFileSync(join(fresh, STAMP), digest);
  // Another command may have compiled the same sources meanwhile (tests start several at once): then keep its dist/.
  if (existsSync(dist) && readStamp() === digest) {
    rmSync(fresh, { recursive: true, force: true });
    return;
  }
  if (existsSync(dist)) renameSync(dist, old);
  renameSync(fresh, dist);
  rmSync(old, { recursive: true, force: true });
}

function readStamp() {
  try {
    return readFileSync(join(dist, STAMP), "utf8");
  } catch {
    return undefined;
  }
}

const digest = sourceDigest();
if (readStamp() !== digest) compile(digest);

if (process.argv[2] === "start") {
  // Eleventy's own command line, over the compiled configuration; it reads the rest of the arguments itself.
  process.argv = [process.argv[0], "eleventy", `--config=${join(dist, ".eleventy.js")}`, ...process.argv.slice(3)];
  const require = createRequire(import.meta.url);
  require(join(dirname(require.resolve("@11ty/eleventy")), "..", "cmd.cjs"));
} else {
  await import("../dist/src/commands/cli.js");
}
