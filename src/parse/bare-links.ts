import type MarkdownIt from "markdown-it";

// Bare addresses in a body become links, as on GitHub: `https://…`,
// `www.example.com/jobs` and `jobs@example.com` (markdown-it's linkify, with
// the linkify-it it ships). Words that merely contain a dot stay text:
// `ASP.NET`, `socket.io` and `README.md` look like domains to linkify-it's
// guesswork, so guessing is off and only `www.` stands for a missing `http://`.
// Only schemes the HTML allowlist keeps are linked: no `ftp:`, no `//host`.

// Top-level domains common in company e-mail addresses, besides the ones
// linkify-it knows (com, org, net… and every two-letter country code).
const MORE_EMAIL_DOMAINS = [
  "app",
  "dev",
  "tech",
  "jobs",
  "careers",
  "company",
  "team",
  "works",
  "cloud",
  "studio",
  "agency",
  "digital",
  "health",
  "energy",
  "green",
];

// linkify-it checks every `http:`, `mailto:` or `www.` it finds against the
// whole rest of the text, so a line of 100,000 of them takes minutes. Looking
// no further than the longest address browsers and search engines accept
// keeps that work in proportion to the text.
const LONGEST_LINK = 2048;

/** linkify-it's building blocks, regular-expression sources (typed as RegExp). */
type Parts = Record<string, string | RegExp>;

export function bareLinks(md: MarkdownIt): void {
  md.set({ linkify: true });
  md.linkify
    .set({ fuzzyLink: false, fuzzyEmail: true })
    .tlds(MORE_EMAIL_DOMAINS, true)
    .add("ftp:", null)
    .add("//", null)
    // The same patterns as linkify-it's own rules, with the look-ahead bounded.
    .add("http:", { validate: bounded("bounded_http", (re) => `\\/\\/${re.src_auth}${re.src_host_port_strict}${re.src_path}`) })
    .add("https:", "http:")
    .add("mailto:", { validate: bounded("bounded_mailto", (re) => `${re.src_email_name}@${re.src_host_strict}`) })
    .add("www.", {
      validate: bounded("bounded_www", (re) => `(?:(?:${re.src_domain})\\.)+${re.src_domain_root}${re.src_port}${re.src_host_terminator}${re.src_path}`),
      normalize(match) {
        match.url = `http://${match.url}`;
      },
    });
}

/** A linkify-it validator: the length of the address that `pattern` matches right after the scheme, if any. */
function bounded(name: string, pattern: (re: Parts) => string) {
  return (text: string, pos: number, self: { re: unknown }): number => {
    // Compiled on first use and kept with linkify-it's own, which it rebuilds when its settings change.
    const re = self.re as Parts;
    re[name] ??= new RegExp(`^${pattern(re)}`, "i");
    const match = (re[name] as RegExp).exec(text.slice(pos, pos + LONGEST_LINK));
    return match ? match[0].length : 0;
  };
}
