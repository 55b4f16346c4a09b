import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse, STATUS_CODES } from "node:http";
import { join, posix } from "node:path";
import { pipeline } from "node:stream";
import { createGzip } from "node:zlib";
import send from "send";

// `npm run preview`: serves a built site the way a static host does — files,
// `/x/` → `/x/index.html`, the `_redirects` file (as Netlify and Cloudflare
// Pages read it), and 404.html — mounted under path_prefix. The browser and
// crawl tests use the same server.
//
// Files go out through `send` (the engine under Express's static server):
// it streams with HEAD, ranges and conditional requests, and destroys the
// file stream when a visitor goes away, so aborted requests hold no handles.
// This module decides everything before it: only GET and HEAD, a request
// target that decodes cleanly, no `..`, NUL or backslash, one canonical path,
// and redirects that can only ever stay on this host.

const ALLOW = "GET, HEAD";
/**
 * Text that static hosts (Netlify, Cloudflare Pages, GitHub Pages) send
 * compressed, so the preview does too: Lighthouse (`npm run audit`) would
 * otherwise count bytes no visitor downloads.
 */
const COMPRESSED_TYPES: Record<string, string> = {
  html: "text/html; charset=utf-8",
  css: "text/css; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  mjs: "text/javascript; charset=utf-8",
  json: "application/json; charset=utf-8",
  xml: "application/xml; charset=utf-8",
  txt: "text/plain; charset=utf-8",
  svg: "image/svg+xml",
};
const NOT_FOUND_PAGE = "404.html";

/** `from → to` pairs from the `_redirects` file of a built site, keyed by decoded path. */
export function readRedirects(outputDir: string): Map<string, string> {
  const file = join(outputDir, "_redirects");
  const redirects = new Map<string, string>();
  if (!existsSync(file)) return redirects;
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const [from, to] = line.trim().split(/\s+/);
    const path = from && !from.startsWith("#") ? decodedPath(from) : undefined;
    // Only paths on this site: Openings never writes another kind, and an address elsewhere is not ours to send visitors to.
    if (path && to?.startsWith("/")) redirects.set(path, sameHost(to));
  }
  return redirects;
}

export function serveSite(outputDir: string, pathPrefix = "/"): Server {
  const redirects = readRedirects(outputDir);
  const prefix = pathPrefix.replace(/\/$/, "");
  const notFound = (response: ServerResponse, head: boolean) => {
    const page = join(outputDir, NOT_FOUND_PAGE);
    if (!existsSync(page)) return answer(response, 404, head);
    response.writeHead(404, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
    if (head) response.end();
    else pipeline(createReadStream(page), response, () => {}); // pipeline closes the file if the visitor leaves.
  };

  return createServer((request, response) => {
    const head = request.method === "HEAD";
    if (request.method !== "GET" && !head) return answer(response, 405, head, { allow: ALLOW });
    const target = parseTarget(request.url ?? "");
    if (!target) return answer(response, 400, head);
    const { path, query } = target;

    const redirect = redirects.get(path);
    if (redirect) return redirectTo(response, redirect, head);
    if (path === prefix) return redirectTo(response, `${encodePath(path)}/${query}`, head);
    if (prefix && !path.startsWith(`${prefix}/`)) return notFound(response, head);

    const compressed = compressedFile(request, outputDir, path.slice(prefix.length));
    if (compressed) {
      response.writeHead(200, { "content-type": compressed.type, "content-encoding": "gzip", vary: "accept-encoding", "cache-control": "no-store" });
      pipeline(createReadStream(compressed.file), createGzip(), response, () => {}); // pipeline closes the file if the visitor leaves.
      return;
    }

    send(request, encodePath(path.slice(prefix.length)), {
      root: outputDir,
      index: ["index.html"],
      dotfiles: "ignore",
      // A preview after a rebuild must show the new pages.
      cacheControl: false,
      etag: false,
      lastModified: false,
    })
      .on("headers", (res: ServerResponse) => res.setHeader("cache-control", "no-store"))
      .on("directory", () => redirectTo(response, `${encodePath(path)}/${query}`, head))
      .on("error", (error: { status?: number; headers?: Record<string, string> }) => {
        // A file that fails half-way (deleted by a rebuild): the status line is gone, so end the connection.
        if (response.headersSent) response.destroy();
        else if (error.status === 404) notFound(response, head);
        else answer(response, error.status ?? 500, head, error.headers);
      })
      .pipe(response);
  });
}

/**
 * The file to send gzipped for a GET of a checked site path, when the client
 * takes gzip and wants the whole file; everything else goes through `send`
 * (HEAD, ranges, directories, dotfiles, other types, missing files).
 */
function compressedFile(request: IncomingMessage, outputDir: string, sitePath: string): { file: string; type: string } | undefined {
  if (request.method !== "GET" || request.headers.range || !/\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""))) return undefined;
  if (sitePath.split("/").some((segment) => segment.startsWith("."))) return undefined;
  const file = join(outputDir, sitePath.endsWith("/") ? `${sitePath}index.html` : sitePath);
  const type = COMPRESSED_TYPES[/\.([a-z]+)$/.exec(file)?.[1] ?? ""];
  if (!type) return undefined;
  try {
    return statSync(file).isFile() ? { file, type } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The decoded, canonical path and the raw query of a request target, or
 * undefined when it is not one a browser could send for a file: not a path
 * (`*`, `jobs/`), bad percent-encoding, `..`, NUL or a backslash.
 */
function parseTarget(target: string): { path: string; query: string } | undefined {
  let rawPath: string;
  let query: string;
  if (target.startsWith("/")) {
    const end = target.search(/[?#]/);
    rawPath = end === -1 ? target : target.slice(0, end);
    query = end === -1 || target[end] === "#" ? "" : (target.slice(end).split("#")[0] ?? "");
  } else if (/^https?:\/\//i.test(target) && URL.canParse(target)) {
    // The absolute form (`GET http://host/x HTTP/1.1`), which HTTP/1.1 servers must accept.
    const url = new URL(target);
    rawPath = url.pathname;
    query = url.search;
  } else {
    return undefined;
  }
  const path = decodedPath(rawPath);
  return path === undefined ? undefined : { path, query };
}

/** `/.//a/%62/` → `/a/b/`; undefined for bad percent-encoding, `..`, NUL or a backslash. */
function decodedPath(rawPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return undefined;
  }
  if (!decoded.startsWith("/") || /[\0\\]/.test(decoded) || decoded.split("/").includes("..")) return undefined;
  // posix.normalize folds `//` and `/./`, so the path starts with exactly one slash.
  return posix.normalize(decoded);
}

/** Percent-encodes each segment of a decoded path. */
function encodePath(path: string): string {
  return path.split("/").map(encodeURIComponent).join("/");
}

/** A Location that a browser can only read as a path on this host: never `//host` or `/\host`. */
function sameHost(location: string): string {
  return location.replace(/^[/\\]+/, "/");
}

function redirectTo(response: ServerResponse, location: string, head: boolean): void {
  response.writeHead(301, { location: sameHost(location), "content-type": "text/plain; charset=utf-8" });
  response.end(head ? undefined : `Moved to ${sameHost(location)}\n`);
}

function answer(response: ServerResponse, status: number, head: boolean, headers: Record<string, string> = {}): void {
  const text = `${STATUS_CODES[status] ?? "Error"}\n`;
  response.writeHead(status, { ...headers, "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
  response.end(head ? undefined : text);
}
