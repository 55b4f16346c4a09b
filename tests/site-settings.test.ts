import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { endOfDay, readTimeZone, todayIn } from "../src/schema/time-zone.ts";
import { buildSite, makeSite, posting, readPage, runCli, SITE_YAML } from "./helpers.ts";

// site.yaml's `apply_params`, `homepage` and `timezone`: read as written or
// refused at their line in plain words, and the time zone a role's last day
// ends in.

/** The first line `check` prints for a site whose site.yaml ends with `lines`. */
function firstProblem(lines: string): string {
  const { stderr } = runCli(["check", "--site", makeSite({ "site.yaml": `${SITE_YAML}${lines}\n` })]);
  return stderr.split("\n")[0] ?? "";
}

const HINT = "(write them like `apply_params: utm_source=careers-site&utm_medium=website`)";

describe("site.yaml's apply_params", () => {
  const cases: [string, string][] = [
    ["apply_params: utm_source", `site.yaml:4:15: error: apply_params: expected \`name=value\`, found \`"utm_source"\` ${HINT}`],
    ["apply_params: 'utm_source=a&utm_source=b'", `site.yaml:4:15: error: apply_params: \`utm_source\` is given twice ${HINT}`],
    ["apply_params: 'utm_source='", `site.yaml:4:15: error: apply_params: \`utm_source\` has no value ${HINT}`],
    ["apply_params: 'utm_source=%zz'", `site.yaml:4:15: error: apply_params: expected %-codes like %20, found \`"utm_source=%zz"\` ${HINT}`],
    [
      "apply_params:\n  utm_source: careers\n  utm_medium: [a, b]",
      `site.yaml:6:15: error: apply_params.utm_medium: expected text, found \`["a","b"]\` ${HINT}`,
    ],
    [
      "apply_params:\n  'utm source': careers",
      `site.yaml:5:17: error: apply_params.utm source: expected a parameter name of letters, digits, \`_\`, \`-\` or \`.\`, found \`"utm source"\` ${HINT}`,
    ],
  ];
  for (const [lines, expected] of cases) {
    it(`refuses ${JSON.stringify(lines)} at its line`, () => assert.equal(firstProblem(lines), expected));
  }

  it("reads a query string and `name: value` lines alike", () => {
    for (const lines of ["apply_params: '?utm_source=careers+site&utm_medium=web'", "apply_params:\n  utm_source: careers site\n  utm_medium: web"]) {
      const site = makeSite({
        "site.yaml": `${SITE_YAML}${lines}\n`,
        "jobs/rigger.md": posting("title: Rigger\nlocation: Hull, UK\napply: https://ats.example/jobs/9"),
      });
      const href = readPage(buildSite(site), "/jobs/rigger/").querySelector("a.apply")?.getAttribute("href");
      assert.equal(href, "https://ats.example/jobs/9?utm_source=careers%20site&utm_medium=web", lines);
    }
  });
});

describe("site.yaml's homepage and timezone", () => {
  it("refuses a homepage that is not an https address", () => {
    assert.equal(
      firstProblem("homepage: http://www.example.com"),
      'site.yaml:4:11: error: homepage: expected the company\'s website, an https:// address like https://www.example.com, found `"http://www.example.com"`',
    );
  });

  it("refuses a time zone Intl does not know, and an offset, which cannot follow summer time", () => {
    const hint = "(use a name from the IANA time zone list: a name follows summer time, an offset like +01:00 does not)";
    assert.equal(
      firstProblem("timezone: Europe/Londn"),
      `site.yaml:4:11: error: timezone: expected a time zone name like Europe/London, America/New_York or UTC, found \`"Europe/Londn"\` ${hint}`,
    );
    assert.match(firstProblem("timezone: '+01:00'"), /timezone: expected a time zone name .* found `"\+01:00"`/);
    assert.equal(readTimeZone("America/Argentina/Buenos_Aires"), "America/Argentina/Buenos_Aires");
    assert.equal(readTimeZone("../etc/passwd"), undefined);
  });

  it("ends a day at its last second there, with the offset of that moment", () => {
    assert.equal(endOfDay("2027-01-31", "UTC"), "2027-01-31T23:59:59+00:00");
    // London changes its clocks on 28 March and 31 October 2027.
    assert.equal(endOfDay("2027-03-27", "Europe/London"), "2027-03-27T23:59:59+00:00");
    assert.equal(endOfDay("2027-03-28", "Europe/London"), "2027-03-28T23:59:59+01:00");
    assert.equal(endOfDay("2027-10-31", "Europe/London"), "2027-10-31T23:59:59+00:00");
    assert.equal(endOfDay("2027-06-30", "Asia/Kathmandu"), "2027-06-30T23:59:59+05:45");
    assert.equal(endOfDay("2027-06-30", "America/St_Johns"), "2027-06-30T23:59:59-02:30");
  });

  it("tells the day it is there", () => {
    const instant = new Date("2027-01-31T12:00:00Z");
    assert.equal(todayIn("UTC", instant), "2027-01-31");
    assert.equal(todayIn("Pacific/Kiritimati", instant), "2027-02-01");
    assert.equal(todayIn("Pacific/Pago_Pago", new Date("2027-02-01T05:00:00Z")), "2027-01-31");
  });

  it("keeps a role open through the whole of its last day in the site's time zone, not UTC's", () => {
    // A zone whose date is not UTC's right now: at any hour, one of these two is a day ahead or behind.
    const utc = todayIn("UTC");
    const zone = ["Pacific/Kiritimati", "Pacific/Pago_Pago"].find((name) => todayIn(name) !== utc) ?? assert.fail("no zone differs from UTC");
    const there = todayIn(zone);
    // The earlier of the two days: over in the zone when it is ahead of UTC, over in UTC when the zone is behind.
    const lastDay = [there, utc].sort()[0];
    const site = makeSite({
      "site.yaml": `${SITE_YAML}timezone: ${zone}\n`,
      "jobs/deckhand.md": posting(`title: Deckhand\nlocation: Hull, UK\ndate_posted: 2020-01-01\nvalid_through: ${lastDay}`),
    });
    const page = readPage(buildSite(site), "/jobs/deckhand/");
    assert.equal(todayIn(zone), there, "the day changed during the build; run the test again");
    // Ahead of UTC, the zone has already left UTC's day behind; behind it, the zone's day is not over.
    const open = there < utc;
    assert.equal(page.querySelector("a.apply") !== null, open, `${zone}, ${there}, last day ${lastDay}`);
  });
});
