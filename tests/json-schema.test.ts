import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { JSON_SCHEMA_FILES, jsonSchemaText } from "../src/schema/json-schema.ts";
import { PROJECT_ROOT } from "./helpers.ts";

describe("the published JSON Schemas", () => {
  for (const [path, schema] of Object.entries(JSON_SCHEMA_FILES)) {
    it(`${path} matches the zod schema (run \`npm run schema\` after changing it)`, () => {
      assert.equal(readFileSync(join(PROJECT_ROOT, path), "utf8"), jsonSchemaText(schema));
    });
  }

  it("lists every documented posting key with a description", () => {
    const schema = JSON.parse(readFileSync(join(PROJECT_ROOT, "schema/job.schema.json"), "utf8"));
    assert.deepEqual(schema.required, ["title"]);
    for (const [key, property] of Object.entries<{ description?: string }>(schema.properties)) assert.ok(property.description, `${key} is described`);
  });
});
