import { z } from "zod";
import { type CalendarDate, readCalendarDate } from "./calendar-date.ts";
import { readCurrency } from "./currency.ts";
import { mailtoHref, readMailLink } from "./mail-link.ts";
import { addNote } from "./schema-notes.ts";
import { normaliseSitePath, sitePathProblem } from "./site-path.ts";

// The contract with the people who post jobs. This one definition is the
// TypeScript `Job` type (z.output), the runtime validation, and — through
// `npm run schema` — the JSON Schema in schema/job.schema.json for editors.
// Every value carries its own plain-words message; validate-job.ts adds where.

export const EMPLOYMENT_TYPES = ["FULL_TIME", "PART_TIME", "CONTRACTOR", "TEMPORARY", "INTERN", "VOLUNTEER", "PER_DIEM", "OTHER"] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

export const SALARY_PERIODS = ["HOUR", "DAY", "WEEK", "MONTH", "YEAR"] as const;
export type SalaryPeriod = (typeof SALARY_PERIODS)[number];

// Friendly spellings people actually write, after upper-casing and turning
// spaces and hyphens into underscores (so `Full-time` arrives as FULL_TIME).
const EMPLOYMENT_TYPE_ALIASES: Record<string, EmploymentType> = {
  FULLTIME: "FULL_TIME",
  PERMANENT: "FULL_TIME",
  PARTTIME: "PART_TIME",
  CONTRACT: "CONTRACTOR",
  FREELANCE: "CONTRACTOR",
  TEMP: "TEMPORARY",
  INTERNSHIP: "INTERN",
  PERDIEM: "PER_DIEM",
};
const SALARY_PERIOD_ALIASES: Record<string, SalaryPeriod> = {
  HOURLY: "HOUR",
  DAILY: "DAY",
  WEEKLY: "WEEK",
  MONTHLY: "MONTH",
  YEARLY: "YEAR",
  ANNUAL: "YEAR",
  ANNUALLY: "YEAR",
  ANNUM: "YEAR",
};

/** How a found value is shown in a message: quoted as typed, or "nothing" when absent. */
export function found(input: unknown): string {
  if (input === undefined) return "nothing";
  // JSON would show NaN and Infinity (YAML's .nan, .inf) as null.
  const text =
    typeof input === "number"
      ? String(input)
      : (JSON.stringify(input, (_, v) => (typeof v === "number" && !Number.isFinite(v) ? String(v) : v)) ?? String(input));
  return `\`${text.length > 60 ? `${text.slice(0, 57)}...` : text}\``;
}

/** zod's error option: "expected <what>, found `<value>`". */
export const expected = (what: string) => ({ error: (issue: { input?: unknown }) => `expected ${what}, found ${found(issue.input)}` });

const text = (what = "text") =>
  z
    .string(expected(what))
    .trim()
    .min(1, { error: `expected ${what}, found an empty value` });

function oneOrMany<T extends z.ZodType>(item: T, what: string) {
  return z
    .union([item, z.array(item, expected(`a list of ${what}`))], expected(`${what}, or a list of them`))
    .transform((v) => (Array.isArray(v) ? v : [v]) as z.output<T>[]);
}

/** A word from a fixed list, accepting friendly spellings and normalising them. */
function friendlyEnum<T extends string>(values: readonly T[], aliases: Record<string, T>) {
  return z.string(expected(`one of ${values.join(", ")}`)).transform((raw, ctx): T => {
    const key = raw
      .trim()
      .toUpperCase()
      .replace(/[\s-]+/g, "_");
    const value = (values as readonly string[]).includes(key) ? (key as T) : aliases[key.replace(/_/g, "")];
    if (value) return value;
    ctx.addIssue({ code: "custom", input: raw, message: `expected one of ${values.join(", ")}, found ${found(raw)}` });
    return z.NEVER;
  });
}

/**
 * A date at top-level `key`. One written another way than year-month-day is
 * read when it can mean only one day, with a warning (a note: see
 * schema-notes.ts); custom issues carry their problem `code` and `hint` in params.
 */
