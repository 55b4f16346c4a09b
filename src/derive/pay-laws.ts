import type { CalendarDate } from "../schema/calendar-date.ts";

// Pay transparency laws that ask something of a job posting, as data: where
// each reaches, from when, what a posting must then say, and where the law is
// published. check reads this table (pay-transparency.ts), and the docs'
// table is checked against it (tests/pay-transparency.test.ts), so a new row
// here is all a new law takes. Only laws in force by the time of writing and
// read from their source are listed.
//
// Every law here asks for a pay range with both ends: each text or its
// regulator's guidance rejects "from $80,000" and "up to $100,000" (a fixed
// pay is one amount written as both `min` and `max`). City and county laws
// inside a state listed here (Jersey City, Westchester County, Ithaca) are not
// listed: their state's law already asks a posting for the range.

/** A place a law reaches: a country, a state or province in it, or a city in that state. */
export interface LawArea {
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** The state's or province's postal code: `NY`, `ON`. */
  region?: string;
  /** The city's names, compared as normaliseName (country-code.ts) leaves them: `new york`, `brooklyn`. */
  localities?: readonly string[];
}

export interface PayLaw {
  /** Stable, for tests and the docs: `nyc`, `eu`. */
  id: string;
  /** As a message names the place: "New York City", "the EU". */
  name: string;
  areas: readonly LawArea[];
  /** The first day postings must comply. */
  from: CalendarDate;
  /** Besides the range, a general description of the benefits and other pay (bonus, equity). */
  benefits?: true;
  /** Besides the range, the day applications close (`valid_through`). */
  closingDate?: true;
  /** Who must comply, in plain words. */
  employers: string;
  /** The law, as cited. */
  law: string;
  /** Where its text or its regulator's guidance is published. */
  source: string;
  /** What else a person posting should know, in plain words. */
  note?: string;
}

const US = "US";

/** The EU's member states: Directive (EU) 2023/970 binds every one. */
export const EU_MEMBER_STATES = [
  "AT",
  "BE",
  "BG",
  "CY",
  "CZ",
  "DE",
  "DK",
  "EE",
  "ES",
  "FI",
  "FR",
  "GR",
  "HR",
  "HU",
  "IE",
  "IT",
  "LT",
  "LU",
  "LV",
  "MT",
  "NL",
  "PL",
  "PT",
  "RO",
  "SE",
  "SI",
  "SK",
] as const;

