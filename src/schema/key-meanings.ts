// Keys other tools use for what Openings calls by another name: ATS exports
// (Greenhouse, Lever, Workable, Workday), schema.org's JobPosting, Hugo,
// Jekyll `_config.yml` and careers pages. An unknown key found here gets the
// key it means, not the one it happens to be spelt closest to. One table for
// postings, jobs/index.md and site.yaml: a row whose `key` the file does not
// have (`company` → `name` in a posting) is skipped.

export interface KeyMeaning {
  /** The key Openings reads. */
  key: string;
  /** What that key holds, in plain words, for the hint: "did you mean `key`, <what>?" */
  what: string;
  /** Keys that mean it, compared ignoring case, spaces, `-` and `_` (`closeDate` is `close_date`). */
  from: readonly string[];
  /** Only a value of this kind means it: `position: 3` is an order, `position: Designer` a title. */
  value?: "text" | "number" | "path";
  /** Only when the file lacks `key`; with it, the word probably means something else. */
  onlyWhenMissing?: boolean;
}

/** Rows are tried in order; the first that fits the key and its value wins. */
export const KEY_MEANINGS: readonly KeyMeaning[] = [
  {
    key: "valid_through",
    what: "the last day to apply",
    from: [
      "closes",
      "closes_on",
      "close_date",
      "closing",
      "closing_date",
      "expires",
      "expires_at",
      "expiry",
      "expiry_date",
      "expiration_date",
      "deadline",
      "application_deadline",
      "apply_by",
      "valid_until",
    ],
  },
  {
    key: "date_posted",
    what: "the day the role was posted",
    from: [
      "opens",
      "open_date",
      "posted",
      "posted_on",
      "posted_at",
      "created",
      "created_at",
      "date_created",
      "date_published",
      "published_at",
      "published_on",
      "publish_date",
    ],
  },
  { key: "permalink", what: "the role's address on this site", value: "path", from: ["url", "link", "path", "href"] },
  { key: "permalink", what: "the role's address on this site, a path like `/jobs/data-engineer/`", from: ["slug"] },
  {
    key: "apply",
    what: "the web or e-mail address to apply at",
    from: [
      "url",
      "link",
      "apply_url",
      "apply_link",
      "apply_email",
      "apply_to",
      "application_url",
      "application_link",
      "application_email",
      "how_to_apply",
      "hosted_url",
      "absolute_url",
      "job_url",
      "email",
      "contact_email",
    ],
  },
  { key: "location", what: "where the role is based", from: ["locations", "city", "office", "offices", "place", "based_in", "job_location", "country"] },
  {
    key: "remote",
    what: "`true`, or the regions remote candidates may live in",
    from: [
      "remote_ok",
      "is_remote",
      "remote_work",
      "telecommute",
      "telecommuting",
      "work_from_home",
      "wfh",
      "workplace",
      "workplace_type",
      "location_type",
      "job_location_type",
    ],
  },
  { key: "team", what: "the team the role belongs to", from: ["department", "departments", "dept", "division", "business_unit"] },
  {
    key: "employment_type",
    what: "whether the role is full-time, part-time, a contract…",
    from: ["type", "job_type", "contract", "contract_type", "commitment", "employment", "schedule", "time_type", "work_type", "type_of_employment"],
  },
  { key: "title", what: "the role's name", value: "text", onlyWhenMissing: true, from: ["position", "role", "name"] },
  { key: "title", what: "the role's name", from: ["job_title", "position_title", "role_title"] },
  {
    key: "weight",
    what: "the role's place in its team's list, lowest first",
    value: "number",
    from: ["position", "order", "nav_order", "sort", "sort_order", "priority"],
  },
  {
    key: "description",
    what: "the one-sentence summary of the role",
    from: ["summary", "excerpt", "intro", "teaser", "tagline", "blurb", "short_description"],
  },
  {
    key: "salary",
    what: "the pay, with `min`, `max`, `currency` and `per` inside",
    from: [
      "compensation",
      "pay",
      "pay_range",
      "wage",
      "salary_range",
      "base_salary",
      "salary_min",
      "salary_max",
      "min_salary",
      "max_salary",
      "salary_currency",
      "currency",
    ],
  },
  {
    key: "salary_note",
    what: "a sentence about pay shown with the ranges",
    from: ["pay_note", "salary_notes", "compensation_note", "compensation_details", "pay_details", "salary_details", "pay_transparency_note"],
  },
  {
    key: "benefits",
    what: "what the role comes with besides pay, in Markdown",
    from: ["perks", "perks_and_benefits", "benefits_and_perks", "job_benefits", "what_we_offer", "we_offer", "rewards"],
  },
  { key: "closed", what: "`true` once the role takes no more applications", from: ["filled", "archived", "expired", "is_closed"] },
  { key: "draft", what: "`true` to keep the role to the preview server", from: ["unpublished", "wip"] },
  { key: "redirect_from", what: "the page's old addresses", from: ["aliases", "redirects", "old_url", "old_urls"] },
  // site.yaml, often started from a Jekyll _config.yml.
  { key: "name", what: "the company's name", from: ["title", "company", "company_name", "organization", "organisation"] },
  { key: "url", what: "the site's full address", from: ["site_url", "domain", "host", "hostname"] },
  { key: "path_prefix", what: "the folder the site is served from", from: ["baseurl", "base_url", "base_path", "prefix"] },
  { key: "language", what: "the postings' language code", from: ["lang", "locale"] },
  { key: "homepage", what: "the company's own website", from: ["website", "company_url", "company_website", "home_page", "homepage_url"] },
  { key: "timezone", what: "the company's time zone, like Europe/London", from: ["tz", "time_zone_name"] },
  { key: "apply_params", what: "parameters added to every web apply link", from: ["utm", "utm_params", "tracking_params", "apply_tracking"] },
];

/** The form keys are compared in: `Close-Date`, `close_date` and `closeDate` are one key. */
export function keyForm(key: string): string {
  return key.toLowerCase().replace(/[\s_-]+/g, "");
}

// Each compared form with its rows, in table order: one lookup per key.
const ROWS = new Map<string, KeyMeaning[]>();
for (const row of KEY_MEANINGS) for (const other of row.from) ROWS.set(keyForm(other), [...(ROWS.get(keyForm(other)) ?? []), row]);

/**
 * The rows `key`, with its value, may stand for in a file holding `data`, in
 * table order: only rows for keys this kind of file has, whose value fits,
 * and, for rows that say so, only when the file lacks the key.
 */
export function meaningsOf(key: string, data: Record<string, unknown>, knownKeys: readonly string[]): KeyMeaning[] {
  const kind = valueKind(data[key]);
  return (ROWS.get(keyForm(key)) ?? []).filter(
    (row) =>
      knownKeys.includes(row.key) &&
      (row.value === undefined || row.value === kind || (row.value === "text" && kind === "path")) &&
      !(row.onlyWhenMissing && data[row.key] !== undefined),
  );
}

function valueKind(value: unknown): KeyMeaning["value"] | undefined {
  if (typeof value === "number") return "number";
  if (typeof value === "string") return value.trim().startsWith("/") ? "path" : "text";
  return undefined;
}
