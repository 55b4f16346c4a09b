import type { Position, Problem } from "./problem.ts";
import type { CalendarDate } from "./schema/calendar-date.ts";
import type { EmploymentType, Job } from "./schema/job-schema.ts";
import type { LogoType } from "./schema/site-logo.ts";
import type { SiteConfig } from "./schema/site-schema.ts";

// The data at each stage of a build, in the order the stages make it:
// a source file → a parsed posting (with its validated Job) → a Role → the
// whole site. The build context carries the settings through every stage.

export type { Job, SiteConfig };

/** Settings for one build, resolved once by the command line (or the dev server's config) and passed down. */
export interface BuildContext {
  /** The site folder: `site.yaml`, `jobs/`. */
  siteDir: string;
  /** Where `npm run build` writes the site (`_site/`); the dev server writes into Eleventy's output folder, `_dev/`. */
  outputDir: string;
  /** Drafts are built only by the dev server. */
  includeDrafts: boolean;
  /** Worker threads for parsing and role pages; undefined lets the site's size decide. */
  workers?: number;
  /** The day roles close against and undated roles are posted on; unset, the day it is now in site.yaml's `timezone` (CareersSite's `today`). */
  today?: CalendarDate;
  /** Where parsed postings are kept between runs, and the Openings code they were parsed by; none without. */
  cache?: { dir: string; version: string };
  /** `false`: no share images, whatever site.yaml's `share_images` says (`--no-share-images`). */
  shareImages?: boolean;
  /** The folder share images and search index parts are kept in between builds (`.openings-cache/`); none without. Keyed by everything that makes them, so any Openings may use it. */
  buildCache?: string;
}

export interface SourceFile {
  /** As shown to the user: relative to the site folder, with forward slashes. */
  path: string;
  absolutePath: string;
  /** Name without folder or extension; the default slug comes from it. */
  stem: string;
  text: string;
  /** Changes whenever the file does; lets repeated builds skip unchanged files. */
  version: string;
}

export interface BodyLink {
  href: string;
  at: Position;
}

export interface ParsedPosting {
  file: string;
  stem: string;
  job?: Job;
  html: string;
  /** The location a Jekyll-era `<h1>Title <small>Somewhere</small></h1>` gave. */
  headingLocation?: string;
  links: BodyLink[];
  urlAt: Position;
  redirectFromAt: Position[];
  /** Where `shortened-link` is, for a warning when the menu has no room for it. */
  navLabelAt: Position;
  /** Where `team` and each `location` item are, for warnings about filters. */
  teamAt: Position;
  locationAt: Position[];
  /** Where `language` and `translation_of` are, for problems about translations. */
  languageAt: Position;
  translationOfAt: Position;
  /** Where each `remote` item is (one for `remote: true`), for pay transparency warnings. */
  remoteAt: Position[];
  /** `benefits`, rendered like the body. */
  benefitsHtml?: string;
  problems: Problem[];
}

export interface ParsedLanding {
  file: string;
  title?: string;
  description?: string;
  html: string;
  /** The intro starts with its own `<h1>`, so the index adds none. */
  hasOwnHeading: boolean;
  redirectFrom: string[];
  /** Jekyll-era `shortened-link` and `weight`: the page's entry in the site navigation. */
  navLabel?: string;
  weight?: number;
  links: BodyLink[];
  /** A Jekyll-era `permalink`; the index lives at site.yaml's `jobs_path`, so load-site compares them. */
  permalink?: { path: string; at: Position };
}

