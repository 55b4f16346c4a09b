import assert from "node:assert/strict";
import { readFileSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { logoUrl } from "../src/derive/site-url.ts";
import { loadSite } from "../src/pipeline/load-site.ts";
import { buildSite, makeSite, posting, SITE_YAML } from "./helpers.ts";

// site.yaml's `logo`: read and checked like every input from the site folder,
// published as a planned file, and offered as a full address for JSON-LD.

const LOGO_SVG =
  '<?xml version="1.0"?>\n<!-- drawn by hand -->\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>\n';
const PNG_START = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const ROLE = posting("title: Welder\nlocation: Leeds, UK");

async function shown(files: Record<string, string | Buffer>, siteDir = makeSite(files)): Promise<string[]> {
  const { problems } = await loadSite({ siteDir, includeDrafts: false, today: "2026-06-01", workers: 0 });
  return problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.severity} ${p.code}: ${p.message}${p.hint ? ` (${p.hint})` : ""}`);
}
const withLogo = (value: string) => `${SITE_YAML}logo: ${value}\n`;

describe("the logo", () => {
  it("is copied to /assets/ as the site plan says, and given as a full address", async () => {
    const site = makeSite({ "site.yaml": `${withLogo("/brand/Logo.SVG")}path_prefix: /careers/\n`, "brand/Logo.SVG": LOGO_SVG, "jobs/welder.md": ROLE });
    const { site: loaded, problems } = await loadSite({ siteDir: site, includeDrafts: false, today: "2026-06-01", workers: 0 });
    assert.deepEqual(problems, []);
    assert.ok(loaded);
    assert.ok(loaded.plan.files.some((file) => file.path === "assets/logo.svg" && file.what === "the logo"));
    assert.equal(logoUrl(loaded.config), "https://jobs.example.com/careers/assets/logo.svg");
    const out = buildSite(site);
    assert.equal(readFileSync(join(out, "assets/logo.svg"), "utf8"), LOGO_SVG);
  });

  it("on the web is used as it is, https only", async () => {
    const { site } = await loadSite({
      siteDir: makeSite({ "site.yaml": withLogo("https://cdn.example.com/logo.png"), "jobs/welder.md": ROLE }),
      includeDrafts: false,
      today: "2026-06-01",
      workers: 0,
    });
    assert.ok(site);
    assert.equal(logoUrl(site.config), "https://cdn.example.com/logo.png");
    assert.ok(!site.plan.files.some((file) => file.what === "the logo"));
    assert.deepEqual(await shown({ "site.yaml": withLogo("http://cdn.example.com/logo.png") }), [
      'site.yaml:4:7: error bad-logo: logo: expected an https address, found `"http://cdn.example.com/logo.png"` (use the https:// address of the image)',
    ]);
  });

  it("that is missing, a folder, of the wrong type, too large or outside the site is an error at its line", async () => {
    const cases: [Record<string, string | Buffer>, string][] = [
      [{ "site.yaml": withLogo("brand/logo.svg") }, "there is no file `brand/logo.svg` in the site folder (check the spelling, or copy the logo there)"],
      [
        { "site.yaml": withLogo("brand.svg"), "brand.svg/x": "" },
        "`brand.svg` is a folder, not an image file (name the image file itself, like brand/logo.svg)",
      ],
      [
        { "site.yaml": withLogo("logo.png"), "logo.png": LOGO_SVG },
        "`logo.png` is named as a PNG file but holds an SVG image (rename it to end in .svg, or export it again as PNG)",
      ],
      [
        { "site.yaml": withLogo("logo.svg"), "logo.svg": PNG_START },
        "`logo.svg` is named as an SVG file but holds a PNG image (rename it to end in .png, or export it again as SVG)",
      ],
      [
        { "site.yaml": withLogo("logo.jpg"), "logo.jpg": "hello" },
        "`logo.jpg` is named as a JPEG file but is not an SVG, PNG, WebP or JPEG image (export the logo again as SVG or PNG)",
      ],
      [
        { "site.yaml": withLogo("logo.png"), "logo.png": Buffer.concat([PNG_START, Buffer.alloc(1024 * 1024)]) },
        "`logo.png` is 1,025 KB, more than a logo needs (at most 1,024 KB) (export it smaller: an SVG, or a PNG about 512 pixels wide)",
      ],
      [
        { "site.yaml": withLogo("logo.gif") },
        'expected an SVG, PNG, WebP or JPEG file (.svg, .png, .webp, .jpg), found `"logo.gif"` (export the logo as SVG (best) or PNG)',
      ],
      [
        { "site.yaml": withLogo("../logo.svg") },
        'expected a file inside the site folder, found `"../logo.svg"` (copy the logo into the site folder, for example as brand/logo.svg)',
      ],
    ];
    for (const [files, message] of cases) {
      assert.deepEqual(await shown(files), [`site.yaml:4:7: error bad-logo: logo: ${message}`]);
    }
  });

  it("reached through a link out of the site folder is refused", async () => {
    const outside = makeSite({ "logo.svg": LOGO_SVG });
    const site = makeSite({ "site.yaml": withLogo("logo.svg") });
    symlinkSync(join(outside, "logo.svg"), join(site, "logo.svg"));
    assert.ok(!site.startsWith(outside) && site.startsWith(tmpdir()));
    assert.deepEqual(await shown({}, site), [
      "site.yaml:4:7: error bad-logo: logo: `logo.svg` is a link to a file outside the site folder (copy the logo into the site folder instead of linking to it)",
    ]);
  });
});
