import { dump } from "js-yaml";

// The text of a new or imported posting: every key present and explained, so
// the person posting fills in blanks rather than remembering a schema. Keys
// found are written out; the rest stay as comments, the ones a role should
// have marked TODO. A file that had front matter keeps its own lines as they
// were (comments too), with the keys it lacked added after them.

export interface Salary {
  min?: number;
  max?: number;
  currency: string;
  per: string;
  /** The place this range is for, in a list of them. */
  location?: string;
}

export interface Draft {
  /** Values of keys Openings reads, as they will be written: `location` a list, `salary` a Salary or a list of them. */
  fields: Record<string, unknown>;
  /** A key written in place of another key of the source: `team` ← `department`. */
  renamedFrom?: Record<string, string>;
  /** Found, but not in a form Openings reads: written as TODO comments quoting the value. */
  unreadable?: Record<string, { value: unknown; why: string }>;
  /** Keys Openings does not read, kept as they were. */
  extra?: Record<string, unknown>;
  /** Comment lines written after the keys, like what to check in `salary`. */
  notes?: string[];
  /** A comment for the `ats_id` line. */
  atsNote?: string;
  body: string;
}

/** A source's own front matter: its YAML lines, and where each top-level key's lines start and end. */
export interface OriginalFrontMatter {
  lines: string[];
  entries: Map<string, { start: number; end: number }>;
}

interface KeyGuide {
  key: string;
  example: string;
  why: string;
  /** A role should have it: a missing one is marked TODO and reported. */
  todo?: boolean;
  /** The comment on a written value, when it differs from `why`. */
  written?: string;
}

const GUIDE: readonly KeyGuide[] = [
  { key: "title", example: "Senior data engineer", why: "the role's name; check needs it", todo: true },
  { key: "description", example: "One sentence that sums up the role.", why: "shown on the index and in search results", todo: true },
  { key: "team", example: "Engineering", why: "the index groups roles by team", todo: true },
  { key: "location", example: "London, UK", why: "a place, or a list: ['London, UK', 'Lisbon, Portugal']", todo: true, written: "" },
  {
    key: "remote",
    example: "[Europe]",
    why: "true for remote from anywhere, or a list of regions",
    written: "or a list of regions where remote candidates may live: [Europe]",
  },
  {
    key: "employment_type",
    example: "full-time",
    why: "full-time, part-time, contract, temporary, internship, volunteer, per diem, other",
    todo: true,
  },
  { key: "date_posted", example: "2026-11-20", why: "the day the role was posted", written: "" },
  { key: "valid_through", example: "2027-01-31", why: "the last day to apply; the role closes by itself after it" },
  { key: "salary", example: "{ min: 50000, max: 65000, currency: GBP, per: YEAR }", why: "per: HOUR, DAY, WEEK, MONTH or YEAR" },
  { key: "salary_note", example: "Plus a yearly bonus of up to 10%.", why: "a sentence shown with the pay" },
  {
    key: "benefits",
    example: "Private health cover, 28 days of holiday and a 6% pension.",
    why: "Markdown; for a list, write `benefits: |` and indent the `- ` lines below it",
  },
  { key: "apply", example: "https://apply.example.com/roles/123", why: "a web address or an e-mail address; the site's when absent", todo: true },
  { key: "language", example: "de", why: "the posting's language when it is not the site's: its page's labels, dates and amounts" },
  { key: "translation_of", example: "senior-data-engineer", why: "this posting translates another: that posting's file name, without .md" },
  { key: "closed", example: "true", why: "the role stays online, marked closed" },
  { key: "draft", example: "true", why: "only the preview server (npm start) shows it" },
  { key: "permalink", example: "/jobs/some-other-address/", why: "by default the address comes from the file name" },
  { key: "redirect_from", example: "[/careers/old-address/]", why: "old addresses that should lead here" },
  { key: "weight", example: "1", why: "orders roles within a team, lowest first" },
];
const GUIDED = new Set(GUIDE.map((guide) => guide.key));
/** Jekyll-era spellings: a file with `date` needs no `date_posted` line, one with `published` no `draft` line. */
const SAME_AS: Record<string, string> = { date_posted: "date", draft: "published" };

export interface PostingText {
  text: string;
  /** Keys marked TODO: a role should have them and the source did not say. */
  missing: string[];
}

