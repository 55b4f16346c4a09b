import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { PROJECT_ROOT } from "./helpers.ts";

// The README's map of the code must not drift from the tree.

const readme = readFileSync(join(PROJECT_ROOT, "README.md"), "utf8");

describe("README", () => {
  it("names every stage folder and shared module in src/", () => {
    const entries = readdirSync(join(PROJECT_ROOT, "src"), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() || entry.name.endsWith(".ts"))
      .map((entry) => (entry.isDirectory() ? `src/${entry.name}/` : `src/${entry.name}`));
    assert.ok(entries.length > 8);
    const missing = entries.filter((name) => !readme.includes(`\`${name}\``));
    assert.deepEqual(missing, [], "add these to the table in README.md");
  });

  it("names every npm script", () => {
    const scripts = Object.keys(JSON.parse(readFileSync(join(PROJECT_ROOT, "package.json"), "utf8")).scripts);
    const missing = scripts.filter(
      (name) =>
        !["typecheck", "lint", "format", "debug"].includes(name) &&
        !readme.includes(name === "start" ? "npm start" : `npm run ${name}`) &&
        !readme.includes(`npm ${name}`),
    );
    assert.deepEqual(missing, []);
  });

  it("documents every site.yaml key", () => {
    const keys = Object.keys(JSON.parse(readFileSync(join(PROJECT_ROOT, "schema/site.schema.json"), "utf8")).properties);
    assert.deepEqual(
      keys.filter((key) => !readme.includes(`| \`${key}\` |`)),
      [],
    );
  });
});
