import { absoluteUrl } from "../derive/derive-role.ts";
import type { LanguageVersion, Role, TranslationGroup } from "../model.ts";
import { error, type Problem } from "../problem.ts";
import { closestName } from "../schema/closest-name.ts";
import type { SiteConfig } from "../schema/site-schema.ts";

// Translations of one role: each translation names its original with
// `translation_of: <the original's file name>`, so a role and its
// translations form a star around the original: no chains, no cycles, one
// version per language. Their pages link to each other (hreflang and a
// visible switcher), and the jobs index lists one version of each role, the
// one in the site's language when there is one: a seeker reads the list in
// one language, and reaches the others from the role's page.

export interface Translations {
  /** Each built role's group, by its address; roles without translations have none. */
  groups: Record<string, TranslationGroup>;
  /** The versions the index does not list, because another version of the same role is listed. */
  unlisted: Set<Role>;
  problems: Problem[];
}

/**
 * Checks every `translation_of` among `derived` (every posting that derived,
 * drafts included, so check and build agree) and groups the `built` roles.
 * `postingFiles` are every posting's file, so a translation of a posting with
 * errors of its own is not also called a translation of nothing.
 */
export function linkTranslations(config: SiteConfig, derived: readonly Role[], built: readonly Role[], postingFiles: readonly string[]): Translations {
  const problems: Problem[] = [];
  const byName = new Map<string, Role[]>();
  for (const role of derived) {
    for (const name of new Set([postingName(role.file), stemOf(role.file)])) {
      const list = byName.get(name);
      if (list) list.push(role);
      else byName.set(name, [role]);
    }
  }
  const postingNames = new Set(postingFiles.flatMap((file) => [postingName(file), stemOf(file)]));

  // Each translation's original, once its `translation_of` checks out.
  const originalOf = new Map<Role, Role>();
  for (const role of derived) {
    const written = role.job.translation_of;
    if (written === undefined) continue;
    const name = postingName(written);
    const found = byName.get(name) ?? [];
    const at = role.translationOfAt;
    const [target] = found;
    if (found.length > 1) {
      const files = found.map((other) => other.file).join(" and ");
      problems.push(
        error("translation-ambiguous", role.file, at, `\`translation_of: ${written}\` could be ${files}`, "write its path inside jobs/, without `.md`"),
      );
    } else if (!target) {
      if (postingNames.has(name)) continue; // That posting has errors of its own, reported there.
      const near = closestName(name, byName.keys());
      const hint = near ? `did you mean \`${near}\`?` : "write the file name of the posting this one translates, without `.md`, like `data-engineer`";
      problems.push(error("translation-not-found", role.file, at, `\`translation_of: ${written}\` names no posting in jobs/`, hint));
    } else if (target === role) {
      problems.push(
        error("translation-of-itself", role.file, at, "`translation_of` names this posting itself", "name the posting this one translates, or remove the line"),
      );
    } else if (target.job.translation_of !== undefined) {
      const root = target.job.translation_of;
      problems.push(
        error(
          "translation-chain",
          role.file,
          at,
          `${target.file} is itself a translation (of \`${root}\`), so this would be a translation of a translation`,
          `write \`translation_of: ${root}\`: every translation names the same original`,
        ),
      );
    } else {
      originalOf.set(role, target);
    }
  }

  // One version per language: the original's language is taken first, then each translation's in file order.
  const members = new Map<Role, Role[]>();
  for (const [translation, original] of originalOf) {
    const group = members.get(original) ?? [original];
    const taken = group.find((other) => languageTag(other.language) === languageTag(translation.language));
    if (taken) {
      problems.push(sameLanguage(translation, taken, config));
      continue;
    }
    group.push(translation);
    members.set(original, group);
  }

  const isBuilt = new Set(built);
  const groups: Record<string, TranslationGroup> = {};
  const unlisted = new Set<Role>();
  for (const [original, group] of members) {
    const versions = [original, ...group.slice(1).sort((a, b) => languageTag(a.language).localeCompare(languageTag(b.language)))].filter((role) =>
      isBuilt.has(role),
    );
    if (versions.length < 2) continue;
    const open = versions.filter((role) => !role.closed);
    const listed = listedVersion(open, original, config.language);
    for (const role of open) if (role !== listed) unlisted.add(role);
    const named = new Map(versions.map((role) => [role, languageVersion(config, role, versions)]));
    const alternates = open.map((role) => ({ hreflang: languageTag(role.language), href: absoluteUrl(config, role.url) }));
    const shared: TranslationGroup = {
      versions: versions.map((role) => named.get(role) as LanguageVersion),
      alternates: listed ? [...alternates, { hreflang: "x-default", href: absoluteUrl(config, listed.url) }] : alternates,
    };
    for (const role of versions) groups[role.url] = shared;
  }
  return { groups, unlisted, problems };
}

/** The version the index lists: the one in the site's language, else in a variant of it, else the original, else the first. */
function listedVersion(open: Role[], original: Role, siteLanguage: string): Role | undefined {
  const site = languageTag(siteLanguage);
  return (
    open.find((role) => languageTag(role.language) === site) ??
    open.find((role) => baseOf(role.language) === baseOf(siteLanguage)) ??
    open.find((role) => role === original) ??
    open[0]
  );
}

/** Named by its language alone ("English"), or with its region when another version shares the language ("British English"). */
function languageVersion(config: SiteConfig, role: Role, versions: Role[]): LanguageVersion {
  const language = languageTag(role.language);
  const shared = versions.some((other) => other !== role && baseOf(other.language) === baseOf(language));
  return { language, name: languageName(shared ? language : baseOf(language)), url: role.url, absoluteUrl: absoluteUrl(config, role.url) };
}

function sameLanguage(translation: Role, taken: Role, config: SiteConfig): Problem {
  const language = languageTag(translation.language);
  const name = new Intl.DisplayNames(["en"], { type: "language" }).of(language) ?? language;
  const own = translation.job.language !== undefined;
  const hint = own
    ? `each language has one version of a role: check \`language\` here and in ${taken.file}`
    : `this posting has no \`language\`, so it is in the site's (\`${config.language}\`): add \`language: …\` with the language it is written in`;
  return error(
    "translation-language",
    translation.file,
    own ? translation.languageAt : translation.translationOfAt,
    `this role already has a version in ${name} (\`${language}\`): ${taken.file}`,
    hint,
  );
}

/** `de-CH` as hreflang and Intl spell it, whatever the posting's capitals. */
export function languageTag(language: string): string {
  return Intl.getCanonicalLocales(language)[0] ?? language;
}

function baseOf(language: string): string {
  return (language.split("-")[0] ?? language).toLowerCase();
}

/** A language in its own words, as a switcher shows it: "Deutsch", "Français", "Português (Brasil)". */
export function languageName(language: string): string {
  const name = new Intl.DisplayNames([language], { type: "language" }).of(language) ?? language;
  return name.charAt(0).toLocaleUpperCase(language) + name.slice(1);
}

/** `jobs/team/data-engineer.md` → `team/data-engineer`; `data-engineer.md` → `data-engineer`. */
function postingName(path: string): string {
  return path
    .trim()
    .replace(/^\.?\//, "")
    .replace(/^jobs\//, "")
    .replace(/(\.html)?\.(md|markdown)$/i, "");
}

function stemOf(path: string): string {
  return postingName(path).split("/").pop() ?? "";
}
