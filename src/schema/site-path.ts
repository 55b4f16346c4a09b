// Paths inside the site (permalinks, redirect sources, jobs_path). A posting
// decides where its page is written, so anything that could escape the output
// folder or mean something else to a web server is refused here, once.

/** Why `value` is not a clean site path, or undefined when it is one. */
export function sitePathProblem(value: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith("//")) return "a path on this site, not a full web address";
  if (!value.startsWith("/")) return "a path starting with `/`";
  if (value.includes("\\")) return "forward slashes only, no backslashes";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we refuse
  if (/[\u0000-\u001f\u007f]/.test(value)) return "a path without control characters";
  if (/[?#]/.test(value)) return "a path without `?` or `#`";
  if (value.split("/").some((part) => part === ".." || part === ".")) return "a path without `.` or `..` segments";
  if (/\/\/+/.test(value)) return "a path without empty segments (`//`)";
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