const calendarDate = (key: string) =>
  z.union([z.string(), z.date()], expected("a date like 2026-03-31")).transform((raw, ctx): CalendarDate => {
    const reading = readCalendarDate(raw);
    if ("date" in reading) {
      if (reading.rewritten) {
        const hint = `write \`${key}: ${reading.date}\`, year-month-day, which every tool reads the same way`;
        addNote({ path: [key], code: "date-format", message: `\`${String(raw).trim()}\` is read as ${reading.date}`, hint });
      }
      return reading.date;
    }
    const message = reading.message ?? `expected a real date like 2026-03-31, found ${found(raw)}`;
    ctx.addIssue({ code: "custom", input: raw, message, params: { code: reading.problem, hint: reading.hint } });
    return z.NEVER;
  });

/**
 * ISO 4217, read by currency.ts. A sign or a name read as a code (`£`) is
 * rewritten by the salary, which knows which range of a list it is in, so its
 * warning points at that range (see salarySchema).
 */
const currencyCode = z.string(expected("a three-letter currency code like GBP, EUR or USD")).superRefine((raw, ctx) => {
  const reading = readCurrency(raw);
  if (!("code" in reading)) ctx.addIssue({ code: "custom", input: raw, message: reading.message, params: { code: reading.problem, hint: reading.hint } });
});

/** A BCP 47 language code, as site.yaml's `language` and a posting's own. */
const notALanguage = { error: (issue: { input?: unknown }) => `expected a language code like en or en-GB, found ${found(issue.input)}` };
export const languageCode = z
  .string(expected("a language code like en or en-GB"))
  .trim()
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { ...notALanguage, abort: true })
  // Well-formed by the pattern is not enough for Intl (`en-GB-GB`), which formats the page's dates.
  .refine((value) => {
    try {
      return Intl.getCanonicalLocales(value).length === 1;
    } catch {
      return false;
    }
  }, notALanguage);

/**
 * `true` or `false` at top-level `key`. Jekyll's YAML (1.1) also reads
 * yes/no/on/off as booleans, and postings moved from Jekyll use them: read
 * them so (`remote: no` is not remote), with a warning naming the word to write.
 */
const flag = (key: string) =>
  z
    .union(
      // Both cases spelt out: the JSON Schema's pattern has no `i` flag.
      [
        z.boolean(),
        z
          .string()
          .regex(/^([Yy][Ee][Ss]|[Nn][Oo]|[Oo][Nn]|[Oo][Ff][Ff])$/, { error: (issue) => `expected \`true\` or \`false\`, found ${found(issue.input)}` }),
      ],
      expected("`true` or `false`"),
    )
    .transform((value) => {
      if (typeof value === "boolean") return value;
      const meant = /^(yes|on)$/i.test(value);
      const hint = `write \`${key}: ${meant}\`: YAML reads \`${value}\` as text, and only Jekyll's older YAML reads it as \`${meant}\``;
      addNote({ path: [key], code: "yaml-boolean-word", message: `\`${value}\` is read as \`${meant}\``, hint });
      return meant;
    });

const sitePath = z.string(expected("a path on this site, like /jobs/designer/")).transform((raw, ctx) => {
  const problem = sitePathProblem(raw.trim());
  if (!problem) return normaliseSitePath(raw.trim());
  ctx.addIssue({ code: "custom", input: raw, message: `expected ${problem}, found ${found(raw)}` });
  return z.NEVER;
});

/**
 * Where candidates apply: a web address or one e-mail address. A mailto
 * link keeps at most its `subject`: other headers (`cc`, `bcc`, `body`) are
 * dropped with a warning (mail-link.ts says why).
 */
export const applyTarget = z.string(expected("a web address or an e-mail address")).transform((raw, ctx) => {
  const value = raw.trim();
  const mail = readMailLink(value);
  if (mail && mail.dropped.length > 0) {
    const kept = mailtoHref(mail.address, mail.subject);
    const names = mail.dropped.map((name) => `\`${name}\``).join(", ");
    const message = `${names} dropped from the e-mail link, so applications go to \`${mail.address}\` alone`;
    addNote({ path: ["apply"], code: "apply-mail-headers", message, hint: `write \`apply: ${kept}\`: an apply link names one address and at most a subject` });
    return kept;
  }
  if (mail) return value;
  if (/^https?:\/\/[^\s]+$/i.test(value) && URL.canParse(value)) return value;
  ctx.addIssue({ code: "custom", input: raw, message: `expected a web address (https://…) or an e-mail address, found ${found(raw)}` });
  return z.NEVER;
});

