import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { formatProblem } from "../src/commands/format-problems.ts";
import { PAY_LAWS, type PayLaw } from "../src/derive/pay-laws.ts";
import { loadSite } from "../src/pipeline/load-site.ts";
import { makeSite, PROJECT_ROOT, posting, runCli, SITE_YAML } from "./helpers.ts";

// Pay transparency laws, checked (issue 14): a role located in, or remote-open
// to, a place whose law asks its postings for pay gets a problem at the line
// that brings the law in, unless it gives what the law asks.

const US_LAWS =
  "New York City, New York State, California, Colorado, Washington State, the District of Columbia, Hawaii, Maryland, Illinois, Minnesota, New Jersey, Vermont and Massachusetts";

/** The pay transparency problems `check` reports for one posting, as printed, on `today`. */
async function payProblems(frontMatter: string, { today = "2026-12-01", siteYaml = SITE_YAML } = {}): Promise<string[]> {
  const siteDir = makeSite({ "site.yaml": siteYaml, "jobs/role.md": posting(frontMatter) });
  const { problems } = await loadSite({ siteDir, includeDrafts: false, today });
  return problems.filter((problem) => problem.code.startsWith("pay-")).map((problem) => `${problem.code} ${formatProblem(problem)}`);
}

describe("pay transparency laws", () => {
  it("New York City: an in-person role needs both a minimum and a maximum", async () => {
    const open = await payProblems("title: Sommelier\nlocation: New York, NY\nsalary: { min: 70000, currency: USD, per: YEAR }");
    assert.deepEqual(open, [
      "pay-range-open jobs/role.md:3:11: warning: this role can be done in New York City and New York State (`New York, NY`), where pay transparency laws ask for both the lowest and the highest pay, and `salary` has no `max` (add `max:`; for a fixed pay, the same amount as `min`; docs/posting-a-job.md#pay-transparency lists the laws)",
    ]);
    assert.deepEqual(await payProblems("title: Sommelier\nlocation: Brooklyn, NY\nsalary: { min: 70000, max: 82000, currency: USD, per: YEAR }"), []);
    assert.deepEqual(
      await payProblems("title: Sommelier\nlocation: NYC\nsalary: { min: 70000, max: 70000, currency: USD, per: YEAR }"),
      [],
      "a fixed pay is one amount as both ends",
    );
  });

  it("remote work open to the US brings in every US law, at the `remote` line", async () => {
    const found = await payProblems("title: Support engineer\nteam: Support\nremote: [Canada, US]");
    assert.deepEqual(found, [
      "pay-range-missing jobs/role.md:4:10: warning: this role can be done in British Columbia and Ontario (`Canada` in `remote`), where pay transparency laws ask for a pay range, and this posting gives none (add `salary:` with `min`, `max`, `currency` and `per`; for a fixed pay, the same amount as both `min` and `max`; docs/posting-a-job.md#pay-transparency lists the laws)",
      `pay-range-missing jobs/role.md:4:18: warning: this role can be done in ${US_LAWS} (\`US\` in \`remote\`), where pay transparency laws ask for a pay range, and this posting gives none (add \`salary:\` with \`min\`, \`max\`, \`currency\` and \`per\`; for a fixed pay, the same amount as both \`min\` and \`max\`; docs/posting-a-job.md#pay-transparency lists the laws)`,
      "pay-benefits-missing jobs/role.md:4:18: warning: this role can be done in Colorado, Washington State, Maryland, Illinois, Minnesota and New Jersey (`US` in `remote`), where pay transparency laws ask for a description of the benefits, and this posting has no `benefits` (add `benefits:` with what comes with the pay: health cover, retirement, paid leave, bonus or equity; docs/posting-a-job.md#pay-transparency lists the laws)",
      "pay-closing-date-missing jobs/role.md:4:18: warning: this role can be done in Colorado (`US` in `remote`), where the pay transparency law asks for the day applications close, and this posting has no `valid_through` (add `valid_through:` with the last day to apply, like 2027-01-31; docs/posting-a-job.md#pay-transparency lists the laws)",
    ]);
    const anywhere = await payProblems("title: Support engineer\nremote: true");
    assert.match(anywhere[0] ?? "", /^pay-range-missing jobs\/role\.md:3:9: .*New York City, .* British Columbia, Ontario and the EU \(`remote: true`\)/);
  });

  it("an EU member state: from 7 June 2026, when the Pay Transparency Directive applies", async () => {
    const berlin = "title: Data engineer\nlocation: Berlin, Germany";
    assert.deepEqual(await payProblems(berlin, { today: "2026-06-06" }), []);
    assert.deepEqual(
      (await payProblems(berlin, { today: "2026-06-07" })).map((line) => line.split(" (add")[0]),
      [
        "pay-range-missing jobs/role.md:3:11: warning: this role can be done in the EU (`Berlin, Germany`), where the pay transparency law asks for a pay range, and this posting gives none",
      ],
    );
    assert.equal((await payProblems("title: Data engineer\nlocation: Remote (Europe)")).length, 1, "remote work across Europe");
    assert.deepEqual(await payProblems("title: Data engineer\nlocation: London, UK\nremote: [United Kingdom]"), [], "not an EU member state");
  });

  it("Colorado: a range is not enough without the benefits; the closing date is there", async () => {
    const found = await payProblems(
      "title: Mechanic\nlocation: ['Denver, CO', 'Austin, TX']\nvalid_through: 2099-01-31\nsalary: { min: 31, max: 38, currency: USD, per: HOUR }",
    );
    assert.deepEqual(
      found.map((line) => line.split(" (add")[0]),
      [
        "pay-benefits-missing jobs/role.md:3:12: warning: this role can be done in Colorado (`Denver, CO`), where the pay transparency law asks for a description of the benefits, and this posting has no `benefits`",
      ],
    );
    assert.deepEqual(
      await payProblems(
        "title: Mechanic\nlocation: Denver, CO\nvalid_through: 2099-01-31\nsalary: { min: 31, max: 38, currency: USD, per: HOUR }\nbenefits: Health cover from day one.",
      ),
      [],
    );
  });

  it("Texas, and places no table row reaches, need nothing", async () => {
    assert.deepEqual(await payProblems("title: Welder\nlocation: Austin, TX"), []);
    assert.deepEqual(await payProblems("title: Welder\nlocation: ['Houston, Texas', 'Oslo, Norway', 'Springfield']"), []);
    assert.deepEqual(await payProblems("title: Welder\nremote: ['UTC-6 to UTC-4']"), [], "a time-zone range names no place");
  });

  it("a range for one place does not cover another", async () => {
    const twoCities =
      "title: Barista\nlocation: ['New York, NY', 'Austin, TX']\nsalary:\n  - { min: 21, max: 24, currency: USD, per: HOUR, location: 'Austin, TX' }";
    assert.deepEqual(
      (await payProblems(twoCities)).map((line) => line.split(" (add")[0]),
      [
        "pay-range-missing jobs/role.md:3:12: warning: this role can be done in New York City and New York State (`New York, NY`), where pay transparency laws ask for a pay range, and this posting's ranges are for other places (`Austin, TX`)",
      ],
    );
    assert.deepEqual(await payProblems(`${twoCities}\n  - { min: 24, max: 28, currency: USD, per: HOUR, location: 'New York, NY' }`), []);
    assert.deepEqual(await payProblems(`${twoCities}\n  - { min: 24, max: 28, currency: USD, per: HOUR }`), [], "a range with no place applies everywhere");
  });

  it("reads Canadian provinces, and reports each law once, at the first line that brings it in", async () => {
    const found = await payProblems("title: Baker\nlocation: ['Vancouver, BC', 'Toronto, Ontario, Canada', 'Burnaby, BC']\nremote: [North America]");
    assert.deepEqual(
      found.map((line) => line.split(", where")[0]),
      [
        "pay-range-missing jobs/role.md:3:12: warning: this role can be done in British Columbia (`Vancouver, BC`)",
        "pay-range-missing jobs/role.md:3:29: warning: this role can be done in Ontario (`Toronto, Ontario, Canada`)",
        `pay-range-missing jobs/role.md:4:10: warning: this role can be done in ${US_LAWS} (\`North America\` in \`remote\`)`,
        "pay-benefits-missing jobs/role.md:4:10: warning: this role can be done in Colorado, Washington State, Maryland, Illinois, Minnesota and New Jersey (`North America` in `remote`)",
        "pay-closing-date-missing jobs/role.md:4:10: warning: this role can be done in Colorado (`North America` in `remote`)",
      ],
    );
  });

  it("checks drafts, which are about to be published, and not closed roles, which no longer are", async () => {
    assert.equal((await payProblems("title: Porter\nlocation: Seattle, WA\ndraft: true")).length, 2);
    assert.deepEqual(await payProblems("title: Porter\nlocation: Seattle, WA\nclosed: true"), []);
  });

  it("site.yaml's `pay_transparency` makes them errors, or turns them off", async () => {
    const role = "title: Porter\nlocation: Seattle, WA\nsalary: { min: 20, max: 24, currency: USD, per: HOUR }";
    assert.deepEqual(await payProblems(role, { siteYaml: `${SITE_YAML}pay_transparency: off\n` }), []);
    assert.deepEqual(
      (await payProblems(role, { siteYaml: `${SITE_YAML}pay_transparency: error\n` })).map((line) => line.split(": this")[0]),
      ["pay-benefits-missing jobs/role.md:3:11: error"],
    );
  });
});

