import { z } from "zod";
import { found } from "./job-schema.ts";

// site.yaml's `apply_params`: parameters added to every web apply link, so
// the applicant tracking system can tell which applications came through the
// careers site (`utm_source=careers-site`). Written as a query string or as
// `key: value` lines; a link that already names a parameter keeps its own.

/** Parameter names, decoded, in the order written, each with its value. */
export type ApplyParams = readonly (readonly [string, string])[];

// Letters, digits and the punctuation tracking names use (`utm_source`, `lever-source[]`).
const NAME = /^[A-Za-z0-9_.~[\]-]+$/;
const EXAMPLE = "parameters like utm_source=careers-site&utm_medium=website";

export const applyParams = z
  .union([z.string(), z.record(z.string(), z.unknown())], {
    error: (issue) => `expected ${EXAMPLE}, or \`name: value\` lines, found ${found(issue.input)}`,
  })
  .transform((raw, ctx): ApplyParams => {
    // Written as `name: value` lines, a problem is shown at its line.
    const fail = (message: string, name?: string) => {
      const hint = "write them like `apply_params: utm_source=careers-site&utm_medium=website`";
      ctx.addIssue({
        code: "custom",
        input: raw,
        message,
        path: typeof raw === "string" || name === undefined ? [] : [name],
        params: { code: "bad-apply-params", hint },
      });
      return z.NEVER;
    };
    const pairs = typeof raw === "string" ? fromQuery(raw) : fromMapping(raw);
    if (!Array.isArray(pairs)) return fail(pairs.problem, pairs.name);
    if (pairs.length === 0) return fail(`expected ${EXAMPLE}, found ${found(raw)}`);
    const seen = new Set<string>();
    for (const [name, value] of pairs) {
      if (!NAME.test(name)) return fail(`expected a parameter name of letters, digits, \`_\`, \`-\` or \`.\`, found ${found(name)}`, name);
      if (seen.has(name)) return fail(`\`${name}\` is given twice`, name);
      if (value === "") return fail(`\`${name}\` has no value`, name);
      seen.add(name);
    }
    return pairs;
  });

/** `utm_source=careers-site&utm_medium=website` (a leading `?` is allowed), decoded; or why it cannot be read. */
function fromQuery(raw: string): [string, string][] | { problem: string; name?: string } {
  const pairs: [string, string][] = [];
  for (const part of raw.trim().replace(/^\?/, "").split("&")) {
    if (part === "") continue;
    const at = part.indexOf("=");
    if (at < 0) return { problem: `expected \`name=value\`, found ${found(part)}` };
    const name = decode(part.slice(0, at));
    const value = decode(part.slice(at + 1));
    if (name === undefined || value === undefined) return { problem: `expected %-codes like %20, found ${found(part)}` };
    pairs.push([name.trim(), value.trim()]);
  }
  return pairs;
}

function fromMapping(raw: Record<string, unknown>): [string, string][] | { problem: string; name?: string } {
  const pairs: [string, string][] = [];
  for (const [name, value] of Object.entries(raw)) {
    if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") return { problem: `expected text, found ${found(value)}`, name };
    pairs.push([name.trim(), String(value).trim()]);
  }
  return pairs;
}

/** A query string's `+` is a space. */
function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return undefined;
  }
}

/**
 * `href` with `params` added to its query, before any `#fragment`, except
 * those it already names. The link is otherwise kept as written, byte for
 * byte, so an applicant tracking system reads its own parameters as before.
 */
export function withApplyParams(href: string, params: ApplyParams): string {
  if (params.length === 0) return href;
  const hash = href.indexOf("#");
  const fragment = hash < 0 ? "" : href.slice(hash);
  const rest = hash < 0 ? href : href.slice(0, hash);
  const question = rest.indexOf("?");
  const query = question < 0 ? "" : rest.slice(question + 1);
  const present = new Set(
    query
      .split("&")
      .filter(Boolean)
      .map((part) => decode(part.split("=")[0] ?? "") ?? part),
  );
  const added = params.filter(([name]) => !present.has(name)).map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
  if (added.length === 0) return href;
  const joiner = question < 0 ? "?" : query === "" || query.endsWith("&") ? "" : "&";
  return `${rest}${joiner}${added.join("&")}${fragment}`;
}
