import { writeFileSync } from "node:fs";
import { JSON_SCHEMA_FILES, jsonSchemaText } from "../src/schema/json-schema.ts";

// `npm run schema`: regenerate the JSON Schemas after changing the zod ones
// (a test fails while they disagree).
for (const [path, schema] of Object.entries(JSON_SCHEMA_FILES)) {
  writeFileSync(path, jsonSchemaText(schema));
  console.log(`wrote ${path}`);
}
