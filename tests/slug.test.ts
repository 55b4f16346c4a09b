import assert from "node:assert/strict";
import { describe, it } from "node:test";
import librarySlugify from "@sindresorhus/slugify";
import fc from "fast-check";
import { slugify } from "../src/derive/slug.ts";

// The one slug function: Eleventy's own `slugify` filter (@sindresorhus/slugify,
// which transliterates), with letters it would drop kept as they are, so a
// name in any script gets a slug that is readable, distinct and never empty.

const SEED = 11;
const runs = (numRuns: number) => ({ seed: SEED, numRuns, includeErrorInReport: true });

describe("slugify", () => {
  it("transliterates rather than dropping letters", () => {
    assert.equal(slugify("Straße"), "strasse");
    assert.equal(slugify("Ærøskøbing"), "aeroskobing");
    assert.equal(slugify("Łódź, Poland"), "lodz-poland");
    assert.equal(slugify("Инженерия"), "inzheneriya");
    assert.equal(slugify("Подъезд"), "podyezd");
    assert.equal(slugify("Ა"), slugify("ა"));
    assert.equal(slugify("Μηχανική"), "mixaniki");
    assert.equal(slugify("ﬁnance"), "finance");
  });

  it("keeps names in scripts it cannot transliterate, in their own letters", () => {
    assert.equal(slugify("工程部"), "工程部");
    assert.equal(slugify("サーバー開発"), "サーバー開発");
    assert.equal(slugify("東京 Tower"), "東京-tower");
    assert.equal(slugify("東京Tower"), "東京-tower");
    assert.equal(slugify("עברית"), "עברית");
    assert.equal(slugify("हिन्दी"), "हिन्दी");
    const names = ["工程部", "営業", "인사팀", "ฝ่ายขาย", "מכירות", "विक्रय", "東京", "大阪"];
    assert.equal(new Set(names.map(slugify)).size, names.length);
  });

  it("matches Eleventy's slugify filter on plain ASCII, apostrophes and all", () => {
    assert.equal(slugify("Director's Office"), "directors-office");
    assert.equal(slugify("R&D"), "r-and-d");
    assert.equal(slugify("Senior Data Engineer"), "senior-data-engineer");
    assert.equal(slugify("fooBar"), "foobar");
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) }), (text) => {
        const expected = librarySlugify(text, { decamelize: false });
        if (expected) assert.equal(slugify(text), expected);
      }),
      runs(2000),
    );
  });

  it("is never empty, and gives only characters a web address and a file name can carry", () => {
    assert.match(slugify("🙂"), /^[0-9a-f]{8}$/);
    assert.notEqual(slugify("🙂"), slugify("🚀"));
    assert.notEqual(slugify(""), "");
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" })), (text) => {
        const slug = slugify(text);
        assert.ok(slug.length > 0, `empty slug for ${JSON.stringify(text)}`);
        assert.match(slug, /^[\p{Ll}\p{Lo}\p{Lm}\p{M}\p{Nd}\p{No}\p{Nl}0-9a-z-]+$/u, JSON.stringify(text));
        assert.doesNotMatch(slug, /^-|-$|--/, JSON.stringify(text));
        assert.equal(slug, slugify(slug), `not stable for ${JSON.stringify(text)}`);
      }),
      runs(1000),
    );
  });
});
