import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { salarySummary } from "../src/derive/salary-summary.ts";
import { buildSite, makeSite, posting, readPage, runCli, text, validateFrontMatter } from "./helpers.ts";

// Pay as a posting gives it (issue 14): one range or a list of them, each with
// its place; a note beside them; and the benefits, in Markdown.

describe("salary as a list of ranges", () => {
  it("reads each range with its place, and keeps one range working as before", () => {
    const { job, messages } = validateFrontMatter(
      [
        "title: Line cook",
        "salary:",
        "  - { min: 52000, max: 61000, currency: USD, per: YEAR, location: 'New York, NY' }",
        "  - min: 24",
        "    max: 27",
        "    currency: usd",
        "    per: hourly",
        "    location: Albany, NY",
      ].join("\n"),
    );
    assert.deepEqual(messages, []);
    assert.deepEqual(job?.salary, [
      { min: 52000, max: 61000, currency: "USD", per: "YEAR", location: "New York, NY" },
      { min: 24, max: 27, currency: "USD", per: "HOUR", location: "Albany, NY" },
    ]);
    assert.deepEqual(validateFrontMatter("title: A\nsalary: { min: 1, max: 2, currency: EUR, per: MONTH }").job?.salary, [
      { min: 1, max: 2, currency: "EUR", per: "MONTH" },
    ]);
  });

  it("points each problem at the range and key it is about", () => {
    const { messages } = validateFrontMatter(
      [
        "title: Line cook",
        "salary:",
        "  - { min: 52000, max: 61000, currency: USD, per: YEAR }",
        "  - min: 30",
        "    max: 24",
        "    currency: USD",
        "    per: HOUR",
        "  - { min: 1, currency: USD, per: fortnightly, town: Troy }",
        "  - 45000",
      ].join("\n"),
    );
    assert.deepEqual(messages.sort(byLine), [
      "jobs/role.md:6:10: error: salary[1].max: expected `max` to be at least `min` (30), found `24`",
      'jobs/role.md:9:35: error: salary[2].per: expected one of HOUR, DAY, WEEK, MONTH, YEAR, found `"fortnightly"`',
      "jobs/role.md:9:48: error: salary[2] has no key `town` (check the spelling against the documented keys)",
      "jobs/role.md:10:5: error: salary[3]: expected a salary: `min`, `max`, `currency` and `per` on indented lines, found `45000`",
    ]);
  });

  it("reads a currency sign as its code with a warning at that range's `currency`", () => {
    const { job, messages } = validateFrontMatter(
      "title: A\nsalary:\n  - { min: 40000, max: 48000, currency: GBP, per: YEAR, location: 'Leeds, UK' }\n  - { min: 46000, max: 55000, currency: '€', per: YEAR, location: 'Cork, Ireland' }",
    );
    assert.equal(job?.salary?.[1]?.currency, "EUR");
    assert.deepEqual(messages, ["jobs/role.md:5:41: warning: salary[1].currency: `€` is read as EUR (write `currency: EUR`, the ISO 4217 code)"]);
  });

  it("warns when an unquoted comma cuts a range's place in two", () => {
    const site = makeSite({
      "jobs/role.md": posting("title: A\nlocation: Lisbon, Portugal\nsalary:\n  - { min: 1, max: 2, currency: EUR, per: YEAR, location: Lisbon, Portugal }"),
    });
    assert.match(
      runCli(["check", "--site", site]).stderr,
      /^jobs\/role\.md:5:67: warning: `Lisbon` is read as the range's place, and `Portugal` as an empty key \(quote a place that contains a comma: `location: "Lisbon, Portugal"`\)$/m,
    );
  });

  it("says plainly when `salary` is neither a range nor a list", () => {
    assert.deepEqual(validateFrontMatter("title: A\nsalary: 50000").messages, [
      "jobs/role.md:3:9: error: salary: expected a salary: `min`, `max`, `currency` and `per` on indented lines, or a list of them, found `50000`",
    ]);
  });

  it("sums several ranges up as their span when they share a currency and period, else as the first", () => {
    const nyc = { min: 52000, max: 61000, currency: "USD", per: "YEAR" as const, location: "New York, NY" };
    const austin = { min: 45000, max: 50000, currency: "USD", per: "YEAR" as const, location: "Austin, TX" };
    assert.deepEqual(salarySummary([nyc, austin]), { min: 45000, max: 61000, currency: "USD", per: "YEAR" });
    assert.deepEqual(salarySummary([nyc, { ...austin, max: undefined }]), { min: 45000, currency: "USD", per: "YEAR" }, "an open end stays open");
    assert.deepEqual(salarySummary([nyc, { ...austin, currency: "CAD" }]), nyc);
    assert.deepEqual(salarySummary([nyc, { ...austin, per: "HOUR" }]), nyc);
    assert.equal(salarySummary([]), undefined);
  });
});

