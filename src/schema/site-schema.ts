import { z } from "zod";
import { applyParams } from "./apply-params.ts";
import { colour } from "./colour.ts";
import { applyTarget, expected, found, languageCode } from "./job-schema.ts";
import { messageOverrides } from "./message-overrides.ts";
import { untranslatedWarning } from "./messages.ts";
import { addNote } from "./schema-notes.ts";
import { siteLogo } from "./site-logo.ts";
import { sitePathProblem } from "./site-path.ts";
import { DEFAULT_TIME_ZONE, readTimeZone } from "./time-zone.ts";

// site.yaml: the company-wide settings, validated like a posting.

/** What check and build do when a posting misses a pay transparency law (derive/pay-transparency.ts). */
export const PAY_TRANSPARENCY_SETTINGS = ["warn", "error", "off"] as const;

/** A folder-like site path, always with slashes at both ends. */
const folderPath = (example: string) =>
  z.string(expected(`a path like ${example}`)).transform((raw, ctx) => {
    const value = `/${raw.trim().replace(/^\/+|\/+$/g, "")}/`.replace("//", "/");
    const problem = sitePathProblem(value);
    if (!problem) return value;
    ctx.addIssue({ code: "custom", input: raw, message: `expected ${problem}, found ${found(raw)}` });
    return z.NEVER;
  });

export const siteShape = {
  name: z.string(expected("the company's name")).trim().min(1).describe("The company's name, shown in every page title."),
  url: z
    .string(expected("the site's full address, like https://careers.example.com"))
    .transform((raw, ctx) => {
      const value = raw.trim().replace(/\/+$/, "");
      if (/^https?:\/\//.test(value) && URL.canParse(value)) return value;
      ctx.addIssue({ code: "custom", input: raw, message: `expected the site's full address, like https://careers.example.com, found ${found(raw)}` });
      return z.NEVER;
    })
    .describe("The site's full address; canonical links, feeds and the sitemap are built from it."),
  jobs_path: folderPath("/jobs/").default("/jobs/").describe("Where the jobs index lives; roles live below it."),
  apply: applyTarget.optional().describe("Where to apply when a posting does not say: a web address or an e-mail address."),
  language: languageCode.default("en").describe("The site's language, as a code like en or de-CH: its pages' labels, dates and amounts."),
  messages: messageOverrides.optional().describe("The site's own wording for labels Openings shows, per language: `de:` then `apply_web: Jetzt bewerben`."),
  pay_transparency: z
    .enum(PAY_TRANSPARENCY_SETTINGS, expected("`warn`, `error` or `off`"))
    .default("warn")
    .describe("When a role's pay misses what a pay transparency law asks of its posting: `warn`, `error` (check fails and nothing is built), or `off`."),
  path_prefix: folderPath("/careers/").default("/").describe("The folder the site is served from, for hosts such as GitHub project pages."),
  logo: siteLogo.optional().describe("The company's logo: an SVG, PNG, WebP or JPEG file in the site folder (like brand/logo.svg), or an https address."),
  accent_color: colour.optional().describe('The brand colour of buttons and links, like "#0b5cad" (quoted) or rgb(11, 92, 173).'),
  share_images: z
    .boolean(expected("`true` or `false`"))
    .default(true)
    .describe("Whether every role gets a share image: the picture a link to it shows in chat apps and social networks."),
  homepage: z
    .string(expected("the company's website, like https://www.example.com"))
    .transform((raw, ctx) => {
      const value = raw.trim();
      if (/^https:\/\/[^\s]+$/i.test(value) && URL.canParse(value)) return value;
      const message = `expected the company's website, an https:// address like https://www.example.com, found ${found(raw)}`;
      ctx.addIssue({ code: "custom", input: raw, message });
      return z.NEVER;
    })
    .optional()
    .describe("The company's own website (https): Google is told it is the hiring organization's."),
  apply_params: applyParams.optional().describe("Parameters added to every web apply link, like utm_source=careers-site&utm_medium=website."),
  timezone: z
    .string(expected("a time zone like Europe/London or America/New_York"))
    .transform((raw, ctx) => {
      const zone = readTimeZone(raw.trim());
      if (zone) return zone;
      const hint = "use a name from the IANA time zone list: a name follows summer time, an offset like +01:00 does not";
      const message = `expected a time zone name like Europe/London, America/New_York or UTC, found ${found(raw)}`;
      ctx.addIssue({ code: "custom", input: raw, message, params: { code: "bad-timezone", hint } });
      return z.NEVER;
    })
    .default(DEFAULT_TIME_ZONE)
    .describe("The company's time zone (IANA name, like Europe/London): a `valid_through` day ends at midnight there."),
};

export const siteSchema = z
  .looseObject(siteShape, expected("a list of `key: value` lines"))
  .superRefine((site) => {
    // A language Openings has no messages for still builds, in English words: say so, once, at `language`.
    const untranslated = untranslatedWarning(site.language, site.messages);
    if (untranslated) addNote({ path: ["language"], code: "language-without-messages", ...untranslated });
  })
  .describe("Openings site settings (site.yaml).");
export type SiteConfig = z.output<typeof siteSchema>;

export const SITE_FILE = "site.yaml";