const money = z.number(expected("a number, like 65000")).nonnegative({ error: "expected a number of at least 0" });

/** One pay range; in a list of them, each may name the place it is for. */
export const salaryRangeSchema = z
  .strictObject(
    {
      min: money.optional().describe("Lowest pay for the role."),
      max: money.optional().describe("Highest pay for the role."),
      currency: currencyCode.describe("ISO 4217 code: GBP, EUR, USD…"),
      per: friendlyEnum(SALARY_PERIODS, SALARY_PERIOD_ALIASES).describe(`The period the amounts are paid for: ${SALARY_PERIODS.join(", ")}.`),
      location: text("a place like `New York, NY`")
        .optional()
        .describe("The place this range is for, when pay differs by place: `New York, NY`. Without it, the range applies everywhere."),
    },
    expected("a salary: `min`, `max`, `currency` and `per` on indented lines"),
  )
  .superRefine((salary, ctx) => {
    if (salary.min === undefined && salary.max === undefined) {
      ctx.addIssue({ code: "custom", input: salary, message: "expected a `min` or a `max` amount, found neither" });
    } else if (salary.min !== undefined && salary.max !== undefined && salary.min > salary.max) {
      ctx.addIssue({
        code: "custom",
        path: ["max"],
        input: salary.max,
        message: `expected \`max\` to be at least \`min\` (${salary.min}), found ${found(salary.max)}`,
      });
    }
  });
export type SalaryRange = z.output<typeof salaryRangeSchema>;

/** The currency as its ISO 4217 code, with a warning at `path` when it was written as a sign or a name. */
function withCurrencyCode(range: SalaryRange, path: readonly (string | number)[]): SalaryRange {
  const reading = readCurrency(range.currency);
  if (!("code" in reading)) return range; // Refused by currencyCode already.
  if (reading.rewritten) {
    const hint = `write \`currency: ${reading.code}\`, the ISO 4217 code`;
    addNote({ path: [...path, "currency"], code: `currency-${reading.rewritten}`, message: `\`${range.currency.trim()}\` is read as ${reading.code}`, hint });
  }
  return { ...range, currency: reading.code };
}

/**
 * Pay: one range, or a list of them (one per place, say). Always a list
 * once read, like `location`, so nothing downstream asks which form it was.
 */
export const salarySchema = z
  .union(
    [
      salaryRangeSchema.transform((range) => [withCurrencyCode(range, ["salary"])]),
      z.array(salaryRangeSchema, expected("a list of pay ranges")).transform((ranges) => ranges.map((range, i) => withCurrencyCode(range, ["salary", i]))),
    ],
    expected("a salary: `min`, `max`, `currency` and `per` on indented lines, or a list of them"),
  )
  .describe("Pay for the role: `min`, `max`, `currency` and `per`; or a list of such ranges, each with the `location` it is for.");

