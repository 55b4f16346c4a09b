import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { PROJECT_ROOT } from "./helpers.ts";

// The README's map of the code must not drift from the tree.

const readme = readFileSync(join(PROJECT_ROOT, "README.md"), "utf8");

describe("README", () => {
  it("names every module in src/", () => {
    const modules = readdirSync(join(PROJECT_ROOT, "src")).filter((name) => name.endsWith(".ts"));
    assert.ok(modules.length > 10);
    const missing = modules.filter((name) => !readme.includes(`src/${name}`));
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