export function postingText(draft: Draft, original?: OriginalFrontMatter): PostingText {
  const { fields } = draft;
  const present = new Set(original?.entries.keys());
  const replaced = new Map(Object.entries(draft.renamedFrom ?? {}).map(([key, from]) => [from, key]));
  const written = new Set([...present].filter((key) => !replaced.has(key)));
  const lines = ["---"];
  const valueLine = (key: string) => {
    written.add(key);
    return keyLine(key, fields[key], draft.renamedFrom?.[key]);
  };
  // A title found outside the front matter goes first; one renamed from `position` stays on its line.
  if (fields.title !== undefined && !present.has("title") && !draft.renamedFrom?.title) lines.push(valueLine("title"));
  if (original) {
    const replacedAt = new Map([...original.entries].filter(([key]) => replaced.has(key)).map(([key, at]) => [at.start, { key, end: at.end }]));
    for (let i = 0; i < original.lines.length; i++) {
      const entry = replacedAt.get(i);
      if (entry) {
        lines.push(valueLine(replaced.get(entry.key) ?? entry.key));
        i = entry.end;
      } else lines.push(original.lines[i] ?? "");
    }
  }
  const missing: string[] = [];
  for (const guide of GUIDE) {
    const { key } = guide;
    if (written.has(key) || (SAME_AS[key] && present.has(SAME_AS[key]))) continue;
    if (fields[key] !== undefined) {
      lines.push(valueLine(key));
      continue;
    }
    const unreadable = draft.unreadable?.[key];
    const needed = guide.todo && !(key === "location" && (fields.remote !== undefined || present.has("remote")));
    if (needed || unreadable) missing.push(key);
    const why = unreadable ? `TODO ${unreadable.why}` : needed ? `TODO ${guide.why}` : guide.why;
    lines.push(`# ${key}: ${unreadable ? flowText(unreadable.value) : guide.example}   # ${why}`);
  }
  for (const key of Object.keys(fields)) if (!GUIDED.has(key) && !written.has(key) && fields[key] !== undefined) lines.push(valueLine(key));
  if (draft.atsNote && lines.at(-1)?.startsWith("ats_id:")) lines[lines.length - 1] += `   # ${draft.atsNote}`;
  lines.push(...(draft.notes ?? []));
  const extra = Object.entries(draft.extra ?? {});
  if (extra.length > 0) {
    lines.push("# Kept from the original; Openings does not read these:");
    for (const [key, value] of extra) lines.push(dump({ [key]: value }, { flowLevel: 1, lineWidth: -1 }).trimEnd());
  }
  lines.push("---", "", draft.body.trim(), "");
  return { text: lines.join("\n"), missing };
}

function keyLine(key: string, value: unknown, renamedFrom: string | undefined): string {
  const guide = GUIDE.find((candidate) => candidate.key === key);
  const comment = renamedFrom ? `was \`${renamedFrom}\`` : guide?.key === "title" ? "" : (guide?.written ?? guide?.why ?? "");
  // Pay ranges one per line, each with its place: `salary:` and then `  - { min: …, location: … }`.
  if (key === "salary" && Array.isArray(value) && value.every(isSalary)) {
    return [`${key}:${comment ? `   # ${comment}` : ""}`, ...value.map((range) => `  - ${salaryText(range)}`)].join("\n");
  }
  const text =
    key === "location" || (key === "remote" && Array.isArray(value))
      ? jsonList([value].flat())
      : key === "employment_type" && Array.isArray(value) && value.length === 1
        ? flowText(value[0])
        : DATE_KEYS.has(key) && typeof value === "string" && /^\d{4}-\d\d-\d\d$/.test(value)
          ? value
          : flowText(value);
  return `${key}: ${text}${comment ? `   # ${comment}` : ""}`;
}

const DATE_KEYS = new Set(["date_posted", "valid_through", "date"]);

/** A list as `["a", "b, c"]`: every item quoted, so a comma inside one never splits it. */
function jsonList(value: unknown): string {
  return Array.isArray(value) ? `[${value.map((item) => JSON.stringify(item)).join(", ")}]` : flowText(value);
}

/** A value on one line, as YAML reads it back. */
function flowText(value: unknown): string {
  if (typeof value === "string") return yamlText(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item === "string")) return `[${value.map(yamlText).join(", ")}]`;
  if (isSalary(value)) return salaryText(value);
  return dump(value, { flowLevel: 0, lineWidth: -1 }).trim();
}

/** A salary as one line of YAML, `{ min: 50000, max: 65000, currency: GBP, per: YEAR }`, with `location: …` when it has one. */
export function salaryText(salary: Salary): string {
  const parts = (["min", "max", "currency", "per", "location"] as const)
    .filter((part) => salary[part] !== undefined)
    .map((part) => `${part}: ${part === "location" ? flowMappingText(String(salary[part])) : salary[part]}`);
  return `{ ${parts.join(", ")} }`;
}

/** Text inside `{ … }`, where a comma would end it: `"New York, NY"` quoted, `Portugal` plain. */
function flowMappingText(value: string): string {
  return /[,[\]{}]/.test(value) ? JSON.stringify(value) : yamlText(value);
}

// Words YAML reads as something other than text: numbers, booleans, nulls, dates.
const NOT_TEXT = /^(?:[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?|0x[\da-f]+|true|false|yes|no|on|off|y|n|null|~|\d{4}-\d\d?-\d\d?.*)$/i;

/** Plain when YAML would read it back as the same text, else quoted. */
export function yamlText(value: string): string {
  return /^[\w][\w ,.()'/&-]*$/.test(value) && !/: /.test(value) && !NOT_TEXT.test(value) && value === value.trim() ? value : JSON.stringify(value);
}

function isSalary(value: unknown): value is Salary {
  return typeof value === "object" && value !== null && "currency" in value && "per" in value;
}
