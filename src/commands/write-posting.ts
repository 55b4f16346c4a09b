import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { slugify } from "../derive/slug.ts";

// New postings, from `npm run new` and `npm run import`: every key present and
// explained, so the person posting fills in blanks rather than remembering a
// schema. Never overwrites a file.

export interface Skeleton {
  title: string;
  description?: string;
  team?: string;
  location?: string[];
  remote?: boolean;
  employment_type?: string;
  date_posted: string;
  apply?: string;
  body: string;
}

const yamlText = (value: string) => (/^[\w][\w ,.()'/&-]*$/.test(value) && !/: /.test(value) ? value : JSON.stringify(value));

export function postingText(s: Skeleton): string {
  const todo = (key: string, example: string, why: string) => `# ${key}: ${example}   # TODO ${why}`;
  const line = (key: string, value: string | undefined, example: string, why: string) =>
    value ? `${key}: ${yamlText(value)}   # ${why}` : todo(key, example, why);
  return [
    "---",
    `title: ${yamlText(s.title)}`,
    line("description", s.description, "One sentence that sums up the role.", "shown on the index and in search results"),
    line("team", s.team, "Engineering", "the index groups roles by team"),
    s.location?.length
      ? `location: [${s.location.map((place) => JSON.stringify(place)).join(", ")}]`
      : todo("location", "London, UK", "a place, or a list: ['London, UK', 'Lisbon, Portugal']"),
    s.remote
      ? "remote: true   # or a list of regions where remote candidates may live: [Europe]"
      : "# remote: [Europe]   # true for remote from anywhere, or a list of regions",
    line("employment_type", s.employment_type, "full-time", "full-time, part-time, contract, temporary, internship, volunteer, per diem, other"),
    `date_posted: ${s.date_posted}`,
    "# valid_through: 2027-01-31   # the last day to apply; the role closes by itself after it",
    "# salary: { min: 50000, max: 65000, currency: GBP, per: YEAR }   # per: HOUR, DAY, WEEK, MONTH or YEAR",
    line("apply", s.apply, "https://apply.example.com/roles/123", "a web address or an e-mail address; the site's when absent"),
    "# closed: true   # the role stays online, marked closed",
    "# draft: true   # only the preview server (npm start) shows it",
    "# permalink: /jobs/some-other-address/   # by default the address comes from the file name",
    "# redirect_from: [/careers/old-address/]   # old addresses that should lead here",
    "# weight: 1   # orders roles within a team, lowest first",
    "---",
    "",
    s.body.trim(),
    "",
  ].join("\n");
}

/** Writes `jobs/<slug>.md` for `title`, refusing to replace a file. Returns the path written. */
export function writeNewPosting(siteDir: string, jobsDir: string, skeleton: Skeleton): { path?: string; refused?: string } {
  const slug = slugify(skeleton.title) || "new-role";
  const path = join(jobsDir, `${slug}.md`);
  const absolute = join(siteDir, path);
  if (existsSync(absolute)) return { refused: `${path} already exists; choose another title, or edit that file` };
  mkdirSync(dirname(absolute), { recursive: true });
  writeFileSync(absolute, postingText(skeleton), { flag: "wx" });
  return { path };
}
