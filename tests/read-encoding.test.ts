import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import fc from "fast-check";
import { decodeSource } from "../src/read/decode-text.ts";
import { buildSite, makeSite, runCli } from "./helpers.ts";

// Text that is not UTF-8 is read the way it was most likely written, and
// always said: a pasted ad in Windows-1252 keeps its accents and dashes,
// UTF-16 is decoded, and nothing becomes U+FFFD without a word.

const cp1252 = (text: string) => Buffer.from(text.replace("–", "\x96").replace("’", "\x92"), "latin1");
const FRONT = "---\ntitle: Café manager\nlocation: Lyon, France\n---\n";

describe("reading text that is not UTF-8", () => {
  it("decodes Windows-1252 with a warning at the line and column of the first bad byte", () => {
    const site = makeSite({ "jobs/cafe.md": cp1252(`${FRONT}Run our café – it’s yours.\n`) });
    const result = runCli(["check", "--site", site]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(
      result.stderr,
      /^jobs\/cafe\.md:2:11: warning: the file is not UTF-8 \(byte `0xE9` here, and 3 more\), so it was read as Windows-1252: `Café` \(check that the text reads right, then save the file as UTF-8\)$/m,
    );
    const page = readFileSync(join(buildSite(site), "jobs/cafe/index.html"), "utf8");
    assert.match(page, /Café manager/);
    assert.match(page, /Run our café – it’s yours\./);
    assert.doesNotMatch(page, /\uFFFD/);
  });

  it("keeps UTF-8 characters right when a stray Windows-1252 byte is pasted among them", () => {
    const bytes = Buffer.concat([Buffer.from(`${FRONT}Zürich — “quoted”, then `, "utf8"), Buffer.from([0x93]), Buffer.from("pasted\x94.\n", "latin1")]);
    const { text, problems } = decodeSource("jobs/x.md", bytes);
    assert.equal(text, `${FRONT}Zürich — “quoted”, then “pasted”.\n`);
    assert.deepEqual(
      problems.map((p) => [p.code, p.line, p.column]),
      [["not-utf-8", 5, 25]],
    );
  });

  it("refuses bytes that are neither UTF-8 nor Windows-1252, at their line", () => {
    const bytes = Buffer.concat([Buffer.from(FRONT), Buffer.from("Shift-JIS: "), Buffer.from([0x83, 0x81, 0x81, 0x5b]), Buffer.from("\n")]);
    const site = makeSite({ "jobs/sjis.md": bytes });
    const result = runCli(["check", "--site", site]);
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /^jobs\/sjis\.md:5:13: error: byte `0x81` here is neither UTF-8 nor Windows-1252 text, so the file's encoding is unknown \(save the file as UTF-8\)$/m,
    );
  });

  it("decodes UTF-16 with a byte-order mark, and says so", () => {
    const text = `${FRONT}Thé au lait.\n`;
    const little = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    const big = Buffer.from(little).swap16();
    const site = makeSite({ "jobs/little.md": little, "jobs/big.md": big });
    const result = runCli(["check", "--site", site]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /^jobs\/little\.md:1:1: warning: the file is saved as UTF-16 \(little-endian\), and was read as such \(save it as UTF-8\)$/m);
    assert.match(result.stderr, /^jobs\/big\.md:1:1: warning: the file is saved as UTF-16 \(big-endian\)/m);
    assert.equal(decodeSource("jobs/big.md", big).text, text);
  });

  it("refuses UTF-32 and broken UTF-16 in plain words", () => {
    assert.deepEqual(
      decodeSource("x.md", Buffer.from([0xff, 0xfe, 0, 0, 0x2d, 0, 0, 0])).problems.map((p) => [p.code, p.message]),
      [["unknown-encoding", "the file is saved as UTF-32, which Openings does not read"]],
    );
    assert.deepEqual(
      decodeSource("x.md", Buffer.from([0xff, 0xfe, 0x2d, 0x00, 0x00, 0xd8, 0x2d, 0x00])).problems.map((p) => p.code),
      ["unknown-encoding"],
    );
  });

  it("warns where a file already holds U+FFFD, the mark of text lost in an earlier conversion", () => {
    const { problems } = decodeSource("x.md", Buffer.from(`${FRONT}Caf\uFFFD au lait\n`));
    assert.deepEqual(
      problems.map((p) => [p.code, p.line, p.column, p.message]),
      [["replacement-character", 5, 4, "`\uFFFD` stands for a character lost when the text was converted"]],
    );
  });

  it("decodes an 8 MB Windows-1252 file, work that quadratic code could never finish", () => {
    const line = cp1252("Crème brûlée – déjà vu\n");
    const bytes = Buffer.concat(Array.from({ length: Math.ceil(8e6 / line.length) }, () => line));
    const started = performance.now();
    const { text, problems } = decodeSource("x.md", bytes);
    console.log(`decoded ${bytes.length} bytes in ${(performance.now() - started).toFixed(0)} ms`);
    assert.equal(text?.length, bytes.length);
    assert.equal(problems[0]?.code, "not-utf-8");
  });

  it("still refuses binary files, and strips a UTF-8 byte-order mark", () => {
    assert.deepEqual(
      decodeSource("x.png", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0])).problems.map((p) => p.code),
      ["binary-file"],
    );
    assert.equal(decodeSource("x.md", Buffer.from(`\uFEFF${FRONT}`)).text, FRONT);
  });
});

