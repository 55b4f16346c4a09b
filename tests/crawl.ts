import type { AddressInfo } from "node:net";
import { parse } from "node-html-parser";
import { serveSite } from "../src/commands/serve-site.ts";

// Crawls a built site over real HTTP, as a visitor (or a search engine) would:
// every internal href and src from every page reached, redirects followed —
// both HTTP ones from `_redirects` and the meta-refresh pages.

export interface CrawlResult {
  /** Paths that answered 200, with their content type. */
  visited: Map<string, string>;
  broken: { from: string; href: string; status: number }[];
}

export async function crawlSite(outputDir: string, pathPrefix: string, start: string): Promise<CrawlResult> {
  const server = serveSite(outputDir, pathPrefix);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const result: CrawlResult = { visited: new Map(), broken: [] };
  const queue: { from: string; href: string }[] = [{ from: "(start)", href: start }];
  const seen = new Set<string>();
  try {
    while (queue.length > 0) {
      const { from, href } = queue.shift() as { from: string; href: string };
      const url = new URL(href, origin + from.replace(/^\(start\)$/, "/"));
      if (url.origin !== origin) continue;
      const path = url.pathname;
      if (seen.has(path)) continue;
      seen.add(path);
      const response = await fetch(url, { redirect: "follow" });
      if (response.status !== 200) {
        result.broken.push({ from, href, status: response.status });
        await response.arrayBuffer();
        continue;
      }
      const type = response.headers.get("content-type") ?? "";
      result.visited.set(path, type);
      const landed = new URL(response.url).pathname;
      if (!type.startsWith("text/html")) {
        await response.arrayBuffer();
        continue;
      }
      const page = parse(await response.text());
      for (const element of page.querySelectorAll("[href], [src]")) {
        const link = element.getAttribute("href") ?? element.getAttribute("src") ?? "";
        if (/^(mailto:|tel:|#)/.test(link) || link === "") continue;
        queue.push({ from: landed, href: link });
      }
      const refresh = page.querySelector('meta[http-equiv="refresh"]')?.getAttribute("content");
      const target = refresh && /url=(.+)$/i.exec(refresh)?.[1];
      if (target) queue.push({ from: landed, href: target.trim() });
    }
  } finally {
    server.close();
  }
  return result;
}