export interface Role {
  /** The posting's file, for messages. */
  file: string;
  slug: string;
  /** Site path, like /jobs/designer/ (without path_prefix, which the build adds). */
  url: string;
  /** The full address, for canonical links, feeds and JSON-LD. */
  absoluteUrl: string;
  title: string;
  description?: string;
  team?: string;
  /** The places as the page shows them: "London, UK", "Austin, TX". Never "Remote" or a time-zone range: those are `remote`. */
  locations: string[];
  /** The same places, read into parts for JSON-LD. */
  places: Place[];
  /** Regions remote candidates may live in ("Europe", "UTC-5 to UTC+1"); none means anywhere. */
  remote?: { regions: string[] };
  /** "London, UK or Berlin, Germany or Remote (Europe)" */
  locationLabel: string;
  /** A card's places: "London, UK or Berlin, Germany", "London, UK and 3 other places"; "" when remote only. */
  placesLabel: string;
  /** "Remote (Europe)", "Remote"; undefined when the role is not remote. */
  remoteLabel?: string;
  /** The posting's `language`, else the site's: the page's `lang`, labels, date and money formats. */
  language: string;
  /** A card's own words, in the role's language: its draft badge, and what goes before and after its posting date. */
  cardText: { draft: string; postedBefore: string; postedAfter: string };
  /** Where `language` and `translation_of` are written. */
  languageAt: Position;
  translationOfAt: Position;
  employmentTypes: EmploymentType[];
  employmentTypeLabel: string;
  /** One line for all of the pay: the one range, or the span of several (derive/salary-summary.ts). */
  salaryLabel?: string;
  /** Every pay range as the page shows it: "$150,000–$180,000 a year", and the place it is for, if it names one. */
  salaries: { label: string; place?: string; placeLabel?: string }[];
  /** `salary_note`, shown with the ranges. */
  salaryNote?: string;
  /** `benefits`, rendered like the body; its own section on the page. */
  benefitsHtml?: string;
  /** Pay as a year's pay, for sorting by salary within one currency (derive/pay.ts). */
  pay?: { currency: string; yearly: number };
  /** `date_posted`, else Jekyll's `date`, else the day the file was first committed, else the build date. */
  datePosted: CalendarDate;
  datePostedLabel: string;
  validThrough?: CalendarDate;
  validThroughLabel?: string;
  /** When the posting last changed (its last commit, else the file's modification time): the sitemap's `lastmod`. */
  lastChanged: Date;
  /** `address` is set for e-mail applications, shown beside the button; a web `href` carries site.yaml's `apply_params`. */
  apply: { href: string; label: string; address?: string; addressLabel?: string };
  html: string;
  closed: boolean;
  draft: boolean;
  weight?: number;
  redirectFrom: string[];
  /** Where the posting sets its address and redirects, for problems about them. */
  urlAt: Position;
  redirectFromAt: Position[];
  navLabelAt: Position;
  /** Where `team` is, and where each of `locations` was written. */
  teamAt: Position;
  locationsAt: Position[];
  /** Links in the body, checked once every page's address is known. */
  links: BodyLink[];
  /** Slugs the index filters on: `engineering`, `london-uk`, `full-time`. */
  filters: { team: string; locations: string[]; types: string[] };
  /** Why an open role's page carries no JobPosting markup (for a warning); undefined when it does. */
  jsonLdMissing?: string;
  job: Job;
}

/** A place a role is based in. */
export interface Place {
  /** As the posting wrote it: "Austin, TX". */
  label: string;
  locality?: string;
  /** A state or region: "TX". */
  region?: string;
  /** ISO 3166-1 alpha-2, only when the text names a country: "US". */
  country?: string;
}

export interface TeamGroup {
  /** Undefined for roles that name no team. */
  name?: string;
  slug: string;
  roles: Role[];
}

/** A closed role's page suggests a few open roles in its team and links to the rest. */
export interface OtherRoles {
  roles: Role[];
  /** The team's filter page, which lists them all. */
  url: string;
  /** "12 open roles" */
  countLabel: string;
  more: boolean;
  /** The section's heading and its link to the rest, in the language of each closed role's page that shows them. */
  text: Record<string, { heading: string; more: string }>;
}

export interface Redirect {
  from: string;
  to: string;
}

export type FacetKind = "team" | "location" | "remote" | "type";

