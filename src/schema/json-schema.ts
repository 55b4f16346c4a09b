import { z } from "zod";
import { jobSchema } from "./job-schema.ts";
import { siteSchema } from "./site-schema.ts";

// The published JSON Schemas come from the same zod definitions as the `Job`
// type and the validation, describing what authors write (the input side).

export const JSON_SCHEMA_FILES = {
  "schema/job.schema.json": jobSchema,
  "schema/site.schema.json": siteSchema,
} as const;

export function jsonSchemaText(schema: z.ZodType): string {
  return `${JSON.stringify(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }), null, 2)}\n`;
}
