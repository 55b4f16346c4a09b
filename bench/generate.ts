import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

// Realistic synthetic postings for the benchmark, deterministic from a seed:
// the same seed and count always give byte-identical files. Every key of the
// Job schema appears somewhere across a set of a few hundred postings, in the
// spellings people really write (friendly employment types, flow and block
// lists, quoted and timed dates, Jekyll-era keys and `<h1>…<small>` headings).

/** mulberry32: a tiny, fast, seedable PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;

const pick = <T>(rng: Rng, items: readonly T[]) => items[Math.floor(rng() * items.length)] as T;

function pickSome<T>(rng: Rng, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const chosen: T[] = [];
  while (chosen.length < count && pool.length > 0) chosen.push(...pool.splice(Math.floor(rng() * pool.length), 1));
  return chosen;
}

const between = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));

/** A YAML scalar: plain when that is unambiguous, otherwise double-quoted (JSON strings are valid YAML). */
export function yamlScalar(value: string): string {
  const plainSafe =
    /^[A-Za-z0-9(][^:#,[\]{}"'|>`]*$/.test(value) &&
    !/^(true|false|yes|no|on|off|null|~|[-+]?[0-9.]+(e[0-9]+)?)$/i.test(value) &&
    !/\s$/.test(value) &&
    !/^\d{4}-\d{2}-\d{2}/.test(value);
  return plainSafe ? value : JSON.stringify(value);
}

const COMPANY = "Northwind Robotics";
const DOMAIN = "northwind-robotics.example";

const TEAMS = [
  "Engineering",
  "Platform",
  "Operations",
  "Product",
  "Design",
  "People",
  "Manufacturing",
  "Sales",
  "Customer Success",
  "Finance",
  "Data",
  "Security",
  "Hardware",
  "Quality & Safety",
] as const;

const ROLES: Record<(typeof TEAMS)[number], readonly string[]> = {
  Engineering: ["Robotics Software Engineer", "Perception Engineer", "Controls Engineer", "Simulation Engineer", "Embedded Software Engineer"],
  Platform: ["Fleet Platform Engineer", "Site Reliability Engineer", "Backend Engineer", "Infrastructure Engineer"],
  Operations: ["Field Service Engineer", "Field Trials Coordinator", "Deployment Manager", "Logistics Coordinator"],
  Product: ["Product Manager", "Technical Writer", "Product Analyst"],
  Design: ["Product Designer", "UX Researcher", "Industrial Designer"],
  People: ["People Partner", "Talent Acquisition Partner", "Learning and Development Lead"],
  Manufacturing: ["Manufacturing Engineer", "Assembly Technician", "Supply Chain Planner"],
  Sales: ["Account Executive", "Solutions Engineer", "Sales Development Representative"],
  "Customer Success": ["Customer Success Manager", "Support Engineer", "Implementation Consultant"],
  Finance: ["Financial Analyst", "Payroll Specialist", "Financial Controller"],
  Data: ["Data Engineer", "Data Scientist", "Analytics Engineer"],
  Security: ["Security Engineer", "Product Security Engineer"],
  Hardware: ["Mechanical Engineer", "Electrical Engineer", "Mechatronics Intern", "Test Engineer"],
  "Quality & Safety": ["Safety Engineer", "Quality Engineer", "Compliance Specialist"],
};

const SENIORITY = ["", "", "", "Senior ", "Senior ", "Staff ", "Lead ", "Junior ", "Principal "];
const SPECIALTIES = ["Navigation", "Harvest Robotics", "Operator Tools", "Warehouse Fleet", "Batteries", "Grippers", "Telemetry", "Iberia", "Nordics"];
const PLACES = [
  "London, UK",
  "Lisbon, Portugal",
  "Porto, Portugal",
  "Manchester, UK",
  "Berlin, Germany",
  "Amsterdam, Netherlands",
  "Madrid, Spain",
  "Paris, France",
  "Cambridge, UK",
  "Setúbal, Portugal",
  "Munich, Germany",
  "Boston, MA, USA",
];
const REGIONS = ["Europe", "UK", "EMEA", "Portugal", "EU time zones", "North America"];
const EMPLOYMENT_TYPES = [
  "full-time",
  "full-time",
  "Full-time",
  "FULL_TIME",
  "FULL_TIME",
  "full time",
  "Permanent",
  "Part time",
  "PART_TIME",
  "contract",
  "Contractor",
  "freelance",
  "Internship",
  "temporary",
  "[PART_TIME, CONTRACTOR]",
  "[full-time, part-time]",
];
const PERIODS = ["YEAR", "YEAR", "yearly", "annual", "MONTH", "DAY", "daily", "HOUR", "hourly"];
const CURRENCIES = ["GBP", "GBP", "EUR", "EUR", "eur", "USD"];

const LINKS = [
  ["ROS 2", "https://docs.ros.org/en/rolling/"],
  ["Open3D", "https://www.open3d.org/"],
  ["WCAG 2.2", "https://www.w3.org/TR/WCAG22/"],
  ["Sphinx", "https://www.sphinx-doc.org/"],
  ["our engineering blog", `https://blog.${DOMAIN}/`],
  ["our handbook", `https://handbook.${DOMAIN}/how-we-work/`],
  ["the Machinery Regulation", "https://eur-lex.europa.eu/eli/reg/2023/1230/oj"],
  ["our robots at work", `https://www.${DOMAIN}/customers/`],
] as const;

// Word pools for sentences; combined at random so no two postings read alike.
const SUBJECTS = [
  "Our robots",
  "Our fleet managers",
  "Our customer sites",
  "Our teams",
  "Our warehouse robots",
  "Our harvest robots",
  "Our releases",
  "Our field engineers",
  "The operator tools",
  "Our growers and customers",
  "Our navigation engineers",
  "Our telemetry pipelines",
];
const VERBS = [
  "depend on",
  "rely on",
  "keep asking for",
  "are measured by",
  "improve through",
  "are shaped by",
  "move faster with",
  "break without",
  "learn from",
  "are judged on",
];
const OBJECTS = [
  "clear written proposals",
  "careful measurement before and after every change",
  "software that recovers when a robot gets stuck",
  "maintenance plans built from real telemetry",
  "short feedback loops with the people on the floor",
  "honest post-incident reviews",
  "tools that work with gloves on and in bright sunlight",
  "calibration that survives a week of rain",
  "pallets that were not there an hour ago",
  "documentation a technician can follow in under a minute",
  "staged rollouts with automatic rollback",
  "models that run on modest embedded GPUs",
  "reliable charging between shifts",
  "plans that fit around picking schedules and the weather",
];
const TAILS = [
  "and that is where you come in",
  "across more than sixty customer sites",
  "in London, Lisbon and at partner farms",
  "which is why we hire people who like to see the work for themselves",
  "every single day of the season",
  "long before a customer notices anything",
  "and we expect that to double next year",
  "without anyone working late to make it happen",
  "even when the network drops out for an hour",
  "as the company grows from one hundred and forty people",
];
const DUTIES = [
  "Own parts of the {area} and explain the trade-offs clearly to the rest of the company",
  "Design and run experiments in simulation, then on the test floor, then at a customer site",
  "Spend a few days each quarter on customer sites, watching the fleet work in the real world",
  "Review code and designs, mentor colleagues and help decide what not to build",
  "Turn what you learn from customers into well-defined problems with clear measures of success",
  "Write short proposals before large changes, and read other people's with care",
  "Improve how we recover from faults, which today is our largest source of support tickets",
  "Build and maintain the datasets, dashboards and runbooks the {area} relies on",
  "Work closely with the teams in London and Lisbon who are your main users",
  "Plan the calendar with partner sites, fitting around their shifts and the weather",
  "Keep the {area} safe, following our risk assessments and the customer's own rules",
  "Find the failure cases before customers do, by mining fleet logs for unusual behaviour",
  "Run short training sessions for customer technicians, in English and Portuguese",
];
const AREAS = ["navigation stack", "fleet services", "harvest trials", "operator tools", "telemetry store", "assembly line", "test floor", "support process"];
const WANTS = [
  "Several years of experience in a similar role, or the equivalent from a placement, a student team or your own projects",
  "A habit of measuring before and after; you are comfortable turning logs into plots and plots into decisions",
  "Clear written English; much of our design work happens in short written proposals",
  "Comfort with technical detail, and the curiosity to learn how the robot works",
  "Experience working with customers, growers or operations staff, and listening before proposing",
  "Confidence with a laptop, a multimeter and a torque wrench in the same afternoon",
  "Solid grounding in at least one of planning, estimation, data pipelines or embedded systems",
  "Good Portuguese or Spanish, which would be a real advantage on Iberian sites",
  "The judgement to balance speed with safety when the two pull in different directions",
  "A full driving licence, as the role involves regular travel to customer sites",
];
const OFFERS = [
  "Share options, private medical cover and a 6% pension or retirement contribution",
  "27 days of holiday plus local public holidays, and an extra day on your birthday",
  "A yearly learning budget of £1,500 or €1,700 for courses, books and conferences",
  "Hybrid working, with two or three days a week in the office",
  "Help with relocation to London or Lisbon, including visa sponsorship where needed",
  "A company laptop, tools and, for field roles, a car and fuel card",
  "Paid parental leave of twenty-six weeks for every parent",
  "Lunch at the office every day and a cycle-to-work scheme",
];
const HEADINGS_DO = ["What you'll do", "The work", "What you'll be doing", "Your first year"];
const HEADINGS_WANT = ["What we look for", "About you", "What you'll bring"];
const HEADINGS_OFFER = ["What we offer", "How we look after you", "Benefits"];
const HEADINGS_EXTRA = ["How we work", "About the team", "Why this role matters", "A typical week"];

function sentence(rng: Rng): string {
  return `${pick(rng, SUBJECTS)} ${pick(rng, VERBS)} ${pick(rng, OBJECTS)}, ${pick(rng, TAILS)}.`;
}

function paragraph(rng: Rng, sentences = between(rng, 3, 5)): string {
  const parts = Array.from({ length: sentences }, () => sentence(rng));
  // A little inline HTML and emphasis, as Jekyll-era and hand-written postings have.
  const roll = rng();
  if (roll < 0.08) parts[0] = `<strong>${parts[0]}</strong>`;
  else if (roll < 0.2) parts[1] = `**${parts[1]}**`;
  else if (roll < 0.3) {
    const [label, href] = pick(rng, LINKS);
    parts.push(`You can read more in [${label}](${href}).`);
  }
  return parts.join(" ");
}

function bullets(rng: Rng, pool: readonly string[], count: number): string {
  return pickSome(rng, pool, count)
    .map((line) => `- ${line.replace("{area}", pick(rng, AREAS))}`)
    .join("\n");
}

function heading(text: string, anchor: string, withAnchors: boolean): string {
  return withAnchors ? `## <a name="${anchor}"></a>${text}` : `## ${text}`;
}

const countWords = (text: string) => (text.match(/[A-Za-z0-9€£$][^\s]*/g) ?? []).length;

function body(rng: Rng, title: string, leadingHeadingPlace: string | undefined, applyLine: string): string {
  const withAnchors = rng() < 0.2;
  const target = between(rng, 600, 800);
  const sections: string[] = [];
  if (leadingHeadingPlace) sections.push(`<h1>${title} <small>${leadingHeadingPlace}</small></h1>`);
  const intro = [paragraph(rng), paragraph(rng)];
  const middle = [
    heading(pick(rng, HEADINGS_DO), "the-work", withAnchors),
    bullets(rng, DUTIES, between(rng, 5, 7)),
    heading(pick(rng, HEADINGS_WANT), "about-you", withAnchors),
    bullets(rng, WANTS, between(rng, 4, 6)),
  ];
  const [label, href] = pick(rng, LINKS);
  const extras: string[] = [`Experience with [${label}](${href}) is a plus, but not required. ${sentence(rng)}`];
  const offer = [heading(pick(rng, HEADINGS_OFFER), "benefits", withAnchors), bullets(rng, OFFERS, between(rng, 3, 5))];
  const apply = [heading("How to apply", "apply", withAnchors), applyLine];
  const assemble = () => [...sections, ...intro, ...middle, ...extras, ...offer, ...apply].join("\n\n");
  let text = assemble();
  let extraHeading = false;
  while (countWords(text) < target) {
    if (!extraHeading) {
      extras.push(heading(pick(rng, HEADINGS_EXTRA), "how-we-work", withAnchors));
      extraHeading = true;
    }
    extras.push(paragraph(rng));
    text = assemble();
  }
  return `${text}\n`;
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export interface GeneratedPosting {
  file: string;
  slug: string;
  title: string;
  /** The page's site path: the permalink, or /jobs/<slug>/. */
  url: string;
  closed: boolean;
}

function posting(rng: Rng, index: number): { text: string; meta: GeneratedPosting } {
  const team = pick(rng, TEAMS);
  const role = pick(rng, ROLES[team]);
  const title = `${role.endsWith("Intern") ? "" : pick(rng, SENIORITY)}${role}${rng() < 0.25 ? `, ${pick(rng, SPECIALTIES)}` : ""}`;
  const slug = `${title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")}-${String(index).padStart(5, "0")}`;
  const lines: string[] = [];
  const jekyll = rng() < 0.12;
  if (jekyll) lines.push("layout: page", "group: about", "subgroup: jobs");
  lines.push(`title: ${yamlScalar(title)}`);
  if (rng() < 0.92) lines.push(`description: ${yamlScalar(`${sentence(rng).replace(/\.$/, "")}`)}`);
  if (rng() < 0.95) lines.push(`team: ${yamlScalar(team)}`);
  if (rng() < 0.1) lines.push(`weight: ${between(rng, 1, 20)}`);

  // Where: a place, a list of places, a Jekyll-era heading, and/or remote.
  const whereRoll = rng();
  let leadingHeadingPlace: string | undefined;
  let hasLocation = true;
  if (whereRoll < 0.45) lines.push(`location: ${yamlScalar(pick(rng, PLACES))}`);
  else if (whereRoll < 0.58)
    lines.push(
      `location: [${pickSome(rng, PLACES, 2)
        .map((p) => `'${p}'`)
        .join(", ")}]`,
    );
  else if (whereRoll < 0.7) lines.push("location:", ...pickSome(rng, PLACES, between(rng, 2, 3)).map((p) => `  - ${yamlScalar(p)}`));
  else if (whereRoll < 0.76) leadingHeadingPlace = pick(rng, PLACES);
  else hasLocation = false;
  const remoteRoll = rng();
  if (remoteRoll < 0.15 || (!hasLocation && remoteRoll < 0.6)) lines.push("remote: true");
  else if (remoteRoll < 0.3 || !hasLocation) {
    const regions = pickSome(rng, REGIONS, between(rng, 1, 2));
    if (rng() < 0.7) lines.push(`remote: [${regions.map(yamlScalar).join(", ")}]`);
    else lines.push("remote:", ...regions.map((r) => `  - ${yamlScalar(r)}`));
  }

  if (rng() < 0.9) lines.push(`employment_type: ${pick(rng, EMPLOYMENT_TYPES)}`);

  // Dates: posted this year, open until 2027–2028, so only `closed: true` closes roles.
  const posted = new Date(Date.UTC(2026, 0, 1) + between(rng, 0, 318) * 86_400_000);
  if (rng() < 0.9) {
    const style = rng();
    if (style < 0.8) lines.push(`date_posted: ${isoDay(posted)}`);
    else if (style < 0.9) lines.push(`date_posted: "${isoDay(posted)}"`);
    else lines.push(`date_posted: ${isoDay(posted)}T09:30:00+01:00`);
  }
  if (rng() < 0.6) lines.push(`valid_through: ${isoDay(new Date(Date.UTC(2027, 0, 1) + between(rng, 0, 700) * 86_400_000))}`);

  if (rng() < 0.4) {
    const per = pick(rng, PERIODS);
    const scale = /HOUR/i.test(per) ? 1 : /DA(Y|ILY)/i.test(per) ? 8 : /MONTH/i.test(per) ? 170 : 2000;
    const min = Math.round((between(rng, 18, 60) * scale) / 10) * 10;
    const max = Math.round((min * (1.15 + rng() * 0.3)) / 10) * 10;
    const currency = pick(rng, CURRENCIES);
    const shape = rng();
    if (shape < 0.5) lines.push("salary:", `  min: ${min}`, `  max: ${max}`, `  currency: ${currency}`, `  per: ${per}`);
    else if (shape < 0.85) lines.push(`salary: { min: ${min}, max: ${max}, currency: ${currency}, per: ${per} }`);
    else if (shape < 0.93) lines.push("salary:", `  min: ${min}`, `  currency: ${currency}`, `  per: ${per}`);
    else lines.push("salary:", `  max: ${max}`, `  currency: ${currency}`, `  per: ${per}`);
  }

  const applyRoll = rng();
  let applyLine = `E-mail jobs@${DOMAIN} with your CV and a short note about something you built. ${sentence(rng)}`;
  if (applyRoll < 0.3) {
    lines.push(`apply: https://apply.${DOMAIN}/roles/${10_000 + index}`);
    applyLine = `Apply through [our application form](https://apply.${DOMAIN}/roles/${10_000 + index}); it takes about ten minutes. ${sentence(rng)}`;
  } else if (applyRoll < 0.5) {
    const address = `${team.toLowerCase().replace(/[^a-z]+/g, "-")}-hiring@${DOMAIN}`;
    lines.push(`apply: ${address}`);
    applyLine = `Write to <${address}> with your CV. ${sentence(rng)}`;
  }

  const closed = rng() < 0.03;
  if (closed) lines.push("closed: true");
  let url = `/jobs/${slug}/`;
  if (rng() < 0.05) {
    url = `/about/jobs/${slug}/`;
    lines.push(`permalink: ${url}`);
  }
  // Every posting has moved at least once, as on a careers section that came from Jekyll (issue 13's corpus).
  if (rng() < 0.95) lines.push(`redirect_from: /careers/${slug}/`);
  else lines.push("redirect_from:", `  - /careers/${slug}/`, `  - /about/jobs/${slug}.html`);
  // Jekyll-era menus: a `shortened-link` puts the role in every page's header menu,
  // so it is kept to about 2% of postings (one in six Jekyll-era ones), not all of them.
  if (jekyll && rng() < 1 / 6) lines.push(`shortened-link: ${yamlScalar(role)}`);

  const text = body(rng, title, leadingHeadingPlace, applyLine);
  return {
    text: `---\n${lines.join("\n")}\n---\n\n${text}`,
    meta: { file: `jobs/${slug}.md`, slug, title, url, closed },
  };
}

export interface GeneratedSite {
  dir: string;
  postings: GeneratedPosting[];
}

/** Writes `site.yaml`, `jobs/index.md` and `count` postings into `dir` (which should be empty). */
export function generateSite(dir: string, count: number, seed: number): GeneratedSite {
  const rng = mulberry32(seed);
  mkdirSync(join(dir, "jobs"), { recursive: true });
  writeFileSync(join(dir, "site.yaml"), `name: ${COMPANY}\nurl: https://careers.${DOMAIN}\napply: jobs@${DOMAIN}\n`);
  writeFileSync(
    join(dir, "jobs", "index.md"),
    `---\ntitle: Careers at ${COMPANY}\ndescription: Build the robots that work in warehouses and orchards across Europe.\n---\n\n${paragraph(rng)}\n`,
  );
  const postings: GeneratedPosting[] = [];
  for (let i = 0; i < count; i++) {
    const { text, meta } = posting(rng, i);
    writeFileSync(join(dir, meta.file), text);
    postings.push(meta);
  }
  return { dir, postings };
}
