import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readdirSync, readlinkSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { type AddressInfo, connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { gunzipSync } from "node:zlib";
import { serveSite } from "../src/commands/serve-site.ts";

// `npm run preview` (and the crawler in tests/crawl.ts) as an attacker or a
// broken client would meet it: raw request lines over a socket on 127.0.0.1,
// so nothing between the test and the server tidies the request first.

const SECRET = "the secret next to the output folder";
const BIG_FILE_BYTES = 16 * 1024 * 1024;

/** A built site by hand: the server only serves files, so no build is needed. */
function makeOutput(): string {
  const root = mkdtempSync(join(tmpdir(), "openings-preview-"));
  writeFileSync(join(root, "secret.txt"), SECRET);
  const out = join(root, "out");
  const files: Record<string, string | Buffer> = {
    "index.html": "<h1>Home</h1>",
    "404.html": "<h1>Page not found</h1>",
    "jobs/index.html": "<h1>Jobs</h1>",
    "jobs/designer/index.html": "<h1>Designer</h1>",
    "jobs/café/index.html": "<h1>Café</h1>",
    "assets/style.css": "body{}",
    "big.bin": Buffer.alloc(BIG_FILE_BYTES, 7),
    _redirects: "/old/ /jobs/designer/ 301\n/caf%C3%A9-old/ /jobs/caf%C3%A9/ 301\n",
  };
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(out, path, ".."), { recursive: true });
    writeFileSync(join(out, path), content);
  }
  return out;
}

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Sends `request` byte for byte and reads the answer until the server closes. */
function raw(port: number, request: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    const chunks: Buffer[] = [];
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("error", reject);
    socket.on("close", () => {
      const text = Buffer.concat(chunks).toString("latin1");
      const [head = "", ...rest] = text.split("\r\n\r\n");
      const [statusLine = "", ...headerLines] = head.split("\r\n");
      const headers = Object.fromEntries(headerLines.map((line) => [line.slice(0, line.indexOf(":")).toLowerCase(), line.slice(line.indexOf(":") + 1).trim()]));
      resolve({ status: Number(statusLine.split(" ")[1]), headers, body: rest.join("\r\n\r\n") });
    });
    socket.write(request);
  });
}

