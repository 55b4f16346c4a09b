// An `apply` e-mail address, with or without `mailto:`. A mailto link can
// carry headers (`?cc=…&bcc=…&body=…`), and a candidate who clicks Apply
// would copy in whoever those name without seeing it: only one address and
// a `subject` are kept; every other header is dropped, and named so a
// warning can say so.

export interface MailLink {
  address: string;
  /** The link's own `subject`, decoded, when it has one. */
  subject?: string;
  /** Header names dropped from the link, as written: `cc`, `bcc`, `body`… */
  dropped: string[];
}

// One address: no second `@`, and none of the characters that separate
// addresses or hide them behind percent-encoding (`a@b.c%2Cspy%40x.y`).
const ADDRESS = /^[^\s@<>()%,;:?&/\\]+@[^\s@<>()%,;:?&/\\]+\.[^\s@<>()%,;:?&/\\]+$/;

/** The address and kept subject of `value`, or undefined when it is not one e-mail address. */
export function readMailLink(value: string): MailLink | undefined {
  const link = value.trim().replace(/^mailto:/i, "");
  const queryAt = link.indexOf("?");
  const address = queryAt === -1 ? link : link.slice(0, queryAt);
  if (!ADDRESS.test(address)) return undefined;
  const reading: MailLink = { address, dropped: [] };
  if (queryAt === -1) return reading;
  for (const pair of link.slice(queryAt + 1).split("&")) {
    if (!pair) continue;
    const [name = "", text = ""] = pair.split(/=(.*)/s);
    const subject = name.toLowerCase() === "subject" && reading.subject === undefined ? decoded(text) : undefined;
    if (subject !== undefined) reading.subject = subject;
    else if (!reading.dropped.includes(name)) reading.dropped.push(name);
  }
  return reading;
}

/** The `mailto:` href for a reading: the address, and the subject when there is one. */
export function mailtoHref(address: string, subject: string | undefined): string {
  return subject === undefined ? `mailto:${address}` : `mailto:${address}?subject=${encodeURIComponent(subject)}`;
}

function decoded(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