describe("pay and benefits on the role page and for Google", () => {
  const site = makeSite({
    "jobs/line-cook.md": posting(
      [
        "title: Line cook",
        "location: ['New York, NY', 'Albany, NY']",
        "valid_through: 2099-01-31",
        "salary:",
        "  - { min: 52000, max: 61000, currency: USD, per: YEAR, location: 'New York, NY' }",
        "  - { min: 47000, max: 54000, currency: USD, per: YEAR, location: 'Albany, NY' }",
        "salary_note: Tips are pooled and shared on top of these amounts.",
        "benefits: |",
        "  - Two staff meals a shift, cooked by whoever is on prep",
        "  - A dental plan, and [our 401(k)](https://benefits.example.com/401k) matched to 4%",
        "",
        "  Knife sharpening is on us. <script>alert(1)</script>",
      ].join("\n"),
      "## The kitchen\n\nForty covers, one pass, no microwaves.",
    ),
    "jobs/sous-chef.md": posting(
      [
        "title: Sous chef",
        "location: ['Toronto, ON, Canada', 'Buffalo, NY']",
        "salary:",
        "  - { min: 68000, max: 75000, currency: CAD, per: YEAR, location: 'Toronto, ON, Canada' }",
        "  - { min: 58000, max: 64000, currency: USD, per: YEAR, location: 'Buffalo, NY' }",
      ].join("\n"),
    ),
  });
  const check = runCli(["check", "--site", site]);
  const out = buildSite(site);
  const page = readPage(out, "/jobs/line-cook/");
  const jsonLd = (slug: string) => JSON.parse(readPage(out, `/jobs/${slug}/`).querySelector('script[type="application/ld+json"]')?.textContent ?? "{}");

  it("shows every range with its place, then the note", () => {
    const salary = page.querySelectorAll(".facts div").find((div) => text(div.querySelector("dt")) === "Salary");
    const [nyc, albany, note, ...more] = salary?.querySelectorAll("dd").map((dd) => text(dd)) ?? [];
    assert.match(nyc ?? "", /^New York, NY: \$52,000\b.*\$61,000\b/);
    assert.match(albany ?? "", /^Albany, NY: \$47,000\b.*\$54,000\b/);
    assert.equal(note, "Tips are pooled and shared on top of these amounts.");
    assert.deepEqual(more, []);
  });

  it("shows the benefits in their own section, rendered and cleaned like the body, with a warning at their first line", () => {
    const section = page.querySelector("section.role-benefits");
    assert.equal(text(section?.querySelector("h2")), "Benefits");
    assert.deepEqual(
      section?.querySelectorAll("li").map((li) => text(li)),
      ["Two staff meals a shift, cooked by whoever is on prep", "A dental plan, and our 401(k) matched to 4%"],
    );
    assert.equal(section?.querySelector("a")?.getAttribute("href"), "https://benefits.example.com/401k");
    assert.equal(section?.querySelector("script"), null);
    assert.match(check.stderr, /^jobs\/line-cook\.md:10:1: warning: removed from the body because it could run code or break the page: <script>/m);
  });

  it("tells Google the span of the ranges as baseSalary, and the benefits as plain text", () => {
    const data = jsonLd("line-cook");
    assert.deepEqual(data.baseSalary, {
      "@type": "MonetaryAmount",
      currency: "USD",
      value: { "@type": "QuantitativeValue", minValue: 47000, maxValue: 61000, unitText: "YEAR" },
    });
    assert.equal(
      data.jobBenefits,
      "Two staff meals a shift, cooked by whoever is on prep\nA dental plan, and our 401(k) matched to 4%\nKnife sharpening is on us.",
    );
    assert.equal(jsonLd("sous-chef").baseSalary.currency, "CAD", "ranges in two currencies: the first");
    assert.equal(jsonLd("sous-chef").jobBenefits, undefined);
  });

  it("lists the summary range in jobs.json", () => {
    const jobs = JSON.parse(readFileSync(join(out, "jobs.json"), "utf8")).jobs as { title: string; salary: unknown }[];
    assert.deepEqual(jobs.find((job) => job.title === "Line cook")?.salary, { min: 47000, max: 61000, currency: "USD", per: "YEAR" });
  });
});

function byLine(a: string, b: string): number {
  const at = (message: string) => message.split(":").slice(1, 3).map(Number) as [number, number];
  const [la, ca] = at(a);
  const [lb, cb] = at(b);
  return la - lb || ca - cb;
}