/** Keys that name the posting. Everything else a file says is "unknown" and warned about. */
export const jobShape = {
  title: text().describe("The role's name, as candidates search for it."),
  description: text().optional().describe("One sentence that sums up the role: shown on the index, in search results and in feeds."),
  location: oneOrMany(text("a place like `London, UK`"), "places").optional().describe("Where the role is based: `London, UK`, or a list of places."),
  remote: z
    .union([flag("remote"), oneOrMany(text("a region like `Europe`"), "regions")], expected("`true`, or a list of regions where remote candidates may live"))
    .optional()
    .describe("`true` for remote work from anywhere, or a list of regions where remote candidates may live, like `[Europe]`."),
  team: text().optional().describe("The team the role belongs to; the index groups roles by team."),
  employment_type: oneOrMany(friendlyEnum(EMPLOYMENT_TYPES, EMPLOYMENT_TYPE_ALIASES), "employment types")
    .optional()
    .describe(`${EMPLOYMENT_TYPES.join(", ")}, or one of them written the friendly way (full-time, internship), or a list.`),
  date_posted: calendarDate("date_posted").optional().describe("The day the role was posted, like 2026-03-01."),
  valid_through: calendarDate("valid_through").optional().describe("The last day applications are accepted; after it the role closes by itself."),
  salary: salarySchema.optional(),
  salary_note: text().optional().describe("A sentence about pay that the ranges cannot say, shown with them: bonus, equity, how the range is set."),
  benefits: text().optional().describe("The benefits the role comes with, in Markdown: shown on the page in their own section, and told to Google for Jobs."),
  apply: applyTarget.optional().describe("Where to apply: a web address or an e-mail address. The site's `apply` when absent."),
  direct_apply: flag("direct_apply")
    .optional()
    .describe("`true` when candidates fill in the application on this careers site itself, not on an applicant tracking system's page."),
  language: languageCode.optional().describe("The posting's language, when it is not the site's: its page's `lang`, date and money formats."),
  translation_of: text("the file name of the posting this one translates, like `data-engineer`")
    .optional()
    .describe("This posting is a translation of another: that posting's file name in jobs/, without `.md`. Their pages link to each other."),
  draft: flag("draft").optional().describe("`true` keeps the role out of the published site; the preview server still shows it."),
  closed: flag("closed").optional().describe("`true` marks the role as closed."),
  permalink: sitePath.optional().describe("The role's address on the site. By default the jobs path plus the file name."),
  redirect_from: oneOrMany(sitePath, "paths").optional().describe("Old addresses of this page; each redirects here."),
  // Jekyll-era keys, accepted so old careers pages move in unchanged.
  layout: text().optional().describe("Jekyll-era layout name; accepted and ignored."),
  group: text().optional().describe("Jekyll-era site section, like `about`."),
  subgroup: text().optional().describe("Jekyll-era sub-section, like `jobs`."),
  weight: z.number(expected("a number")).optional().describe("Orders roles within a team: lower comes first."),
  "shortened-link": text().optional().describe("Jekyll-era short title for navigation."),
  published: flag("published").optional().describe("Jekyll-era: `false` is the same as `draft: true`."),
  date: calendarDate("date").optional().describe("Jekyll-era: the same as `date_posted`."),
  ats_id: text("a job's board and number, like `greenhouse:4012345`")
    .optional()
    .describe("Written by `npm run import -- --from …`: the applicant-tracking job this posting came from, so importing again updates it."),
};

export const jobSchema = z
  .looseObject(jobShape, expected("a list of `key: value` lines"))
  .superRefine((job, ctx) => {
    if (job.direct_apply && job.apply && readMailLink(job.apply)) {
      const hint = "an e-mail application is not made on this site: remove `direct_apply`, or link `apply` to your own application form";
      addNote({ path: ["direct_apply"], code: "direct-apply-mail", message: "Google is told `false`, because `apply` is an e-mail address", hint });
    }
    const posted = job.date_posted ?? job.date;
    if (posted && job.valid_through && job.valid_through < posted) {
      ctx.addIssue({
        code: "custom",
        path: ["valid_through"],
        input: job.valid_through,
        message: `expected a date on or after \`date_posted\` (${posted}), found ${found(job.valid_through)}`,
      });
    }
  })
  .describe("A job posting's front matter, for Openings.");

export type Job = z.output<typeof jobSchema>;
export const KNOWN_JOB_KEYS: readonly string[] = Object.keys(jobShape);

/** The careers landing page, jobs/index.md: its own intro, title and old addresses. */
export const landingShape = {
  title: jobShape.title.optional(),
  description: jobShape.description,
  permalink: jobShape.permalink,
  redirect_from: jobShape.redirect_from,
  layout: jobShape.layout,
  group: jobShape.group,
  subgroup: jobShape.subgroup,
  weight: jobShape.weight,
  "shortened-link": jobShape["shortened-link"],
};
export const landingSchema = z.looseObject(landingShape, expected("a list of `key: value` lines"));
export type Landing = z.output<typeof landingSchema>;
export const KNOWN_LANDING_KEYS: readonly string[] = Object.keys(landingShape);
