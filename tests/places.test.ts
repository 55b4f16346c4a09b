import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import fc from "fast-check";
import type { HTMLElement } from "node-html-parser";
import { countryCode } from "../src/parse/country-code.ts";
import { parseLocationText, parsePlace } from "../src/parse/parse-location.ts";
import { buildSite, makeSite, posting, readPage, text } from "./helpers.ts";

// Places as people write them in the wild: "Remote", "Austin, TX", a time-zone
// range, a country in its own language. What the role page says is what the
// filter pages and the JobPosting markup say too.

const BODY = "We make small robots that sort parcels.";
const roles: Record<string, string> = {
  "remote-plain": "location: Remote",
  "remote-europe": "location: Remote, Europe",
  "remote-us": "location: Remote - US",
  "remote-emea": "location: Remote (EMEA)",
  "germany-remote": "location: Germany (Remote)",
  anywhere: "location: Anywhere",
  worldwide: "location: Worldwide",
  austin: "location: Austin, TX",
  "austin-long": "location: Austin, Texas, United States",
  "time-zones": "location: UTC-5 to UTC+1",
  "berlin-cet": "location: Berlin, Deutschland\nremote: [CET ±2]",
  "gmt-range": "location: ['Tallinn, Estonia', 'GMT+2 ± 3h']",
  countries: "location: ['Prague, Czechia', 'Brno, Czech Republic', 'Istanbul, Türkiye', 'Ankara, Turkey', 'Leeds, England', 'Boston, USA', Portugal]",
  unknown: "location: 'Shoreditch, Narnia'",
  "london-or-remote": "location: London, UK or Remote (Europe)",
};
const files = Object.fromEntries(Object.entries(roles).map(([slug, frontMatter]) => [`jobs/${slug}.md`, posting(`title: Role ${slug}\n${frontMatter}`, BODY)]));
const out = buildSite(makeSite(files));

function facts(slug: string): Record<string, string> {
  const page = readPage(out, `/jobs/${slug}/`);
  return Object.fromEntries(page.querySelectorAll(".facts div").map((d) => [text(d.querySelector("dt")), text(d.querySelector("dd"))]));
}

function jsonLd(slug: string): Record<string, unknown> | undefined {
  const script = readPage(out, `/jobs/${slug}/`).querySelector('script[type="application/ld+json"]');
  return script ? JSON.parse(script.textContent) : undefined;
}

interface Address {
  addressLocality?: string;
  addressRegion?: string;
  addressCountry?: string;
}
const addresses = (slug: string): Address[] =>
  ((jsonLd(slug)?.jobLocation as { address: Address }[] | undefined) ?? []).map(({ address }) => ({
    addressLocality: address.addressLocality,
    addressRegion: address.addressRegion,
    addressCountry: address.addressCountry,
  }));
const requirements = (slug: string) => jsonLd(slug)?.applicantLocationRequirements;

const listed = (page: HTMLElement) => page.querySelectorAll(".role-card > a").map((a) => text(a));
const facetPage = (path: string) => (existsSync(join(out, path, "index.html")) ? readPage(out, path) : undefined);

describe("`location: Remote` and its kin mean remote, with the region kept", () => {
  const cases: [string, string][] = [
    ["remote-plain", "Remote"],
    ["remote-europe", "Remote (Europe)"],
    ["remote-us", "Remote (US)"],
    ["remote-emea", "Remote (EMEA)"],
    ["germany-remote", "Remote (Germany)"],
    ["anywhere", "Remote"],
    ["worldwide", "Remote"],
    ["time-zones", "Remote (UTC-5 to UTC+1)"],
    ["london-or-remote", "London, UK or Remote (Europe)"],
  ];
  for (const [slug, label] of cases) {
    it(`${roles[slug]} shows "${label}" and is on the remote list, not a place list`, () => {
      assert.equal(facts(slug).Location, label);
      assert.ok(listed(readPage(out, "/jobs/remote/")).includes(`Role ${slug}`));
    });
  }

  it("makes no place pages for remote, anywhere, worldwide or a time-zone range", () => {
    for (const slug of ["remote", "anywhere", "worldwide", "remote-europe", "utc-5-to-utc-1", "germany-remote", "emea"]) {
      assert.equal(facetPage(`/jobs/location/${slug}/`), undefined, `/jobs/location/${slug}/ exists`);
    }
  });

  it("tells Google where remote candidates may live, and never makes a place of a region", () => {
    assert.deepEqual(requirements("remote-europe"), [{ "@type": "AdministrativeArea", name: "Europe" }]);
    assert.deepEqual(requirements("remote-us"), [{ "@type": "Country", name: "US" }]);
    assert.deepEqual(requirements("germany-remote"), [{ "@type": "Country", name: "DE" }]);
    for (const slug of ["remote-europe", "remote-us", "germany-remote", "remote-emea"]) {
      assert.equal(jsonLd(slug)?.jobLocationType, "TELECOMMUTE", slug);
      assert.equal(jsonLd(slug)?.jobLocation, undefined, slug);
    }
    assert.deepEqual(addresses("london-or-remote"), [{ addressLocality: "London", addressRegion: undefined, addressCountry: "GB" }]);
  });
});