describe("pay_transparency: error, a hard gate", () => {
  const site = makeSite({
    "site.yaml": `${SITE_YAML}pay_transparency: error\n`,
    "jobs/sommelier.md": posting("title: Sommelier\nlocation: New York, NY"),
    "jobs/welder.md": posting("title: Welder\nlocation: Austin, TX"),
  });

  it("fails check", () => {
    const result = runCli(["check", "--site", site]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^jobs\/sommelier\.md:3:11: error: this role can be done in New York City and New York State/m);
    assert.match(result.stderr, /^1 error, 0 warnings: fix the errors above\.$/m);
  });

  it("stops the build before anything is written", () => {
    const result = runCli(["build", "--site", site]);
    assert.equal(result.code, 1);
    assert.equal(existsSync(join(site, "_site")), false);
  });

  it("is refused with any other value, in plain words", () => {
    const result = runCli(["check", "--site", makeSite({ "site.yaml": `${SITE_YAML}pay_transparency: strict\n` })]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^site\.yaml:4:19: error: pay_transparency: expected `warn`, `error` or `off`, found `"strict"`$/m);
  });
});

describe("the table of pay transparency laws", () => {
  it("has a source, a day it took effect and a unique id for every law", () => {
    assert.equal(new Set(PAY_LAWS.map((law) => law.id)).size, PAY_LAWS.length);
    for (const law of PAY_LAWS) {
      assert.ok(/^https:\/\/\S+$/.test(law.source) && URL.canParse(law.source), law.id);
      assert.match(law.from, /^\d{4}-\d\d-\d\d$/, law.id);
      assert.ok(law.areas.length > 0, law.id);
    }
  });

  it("is the table docs/posting-a-job.md shows", () => {
    const docs = readFileSync(join(PROJECT_ROOT, "docs/posting-a-job.md"), "utf8");
    const table = lawsTable(PAY_LAWS);
    assert.ok(docs.includes(table), `docs/posting-a-job.md should hold this table, from src/derive/pay-laws.ts:\n\n${table}`);
  });
});

/** The docs' table, one row per law. */
function lawsTable(laws: readonly PayLaw[]): string {
  const asks = (law: PayLaw) => {
    const parts = ["a pay range", law.benefits ? "the benefits" : "", law.closingDate ? "the closing date" : ""].filter(Boolean);
    return parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}` : parts.join("");
  };
  const rows = laws.map((law) => {
    const where = law.name.replace(/^the /, "").replace(/^EU$/, "EU member states");
    return `| ${where} | ${asks(law)} | ${law.employers} | ${law.from} | ${law.note ?? ""} | [${law.law}](${law.source}) |`;
  });
  return ["| Where | The posting gives | Who must | From | Good to know | Law |", "| --- | --- | --- | --- | --- | --- |", ...rows].join("\n");
}
