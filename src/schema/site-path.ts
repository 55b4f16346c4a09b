// Paths inside the site (permalinks, redirect sources, jobs_path, and the
// addresses made from file and team names). A posting decides where its page
// is written, so anything that could escape the output folder, mean something
// else to a web server, or fail to be a file name on common disks is refused
// here, once. Clashes between paths are the site plan's (plan/plan-site.ts).

/** The longest file or folder name ext4, APFS, NTFS and most other file systems allow. */
export const MAX_SEGMENT_BYTES = 255;
/**
 * The longest site path, in bytes. Linux allows 4,096 for a whole path and
 * macOS 1,024: 512 leaves the other 512 for the folder the site is built in,
 * and no careers page needs a longer address.
 */
export const MAX_PATH_BYTES = 512;

const bytes = (text: string) => Buffer.byteLength(text, "utf8");

/**
 * Letters, digits, `_`, `-` and dots not starting a part: nothing below can
 * object to such a path but its length. Every page's address is checked, so
 * the common case is worth a shortcut.
 */
const PLAIN = /^\/(?:[a-z0-9_-][a-z0-9._-]*\/)*(?:[a-z0-9_-][a-z0-9._-]*)?$/i;
const LONG_PLAIN_PART = new RegExp(`[^/]{${MAX_SEGMENT_BYTES + 1}}`);

/** Why `value` is not a clean site path, or undefined when it is one. */
export function sitePathProblem(value: string): string | undefined {
  if (PLAIN.test(value) && (value.length <= MAX_SEGMENT_BYTES || (value.length <= MAX_PATH_BYTES && !LONG_PLAIN_PART.test(value)))) return undefined;
  if (/^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith("//")) return "a path on this site, not a full web address";
  if (!value.startsWith("/")) return "a path starting with `/`";
  if (value.includes("\\")) return "forward slashes only, no backslashes";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we refuse
  if (/[\u0000-\u001f\u007f-\u009f]/.test(value)) return "a path without control characters";
  if (/\{\{|\{%/.test(value)) return "a path without template code (`{{`, `{%`): Openings never runs it";
  if (JEKYLL_PLACEHOLDER.test(value)) return "a path without Jekyll placeholders like `:title`: write the address itself";
  if (/[?#]/.test(value)) return "a path without `?` or `#`";
  // A file named `caf%C3%A9` is served at `/caf%25C3%25A9`, and `%2e%2e` is `..` to some servers.
  if (value.includes("%")) return "a path without `%`: write each character as it is, like `/jobs/café/`, not percent-encoded";
  if (/\s/u.test(value)) return "a path without spaces: join words with `-`";
  if (/["<>`{}|^]/.test(value)) return 'a path without `"`, `<`, `>`, `` ` ``, `{`, `}`, `|` or `^`';
  // Zero-width and direction-changing characters make two addresses look alike.
  if (/[\p{Cf}\p{Cs}\p{Co}\p{Cn}]/u.test(value)) return "a path without invisible or unassigned characters";
  const segments = value.split("/");
  if (segments.some((part) => part === ".." || part === ".")) return "a path without `.` or `..` segments";
  if (/\/\/+/.test(value)) return "a path without empty segments (`//`)";
  // A loop, not Math.max(...segments): a path of 150,000 segments would overflow the stack.
  let longest = 0;
  for (const segment of segments) longest = Math.max(longest, bytes(segment));
  if (longest > MAX_SEGMENT_BYTES) return `a path whose parts between slashes are at most ${MAX_SEGMENT_BYTES} bytes long (one is ${longest})`;
  if (bytes(value) > MAX_PATH_BYTES) return `a path of at most ${MAX_PATH_BYTES} bytes (this one is ${bytes(value)})`;
  return undefined;
}

const WINDOWS_TROUBLE = /(?:^|\/)(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?:\.[^/]*)?(?:\/|$)|[:*]|\.(?:\/|$)/i;
const JEKYLL_PLACEHOLDER = /:(title|name|slug|categories|year|short_year|month|i_month|day|i_day|hour|minute|second|output_ext|path|basename|collection)\b/;

/** Why a clean site path still cannot be copied to a Windows disk as it is, or undefined. */
export function sitePathWarning(value: string): string | undefined {
  if (!WINDOWS_TROUBLE.test(value)) return undefined;
  for (const part of value.split("/")) {
    if (/^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i.test(part)) return `\`${part}\` is a name Windows keeps for itself`;
    if (/[:*]/.test(part)) return `\`${part}\` has \`:\` or \`*\`, which Windows file names cannot have`;
    if (/\.$/.test(part)) return `\`${part}\` ends with a dot, which Windows drops`;
  }
  return undefined;
}

/** `/jobs/x` → `/jobs/x/`; page-like paths (`/about/jobs.html`) stay as they are. */
export function normaliseSitePath(value: string): string {
  if (value.endsWith("/") || /\.[a-z0-9]+$/i.test(value.split("/").pop() ?? "")) return value;
  return `${value}/`;
}

/** The file a site path is served from, relative to the output folder. */
export function outputFileFor(sitePath: string): string {
  const path = sitePath.endsWith("/") ? `${sitePath}index.html` : sitePath;
  return path.slice(1);
}

/** `/jobs/x/` → `/careers/jobs/x/`; anything not root-relative stays as it is. */
export function withPathPrefix(url: string, pathPrefix: string): string {
  if (pathPrefix === "/" || !url.startsWith("/") || url.startsWith("//")) return url;
  return `${pathPrefix.replace(/\/$/, "")}${url}`;
}