describe("a time-zone range is a remote region, never a country", () => {
  it("shows the range as a remote region", () => {
    assert.equal(facts("berlin-cet").Location, "Berlin, Deutschland or Remote (CET ±2)");
    assert.equal(facts("gmt-range").Location, "Tallinn, Estonia or Remote (GMT+2 ± 3h)");
  });

  it("never turns a range into a Country or a place in the markup", () => {
    assert.equal(requirements("berlin-cet"), undefined);
    assert.deepEqual(addresses("berlin-cet"), [{ addressLocality: "Berlin", addressRegion: undefined, addressCountry: "DE" }]);
    assert.deepEqual(addresses("gmt-range"), [{ addressLocality: "Tallinn", addressRegion: undefined, addressCountry: "EE" }]);
    // Only a range to go on: Google needs countries, so the page carries no JobPosting rather than a wrong one.
    assert.equal(jsonLd("time-zones"), undefined);
  });
});

describe("places name their country by its ISO 3166-1 code", () => {
  it("reads a US `City, ST` as a US place with its state", () => {
    assert.equal(facts("austin").Location, "Austin, TX");
    assert.deepEqual(addresses("austin"), [{ addressLocality: "Austin", addressRegion: "TX", addressCountry: "US" }]);
    assert.deepEqual(addresses("austin-long"), [{ addressLocality: "Austin", addressRegion: "TX", addressCountry: "US" }]);
    assert.deepEqual(listed(readPage(out, "/jobs/location/austin-tx/")), ["Role austin"]);
  });

  it("resolves names, aliases and names in the country's own language", () => {
    assert.deepEqual(
      addresses("countries").map((a) => [a.addressLocality, a.addressCountry]),
      [
        ["Prague", "CZ"],
        ["Brno", "CZ"],
        ["Istanbul", "TR"],
        ["Ankara", "TR"],
        ["Leeds", "GB"],
        ["Boston", "US"],
        [undefined, "PT"],
      ],
    );
    assert.deepEqual(
      addresses("berlin-cet").map((a) => a.addressCountry),
      ["DE"],
    );
  });

  it("never invents a country: a place whose country it cannot name is left out of the markup, which Google needs it in", () => {
    assert.equal(jsonLd("unknown"), undefined);
  });

  it("lists each place on its own filter page, as the role page shows it", () => {
    assert.deepEqual(listed(readPage(out, "/jobs/location/prague-czechia/")), ["Role countries"]);
    assert.deepEqual(listed(readPage(out, "/jobs/location/portugal/")), ["Role countries"]);
    assert.deepEqual(listed(readPage(out, "/jobs/location/london-uk/")), ["Role london-or-remote"]);
  });
});

