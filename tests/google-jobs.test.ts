import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { logoUrl } from "../src/derive/site-url.ts";
import type { CareersSite, Role } from "../src/model.ts";
import { loadSite } from "../src/pipeline/load-site.ts";
import { endOfDay, todayIn } from "../src/schema/time-zone.ts";
import { makeSite, PROJECT_ROOT, posting, readPage, runCli } from "./helpers.ts";
import { jobPostingProblems, jsonLdScripts } from "./job-posting-rules.ts";

// Every role page of the example site, and of a site of hard cases, read back
// from the built HTML: an open role carries one JobPosting that meets Google's
// required rules and whose recommended properties are in the form Google
// reads (job-posting-rules.ts), and that says what the posting says; a
// closed role carries none.

type Data = Record<string, unknown>;

async function built(siteDir: string): Promise<{ out: string; site: CareersSite; stderr: string }> {
  const out = join(mkdtempSync(join(tmpdir(), "openings-google-")), "site");
  const result = runCli(["build", "--site", siteDir, "--out", out, "--no-search"]);
  assert.equal(result.code, 0, result.stderr);
  const { site } = await loadSite({ siteDir, includeDrafts: false, today: todayIn("UTC"), workers: 0 });
  assert.ok(site, "the site loads");
  return { out, site, stderr: result.stderr };
}

function jobPostingOf(out: string, role: Role): Data | undefined {
  // The output folder holds the site as it is served below path_prefix.
  const scripts = jsonLdScripts(readPage(out, role.url));
  assert.ok(scripts.length <= 1, `${role.url}: ${scripts.length} JSON-LD scripts`);
  return scripts[0] ? (JSON.parse(scripts[0].textContent) as Data) : undefined;
}

