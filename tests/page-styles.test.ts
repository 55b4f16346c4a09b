import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import { minifyCss, pageStyles } from "../src/render/page-styles.ts";
import { browserSkip, launchBrowser } from "./browser-helpers.ts";
import { PROJECT_ROOT } from "./helpers.ts";

// Every page inlines layouts/style.css, minified (render/page-styles.ts). The
// minified copy must mean exactly what the file says: Chromium's own CSS
// parser reads both, and every rule must come out the same.

const SOURCE = readFileSync(join(PROJECT_ROOT, "layouts", "style.css"), "utf8");

describe("the inlined style sheet", () => {
  it("is smaller than the file, with no comment left", () => {
    assert.ok(pageStyles().length < SOURCE.length * 0.85, `${pageStyles().length} of ${SOURCE.length} characters`);
    assert.doesNotMatch(pageStyles(), /\/\*/);
  });

  it("keeps what quoted strings hold, spaces and all", () => {
    assert.equal(minifyCss(`a { content: "a  /* b */  c" ; }`), `a{content: "a  /* b */  c";}`);
    assert.equal(
      minifyCss(`a::after {\n  content: 'x , y' }\n/* gone */\nb > c ,\n d { margin : 0 1px }`),
      `a::after{content: 'x , y'}b>c , d{margin : 0 1px}`,
    );
  });

  it("keeps the space that separates a descendant selector", () => {
    assert.equal(minifyCss(".a  .b :hover {}"), ".a .b :hover{}");
  });

  describe("read by Chromium", { skip: browserSkip() }, () => {
    let browser: Browser;
    before(async () => {
      browser = await launchBrowser();
    });
    after(() => browser?.close());

    it("has the same rules as layouts/style.css", async () => {
      const page = await browser.newPage();
      const rules = (css: string) =>
        page.evaluate((text) => {
          const sheet = new CSSStyleSheet();
          sheet.replaceSync(text);
          return [...sheet.cssRules].map((rule) => rule.cssText);
        }, css);
      const [original, minified] = [await rules(SOURCE), await rules(pageStyles())];
      assert.ok(original.length > 50, `${original.length} rules`);
      assert.deepEqual(minified, original);
    });
  });
});
