import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, normalize, sep } from "node:path";

// `npm run preview`: serves a built site the way a static host does — files,
// `/x/` → `/x/index.html`, the `_redirects` file (as Netlify and Cloudflare
// Pages read it), and 404.html — mounted under path_prefix. The browser
// tests use the same server.

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".wasm": "application/wasm",
};

/** `from → to` pairs from the `_redirects` file of a built site, if it has one. */
export function readRedirects(outputDir: string): Map<string, string> {
  const file = join(outputDir, "_redirects");
  const redirects = new Map<string, string>();
  if (!existsSync(file)) return redirects;
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const [from, to] = line.trim().split(/\s+/);
    if (from && to && !from.startsWith("#")) redirects.set(from, to);
  }
  return redirects;
}

export function serveSite(outputDir: string, pathPrefix = "/"): Server {
  const redirects = readRedirects(outputDir);
  const prefix = pathPrefix.replace(/\/$/, "");
  return createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const redirect = redirects.get(url.pathname);
    if (redirect) {
      response.writeHead(301, { location: redirect }).end();
      return;
    }
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      path = "";
    }
    const file = prefix && !path.startsWith(`${prefix}/`) ? undefined : fileFor(outputDir, path.slice(prefix.length));
    if (file === "add-slash") {
      response.writeHead(301, { location: `${url.pathname}/` }).end();
    } else if (file) {
      // no-store: a preview after a rebuild must show the new pages.
      response.writeHead(200, { "content-type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
      if (request.method === "HEAD") response.end();
      else createReadStream(file).pipe(response);
    } else {
      const notFound = join(outputDir, "404.html");
      response.writeHead(404, { "content-type": CONTENT_TYPES[".html"] ?? "text/html" });
      if (existsSync(notFound)) createReadStream(notFound).pipe(response);
      else response.end("Not found");
    }
  });
}

function fileFor(outputDir: string, sitePath: string): string | "add-slash" | undefined {
  const candidate = normalize(join(outputDir, sitePath));
  // Never serve anything outside the output folder, whatever the request says.
  if (candidate !== outputDir && !candidate.startsWith(outputDir + sep)) return undefined;
  if (!existsSync(candidate)) return undefined;
  if (statSync(candidate).isFile()) return candidate;
  if (!sitePath.endsWith("/")) return "add-slash";
  const index = join(candidate, "index.html");
  return existsSync(index) ? index : undefined;
}