/** Google's rules, and what the posting says, for every role page of `site`. */
function checkEveryRole(out: string, site: CareersSite): Map<string, Data> {
  const { config } = site;
  const postings = new Map<string, Data>();
  const problems: string[] = [];
  for (const role of site.roles) {
    const data = jobPostingOf(out, role);
    if (role.closed || role.jsonLdMissing) {
      if (data) problems.push(`${role.file}: ${role.closed ? "a closed role" : "a role Google cannot list"} carries a JobPosting`);
      continue;
    }
    if (!data) {
      problems.push(`${role.file}: no JobPosting`);
      continue;
    }
    postings.set(role.file, data);
    const { required, recommended } = jobPostingProblems(data);
    for (const problem of [...required, ...recommended]) problems.push(`${role.file}: ${problem}`);
    // What the posting and site.yaml say.
    const organization = data.hiringOrganization as Data;
    const salaries = [role.job.salary ?? []].flat();
    const facts: [string, unknown, unknown][] = [
      ["title", data.title, role.title],
      ["url", data.url, role.absoluteUrl],
      ["datePosted", data.datePosted, role.datePosted],
      ["validThrough", data.validThrough, role.validThrough ? endOfDay(role.validThrough, config.timezone) : undefined],
      ["employmentType", data.employmentType, role.employmentTypes.length > 0 ? role.employmentTypes : undefined],
      ["baseSalary given", data.baseSalary !== undefined, salaries.length > 0],
      ["directApply", data.directApply, role.job.direct_apply === true && role.apply.address === undefined],
      ["hiringOrganization.name", organization.name, config.name],
      ["hiringOrganization.sameAs", organization.sameAs, config.homepage ?? config.url],
      ["hiringOrganization.logo", organization.logo, logoUrl(config)],
      ["places told", (data.jobLocation as unknown[] | undefined)?.length ?? 0, role.places.filter((place) => place.country).length],
      ["remote", data.jobLocationType, role.remote ? "TELECOMMUTE" : undefined],
    ];
    for (const [name, actual, expected] of facts) {
      if (JSON.stringify(actual) !== JSON.stringify(expected))
        problems.push(`${role.file}: ${name} is ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
    }
  }
  if (problems.length > 0) assert.fail(`JobPosting problems:\n${problems.join("\n")}`);
  return postings;
}

describe("the example site's role pages, by Google's rules for JobPosting", () => {
  it("an open role carries one valid JobPosting that says what its posting says; a closed role none", async () => {
    const { out, site } = await built(PROJECT_ROOT);
    assert.ok(site.roles.some((role) => role.closed) && site.roles.some((role) => !role.closed), "the example site has open and closed roles");
    const postings = checkEveryRole(out, site);
    assert.ok(postings.size >= 5, `only ${postings.size} JobPostings`);
  });
});

const LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 120"><rect width="120" height="120" fill="#246"/></svg>\n';
const BODY =
  "We grow tomatoes under glass and need help keeping the greenhouses running.\n\n## What you will do\n\n- Keep the climate right\n- Fix what breaks";

const HARD_CASES: Record<string, string> = {
  // Remote only, from named countries.
  "remote-dach.md": "title: Support engineer\nremote: [Germany, Austria]",
  // Several places, with a US state and a Canadian province read as regions.
  "three-cities.md": "title: Field technician\nlocation: ['Austin, TX', 'Toronto, Ontario, Canada', 'Porto, Portugal']\nemployment_type: [full-time, contract]",
  // Pay by the hour, with cents.
  "hourly.md": "title: Greenhouse hand\nlocation: Salinas, CA\nemployment_type: part-time\nsalary: { min: 18.5, max: 22, currency: USD, per: hourly }",
  // No pay given at all.
  "no-salary.md": "title: Grower\nlocation: Westland, Netherlands",
  // Closed by hand, and closed by its date.
  "closed-by-hand.md": "title: Packer\nlocation: Almería, Spain\nclosed: true",
  "expired.md": "title: Picker\nlocation: Almería, Spain\ndate_posted: 2020-01-01\nvalid_through: 2020-02-01",
  // Deadlines on either side of a clock change in the site's time zone (America/Chicago).
  "winter-deadline.md": "title: Boiler operator\nlocation: Chicago, IL\nvalid_through: 2099-01-15",
  "summer-deadline.md": "title: Irrigation lead\nlocation: Chicago, IL\nvalid_through: 2099-07-15",
  // Applying on this site, on an applicant tracking system, and by e-mail.
  "direct.md": "title: Climate analyst\nlocation: Leeds, UK\napply: https://apply.example.org/form/climate\ndirect_apply: true",
  "on-ats.md": "title: Data analyst\nlocation: Leeds, UK\napply: https://boards.example.net/greenhouse-co/jobs/77",
  "direct-by-mail.md": "title: Office manager\nlocation: Leeds, UK\napply: office@example.org\ndirect_apply: true",
  // A place whose country is not known beside one whose is; and one alone.
  "one-unknown-place.md": "title: Driver\nlocation: ['Bristol, UK', 'Kingsbridge, Narnia']",
  "only-unknown-place.md": "title: Night driver\nlocation: 'Kingsbridge, Narnia'",
  // Hybrid: an office, or remote from a region.
  "hybrid.md": "title: Agronomist\nlocation: Lyon, France\nremote: [Europe]",
};

const HARD_SITE_YAML = [
  "name: Glasshouse Growers",
  "url: https://work.glasshouse.example",
  "path_prefix: /careers/",
  "apply: jobs@glasshouse.example",
  "homepage: https://www.glasshouse.example",
  "logo: brand/logo.svg",
  "timezone: America/Chicago",
  "",
].join("\n");

describe("a site of hard cases, by Google's rules for JobPosting", async () => {
  const siteDir = makeSite({
    "site.yaml": HARD_SITE_YAML,
    "brand/logo.svg": LOGO,
    ...Object.fromEntries(Object.entries(HARD_CASES).map(([file, frontMatter]) => [`jobs/${file}`, posting(frontMatter, BODY)])),
  });
  const { out, site, stderr } = await built(siteDir);
  const postings = checkEveryRole(out, site);
  const of = (file: string) => postings.get(`jobs/${file}`) ?? assert.fail(`jobs/${file} has no JobPosting`);

  it("remote only: TELECOMMUTE from the countries named, and no place", () => {
    assert.equal(of("remote-dach.md").jobLocationType, "TELECOMMUTE");
    assert.deepEqual(of("remote-dach.md").applicantLocationRequirements, [
      { "@type": "Country", name: "DE" },
      { "@type": "Country", name: "AT" },
    ]);
    assert.equal(of("remote-dach.md").jobLocation, undefined);
  });

  it("several places, each with its region where the text names one and its country", () => {
    const addresses = (of("three-cities.md").jobLocation as { address: Data }[]).map(({ address }) => address);
    assert.deepEqual(addresses, [
      { "@type": "PostalAddress", addressLocality: "Austin", addressRegion: "TX", addressCountry: "US" },
      { "@type": "PostalAddress", addressLocality: "Toronto", addressRegion: "Ontario", addressCountry: "CA" },
      { "@type": "PostalAddress", addressLocality: "Porto", addressCountry: "PT" },
    ]);
    assert.deepEqual(of("three-cities.md").employmentType, ["FULL_TIME", "CONTRACTOR"]);
  });

  it("pay by the hour, and no pay", () => {
    const salary = of("hourly.md").baseSalary as Data;
    assert.equal(salary.currency, "USD");
    assert.deepEqual(salary.value, { "@type": "QuantitativeValue", minValue: 18.5, maxValue: 22, unitText: "HOUR" });
    assert.equal("baseSalary" in of("no-salary.md"), false);
  });

  it("closed roles, by hand or by date, carry no JobPosting", () => {
    assert.equal(postings.has("jobs/closed-by-hand.md"), false);
    assert.equal(postings.has("jobs/expired.md"), false);
    assert.ok(site.roles.find((role) => role.file === "jobs/expired.md")?.closed);
  });

  it("validThrough is the end of the day in the site's time zone, with that day's offset", () => {
    assert.equal(of("winter-deadline.md").validThrough, "2099-01-15T23:59:59-06:00");
    assert.equal(of("summer-deadline.md").validThrough, "2099-07-15T23:59:59-05:00");
  });

  it("directApply only when the posting says so and candidates apply on the web", () => {
    assert.equal(of("direct.md").directApply, true);
    assert.equal(of("on-ats.md").directApply, false);
    assert.equal(of("direct-by-mail.md").directApply, false);
    assert.match(stderr, /jobs\/direct-by-mail\.md:5:15: warning: direct_apply: Google is told `false`, because `apply` is an e-mail address/);
  });

  it("the hiring organization is the company, with its website and the logo's full address", () => {
    assert.deepEqual(of("direct.md").hiringOrganization, {
      "@type": "Organization",
      name: "Glasshouse Growers",
      sameAs: "https://www.glasshouse.example",
      logo: "https://work.glasshouse.example/careers/assets/logo.svg",
    });
  });

  it("a place whose country is unknown is left out, with a warning at its line; alone, the role gets no JobPosting", () => {
    const addresses = (of("one-unknown-place.md").jobLocation as { address: Data }[]).map(({ address }) => address.addressLocality);
    assert.deepEqual(addresses, ["Bristol"]);
    assert.match(
      stderr,
      /jobs\/one-unknown-place\.md:3:\d+: warning: `Kingsbridge, Narnia` is left out of what Google for Jobs is told: its country is not known/,
    );
    assert.equal(postings.has("jobs/only-unknown-place.md"), false);
    assert.match(
      stderr,
      /jobs\/only-unknown-place\.md:1:1: warning: Google for Jobs will not list this role: Google needs the country of each place, and `Kingsbridge, Narnia` names none/,
    );
  });

  it("hybrid: the office, and remote work from the region", () => {
    const hybrid = of("hybrid.md");
    assert.equal((hybrid.jobLocation as unknown[]).length, 1);
    assert.equal(hybrid.jobLocationType, "TELECOMMUTE");
    assert.deepEqual(hybrid.applicantLocationRequirements, [{ "@type": "AdministrativeArea", name: "Europe" }]);
  });
});
