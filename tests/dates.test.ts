import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { readCalendarDate } from "../src/schema/calendar-date.ts";
import { makeSite, posting, runCli, validateFrontMatter } from "./helpers.ts";

// Dates as people write them: with a zone name after the time, spelt out in
// words, or with slashes. One that can be read only one way is read that way,
// with a warning that shows the ISO form; one that can be read two ways is an
// error that says why.

const check = validateFrontMatter;

describe("dates written with a time and a zone name", () => {
  for (const written of ["2017-01-10 08:02 CEST", "2017-01-10 23:59 PST", "2017-01-10T08:02:00 Europe/Tallinn", "2017-01-10 08:02:00 UTC"]) {
    it(`reads \`${written}\` as the calendar day written, silently`, () => {
      const { job, messages } = check(`title: A\ndate_posted: ${written}`);
      assert.deepEqual(messages, []);
      assert.equal(job?.date_posted, "2017-01-10");
    });
  }
});

describe("dates written in words or with the year first", () => {
  const forms: [string, string][] = [
    ["February 26, 2018", "2018-02-26"],
    ["26 Feb 2018", "2018-02-26"],
    ["Feb 26th 2018", "2018-02-26"],
    ["26th of February, 2018", "2018-02-26"],
    ["Monday, February 26, 2018", "2018-02-26"],
    ["Sept 3, 2019", "2019-09-03"],
    ["2018/02/26", "2018-02-26"],
    ["2018.2.6", "2018-02-06"],
    ["25/12/2018", "2018-12-25"],
  ];
  for (const [written, iso] of forms) {
    it(`accepts \`${written}\` as ${iso}, with a warning at the value that shows the ISO form`, () => {
      const { job, problems } = check(`title: A\nvalid_through: ${written}`);
      assert.equal(job?.valid_through, iso);
      assert.deepEqual(
        problems.map((p) => [p.code, p.severity, p.line, p.column, p.key]),
        [["date-format", "warning", 3, 16, "valid_through"]],
      );
      assert.equal(problems[0]?.message, `valid_through: \`${written}\` is read as ${iso}`);
      assert.equal(problems[0]?.hint, `write \`valid_through: ${iso}\`, year-month-day, which every tool reads the same way`);
    });
  }

  it("compares a written date with the others as the day it means", () => {
    const { messages } = check("title: A\ndate_posted: March 10, 2026\nvalid_through: 2026-03-01");
    assert.ok(messages.includes('jobs/role.md:4:16: error: valid_through: expected a date on or after `date_posted` (2026-03-10), found `"2026-03-01"`'));
  });

  it("reads every real day written in each form as that day", () => {
    const months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    const day = fc.date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true });
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 3 }), (date, form) => {
        const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
        const month = months[m - 1] ?? "";
        const written = [`${month} ${d}, ${y}`, `${d} ${month.slice(0, 3)} ${y}`, `${y}/${m}/${d}`, `${month.slice(0, 3)} ${d}th ${y}`][form];
        const { job } = check(`title: A\ndate_posted: '${written}'`);
        assert.equal(job?.date_posted, date.toISOString().slice(0, 10), written);
      }),
      { numRuns: 200 },
    );
  });
});

describe("dates that can be read two ways", () => {
  it("refuses `01/02/2018`, saying why and what to write", () => {
    const { job, problems } = check("title: A\ndate_posted: 01/02/2018");
    assert.equal(job, undefined);
    assert.deepEqual(
      problems.map((p) => [p.code, p.severity, p.line, p.column]),
      [["ambiguous-date", "error", 3, 14]],
    );
    assert.equal(problems[0]?.message, "date_posted: `01/02/2018` could be 1 February 2018 or 2 January 2018: the order of day and month is ambiguous");
    assert.equal(problems[0]?.hint, "write the year first: `2018-02-01` for 1 February, `2018-01-02` for 2 January");
  });

  it("refuses a two-digit year such as `02/03/18`", () => {
    const { problems } = check("title: A\nvalid_through: 02/03/18");
    assert.deepEqual(
      problems.map((p) => [p.code, p.line, p.column]),
      [["ambiguous-date", 3, 16]],
    );
    assert.match(problems[0]?.message ?? "", /`02\/03\/18`.*two-digit year/);
    assert.match(problems[0]?.hint ?? "", /`2018-03-02`/);
  });

  it("refuses a weekday that does not match the date, and a day that does not exist", () => {
    assert.deepEqual(
      check("title: A\ndate_posted: Tuesday, February 26, 2018").problems.map((p) => [p.code, p.message]),
      [["invalid-date", "date_posted: 26 February 2018 was a Monday, not a Tuesday"]],
    );
    assert.deepEqual(
      check("title: A\ndate_posted: February 30, 2018").problems.map((p) => [p.code, p.message]),
      [["invalid-date", "date_posted: February 2018 has no day 30"]],
    );
    assert.deepEqual(
      check("title: A\ndate_posted: February 2018").problems.map((p) => [p.code, p.message]),
      [["invalid-date", "date_posted: `February 2018` names no day"]],
    );
  });

  it("reads a megabyte-long value in time that grows with its length, not its square", { timeout: 120_000 }, () => {
    const n = 1_000_000;
    for (const value of [
      `2017-01-10${" ".repeat(n)}x`,
      `Monday${" ".repeat(n)}`,
      `February${" ".repeat(n)}26`,
      `2017-01-10 08:02 ${"a/".repeat(n / 2)}`,
      "1/".repeat(n / 2),
    ]) {
      const reading = readCalendarDate(value);
      assert.ok("problem" in reading, value.slice(0, 20));
    }
  });

  it("prints the warning and the error with their places through `npm run check`", () => {
    const site = makeSite({
      "jobs/one.md": posting("title: One\nlocation: London, UK\ndate_posted: 26 Feb 2018"),
      "jobs/two.md": posting("title: Two\nlocation: London, UK\ndate_posted: 03/04/2018"),
    });
    const result = runCli(["check", "--site", site]);
    assert.equal(result.code, 1);
    const output = result.stdout + result.stderr;
    assert.match(output, /jobs\/one\.md:4:14: warning: date_posted: `26 Feb 2018` is read as 2018-02-26 \(write `date_posted: 2018-02-26`/);
    assert.match(output, /jobs\/two\.md:4:14: error: date_posted: `03\/04\/2018` could be 3 April 2018 or 4 March 2018/);
  });
});
