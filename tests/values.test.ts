import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildSite, makeSite, posting, readPage, runCli, text, validateFrontMatter } from "./helpers.ts";

// Values that only look right: a currency that is not an ISO 4217 code, a
// currency sign instead of a code, and a posting written in another language
// than the rest of the site.

const check = validateFrontMatter;
const salary = (currency: string) => check(`title: A\nsalary:\n  min: 40000\n  currency: ${currency}\n  per: YEAR`);

describe("salary.currency is an ISO 4217 code", () => {
  it("accepts codes the runtime knows, in any case, without a word", () => {
    const codes: [string, string][] = [
      ["GBP", "GBP"],
      ["eur", "EUR"],
      ["Chf", "CHF"],
      ["'  usd '", "USD"],
    ];
    for (const [written, code] of codes) {
      const { job, problems } = salary(written);
      assert.deepEqual(problems, [], written);
      assert.equal(job?.salary?.[0]?.currency, code);
    }
  });

  it("refuses three letters that are no currency, saying so", () => {
    const { job, problems } = salary("ABC");
    assert.equal(job, undefined);
    assert.deepEqual(
      problems.map((p) => [p.code, p.line, p.column, p.message]),
      [["invalid-currency", 5, 13, "salary.currency: `ABC` is not an ISO 4217 currency code"]],
    );
    assert.match(problems[0]?.hint ?? "", /GBP, EUR or USD/);
  });

  it("reads a sign that names one currency as its code, with a warning", () => {
    const signs: [string, string][] = [
      ["£", "GBP"],
      ["€", "EUR"],
      ["US$", "USD"],
      ["₹", "INR"],
    ];
    for (const [written, code] of signs) {
      const { job, problems } = salary(`'${written}'`);
      assert.equal(job?.salary?.[0]?.currency, code, written);
      assert.deepEqual(
        problems.map((p) => [p.code, p.severity, p.line, p.column, p.message, p.hint]),
        [["currency-symbol", "warning", 5, 13, `salary.currency: \`${written}\` is read as ${code}`, `write \`currency: ${code}\`, the ISO 4217 code`]],
      );
    }
  });

  it("reads a currency's English name as its code, with a warning", () => {
    const { job, problems } = salary("Euro");
    assert.equal(job?.salary?.[0]?.currency, "EUR");
    assert.deepEqual(
      problems.map((p) => [p.code, p.severity, p.message]),
      [["currency-name", "warning", "salary.currency: `Euro` is read as EUR"]],
    );
  });

  it("refuses `$` and `¥`, which name several currencies, listing the codes to choose from", () => {
    const dollar = salary("$").problems;
    assert.deepEqual(
      dollar.map((p) => [p.code, p.severity, p.message]),
      [["ambiguous-currency", "error", "salary.currency: `$` is the sign of several currencies"]],
    );
    assert.match(dollar[0]?.hint ?? "", /^write the code of the one you mean: USD \(US Dollar\), CAD \(Canadian Dollar\), AUD/);
    assert.match(salary("'¥'").problems[0]?.hint ?? "", /JPY \(Japanese Yen\), CNY \(Chinese Yuan\)/);
  });

  it("refuses a currency name or an amount, pointing at the code", () => {
    for (const written of ["pounds", "'50k GBP'", "12"]) {
      const { problems } = salary(written);
      assert.equal(problems.length, 1, written);
      assert.equal(problems[0]?.severity, "error");
      assert.match(problems[0]?.message ?? "", /^salary\.currency: /);
    }
  });
});

describe("a posting's own `language`", () => {
  const site = makeSite({
    "jobs/entwickler.md": posting(
      "title: Softwareentwickler\nlocation: Berlin, Deutschland\nlanguage: de\ndate_posted: 2026-03-05\nsalary: { min: 60000, max: 70000, currency: EUR, per: YEAR }",
      "Wir bauen Roboter.",
    ),
    "jobs/engineer.md": posting("title: Engineer\nlocation: London, UK\ndate_posted: 2026-03-05\nsalary: { min: 60000, currency: EUR, per: YEAR }"),
  });
  const out = buildSite(site);
  const facts = (path: string) =>
    Object.fromEntries(
      readPage(out, path)
        .querySelectorAll(".facts div")
        .map((d) => [text(d.querySelector("dt")), text(d.querySelector("dd"))]),
    );

  it("sets that role page's lang and its date and money formats", () => {
    assert.equal(readPage(out, "/jobs/entwickler/").querySelector("html")?.getAttribute("lang"), "de");
    // The labels are German too: the page reads in one language.
    assert.equal(facts("/jobs/entwickler/").Veröffentlicht, "5. März 2026");
    // One currency sign for the range, as Intl's formatRange writes it in German.
    assert.match(facts("/jobs/entwickler/").Gehalt ?? "", /^60\.000–70\.000\s€ pro Jahr$/);
  });

  it("leaves the other pages in the site's language", () => {
    assert.equal(readPage(out, "/jobs/engineer/").querySelector("html")?.getAttribute("lang"), "en");
    assert.equal(facts("/jobs/engineer/").Posted, "March 5, 2026");
    assert.equal(readPage(out, "/jobs/").querySelector("html")?.getAttribute("lang"), "en");
  });

  it("is checked like site.yaml's language", () => {
    for (const written of ["en_GB", "German", "'de-'", "12"]) {
      const { problems } = check(`title: A\nlanguage: ${written}`);
      assert.deepEqual(
        problems.map((p) => [p.severity, p.line, p.column]),
        [["error", 3, 11]],
        written,
      );
      assert.match(problems[0]?.message ?? "", /^language: expected a language code like en or en-GB, found /);
    }
    assert.deepEqual(check("title: A\nlanguage: pt-BR").problems, []);
  });

  it("fails the check of a posting whose language is not a code", () => {
    const result = runCli(["check", "--site", makeSite({ "jobs/a.md": posting("title: A\nlocation: London, UK\nlanguage: Deutsch") })]);
    assert.equal(result.code, 1);
    assert.match(result.stdout + result.stderr, /jobs\/a\.md:4:11: error: language: expected a language code like en or en-GB, found `"Deutsch"`/);
  });
});