export interface Facet {
  kind: FacetKind;
  /** "Engineering", "London, UK", "Remote", "Full-time" */
  label: string;
  slug: string;
  url: string;
  /** The page's heading: "Engineering roles", "Roles in London, UK". */
  title: string;
  roles: Role[];
  /** "3 open roles" */
  countLabel: string;
  /** The page's meta description: "Engineering roles at Example Co: 3 open roles." */
  description: string;
  /** The link that clears the page's filters: "Show all 3 open roles". */
  showAllLabel: string;
  /** The page's own feeds of its open roles: Atom first, then JSON Feed. */
  feeds: FeedLink[];
}

/** A feed as a page links to it (`<link rel="alternate">`). */
export interface FeedLink {
  /** `application/atom+xml` or `application/feed+json` */
  type: string;
  /** Site path: `/jobs/team/engineering/feed.xml`. */
  url: string;
  /** The feed's own title: "Engineering roles at Fernhill Robotics". */
  title: string;
}

export interface FacetGroups {
  teams: Facet[];
  locations: Facet[];
  types: Facet[];
  remote?: Facet;
  all: Facet[];
}

/** The jobs index shows roles first: its heading and one-sentence lead above them, the intro beside or after them. */
export interface JobsIndexView {
  /** The intro's own `<h1>`, as sanitized HTML, when it starts with one. */
  headingHtml?: string;
  /** Otherwise the heading as text: `title`, else "Jobs at <name>". */
  headingText: string;
  /** `description` from `jobs/index.md`. */
  lead?: string;
  /** The intro without its `<h1>`; "" when there is none. */
  introHtml: string;
}

/** A list page's filter form (plan/jobs-index.ts); assets/index.js makes it work. */
export interface FinderView {
  /** Search and the team, location and type selects: on the index only (a filter page is one team, place or type already). */
  search: boolean;
  /** The search index's parts past the first, relative to the site's root, for the script to merge (plan/search-shards.ts). */
  searchParts: string[];
  /** The remote chip's label, when some listed role is remote and the page is not the remote roles' page. */
  remoteLabel?: string;
  /** The "with salary" chip, when some listed role gives pay. */
  pay: boolean;
  /** The ways to sort, the page's own order (value "") first. */
  sorts: { value: string; label: string }[];
  /** How the script counts the roles it shows, per plural form of the site's language: "{count} open role", "{count} open roles". */
  countLabels: Readonly<Record<string, string>>;
  /** "today", "3 days ago"…, each from the first day since posting it is said of, by language: the site's and each listed role's (plan/jobs-index.ts). */
  postedAgo: Record<string, [number, string][]>;
}

/** One language version of a role, as a page links to it. */
export interface LanguageVersion {
  /** The language tag, as hreflang and `lang` want it: `de`, `pt-BR`. */
  language: string;
  /** The language in its own words: "Deutsch", "Français". */
  name: string;
  /** Site path. */
  url: string;
  absoluteUrl: string;
}

/** A role and its translations (plan/translations.ts), shared by each of their pages. */
export interface TranslationGroup {
  /** Every version with a page, for the visible switcher; the original first. */
  versions: LanguageVersion[];
  /**
   * `<link rel="alternate">` in an open version's head and in the sitemap: every open version, and
   * `x-default`, the version the jobs index lists (none when every version is closed).
   */
  alternates: { hreflang: string; href: string }[];
}

export interface NavItem {
  label: string;
  url: string;
  weight?: number;
}

