import assert from "node:assert/strict";
import { accessSync, constants, mkdirSync, statSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { type Browser, type BrowserContextOptions, chromium, type Page } from "playwright-core";
import { serveSite } from "../src/commands/serve-site.ts";
import { PROJECT_ROOT } from "./helpers.ts";

// Browser tests drive the system Chromium (Debian's `chromium` package in CI)
// through playwright-core, against the built site served over real HTTP.

export const CHROMIUM_PATH = process.env.OPENINGS_CHROMIUM || "/usr/bin/chromium";
export const SCREENSHOTS_DIR = join(PROJECT_ROOT, "screenshots");

export function chromiumAvailable(): boolean {
  try {
    accessSync(CHROMIUM_PATH, constants.X_OK);
    return statSync(CHROMIUM_PATH).isFile();
  } catch {
    return false;
  }
}

/** `false` when Chromium is there; otherwise the reason to skip, printed once per test file. */
export function browserSkip(): string | false {
  if (chromiumAvailable()) return false;
  const reason = `no Chromium at ${CHROMIUM_PATH} (set OPENINGS_CHROMIUM or apt-get install chromium)`;
  console.log(`# skipping browser tests: ${reason}`);
  return reason;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export interface StaticServer {
  /** Like http://127.0.0.1:41234 (no trailing slash). */
  origin: string;
  close(): Promise<void>;
}

/** The built site served as `npm run preview` serves it, on an ephemeral loopback port. */
export async function serveStatic(root: string): Promise<StaticServer> {
  const server = serveSite(resolve(root));
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** Runs `use` on a new page in a context of its own, closed after; fails if a script on the page threw. */
export async function withPage(browser: Browser, options: BrowserContextOptions, use: (page: Page) => Promise<void>): Promise<void> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  page.setDefaultTimeout(5000);
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  try {
    await use(page);
    assert.deepEqual(errors, [], "no uncaught script errors");
  } finally {
    await context.close();
  }
}

/** Saves a full-page screenshot to screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const path = join(SCREENSHOTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Polls `read` until `done` holds or `timeout` ms pass; returns the last value read either way. */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeout = 3000): Promise<T> {
  const until = Date.now() + timeout;
  let value = await read();
  while (!done(value) && Date.now() < until) {
    await new Promise((wake) => setTimeout(wake, 50));
    value = await read();
  }
  return value;
}