describe("the place and country readers", () => {
  it("know the names people write", () => {
    const names: [string, string | undefined][] = [
      ["Estonia", "EE"],
      ["Czechia", "CZ"],
      ["Czech Republic", "CZ"],
      ["Türkiye", "TR"],
      ["Turkiye", "TR"],
      ["Turkey", "TR"],
      ["UK", "GB"],
      ["United Kingdom", "GB"],
      ["Great Britain", "GB"],
      ["England", "GB"],
      ["Scotland", "GB"],
      ["USA", "US"],
      ["U.S.", "US"],
      ["US", "US"],
      ["United States", "US"],
      ["the Netherlands", "NL"],
      ["Deutschland", "DE"],
      ["España", "ES"],
      ["DE", "DE"],
      ["Congo", undefined], // two countries
      ["Europe", undefined],
      ["EMEA", undefined],
      ["Remote", undefined],
      ["EST", undefined], // a time zone, though Estonia's alpha-3 code
      ["Narnia", undefined],
    ];
    assert.deepEqual(
      names.map(([name]) => [name, countryCode(name)]),
      names,
    );
  });

  it("splits free text into places and remote regions", () => {
    assert.deepEqual(parseLocationText("Remote (US or Canada)"), { places: [], remote: { regions: ["US", "Canada"] } });
    assert.deepEqual(parseLocationText("Remote (US only)"), { places: [], remote: { regions: ["US"] } });
    assert.deepEqual(parseLocationText("London / Remote"), { places: ["London"], remote: { regions: [] } });
    assert.deepEqual(parseLocationText("Fully remote"), { places: [], remote: { regions: [] } });
    assert.deepEqual(parseLocationText("Remote, UTC-3 to UTC+3"), { places: [], remote: { regions: ["UTC-3 to UTC+3"] } });
    assert.deepEqual(parseLocationText("CET +/- 2 hours"), { places: [], remote: { regions: ["CET +/- 2 hours"] } });
    assert.deepEqual(parseLocationText("Lisbon, Portugal"), { places: ["Lisbon, Portugal"] });
  });

  it("never gives a country code that is not a real ISO 3166-1 alpha-2 code, whatever the text", () => {
    const words = fc.constantFrom("Remote", "UTC", "GMT+2", "±", "to", "Austin", "TX", "UK", "Georgia", "EST", "(", ")", ",", "or", "/", "CET", "Europe");
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(words, { maxLength: 6 }).map((w) => w.join(" ")),
        ),
        (textValue) => {
          const place = parsePlace(textValue);
          if (place.country !== undefined) {
            assert.match(place.country, /^[A-Z]{2}$/);
            assert.ok(new Intl.DisplayNames("en", { type: "region" }).of(place.country) !== place.country, place.country);
          }
          assert.equal(place.label, textValue.trim());
        },
      ),
    );
  });

  it("never reads a time-zone range as a place", () => {
    const zone = fc.constantFrom("UTC", "GMT", "CET", "EST", "PST");
    const offset = fc.integer({ min: -12, max: 14 }).map((n) => (n === 0 ? "" : n > 0 ? `+${n}` : `${n}`));
    const range = fc.tuple(zone, offset, fc.constantFrom(" to ", " - ", "–"), zone, offset).map(([a, x, sep, b, y]) => `${a}${x}${sep}${b}${y}`);
    fc.assert(
      fc.property(range, (value) => {
        assert.deepEqual(parseLocationText(value), { places: [], remote: { regions: [value] } });
      }),
    );
  });

  it("reads a megabyte of location text in time that grows with its length, not its square", { timeout: 120_000 }, () => {
    const n = 1_000_000;
    const texts = [
      `a${" ".repeat(n)}x`,
      `Remote${" ".repeat(n)}x`,
      `UTC${" ".repeat(n)}+`,
      `x${" -".repeat(n / 2)} remote`,
      `London${" / ".repeat(n / 3)}`,
      " or ".repeat(n / 4),
      "(".repeat(n),
      "UTC-5 to ".repeat(n / 9),
      `${"Remote (".repeat(n / 8)}US`,
    ];
    for (const value of texts) {
      const read = parseLocationText(value);
      for (const place of read.places) {
        assert.ok(value.includes(place));
        assert.ok(value.includes(parsePlace(place).label));
      }
    }
  });

  it("reads Georgia, the country and the US state, as neither", () => {
    assert.deepEqual(parsePlace("Atlanta, Georgia"), { label: "Atlanta, Georgia", locality: "Atlanta, Georgia" });
    assert.deepEqual(parsePlace("Atlanta, GA"), { label: "Atlanta, GA", locality: "Atlanta", region: "GA", country: "US" });
    assert.deepEqual(parsePlace("Tbilisi, Georgia, GE"), { label: "Tbilisi, Georgia, GE", locality: "Tbilisi", region: "Georgia", country: "GE" });
  });
});
