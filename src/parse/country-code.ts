import { createRequire } from "node:module";
import type { LocaleData } from "i18n-iso-countries";

// Country names as postings write them (`UK`, `Czech Republic`, `Türkiye`,
// `Deutschland`) → ISO 3166-1 alpha-2 codes, which Google asks for. The names
// come from i18n-iso-countries: its English names and aliases, plus each
// country's name in its own main language (the runtime's likely-subtags data
// says which language that is), so a German posting's "Deutschland" resolves
// without loading eighty languages.

const require = createRequire(import.meta.url);
// The package's main entry registers every language it has at import; its data files are all this needs.
const LANGS = "i18n-iso-countries/langs";
const available = new Set<string>(require("i18n-iso-countries/supportedLocales.json"));

// Parts of a country that postings name as if they were one; the library lists sovereign states only.
const EXTRA_NAMES: Record<string, string> = {
  england: "GB",
  scotland: "GB",
  wales: "GB",
  "northern ireland": "GB",
  britain: "GB",
  holland: "NL",
};

/** How a name is compared: no case, no accents, no dots, one kind of apostrophe, no leading "the". */
export function normaliseName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/\./g, "")
    .replace(/&/g, "and")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^the /, "");
}

let byName: Map<string, string> | undefined;
let codes: Set<string> | undefined;

/** Built on first use: most builds never ask, and every worker thread builds its own. */
function names(): Map<string, string> {
  if (byName) return byName;
  const english = (require(`${LANGS}/en.json`) as LocaleData).countries;
  codes = new Set(Object.keys(english));
  const found = new Map<string, Set<string>>();
  const add = (name: string, code: string) => {
    const key = normaliseName(name);
    found.set(key, (found.get(key) ?? new Set()).add(code));
  };
  for (const [code, written] of Object.entries(english)) for (const name of [written].flat()) add(name, code);
  const own = new Map<string, string[]>();
  for (const code of codes) {
    const language = new Intl.Locale(`und-${code}`).maximize().language;
    if (language !== "en" && available.has(language)) own.set(language, [...(own.get(language) ?? []), code]);
  }
  for (const [language, countries] of own) {
    const local = (require(`${LANGS}/${language}.json`) as LocaleData).countries;
    for (const code of countries) for (const name of [local[code] ?? []].flat()) add(name, code);
  }
  // A name two countries share ("Congo") names neither.
  byName = new Map([...found].flatMap(([name, set]) => (set.size === 1 ? [[name, [...set][0] ?? ""]] : [])));
  for (const [name, code] of Object.entries(EXTRA_NAMES)) byName.set(name, code);
  return byName;
}

/** The ISO 3166-1 alpha-2 code of a country named in English, in its own language, or by its code in capitals; else undefined. */
export function countryCode(name: string): string | undefined {
  const code = names().get(normaliseName(name));
  if (code) return code;
  const written = name.trim();
  return /^[A-Z]{2}$/.test(written) && codes?.has(written) ? written : undefined;
}