export const PAY_LAWS: readonly PayLaw[] = [
  {
    id: "nyc",
    name: "New York City",
    areas: [{ country: US, region: "NY", localities: ["new york", "new york city", "nyc", "manhattan", "brooklyn", "queens", "bronx", "staten island"] }],
    from: "2022-11-01",
    employers: "employers with 4 or more employees",
    law: "NYC Human Rights Law, Admin. Code § 8-107(32)",
    source: "https://www.nyc.gov/site/cchr/media/pay-transparency.page",
  },
  {
    id: "new-york",
    name: "New York State",
    areas: [{ country: US, region: "NY" }],
    from: "2023-09-17",
    employers: "employers with 4 or more employees",
    law: "N.Y. Labor Law § 194-b",
    source: "https://www.nysenate.gov/legislation/laws/LAB/194-B",
    note: "also for jobs done elsewhere that report to a supervisor or office in New York",
  },
  {
    id: "california",
    name: "California",
    areas: [{ country: US, region: "CA" }],
    from: "2023-01-01",
    employers: "employers with 15 or more employees",
    law: "Cal. Labor Code § 432.3(c)(3)",
    source: "https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=LAB&sectionNum=432.3",
  },
  {
    id: "colorado",
    name: "Colorado",
    areas: [{ country: US, region: "CO" }],
    from: "2021-01-01",
    benefits: true,
    closingDate: true,
    employers: "employers with 1 or more employees in Colorado",
    law: "Colo. Rev. Stat. § 8-5-201",
    source: "https://cdle.colorado.gov/equalpaytransparency",
    note: "the closing date since 2024; covers remote roles that could be done from Colorado",
  },
  {
    id: "washington",
    name: "Washington State",
    areas: [{ country: US, region: "WA" }],
    from: "2023-01-01",
    benefits: true,
    employers: "employers with 15 or more employees",
    law: "Rev. Code Wash. § 49.58.110",
    source: "https://app.leg.wa.gov/RCW/default.aspx?cite=49.58.110",
  },
  {
    id: "district-of-columbia",
    name: "the District of Columbia",
    areas: [{ country: US, region: "DC" }],
    from: "2024-06-30",
    employers: "employers with 1 or more employees in the District",
    law: "D.C. Code § 32-1453.01",
    source: "https://code.dccouncil.gov/us/dc/council/code/sections/32-1453.01",
  },
  {
    id: "hawaii",
    name: "Hawaii",
    areas: [{ country: US, region: "HI" }],
    from: "2024-01-01",
    employers: "employers with 50 or more employees",
    law: "Haw. Rev. Stat. § 378-2.4 (Act 203, 2023)",
    source: "https://www.capitol.hawaii.gov/session/archives/measure_indiv_Archives.aspx?billtype=SB&billnumber=1057&year=2023",
  },
  {
    id: "maryland",
    name: "Maryland",
    areas: [{ country: US, region: "MD" }],
    from: "2024-10-01",
    benefits: true,
    employers: "all employers",
    law: "Md. Code, Lab. & Empl. § 3-304.2",
    source: "https://mgaleg.maryland.gov/mgawebsite/Laws/StatuteText?article=gle&section=3-304.2&enactments=false",
  },
  {
    id: "illinois",
    name: "Illinois",
    areas: [{ country: US, region: "IL" }],
    from: "2025-01-01",
    benefits: true,
    employers: "employers with 15 or more employees",
    law: "820 ILCS 112/10(b-25)",
    source: "https://ilga.gov/Documents/legislation/ilcs/documents/082001120K10.htm",
    note: "also for jobs done elsewhere that report to a supervisor or office in Illinois",
  },
  {
    id: "minnesota",
    name: "Minnesota",
    areas: [{ country: US, region: "MN" }],
    from: "2025-01-01",
    benefits: true,
    employers: "employers with 30 or more employees in Minnesota",
    law: "Minn. Stat. § 181.173",
    source: "https://www.revisor.mn.gov/statutes/cite/181.173",
  },
  {
    id: "new-jersey",
    name: "New Jersey",
    areas: [{ country: US, region: "NJ" }],
    from: "2025-06-01",
    benefits: true,
    employers: "employers with 10 or more employees",
    law: "N.J. Stat. § 34:6B-23 (P.L. 2024, c. 91)",
    source: "https://www.nj.gov/labor/myworkrights/wages/pay-transparency/",
  },
  {
    id: "vermont",
    name: "Vermont",
    areas: [{ country: US, region: "VT" }],
    from: "2025-07-01",
    employers: "employers with 5 or more employees",
    law: "Vt. Act 155 of 2024 (21 V.S.A. § 495o)",
    source: "https://legislature.vermont.gov/Documents/2024/Docs/ACTS/ACT155/ACT155%20As%20Enacted.pdf",
    note: "also for jobs done elsewhere that report to a supervisor or office in Vermont",
  },
  {
    id: "massachusetts",
    name: "Massachusetts",
    areas: [{ country: US, region: "MA" }],
    from: "2025-10-29",
    employers: "employers with 25 or more employees in Massachusetts",
    law: "Mass. Acts 2024, ch. 141 (Salary Range Transparency)",
    source: "https://malegislature.gov/Laws/SessionLaws/Acts/2024/Chapter141",
  },
  {
    id: "british-columbia",
    name: "British Columbia",
    areas: [{ country: "CA", region: "BC" }],
    from: "2023-11-01",
    employers: "all employers",
    law: "Pay Transparency Act, S.B.C. 2023, c. 18",
    source: "https://www.bclaws.gov.bc.ca/civix/document/id/complete/statreg/23018",
  },
  {
    id: "ontario",
    name: "Ontario",
    areas: [{ country: "CA", region: "ON" }],
    from: "2026-01-01",
    employers: "employers with 25 or more employees",
    law: "Employment Standards Act, 2000, s. 8.1",
    source: "https://www.ontario.ca/laws/statute/00e41",
    note: "a range may span at most $50,000 a year; not for pay over $200,000 a year",
  },
  {
    id: "eu",
    name: "the EU",
    areas: EU_MEMBER_STATES.map((country) => ({ country })),
    from: "2026-06-07",
    employers: "all employers",
    law: "Directive (EU) 2023/970, Article 5",
    source: "https://eur-lex.europa.eu/eli/dir/2023/970/oj",
    note: "applicants must learn the starting pay or its range before the interview, through each member state's own law",
  },
];
