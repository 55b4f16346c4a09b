import { z } from "zod";
import { closestName } from "./closest-name.ts";
import { expected, languageCode } from "./job-schema.ts";
import { type Message, placeholdersOf, pluralCategories, referenceCatalogue } from "./messages.ts";
import { addNote } from "./schema-notes.ts";

// site.yaml's `messages`: a site's own wording for a message Openings shows,
// per language, checked against the English reference (layouts/messages/en.json).
// A name Openings does not show is kept with a warning (it would do nothing);
// a placeholder the message has no value for, or plural forms the language
// does not use, are errors (they would print as typed, or pick no text).

const forms = z.record(z.string(), z.string(expected("the text of one plural form")), expected("text, or a text per plural form"));
const message = z.union([z.string(), forms], expected("the message's text, or `one:`, `other:`… lines for a message with a number"));
const catalogue = z.record(z.string(), message, expected("message names with their text, on indented lines"));

export const messageOverrides = z
  .record(z.string(), catalogue, expected("languages, each with its messages on indented lines, like `de:` then `  apply_web: Jetzt bewerben`"))
  .superRefine((overrides, ctx) => {
    const reference = referenceCatalogue();
    for (const [language, messages] of Object.entries(overrides)) {
      if (!languageCode.safeParse(language).success) {
        ctx.addIssue({ code: "custom", path: [language], input: language, message: `expected a language code like de or pt-BR, found \`${language}\`` });
        continue;
      }
      for (const [name, text] of Object.entries(messages)) {
        const original = Object.hasOwn(reference, name) ? reference[name] : undefined;
        if (original === undefined) {
          const near = closestName(name.toLowerCase(), Object.keys(reference));
          addNote({
            path: ["messages", language, name],
            code: "unknown-message",
            message: `\`${name}\` is not a message Openings shows, so this text is not used`,
            hint: near ? `did you mean \`${near}\`?` : "the message names are those in Openings' layouts/messages/en.json",
          });
          continue;
        }
        for (const issue of messageIssues(language, original, text)) ctx.addIssue({ ...issue, path: [language, name, ...(issue.path ?? [])] });
      }
    }
  });

type Issue = { code: "custom"; path?: string[]; input: unknown; message: string; params?: { code: string; hint: string } };

function messageIssues(language: string, original: Message, text: Message): Issue[] {
  const issues: Issue[] = [];
  const allowed = placeholdersOf(original);
  const unknown = placeholdersOf(text).filter((name) => !allowed.includes(name));
  if (unknown.length > 0) {
    const has = allowed.length > 0 ? `it has ${allowed.map((name) => `{${name}}`).join(", ")}` : "it has none";
    issues.push({
      code: "custom",
      input: text,
      message: `${unknown.map((name) => `{${name}}`).join(", ")} is not a value this message has (${has}), so it would show as typed`,
      params: { code: "message-placeholder", hint: allowed.length > 0 ? `use only ${allowed.map((name) => `{${name}}`).join(", ")}` : "remove the braces" },
    });
  }
  if (typeof text === "string") return issues;
  if (typeof original === "string") {
    issues.push({
      code: "custom",
      input: text,
      message: "expected the message's text, found plural forms: this message has no number",
      params: { code: "message-forms", hint: "write the text on the same line as the name" },
    });
    return issues;
  }
  const categories = pluralCategories(language);
  const name = new Intl.DisplayNames(["en"], { type: "language" }).of(language) ?? language;
  const list = (items: string[]) => items.map((item) => `\`${item}\``).join(", ");
  for (const form of Object.keys(text).filter((form) => !(categories as string[]).includes(form))) {
    issues.push({
      code: "custom",
      path: [form],
      input: form,
      message: `${name} has no plural form \`${form}\`; it has ${list(categories)}`,
      params: { code: "message-forms", hint: `write one text for each of ${list(categories)}` },
    });
  }
  const missing = categories.filter((form) => text[form] === undefined);
  if (missing.length > 0) {
    issues.push({
      code: "custom",
      input: text,
      message: `expected a text for each plural form ${name} uses (${list(categories)}), found none for ${list(missing)}`,
      params: { code: "message-forms", hint: `add ${missing.map((form) => `\`${form}: …\``).join(", ")}, or write one text for every number` },
    });
  }
  return issues;
}
