import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { shareBrand, shareCard } from "../src/derive/share-card.ts";
import { loadSite } from "../src/pipeline/load-site.ts";
import { shareImageTree } from "../src/render/share-image.ts";
import { makeSite, posting, readPage, runCli, SITE_YAML } from "./helpers.ts";

// Every role's share image: a 1200×630 PNG drawn at build time from what the
// role and the company show, named in its page's Open Graph and X tags, and
// kept in .openings-cache/ so an unchanged image is never drawn again.

const LOGO_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="12" fill="#1b6b47"/></svg>\n';
const role = (title: string, extra = "") => posting(`title: ${title}\nteam: Workshop\nlocation: Leeds, UK\n${extra}`);

function build(site: string, ...flags: string[]) {
  const result = runCli(["build", "--site", site, "--no-search", ...flags]);
  assert.equal(result.code, 0, result.stderr);
  const drawn = /Share images: (\d+) drawn, (\d+) unchanged/.exec(result.stdout);
  return { out: join(site, "_site"), drawn: Number(drawn?.[1] ?? 0), reused: Number(drawn?.[2] ?? 0), stdout: result.stdout };
}

/** A PNG's size and format, from its signature and IHDR chunk. */
function pngHeader(file: string) {
  const bytes = readFileSync(file);
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], `${file} is a PNG`);
  assert.equal(bytes.subarray(12, 16).toString("latin1"), "IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), bytes };
}

const meta = (out: string, path: string, name: string) =>
  readPage(out, path).querySelector(`meta[property="${name}"], meta[name="${name}"]`)?.getAttribute("content");

