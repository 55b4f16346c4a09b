// Currencies are ISO 4217 codes, and the runtime knows the list. A code in
// lower case is still the code. A sign or an English name that belongs to one
// currency (`£`, `€`, `Euro`) is read as its code, with a warning; a sign that
// several currencies share (`$`, `¥`, `kr`) is an error that lists them.

export type CurrencyReading =
  | { code: string; rewritten?: "symbol" | "name" }
  | { problem: "invalid-currency" | "ambiguous-currency"; message: string; hint: string };

const CODES = new Set(Intl.supportedValuesOf("currency"));
const NAMES = new Intl.DisplayNames("en", { type: "currency" });

// Signs postings use that name a single currency.
const SIGNS: Record<string, string> = {
  "£": "GBP",
  "€": "EUR",
  "₹": "INR",
  "₩": "KRW",
  "₪": "ILS",
  "₺": "TRY",
  "₽": "RUB",
  "₴": "UAH",
  "₱": "PHP",
  "฿": "THB",
  "₦": "NGN",
  "₫": "VND",
  zł: "PLN",
  kč: "CZK",
  us$: "USD",
  ca$: "CAD",
  a$: "AUD",
  au$: "AUD",
  nz$: "NZD",
  hk$: "HKD",
  s$: "SGD",
  r$: "BRL",
  mx$: "MXN",
};
// Signs several currencies share: the writer has to choose.
const SHARED_SIGNS: Record<string, string[]> = {
  $: ["USD", "CAD", "AUD", "NZD", "SGD", "HKD", "MXN"],
  "¥": ["JPY", "CNY"],
  kr: ["SEK", "NOK", "DKK", "ISK"],
  c$: ["CAD", "NIO"],
};

let byName: Map<string, string> | undefined;
/** "euro", "british pound", "us dollar" → the code; built on first use. */
function codeForName(name: string): string | undefined {
  byName ??= new Map([...CODES].map((code) => [(NAMES.of(code) ?? code).toLowerCase(), code]));
  const key = name.toLowerCase().replace(/\s+/g, " ");
  return byName.get(key) ?? byName.get(key.replace(/s$/, ""));
}

export function readCurrency(raw: string): CurrencyReading {
  const value = raw.trim();
  const upper = value.toUpperCase();
  if (/^[A-Z]{3}$/.test(upper) && CODES.has(upper)) return { code: upper };
  const key = value.toLowerCase();
  const sign = SIGNS[key];
  if (sign) return { code: sign, rewritten: "symbol" };
  const shared = SHARED_SIGNS[key];
  if (shared) {
    return {
      problem: "ambiguous-currency",
      message: `\`${value}\` is the sign of several currencies`,
      hint: `write the code of the one you mean: ${shared.map((code) => `${code} (${NAMES.of(code)})`).join(", ")}`,
    };
  }
  const named = codeForName(value);
  if (named) return { code: named, rewritten: "name" };
  return { problem: "invalid-currency", message: `\`${value}\` is not an ISO 4217 currency code`, hint: "write the three-letter code, like GBP, EUR or USD" };
}