const get = (port: number, target: string, method = "GET") => raw(port, `${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);

/** A chunked body (`size CRLF data CRLF … 0 CRLF CRLF`, as latin1 text) without its framing. */
function unchunked(body: string): string {
  let data = "";
  for (let at = 0; ; ) {
    const lineEnd = body.indexOf("\r\n", at);
    const size = Number.parseInt(body.slice(at, lineEnd), 16);
    if (!size) return data;
    data += body.slice(lineEnd + 2, lineEnd + 2 + size);
    at = lineEnd + 2 + size + 2;
  }
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return (server.address() as AddressInfo).port;
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((done) => server.close(() => done()));
}

/** Open file descriptors of this process (the server runs in it) that point at `path`. */
function openHandlesOn(path: string): number {
  let n = 0;
  for (const fd of readdirSync("/proc/self/fd")) {
    try {
      if (readlinkSync(`/proc/self/fd/${fd}`) === path) n++;
    } catch {
      // The descriptor closed while we looked.
    }
  }
  return n;
}

for (const prefix of ["/", "/careers/"]) {
  const p = prefix.replace(/\/$/, "");
  describe(`the preview server, path_prefix ${prefix}`, () => {
    const out = makeOutput();
    const server = serveSite(out, prefix);
    let port = 0;
    before(async () => {
      port = await listen(server);
    });
    after(() => close(server));

    it("serves pages, folders with a slash added, _redirects, and the 404 page", async () => {
      assert.equal((await get(port, `${p}/jobs/designer/`)).status, 200);
      assert.match((await get(port, `${p}/jobs/designer/`)).body, /Designer/);
      const slash = await get(port, `${p}/jobs/designer?x=1`);
      assert.equal(slash.status, 301);
      assert.equal(slash.headers.location, `${p}/jobs/designer/?x=1`);
      assert.equal((await get(port, `${p}/jobs/caf%C3%A9/`)).status, 200);
      assert.equal((await get(port, "/old/")).headers.location, "/jobs/designer/");
      assert.equal((await get(port, "/caf%c3%a9-old/")).headers.location, "/jobs/caf%C3%A9/", "percent-encoding in any case matches");
      const missing = await get(port, `${p}/nowhere/`);
      assert.equal(missing.status, 404);
      assert.match(missing.body, /Page not found/);
    });

    it("answers HEAD with the headers only", async () => {
      const head = await get(port, `${p}/assets/style.css`, "HEAD");
      assert.equal(head.status, 200);
      assert.equal(head.body, "");
      assert.match(head.headers["content-type"] ?? "", /^text\/css/);
    });

    it("sends text gzipped to a client that takes gzip, as static hosts do, and every other answer as it is", async () => {
      const takesGzip = (target: string, extra = "") =>
        raw(port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Encoding: br, gzip\r\n${extra}Connection: close\r\n\r\n`);
      for (const [target, type, text] of [
        [`${p}/jobs/designer/`, "text/html; charset=utf-8", "<h1>Designer</h1>"],
        [`${p}/assets/style.css`, "text/css; charset=utf-8", "body{}"],
      ] as const) {
        const zipped = await takesGzip(target);
        assert.equal(zipped.status, 200, target);
        assert.equal(zipped.headers["content-encoding"], "gzip", target);
        assert.equal(zipped.headers["content-type"], type, target);
        assert.equal(zipped.headers.vary, "accept-encoding", target);
        assert.equal(gunzipSync(Buffer.from(unchunked(zipped.body), "latin1")).toString(), text, target);
        assert.equal((await get(port, target)).headers["content-encoding"], undefined, `${target} without Accept-Encoding`);
      }
      assert.equal((await takesGzip(`${p}/assets/style.css`, "Range: bytes=0-1\r\n")).status, 206, "a range is sent as it is");
      assert.equal((await takesGzip(`${p}/big.bin`)).headers["content-encoding"], undefined, "only text is compressed");
      assert.equal((await takesGzip(`${p}/jobs/designer`)).status, 301, "a folder still gets its slash");
      assert.equal((await takesGzip(`${p}/nowhere/`)).status, 404);
    });

    it("refuses every method but GET and HEAD with 405 and an Allow header", async () => {
      for (const method of ["POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE", "PROPFIND"]) {
        const answer = await get(port, `${p}/jobs/designer/`, method);
        assert.equal(answer.status, 405, method);
        assert.equal(answer.headers.allow, "GET, HEAD", method);
      }
    });

    it("answers malformed request targets and bad percent-encoding with 400, and keeps serving", async () => {
      const targets = ["http://[", "http://127.0.0.1:99999/", `${p}/jobs/%E0%A4%A/`, `${p}/jobs/%ZZ/`, `${p}/%`, `${p}/%C0%AF`, `${p}/jobs%00/`, "*", "jobs/"];
      for (const target of targets) {
        const answer = await get(port, target);
        assert.equal(answer.status, 400, `${target} → ${answer.status}`);
      }
      // A valid path that URL parsers take for a host (`//[`) is only a page that does not exist.
      assert.equal((await get(port, "//[")).status, 404);
      // Lines Node's own parser refuses never reach the handler; the server must outlive them too.
      for (const line of ["\u0000\u0001\r\n\r\n", "GET\r\n\r\n", "GET / HTTP/9.9\r\n\r\n", `GET /${"a".repeat(100_000)} HTTP/1.1\r\n\r\n`]) {
        const answer = await raw(port, line);
        assert.ok(answer.status >= 400 || Number.isNaN(answer.status), JSON.stringify(line.slice(0, 20)));
      }
      assert.equal((await get(port, `${p}/jobs/designer/`)).status, 200, "still serving");
    });

    it("never serves a file outside the output folder", async () => {
      const attempts = [
        `${p}/../secret.txt`,
        `${p}/jobs/../../secret.txt`,
        `${p}/%2e%2e/secret.txt`,
        `${p}/%2E%2E%2Fsecret.txt`,
        `${p}/..%2fsecret.txt`,
        `${p}/..%5csecret.txt`,
        `${p}/..\\secret.txt`,
        `${p}/\\..\\secret.txt`,
        `${p}/%2e%2e%5c%2e%2e%5csecret.txt`,
        `${p}/jobs/%2e%2e/%2e%2e/secret.txt`,
        `${p}/big.bin%00.html`,
        `${p}/..`,
        `${p}/%2e%2e`,
      ];
      for (const target of attempts) {
        const answer = await get(port, target);
        assert.ok([400, 403, 404].includes(answer.status), `${target} → ${answer.status}`);
        assert.ok(!answer.body.includes(SECRET), target);
        assert.ok(!(answer.headers.location ?? "").includes("secret"), `${target} redirects to ${answer.headers.location}`);
      }
    });

    it("never redirects to another host", async () => {
      const targets = ["/.//jobs", "//jobs", "///jobs", "/.//jobs?x", "/./%2fjobs", "/%2f%2fjobs", "/\\jobs", "/%5cjobs", "//old/", "/.//old/"];
      for (const target of targets.map((t) => `${p}${t}`).concat(targets)) {
        const answer = await get(port, target);
        const location = answer.headers.location;
        if (location === undefined) continue;
        assert.match(location, /^\/(?![/\\])/, `${target} redirects to ${location}`);
        assert.equal(new URL(location, "http://127.0.0.1/").host, "127.0.0.1", `${target} redirects to ${location}`);
      }
      const canonical = await get(port, `${p}/.//jobs`);
      assert.equal(canonical.status, 301);
      assert.equal(canonical.headers.location, `${p}/jobs/`);
    });

    it("releases the file handle of every aborted request", async () => {
      const file = join(out, "big.bin");
      const aborted = 40;
      const sockets = await Promise.all(
        Array.from(
          { length: aborted },
          () =>
            new Promise<ReturnType<typeof connect>>((resolve, reject) => {
              const socket = connect(port, "127.0.0.1");
              socket.on("error", reject);
              // Read the first bytes, so the file is surely open, then stop reading.
              socket.once("data", () => {
                socket.pause();
                resolve(socket);
              });
              socket.write(`GET ${p}/big.bin HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
            }),
        ),
      );
      assert.ok(openHandlesOn(file) > 0, "the requests opened the file");
      for (const socket of sockets) socket.destroy();
      // Give the server a moment to see the resets; a leak never clears, so polling cannot hide it.
      let open = openHandlesOn(file);
      for (let i = 0; i < 100 && open > 0; i++) {
        await new Promise((done) => setTimeout(done, 20));
        open = openHandlesOn(file);
      }
      assert.equal(open, 0, `${open} of ${aborted} aborted requests still hold ${file} open`);
      assert.equal((await get(port, `${p}/jobs/designer/`)).status, 200, "still serving");
    });
  });
}