describe("share images", () => {
  it("gives every role a 1200×630 PNG, named in its page's og: and twitter: tags", () => {
    const site = makeSite({
      "site.yaml": `${SITE_YAML}path_prefix: /careers/\nlogo: logo.svg\naccent_color: "#1b6b47"\n`,
      "logo.svg": LOGO_SVG,
      "jobs/welder.md": role("Welder"),
      "jobs/old.md": role("Old role", "closed: true"),
    });
    const { out, drawn, reused } = build(site);
    assert.deepEqual([drawn, reused], [2, 0]);
    for (const name of ["welder", "old"]) {
      const { width, height } = pngHeader(join(out, `assets/share/jobs/${name}.png`));
      assert.deepEqual([width, height], [1200, 630]);
    }
    const image = meta(out, "/jobs/welder/", "og:image") ?? "";
    assert.match(image, /^https:\/\/jobs\.example\.com\/careers\/assets\/share\/jobs\/welder\.png\?v=[0-9a-f]{12}$/);
    assert.equal(meta(out, "/jobs/welder/", "og:image:width"), "1200");
    assert.equal(meta(out, "/jobs/welder/", "og:image:height"), "630");
    assert.equal(meta(out, "/jobs/welder/", "og:image:alt"), "Welder — Workshop · Leeds, UK — Example Co");
    assert.equal(meta(out, "/jobs/welder/", "twitter:card"), "summary_large_image");
    // The index has no picture of its own: a plain card.
    assert.equal(meta(out, "/jobs/", "og:image"), undefined);
    assert.equal(meta(out, "/jobs/", "twitter:card"), "summary");
  });

  it("draws an unchanged image only once: the next build copies it from the cache, byte for byte", () => {
    const site = makeSite({ "jobs/welder.md": role("Welder"), "jobs/fitter.md": role("Fitter") });
    const first = build(site);
    assert.deepEqual([first.drawn, first.reused], [2, 0]);
    const welder = pngHeader(join(first.out, "assets/share/jobs/welder.png")).bytes;
    const cacheDir = join(site, ".openings-cache/share-images");
    const cached = readdirSync(cacheDir).map((name) => [name, statSync(join(cacheDir, name)).mtimeMs]);
    assert.equal(cached.length, 2);
    const versionBefore = meta(first.out, "/jobs/fitter/", "og:image");

    const second = build(site);
    assert.deepEqual([second.drawn, second.reused], [0, 2]);
    assert.deepEqual(readFileSync(join(second.out, "assets/share/jobs/welder.png")), welder);
    assert.deepEqual(
      readdirSync(cacheDir).map((name) => [name, statSync(join(cacheDir, name)).mtimeMs]),
      cached,
      "the cached images were not written again",
    );

    // A new title is a new picture, under a new version; the other role's stays as it was.
    writeFileSync(join(site, "jobs/fitter.md"), role("Senior fitter"));
    const third = build(site);
    assert.deepEqual([third.drawn, third.reused], [1, 1]);
    assert.notEqual(meta(third.out, "/jobs/fitter/", "og:image"), versionBefore);
    assert.deepEqual(readFileSync(join(third.out, "assets/share/jobs/welder.png")), welder);
  });

  it("draws the same images on a worker thread as on the main thread", () => {
    const files = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`jobs/role-${i}.md`, role(`Role ${i}`)]));
    const threads = ([{}, { OPENINGS_WORKERS: "0" }] as Record<string, string>[]).map((env) => {
      const site = makeSite(files);
      const result = runCli(["build", "--site", site, "--no-search"], env);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /Share images: 30 drawn/);
      return join(site, "_site/assets/share/jobs");
    });
    const [worker, main] = threads as [string, string];
    for (const name of readdirSync(main)) assert.deepEqual(readFileSync(join(worker, name)), readFileSync(join(main, name)), name);
    assert.equal(readdirSync(worker).length, 30);
  });

  it("are left out with --no-share-images or `share_images: false`, tags and all", () => {
    for (const [siteYaml, flags] of [
      [SITE_YAML, ["--no-share-images"]],
      [`${SITE_YAML}share_images: false\n`, []],
    ] as const) {
      const site = makeSite({ "site.yaml": siteYaml, "jobs/welder.md": role("Welder") });
      const { out, stdout } = build(site, ...flags);
      assert.doesNotMatch(stdout, /Share images/);
      assert.deepEqual(readdirSync(join(out, "assets")).includes("share"), false);
      assert.equal(meta(out, "/jobs/welder/", "og:image"), undefined);
      assert.equal(meta(out, "/jobs/welder/", "twitter:card"), "summary");
    }
  });

  it("refuses, at the permalink, a page address too long to name its image after", async () => {
    const long = `/jobs/${Array.from({ length: 5 }, () => "a".repeat(100)).join("/")}/`;
    const { problems } = await loadSite({
      siteDir: makeSite({ "jobs/a.md": role("A", `permalink: ${long}`) }),
      includeDrafts: false,
      workers: 0,
    });
    const shown = problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.code}: ${p.message} (${p.hint})`);
    assert.equal(shown.length, 1, shown.join("\n"));
    assert.match(
      shown[0] ?? "",
      /^jobs\/a\.md:5:12: bad-address: the share image address `\/assets\/share\/jobs\/a+.*` is not usable: expected a path of at most 512 bytes .*\(set a shorter `permalink`\)$/,
    );
  });
});

describe("a share image's text", () => {
  const brand = shareBrand({ name: "Fernhill Robotics", url: "https://careers.example.com" } as Parameters<typeof shareBrand>[0], "#1b6b47", undefined);
  /** The text the image shows, in reading order. */
  const shown = (title: string, details = "Engineering · Leeds, UK") => {
    const texts: string[] = [];
    const walk = (node: unknown): void => {
      if (typeof node === "string") texts.push(node);
      else if (node && typeof node === "object" && "props" in node) {
        const { children } = (node as { props: { children?: unknown } }).props;
        for (const child of Array.isArray(children) ? children : [children]) walk(child);
      }
    };
    walk(shareImageTree(shareCard({ title, team: undefined, locationLabel: details }, brand), undefined));
    return texts.join("|");
  };

  it("sets every script Inter draws, each run in the part of the font that has it", () => {
    assert.equal(shown("Inżynier serwisu, Łódź"), "F|Fernhill Robotics|In|ż|ynier serwisu, |Ł|ód|ź|Engineering · Leeds, UK|careers.example.com");
    assert.match(shown("Инженер-робототехник"), /\|Инженер\|-\|робототехник\|/);
  });

  it("leaves out what the font cannot draw: the company's name stands in for a title in another script, and emoji are dropped", () => {
    assert.equal(shown("ロボットエンジニア"), "F|Fernhill Robotics|Engineering · Leeds, UK|careers.example.com");
    assert.equal(shown("Welder 🔧"), "F|Fernhill Robotics|Welder |Engineering · Leeds, UK|careers.example.com");
  });
});