export interface CareersSite {
  config: SiteConfig;
  /** The build's day: the context's `today`, else the day it is in site.yaml's `timezone`. */
  today: CalendarDate;
  /** site.yaml's `logo`, when it is a file in the site folder: published at its `url`. */
  logo?: LogoFile;
  /** Colours, favicon and header logo. */
  theme: Theme;
  /** Every role that gets a page: open and closed (and drafts in the dev server). */
  roles: Role[];
  openRoles: Role[];
  teams: TeamGroup[];
  /** "3 open roles" */
  openRolesLabel: string;
  landing?: ParsedLanding;
  /** Filter pages and the index's filter form. */
  facets: FacetGroups;
  /** Team name → some of its open roles, for a closed role's page. */
  openRolesByTeam: Record<string, OtherRoles>;
  redirects: Redirect[];
  /** The `_redirects` file for hosts that read one. */
  redirectsFile: string;
  /** The header menu, from `shortened-link` and `weight`. */
  navigation: NavItem[];
  /** Translated roles' language versions, by each version's address (plan/translations.ts). */
  translations: Record<string, TranslationGroup>;
  /** The jobs index's heading, lead and intro (plan/jobs-index.ts). */
  jobsIndex: JobsIndexView;
  /** Currencies open roles are paid in, most used first: the salary sort's order of currencies. */
  payCurrencies: string[];
  /** The filter form of the index and of each filter page, by the page's address. */
  finders: Record<string, FinderView>;
  /** Every file the build writes, and who claims each (plan/plan-site.ts). */
  plan: SitePlan;
}

/** The logo file as read for this build (parse/read-logo.ts). */
export interface LogoFile {
  /** In the site folder, with `/`: `brand/logo.svg`. */
  file: string;
  type: LogoType;
  /** Where it is published: `/assets/logo.svg`. */
  url: string;
  bytes: Uint8Array;
  /** In pixels (for SVG, its proportions), when the file says. */
  size?: { width: number; height: number };
}

/** The company's look (derive/theme.ts): what base.njk puts in every page's head and header. */
export interface Theme {
  /** CSS custom properties for each colour scheme. */
  light: SchemeColours;
  dark: SchemeColours;
  /** `<meta name="theme-color">` for each scheme. */
  themeColor: { light: string; dark: string };
  /** The favicon; `generated` when it is Openings' letter on the accent (assets/favicon.svg). */
  icon: { url: string; type: string; generated: boolean };
  /** The header's logo, with the company's name as its text; none without `logo`. */
  logo?: { url: string; alt: string; height: number; width?: number };
  /** What every role's share image has in common; none when the build draws no share images. */
  share?: ShareBrand;
}

/** The site-wide part of a share image (derive/share-card.ts). */
export interface ShareBrand {
  company: string;
  /** The site's host name, shown at the foot: `careers.example.com`. */
  host: string;
  accent: string;
  accentInk: string;
  /** The accent as text on white. */
  accentText: string;
  /** The logo file, named by its bytes' hash (the bytes travel beside the card). */
  logo?: { type: LogoType; hash: string; size?: { width: number; height: number } };
}

/** Everything one share image shows: the same card is the same picture. */
export interface ShareCard {
  title: string;
  /** "Engineering · London, UK" */
  details: string;
  brand: ShareBrand;
}

/** Colours made from `accent_color`, each readable where style.css uses it. */
export interface SchemeColours {
  /** Buttons' background. */
  accent: string;
  /** Text on buttons: white, or black when white would not reach 4.5:1. */
  accentInk: string;
  accentHover: string;
  /** The accent as text (links, outlined buttons): at least 4.5:1 on the page and its panels. */
  accentText: string;
}

/** A file the build writes, and who claims it. */
export interface PlannedFile {
  /** The address it is served at: `/jobs/designer/`. */
  url: string;
  /** Relative to the output folder, with `/`: `jobs/designer/index.html`. A folder's ends with `/`. */
  path: string;
  /** What it is, for messages: "the role page", "the Atom feed", "the filter page for the team `Ops`". */
  what: string;
  /** The posting (or `jobs/index.md`, `site.yaml`) that claims it, and where; `file` is "" for what Openings writes for itself. */
  by: { file: string; at: Position };
  /** Written for Openings' own purposes (feeds, assets, the index): a posting claiming it is refused as reserved. */
  reserved: boolean;
}

/** Every file a build writes, decided before anything is written. */
export interface SitePlan {
  files: PlannedFile[];
  /** Folders whose files another tool names as it writes them (the search index). */
  folders: PlannedFile[];
}