describe("decoding, as properties", () => {
  it("UTF-8 text reads back exactly, without a problem", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        fc.pre(!text.includes("\0") && !text.includes("\uFFFD") && !text.startsWith("\uFEFF"));
        const decoded = decodeSource("x.md", Buffer.from(text, "utf8"));
        assert.deepEqual(decoded, { text, problems: [] });
      }),
    );
  });

  it("Windows-1252 text reads back exactly, with one warning", () => {
    const high = fc.constantFrom(..."é€–—’“”àçñöüßÆø£©°½");
    const ascii = fc.string({ unit: fc.constantFrom(..."abc XYZ:-\n"), minLength: 1, maxLength: 5 });
    // A high character followed by ASCII is never valid UTF-8, so the whole text is Windows-1252.
    const text = fc.array(fc.tuple(ascii, high, ascii), { minLength: 1, maxLength: 20 }).map((parts) => parts.flat().join(""));
    fc.assert(
      fc.property(text, (text) => {
        const bytes = Buffer.from([...text].map((c) => cp1252Byte(c)));
        const decoded = decodeSource("x.md", bytes);
        assert.equal(decoded.text, text);
        assert.deepEqual(
          decoded.problems.map((p) => p.code),
          ["not-utf-8"],
        );
      }),
    );
  });

  it("a stray Windows-1252 byte among UTF-8 characters of any length leaves them as they were", () => {
    const chars = fc.array(fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }), { maxLength: 40 });
    fc.assert(
      fc.property(chars, fc.nat(), (parts, at) => {
        fc.pre(!parts.join("").includes("\0") && !parts.join("").includes("\uFFFD"));
        const cut = parts.length ? at % (parts.length + 1) : 0;
        const before = `x${parts.slice(0, cut).join("")}`;
        const after = parts.slice(cut).join("");
        const bytes = Buffer.concat([Buffer.from(before), Buffer.from([0x93]), Buffer.from(after)]);
        const decoded = decodeSource("x.md", bytes);
        assert.equal(decoded.text, `${before}“${after}`);
        assert.deepEqual(
          decoded.problems.map((p) => p.code),
          ["not-utf-8"],
        );
      }),
    );
  });

  it("any bytes give text with no U+FFFD the file did not hold, or a located error", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const { text, problems } = decodeSource("x.md", bytes);
        if (text === undefined) assert.ok(problems.some((p) => p.severity === "error"));
        else if (text.includes("\uFFFD")) assert.ok(problems.some((p) => p.code === "replacement-character"));
        for (const p of problems) assert.ok(p.line >= 1 && p.column >= 1);
      }),
    );
  });
});

const HIGH_1252: Record<string, number> = { "€": 0x80, "–": 0x96, "—": 0x97, "’": 0x92, "“": 0x93, "”": 0x94 };
function cp1252Byte(char: string): number {
  return HIGH_1252[char] ?? char.charCodeAt(0);
}
