import { employmentTypes } from "./key-mapping.ts";

// What an ad says about itself in passing: where ("Location: Lisbon", "a
// Lisbon-based maker"), whether fully remote, the kind of contract, and
// where to apply (an address on an apply or careers page, or an e-mail).

// Every pattern is bounded or anchored on a rare word, so a megabyte-long line
// is scanned once, not once from every character.
const EMAIL = /[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}/;
const APPLY_URL = /https?:\/\/[^\s<>"]{0,200}?(?:apply|jobs|careers)[^\s<>"]{0,200}/i;
const CONTRACT_WORD = /\b(?:full[- ]time|part[- ]time|permanent|internship|contract|temporary|freelance)\b/i;
const PLACE = /\bLocation:[ \t]*([^\n]{1,100})|\bbased in ([A-Z][\w ,-]{1,60}?)(?:[.;\n]|$)|\b([A-Z][a-z]{1,40})-based\b/;

export function inferFacts(text: string): Record<string, unknown> {
  const plain = text.replace(/[#*_[\]()]/g, " ");
  const email = EMAIL.exec(plain)?.[0];
  const url = APPLY_URL.exec(text)?.[0]?.replace(/[).,;]+$/, "");
  const based = PLACE.exec(plain);
  const place = based ? (based[1] ?? based[2] ?? based[3])?.trim() : undefined;
  const remote = /\bremote\b/i.test(plain) && /\b(fully|100%|work from anywhere|remote[- ]first)\b/i.test(plain);
  const types = employmentTypes(sentenceAround(plain, CONTRACT_WORD));
  return {
    ...(place ? { location: [place] } : {}),
    ...(remote ? { remote: true } : {}),
    ...(types ? { employment_type: types } : {}),
    ...((url ?? email) ? { apply: url ?? email } : {}),
  };
}

/** The sentence that first names a kind of contract: "Contract: permanent" is full-time work. */
function sentenceAround(text: string, word: RegExp): string | undefined {
  const match = word.exec(text);
  if (!match) return undefined;
  const before = text.slice(Math.max(0, match.index - 200), match.index);
  const after = text.slice(match.index, match.index + 200);
  return `${before.split(/[.\n]/).at(-1) ?? ""}${after.split(/[.\n]/)[0] ?? ""}`;
}
