import { readFileSync } from "node:fs";
import { join } from "node:path";
import { OPENINGS_ROOT } from "../openings-root.ts";

// Every word the site shows around a posting comes from a message file per
// language, layouts/messages/<language>.json, never from code or a template.
// A region (`de-CH`, `pt-BR`) reads its base language's file but keeps the
// region for Intl (dates, amounts, plurals); a language Openings has no file
// for reads English. site.yaml's `messages` replaces single messages.

/** Languages Openings has interface text for; a test fails when one lacks a message `en` has. */
export const SHIPPED_LANGUAGES = ["en", "de", "fr", "es", "pt", "nl", "it", "pl"] as const;
export const FALLBACK_LANGUAGE = "en";
export const MESSAGES_DIR = join(OPENINGS_ROOT, "layouts", "messages");

/** A message whose words change with a number: one text per plural category of the language (`one`, `few`, `many`, `other`…). */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>>;
export type Message = string | PluralForms;
export type Catalogue = Readonly<Record<string, Message>>;
/** site.yaml's `messages`: language code → message name → the site's own wording. */
export type MessageOverrides = Readonly<Record<string, Readonly<Record<string, Message>>>>;

const shipped = new Map<string, Catalogue | undefined>();

/** The message file Openings ships for `language` (a base language, `de`), read once; undefined when there is none. */
export function shippedCatalogue(language: string): Catalogue | undefined {
  if (!shipped.has(language)) {
    const known = (SHIPPED_LANGUAGES as readonly string[]).includes(language);
    shipped.set(language, known ? (JSON.parse(readFileSync(join(MESSAGES_DIR, `${language}.json`), "utf8")) as Catalogue) : undefined);
  }
  return shipped.get(language);
}

/** Every message Openings shows, in English: the reference the other languages and site overrides are checked against. */
export function referenceCatalogue(): Catalogue {
  return shippedCatalogue(FALLBACK_LANGUAGE) ?? {};
}

/** `de` for `de-CH`, `pt` for `pt-BR`. */
export function baseLanguage(tag: string): string {
  return (tag.split("-")[0] ?? tag).toLowerCase();
}

export function hasShippedMessages(tag: string): boolean {
  return shippedCatalogue(baseLanguage(tag)) !== undefined;
}

const PLURAL_ORDER: Intl.LDMLPluralRule[] = ["zero", "one", "two", "few", "many", "other"];

/** The plural categories `language` tells apart: `one, other` in English; `one, few, many, other` in Polish. */
export function pluralCategories(language: string): Intl.LDMLPluralRule[] {
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  return PLURAL_ORDER.filter((category) => categories.includes(category));
}

/** `{company}` and `{count}` in "All {count} open roles at {company}", sorted. */
export function placeholdersOf(message: Message): string[] {
  const texts = typeof message === "string" ? [message] : Object.values(message);
  return [...new Set(texts.flatMap((text) => [...(text ?? "").matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? "")))].sort();
}

/** The text a page shows, in one language. */
export interface Messages {
  /** The tag Intl formats with, region and all: `de-CH`. */
  language: string;
  /** A message with its `{placeholders}` filled. */
  text(key: string, values?: Readonly<Record<string, string>>): string;
  /** A plural message for `count` (written the language's way: `1.234`), with `{count}` and the other placeholders filled. */
  count(key: string, count: number, values?: Readonly<Record<string, string>>): string;
  /** Every message, `{company}` filled, for templates: `{{ t.apply_web }}`. Plural messages stay as their forms. */
  table: Readonly<Record<string, Message>>;
}

// One Messages per language and site: a role page asks for its language's once per role.
const built = new WeakMap<MessageOverrides, Map<string, Messages>>();

/**
 * The messages for `language` (a tag like `de-CH`): the site's own for the
 * tag, then for its base language, then Openings' file for the base
 * language; a language without a file falls back to the site's English,
 * then Openings' English.
 */
export function messagesFor(language: string, site: { company: string; overrides?: MessageOverrides }): Messages {
  const overrides = site.overrides ?? NO_OVERRIDES;
  let byLanguage = built.get(overrides);
  if (!byLanguage) {
    byLanguage = new Map();
    built.set(overrides, byLanguage);
  }
  const key = `${language}\u0000${site.company}`;
  let messages = byLanguage.get(key);
  if (!messages) {
    messages = createMessages(language, site.company, overrides);
    byLanguage.set(key, messages);
  }
  return messages;
}

const NO_OVERRIDES: MessageOverrides = {};

function createMessages(language: string, company: string, overrides: MessageOverrides): Messages {
  const base = baseLanguage(language);
  const layers = [overrides[language], overrides[base], shippedCatalogue(base), overrides[FALLBACK_LANGUAGE], referenceCatalogue()];
  const lookup = (key: string): Message => {
    for (const layer of layers) {
      if (layer && Object.hasOwn(layer, key)) return layer[key] as Message;
    }
    throw new Error(`no message named \`${key}\`: add it to layouts/messages/${FALLBACK_LANGUAGE}.json`);
  };
  const plurals = new Intl.PluralRules(language);
  const numbers = new Intl.NumberFormat(language);
  const fill = (text: string, values: Readonly<Record<string, string>>) =>
    text.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? (values[name] as string) : whole));
  const table = Object.fromEntries(
    Object.keys(referenceCatalogue()).map((key) => {
      const message = lookup(key);
      return [key, typeof message === "string" ? fill(message, { company }) : message];
    }),
  );
  return {
    language,
    table,
    text(key, values = {}) {
      const message = lookup(key);
      return fill(typeof message === "string" ? message : (message.other ?? ""), { company, ...values });
    },
    count(key, count, values = {}) {
      const message = lookup(key);
      const form = typeof message === "string" ? message : (message[plurals.select(count)] ?? message.other ?? "");
      return fill(form, { company, ...values, count: numbers.format(count) });
    },
  };
}

/**
 * The messages that would show in English on a page in `language`: none for
 * a language Openings ships; for another, those the site has not written
 * under `messages:` for the language (or its base language).
 */
export function untranslatedMessages(language: string, overrides: MessageOverrides = NO_OVERRIDES): string[] {
  if (hasShippedMessages(language)) return [];
  const own = [overrides[language], overrides[baseLanguage(language)]];
  return Object.keys(referenceCatalogue()).filter((key) => !own.some((layer) => layer && Object.hasOwn(layer, key)));
}

/** Why a page in `language` shows English labels, in plain words, or undefined when it does not. */
export function untranslatedWarning(language: string, overrides?: MessageOverrides): { message: string; hint: string } | undefined {
  const missing = untranslatedMessages(language, overrides);
  if (missing.length === 0) return undefined;
  const name = new Intl.DisplayNames(["en"], { type: "language" }).of(language) ?? language;
  const total = Object.keys(referenceCatalogue()).length;
  const what = missing.length === total ? "Openings has no interface text" : `${missing.length} of ${total} interface messages have no text`;
  return {
    message: `${what} in ${name} (\`${language}\`), so labels like "Apply for this role" show in English; dates and amounts are still written the ${name} way`,
    hint: `write them under \`messages:\` → \`${baseLanguage(language)}:\` in site.yaml, as docs/posting-a-job.md#languages shows, or use one of ${SHIPPED_LANGUAGES.join(", ")}`,
  };
}
