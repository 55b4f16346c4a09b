import assert from "node:assert/strict";
import { DOMParser, type Element } from "@xmldom/xmldom";

// What makes a feed valid, checked on the file a build wrote: Atom (RFC 4287)
// read by a real XML parser that reports every well-formedness error, and
// JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) key by key.

const ATOM = "http://www.w3.org/2005/Atom";
/** RFC 3339 date-time, as Atom's date constructs and JSON Feed's dates require. */
const RFC_3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

export interface AtomFeed {
  title: string;
  selfUrl: string;
  alternateUrl: string;
  /** Each entry's alternate link, in the order of the file. */
  entryUrls: string[];
}

/** Parses `xml` as Atom and asserts what RFC 4287 requires of a feed and its entries. */
export function readValidAtom(xml: string, name: string): AtomFeed {
  assert.match(xml, /^<\?xml version="1\.0" encoding="utf-8"\?>\n<feed /, `${name}: starts with the XML declaration and <feed>`);
  const errors: string[] = [];
  const document = new DOMParser({ onError: (level, message) => errors.push(`${level}: ${message}`) }).parseFromString(xml, "application/xml");
  assert.deepEqual(errors, [], `${name}: well-formed XML`);
  const feed = document.documentElement;
  assert.ok(feed, `${name}: has a root element`);
  assert.equal(feed.namespaceURI, ATOM, `${name}: in the Atom namespace`);
  assert.equal(feed.localName, "feed");

  const one = (parent: Element, tag: string) => {
    const found = children(parent, tag);
    assert.equal(found.length, 1, `${name}: exactly one <${tag}> in <${parent.localName}>`);
    return found[0] as Element;
  };
  const absolute = (iri: string | null, what: string) => {
    assert.ok(iri && URL.canParse(iri) && new URL(iri).protocol === "https:", `${name}: ${what} is an absolute address, found ${iri}`);
    return iri;
  };
  const linkHref = (parent: Element, rel: string) => {
    const links = children(parent, "link").filter((link) => (link.getAttribute("rel") ?? "alternate") === rel);
    assert.equal(links.length, 1, `${name}: one <link rel="${rel}"> in <${parent.localName}>`);
    return absolute(links[0]?.getAttribute("href") ?? null, `the ${rel} link`);
  };

  const title = one(feed, "title").textContent ?? "";
  assert.ok(title.trim(), `${name}: the feed has a title`);
  absolute(one(feed, "id").textContent, "the feed's id");
  assert.match(one(feed, "updated").textContent ?? "", RFC_3339, `${name}: the feed's <updated>`);
  assert.ok(one(one(feed, "author"), "name").textContent?.trim(), `${name}: the feed names its author, so entries need not`);
  const selfUrl = linkHref(feed, "self");
  const alternateUrl = linkHref(feed, "alternate");

  const entryUrls = children(feed, "entry").map((entry) => {
    assert.ok(one(entry, "title").textContent?.trim(), `${name}: an entry has a title`);
    absolute(one(entry, "id").textContent, "an entry's id");
    assert.match(one(entry, "updated").textContent ?? "", RFC_3339, `${name}: an entry's <updated>`);
    for (const published of children(entry, "published")) assert.match(published.textContent ?? "", RFC_3339);
    const content = one(entry, "content");
    assert.equal(content.getAttribute("type"), "html", `${name}: content is escaped HTML`);
    return linkHref(entry, "alternate");
  });
  return { title, selfUrl, alternateUrl, entryUrls };
}

function children(parent: Element, tag: string): Element[] {
  const found: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === node.ELEMENT_NODE && (node as Element).namespaceURI === ATOM && (node as Element).localName === tag) found.push(node as Element);
  }
  return found;
}

const JSON_FEED_KEYS = new Set([
  "version",
  "title",
  "home_page_url",
  "feed_url",
  "description",
  "user_comment",
  "next_url",
  "icon",
  "favicon",
  "authors",
  "language",
  "expired",
  "hubs",
  "items",
]);
const JSON_ITEM_KEYS = new Set([
  "id",
  "url",
  "external_url",
  "title",
  "content_html",
  "content_text",
  "summary",
  "image",
  "banner_image",
  "date_published",
  "date_modified",
  "authors",
  "tags",
  "language",
  "attachments",
]);

export interface JsonFeed {
  title: string;
  home_page_url: string;
  feed_url: string;
  items: { id: string; url: string; title: string }[];
}

/** Parses `text` and asserts what JSON Feed 1.1 requires, and that it uses only the keys the spec defines (or `_` extensions). */
export function readValidJsonFeed(text: string, name: string): JsonFeed {
  const feed = JSON.parse(text) as Record<string, unknown>;
  const known = (keys: Set<string>, object: Record<string, unknown>) => {
    for (const key of Object.keys(object)) assert.ok(keys.has(key) || key.startsWith("_"), `${name}: \`${key}\` is not a JSON Feed 1.1 key`);
  };
  const url = (value: unknown, what: string) =>
    assert.ok(typeof value === "string" && URL.canParse(value) && value.startsWith("https://"), `${name}: ${what} is an absolute address, found ${value}`);
  known(JSON_FEED_KEYS, feed);
  assert.equal(feed.version, "https://jsonfeed.org/version/1.1", `${name}: version`);
  assert.ok(typeof feed.title === "string" && feed.title.trim(), `${name}: title`);
  url(feed.home_page_url, "home_page_url");
  url(feed.feed_url, "feed_url");
  assert.ok(Array.isArray(feed.authors) && feed.authors.every((author) => typeof author?.name === "string"), `${name}: authors`);
  assert.ok(Array.isArray(feed.items), `${name}: items is a list`);
  for (const item of feed.items as Record<string, unknown>[]) {
    known(JSON_ITEM_KEYS, item);
    assert.ok(typeof item.id === "string" && item.id, `${name}: every item has a string id`);
    url(item.url, "an item's url");
    assert.ok(typeof item.content_html === "string" || typeof item.content_text === "string", `${name}: an item has content_html or content_text`);
    for (const key of ["date_published", "date_modified"]) if (key in item) assert.match(String(item[key]), RFC_3339, `${name}: ${key}`);
  }
  return feed as unknown as JsonFeed;
}
