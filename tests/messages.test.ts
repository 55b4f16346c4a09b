import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { formatProblem } from "../src/commands/format-problems.ts";
import { loadSiteConfig } from "../src/parse/load-site-config.ts";
import {
  type Catalogue,
  FALLBACK_LANGUAGE,
  MESSAGES_DIR,
  messagesFor,
  placeholdersOf,
  pluralCategories,
  SHIPPED_LANGUAGES,
  shippedCatalogue,
} from "../src/schema/messages.ts";
import { makeSite, PROJECT_ROOT } from "./helpers.ts";

// Every word around a posting comes from layouts/messages/<language>.json.
// A shipped language that lacks a message English has (or has one English
// lacks, or other placeholders, or the wrong plural forms) fails here, before
// a page could show an English word or a `{placeholder}` as typed.

const english = shippedCatalogue(FALLBACK_LANGUAGE) as Catalogue;

describe("the message files", () => {
  it("ships exactly the languages it names, each a JSON object", () => {
    const files = readdirSync(MESSAGES_DIR).filter((name) => name.endsWith(".json"));
    assert.deepEqual(files.map((name) => name.replace(/\.json$/, "")).sort(), [...SHIPPED_LANGUAGES].sort());
    for (const name of files) assert.equal(typeof JSON.parse(readFileSync(join(MESSAGES_DIR, name), "utf8")), "object");
  });

  for (const language of SHIPPED_LANGUAGES) {
    it(`${language}: has every message English has, and no other`, () => {
      const messages = shippedCatalogue(language) as Catalogue;
      const missing = Object.keys(english).filter((key) => !Object.hasOwn(messages, key));
      const extra = Object.keys(messages).filter((key) => !Object.hasOwn(english, key));
      assert.deepEqual(missing, [], `add these to layouts/messages/${language}.json`);
      assert.deepEqual(extra, [], `layouts/messages/${language}.json has messages English does not`);
    });

    it(`${language}: has the placeholders English has, and a text for each plural form ${language} uses`, () => {
      const messages = shippedCatalogue(language) as Catalogue;
      const categories = pluralCategories(language);
      for (const [key, original] of Object.entries(english)) {
        const message = messages[key];
        if (message === undefined) continue; // The test above names it.
        const forms = typeof message === "string" ? { text: message } : message;
        for (const [form, text] of Object.entries(forms)) {
          assert.deepEqual(placeholdersOf(text ?? ""), placeholdersOf(original), `${language}.json ${key} (${form}) has other placeholders than en.json`);
          assert.ok((text ?? "").trim().length > 0, `${language}.json ${key} (${form}) is empty`);
        }
        if (typeof original === "string") {
          assert.equal(typeof message, "string", `${language}.json ${key} is a plain text in en.json`);
        } else {
          assert.deepEqual(Object.keys(message).sort(), [...categories].sort(), `${language}.json ${key} needs exactly the forms ${categories.join(", ")}`);
        }
      }
    });
  }

  it("English's plural messages have the forms English uses", () => {
    for (const [key, message] of Object.entries(english)) {
      if (typeof message !== "string") assert.deepEqual(Object.keys(message).sort(), ["one", "other"], key);
    }
  });

  it("names only messages that exist, and every message is used", () => {
    const layouts = filesUnder(join(PROJECT_ROOT, "layouts")).filter((file) => /\.(njk|js)$/.test(file));
    const sources = filesUnder(join(PROJECT_ROOT, "src")).filter((file) => file.endsWith(".ts"));
    const used = new Set<string>();
    for (const file of layouts) for (const match of readFileSync(file, "utf8").matchAll(/\bt\.(\w+)/g)) used.add(match[1] ?? "");
    for (const file of sources) {
      for (const match of readFileSync(file, "utf8").matchAll(/\.(?:text|count)\(\s*"(\w+)"/g)) used.add(match[1] ?? "");
    }
    assert.deepEqual(
      [...used].filter((key) => !Object.hasOwn(english, key)),
      [],
      "a template or module names a message en.json does not have",
    );
    // Employment types and pay periods are named by their value: `type_full_time`, `salary_per_year`.
    const unused = Object.keys(english).filter((key) => !used.has(key) && !/^(type_|salary_per_)/.test(key));
    assert.deepEqual(unused, [], "en.json has messages nothing shows");
  });
});

describe("messages for a page", () => {
  it("counts in Polish with its four forms, numbers written the Polish way", () => {
    const polish = messagesFor("pl", { company: "Przykład" });
    const counts = [1, 2, 4, 5, 12, 21, 22, 25, 101, 102, 1234, 10_000].map((n) => polish.count("open_roles", n));
    assert.deepEqual(counts, [
      "1 otwarta oferta",
      "2 otwarte oferty",
      "4 otwarte oferty",
      "5 otwartych ofert",
      "12 otwartych ofert",
      "21 otwartych ofert",
      "22 otwarte oferty",
      "25 otwartych ofert",
      "101 otwartych ofert",
      "102 otwarte oferty",
      "1234 otwarte oferty",
      "10\u00a0000 otwartych ofert",
    ]);
  });

  it("counts in French, where 0 and 1 are singular", () => {
    const french = messagesFor("fr", { company: "Exemple" });
    assert.deepEqual(
      [0, 1, 2].map((n) => french.count("open_roles", n)),
      ["0 poste à pourvoir", "1 poste à pourvoir", "2 postes à pourvoir"],
    );
  });

  it("reads a region's base language but keeps the region for numbers", () => {
    const swiss = messagesFor("de-CH", { company: "Beispiel AG" });
    assert.equal(swiss.text("apply_web"), "Jetzt bewerben");
    assert.equal(swiss.count("open_roles", 1234), `${new Intl.NumberFormat("de-CH").format(1234)} offene Stellen`);
    assert.notEqual(new Intl.NumberFormat("de-CH").format(1234), new Intl.NumberFormat("de").format(1234));
    assert.equal(messagesFor("pt-BR", { company: "Exemplo" }).text("apply_web"), "Candidatar-se a esta vaga");
    assert.equal(messagesFor("en-GB", { company: "Example" }).text("footer_all_roles"), "All open roles at Example");
  });

  it("falls back to English for a language Openings has no messages in, and to the site's own words first", () => {
    assert.equal(messagesFor("sv", { company: "Exempel" }).text("apply_web"), "Apply for this role");
    const overrides = { sv: { apply_web: "Sök jobbet" }, en: { apply_email: "Send us an e-mail" } };
    const swedish = messagesFor("sv-FI", { company: "Exempel", overrides });
    assert.equal(swedish.text("apply_web"), "Sök jobbet");
    assert.equal(swedish.text("apply_email"), "Send us an e-mail");
    assert.equal(messagesFor("de", { company: "X", overrides }).text("apply_email"), "Per E-Mail bewerben");
  });

  it("fills the company's name into every message that has it", () => {
    const table = messagesFor("de", { company: "Beispiel GmbH" }).table;
    assert.equal(table.footer_all_roles, "Alle offenen Stellen bei Beispiel GmbH");
    assert.deepEqual(table.open_roles, { one: "{count} offene Stelle", other: "{count} offene Stellen" });
  });
});

describe("site.yaml's messages and language", () => {
  const check = (yaml: string) => loadSiteConfig(makeSite({ "site.yaml": `name: Example Co\nurl: https://jobs.example.com\n${yaml}` }));

  it("uses a site's own wording, and refuses what could not show, where it is written", () => {
    const { config, problems } = check(
      [
        "language: de",
        "messages:",
        "  de:",
        "    apply_web: Jetzt durchstarten",
        "    aply_email: Per Mail",
        "    apply_email_to: 'an {adress}'",
        "    open_roles:",
        "      one: '{count} Stelle'",
        "  pl:",
        "    open_roles: { one: '{count} oferta', other: '{count} oferty' }",
        "  de_AT:",
        "    apply_web: Bewerben",
        "",
      ].join("\n"),
    );
    assert.equal(config, undefined);
    assert.deepEqual(problems.map(formatProblem), [
      "site.yaml:7:17: warning: messages.de.aply_email: `aply_email` is not a message Openings shows, so this text is not used (did you mean `apply_email`?)",
      "site.yaml:8:21: error: messages.de.apply_email_to: {adress} is not a value this message has (it has {address}), so it would show as typed (use only {address})",
      "site.yaml:10:7: error: messages.de.open_roles: expected a text for each plural form German uses (`one`, `other`), found none for `other` (add `other: …`, or write one text for every number)",
      "site.yaml:12:17: error: messages.pl.open_roles: expected a text for each plural form Polish uses (`one`, `few`, `many`, `other`), found none for `few`, `many` (add `few: …`, `many: …`, or write one text for every number)",
      "site.yaml:14:5: error: messages.de_AT: expected a language code like de or pt-BR, found `de_AT`",
    ]);
  });

  it("warns when the site's language has no messages, unless the site gives them all", () => {
    const { problems } = check("language: sv\n");
    assert.deepEqual(problems.map(formatProblem), [
      'site.yaml:3:11: warning: language: Openings has no interface text in Swedish (`sv`), so labels like "Apply for this role" show in English; dates and amounts are still written the Swedish way (write them under `messages:` → `sv:` in site.yaml, as docs/posting-a-job.md#languages shows, or use one of en, de, fr, es, pt, nl, it, pl)',
    ]);
    const all = Object.entries(english)
      .map(([key, message]) => `    ${key}: ${JSON.stringify(typeof message === "string" ? message : message.other)}`)
      .join("\n");
    assert.deepEqual(check(`language: sv\nmessages:\n  sv:\n${all}\n`).problems, []);
    const partly = check("language: sv\nmessages:\n  sv:\n    apply_web: Sök\n").problems.map(formatProblem);
    const total = Object.keys(english).length;
    assert.equal(partly.length, 1);
    assert.match(partly[0] ?? "", new RegExp(`^site.yaml:3:11: warning: language: ${total - 1} of ${total} interface messages have no text in Swedish`));
  });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}
