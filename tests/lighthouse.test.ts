import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { CATEGORIES, DEVICES, formatAudit, type PageAudit, runAudit } from "../scripts/audit.ts";
import { browserSkip, CHROMIUM_PATH } from "./browser-helpers.ts";
import { PROJECT_ROOT } from "./helpers.ts";

// Lighthouse 100 in all four categories, on a phone and on a desktop, for the
// example site's jobs index, a filter page and a role page: `npm run audit`,
// through its module, against the preview server in Debian's Chromium. Each
// page and device is one test, so a failure names where the site fell short;
// the printed table says by how much and why.

const MIN = 100;
const PERFORMANCE_RUNS = 3;

describe("Lighthouse on the example site", { skip: browserSkip() }, () => {
  let results: PageAudit[] = [];
  before(async () => {
    results = await runAudit({ siteDir: PROJECT_ROOT, min: MIN, performanceRuns: PERFORMANCE_RUNS, chromiumPath: CHROMIUM_PATH, log: () => {} });
    // The test runner shows it as diagnostics, whether the scores pass or not.
    console.log(formatAudit(results, { min: MIN, performanceRuns: PERFORMANCE_RUNS }));
  });

  it("audits the index, a filter page and a role page, each on both devices", () => {
    assert.deepEqual(
      results.map((result) => [result.page, result.device]),
      ["index", "filter page", "role page"].flatMap((page) => DEVICES.map((device) => [page, device])),
    );
    assert.match(results.find((result) => result.page === "filter page")?.path ?? "", /^\/jobs\/(team|location|type)\/[^/]+\/$/);
  });

  for (const page of ["index", "filter page", "role page"] as const) {
    for (const device of DEVICES) {
      for (const categories of [CATEGORIES.filter((category) => category !== "performance"), ["performance" as const]]) {
        it(`scores ${MIN} in ${categories.join(", ")}: ${page}, ${device}`, () => {
          const result = results.find((found) => found.page === page && found.device === device);
          assert.ok(result, "audited");
          const failing = result.failing
            .filter((audit) => (categories as readonly string[]).includes(audit.category))
            .map((audit) => `${audit.category}: ${audit.title}${audit.value ? ` (${audit.value})` : ""}`);
          const scores = Object.fromEntries(categories.map((category) => [category, result.scores[category]]));
          assert.deepEqual(
            { scores, failing },
            { scores: Object.fromEntries(categories.map((category) => [category, MIN])), failing: [] },
            `${result.path} (${device})`,
          );
        });
      }
    }
  }
});
