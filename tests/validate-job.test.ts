import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { validateFrontMatter } from "./helpers.ts";

const check = validateFrontMatter;

describe("the Job schema", () => {
  it("accepts a full posting and normalises friendly spellings", () => {
    const { job, messages } = check(
      [
        "title: Designer",
        "location: London, UK",
        "remote: [Europe]",
        "employment_type: [full-time, Internship, contract]",
        "date_posted: '2026-03-01'",
        "valid_through: 2026-04-01 17:00:00 +01:00",
        "salary: { min: 50000, max: 60000, currency: gbp, per: yearly }",
        "apply: https://example.com/apply",
        "redirect_from: /old/designer",
      ].join("\n"),
    );
    assert.deepEqual(messages, []);
    assert.deepEqual(job?.location, ["London, UK"]);
    assert.deepEqual(job?.remote, ["Europe"]);
    assert.deepEqual(job?.employment_type, ["FULL_TIME", "INTERN", "CONTRACTOR"]);
    assert.equal(job?.date_posted, "2026-03-01");
    assert.equal(job?.valid_through, "2026-04-01");
    assert.deepEqual(job?.salary, [{ min: 50000, max: 60000, currency: "GBP", per: "YEAR" }], "one range reads as a list of one, like `location`");
    assert.deepEqual(job?.redirect_from, ["/old/designer/"]);
  });

  it("accepts Jekyll-era keys without warnings", () => {
    const { job, messages } = check("layout: page\ngroup: about\nsubgroup: jobs\ntitle: A\nweight: 3\nshortened-link: Jobs\npermalink: /about/jobs/a/");
    assert.deepEqual(messages, []);
    assert.equal(job?.permalink, "/about/jobs/a/");
  });

  it("reads Jekyll's `date` as the posting date", () => {
    const { job, messages } = check("title: A\ndate: 2016-08-23 10:00:00 +0100\nvalid_through: 2016-08-01");
    assert.equal(job, undefined);
    assert.deepEqual(messages, ['jobs/role.md:4:16: error: valid_through: expected a date on or after `date_posted` (2016-08-23), found `"2016-08-01"`']);
  });

  it("reads empty values as absent, never as null", () => {
    const { job, messages } = check("title: A\ndescription:\nteam: ~");
    assert.deepEqual(messages, []);
    assert.equal(job?.description, undefined);
    assert.equal(job?.team, undefined);
  });

  it("says what is missing, what was expected and what was found, where", () => {
    assert.deepEqual(check("team: Design").messages, ["jobs/role.md:2:1: error: `title` is missing (add a line `title: …`)"]);
    assert.deepEqual(check('title: A\nsalary:\n  min: "eighty thousand"\n  currency: GBP\n  per: YEAR').messages, [
      'jobs/role.md:4:8: error: salary.min: expected a number, like 65000, found `"eighty thousand"`',
    ]);
    assert.deepEqual(check("title: A\nsalary:\n  min: 1\n  currency: GBP\n  per: fortnight").messages, [
      'jobs/role.md:6:8: error: salary.per: expected one of HOUR, DAY, WEEK, MONTH, YEAR, found `"fortnight"`',
    ]);
    assert.deepEqual(check("title: A\nlocation:\n  - London\n  - 42").messages, [
      "jobs/role.md:5:5: error: location[1]: expected a place like `London, UK`, found `42`",
    ]);
    assert.deepEqual(check("title: A\nemployment_type: sometimes").messages, [
      'jobs/role.md:3:18: error: employment_type: expected one of FULL_TIME, PART_TIME, CONTRACTOR, TEMPORARY, INTERN, VOLUNTEER, PER_DIEM, OTHER, found `"sometimes"`',
    ]);
  });

  it("refuses impossible dates and a closing date before the posting date", () => {
    assert.deepEqual(check("title: A\ndate_posted: 2026-13-45").messages, [
      'jobs/role.md:3:14: error: date_posted: expected a real date like 2026-03-31, found `"2026-13-45"`',
    ]);
    assert.deepEqual(check("title: A\ndate_posted: 2026-03-10\nvalid_through: 2026-03-01").messages, [
      'jobs/role.md:4:16: error: valid_through: expected a date on or after `date_posted` (2026-03-10), found `"2026-03-01"`',
    ]);
  });

  it("refuses permalinks that are not clean paths on the site", () => {
    for (const bad of ["https://evil.example/x/", "/jobs/../../etc/", "jobs/x/", "/jobs\\x/", "/jobs/x/?a=1"]) {
      const { messages } = check(`title: A\npermalink: ${JSON.stringify(bad)}`);
      assert.equal(messages.length, 1, bad);
      assert.match(messages[0] ?? "", /^jobs\/role\.md:3:12: error: permalink: expected /, bad);
    }
  });

  it("keeps unknown keys with a warning that suggests the known one", () => {
    const { job, messages } = check("title: A\ndescripton: Misspelt");
    assert.deepEqual(messages, ["jobs/role.md:3:1: warning: unknown key `descripton` is kept but not used (did you mean `description`?)"]);
    assert.equal(job?.descripton, "Misspelt");
  });
});
