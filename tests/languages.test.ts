import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { parse } from "node-html-parser";
import type { Browser, Page } from "playwright-core";
import { browserSkip, eventually, launchBrowser, type StaticServer, serveStatic, withPage as withBrowserPage } from "./browser-helpers.ts";
import { buildSite, makeSite, posting, readPage, runCli, text } from "./helpers.ts";

// A site in German with a French translation of one role and an English one
// of another, built for real: every label, amount and date in the page's own
// language; translations linked by hreflang, a switcher and the sitemap; the
// index listing each role once.

const GERMAN_SITE = "name: Beispiel GmbH\nurl: https://jobs.example.de\napply: jobs@example.de\nlanguage: de\n";

/** A role page's facts, label → value. */
function facts(out: string, path: string): Record<string, string> {
  const page = readPage(out, path);
  return Object.fromEntries(page.querySelectorAll(".facts div").map((d) => [text(d.querySelector("dt")), text(d.querySelector("dd"))]));
}

describe("a site in German, with translations", () => {
  const out = buildSite(
    makeSite({
      "site.yaml": GERMAN_SITE,
      "jobs/datenanalyst.md": posting(
        "title: Datenanalyst\nteam: Daten\nlocation: ['Berlin, Deutschland', 'London, UK']\nremote: [Europa]\nemployment_type: full-time\ndate_posted: 2026-03-05\nvalid_through: 2099-01-31\nsalary: { min: 72000, max: 92000, currency: GBP, per: YEAR }\napply: https://apply.example.de/1",
        "Wir suchen Verstärkung.",
      ),
      "jobs/analyste-donnees.md": posting(
        "title: Analyste de données\nlanguage: fr\ntranslation_of: datenanalyst\nteam: Daten\nlocation: Paris, France\nemployment_type: [full-time, intern]\ndate_posted: 2026-03-05\nvalid_through: 2099-01-31\nsalary: { min: 4000, currency: EUR, per: MONTH }",
        "Nous recrutons.",
      ),
      "jobs/data-analyst.md": posting(
        "title: Data analyst\nlanguage: en-GB\ntranslation_of: datenanalyst\nteam: Daten\nlocation: London, UK\ndate_posted: 2026-03-05\nsalary: { max: 90000, currency: GBP, per: YEAR }",
        "We are hiring.",
      ),
      "jobs/designerin.md": posting(
        "title: Designerin\nteam: Design\nlocation: 'Wien, Österreich'\nlanguage: de-AT\ndate_posted: 2026-01-02\nsalary: { min: 50000, currency: EUR, per: YEAR }",
      ),
      "jobs/alt.md": posting("title: Alte Stelle\nteam: Design\nlocation: 'Berlin, Deutschland'\nclosed: true\nredirect_from: /karriere/alt/"),
    }),
  );

  it("writes a German role page in German: labels, amounts and dates", () => {
    const page = readPage(out, "/jobs/datenanalyst/");
    assert.equal(page.querySelector("html")?.getAttribute("lang"), "de");
    assert.deepEqual(facts(out, "/jobs/datenanalyst/"), {
      Team: "Daten",
      Standort: "Berlin, Deutschland oder London, UK oder Remote (Europa)",
      Anstellungsart: "Vollzeit",
      Gehalt: "72.000–92.000 £ pro Jahr",
      Veröffentlicht: "5. März 2026",
      Bewerbungsschluss: "31. Januar 2099",
    });
    assert.equal(text(page.querySelector("a.apply")), "Jetzt bewerben");
    assert.equal(text(page.querySelector(".back a")), "← Alle offenen Stellen");
    assert.doesNotMatch(text(page.querySelector("main")), /\b(Apply|Posted|Salary|a year)\b/);
  });

  it("writes a posting's page in its own language, not the site's", () => {
    const page = readPage(out, "/jobs/analyste-donnees/");
    assert.equal(page.querySelector("html")?.getAttribute("lang"), "fr");
    assert.deepEqual(facts(out, "/jobs/analyste-donnees/"), {
      Équipe: "Daten",
      Lieu: "Paris, France",
      "Type de contrat": "Temps plein, Stage",
      Salaire: "à partir de 4 000 € par mois", // text() writes every space as " "
      "Publiée le": "5 mars 2026",
      "Candidatures jusqu’au": "31 janvier 2099",
    });
    // An e-mail application in French: the button, the address beside it, and the subject of the message it opens.
    const apply = page.querySelector("a.apply");
    assert.equal(text(apply), "Postuler par e-mail");
    assert.equal(text(page.querySelector(".apply-action span")), "à jobs@example.de");
    assert.equal(apply?.getAttribute("href"), "mailto:jobs@example.de?subject=Candidature%C2%A0%3A%20Analyste%20de%20donn%C3%A9es");
    assert.equal(text(page.querySelector(".back a")), "← Toutes les offres");
  });

  it("keeps a region for Intl while reading its base language's words", () => {
    assert.equal(readPage(out, "/jobs/designerin/").querySelector("html")?.getAttribute("lang"), "de-AT");
    assert.deepEqual(facts(out, "/jobs/designerin/"), {
      Team: "Design",
      Standort: "Wien, Österreich",
      Gehalt: "ab € 50.000 pro Jahr",
      Veröffentlicht: "2. Jänner 2026",
    });
    assert.deepEqual(facts(out, "/jobs/data-analyst/"), { Team: "Daten", Location: "London, UK", Salary: "up to £90,000 a year", Posted: "5 March 2026" });
  });

  it("links each translation to the others: hreflang with full addresses, x-default, and a visible switcher", () => {
    const expected = [
      ["de", "https://jobs.example.de/jobs/datenanalyst/"],
      ["en-GB", "https://jobs.example.de/jobs/data-analyst/"],
      ["fr", "https://jobs.example.de/jobs/analyste-donnees/"],
      ["x-default", "https://jobs.example.de/jobs/datenanalyst/"],
    ];
    for (const path of ["/jobs/datenanalyst/", "/jobs/analyste-donnees/", "/jobs/data-analyst/"]) {
      const page = readPage(out, path);
      const alternates = page.querySelectorAll("head link[rel=alternate][hreflang]").map((link) => [link.getAttribute("hreflang"), link.getAttribute("href")]);
      assert.deepEqual(alternates, expected, path);
      const switcher = page.querySelectorAll("nav.languages a");
      assert.deepEqual(
        switcher.map((a) => [text(a), a.getAttribute("href"), a.getAttribute("lang")]),
        [
          ["Deutsch", "/jobs/datenanalyst/", "de"],
          ["English", "/jobs/data-analyst/", "en-GB"],
          ["Français", "/jobs/analyste-donnees/", "fr"],
        ],
      );
      assert.deepEqual(
        switcher.filter((a) => a.getAttribute("aria-current") === "page").map((a) => a.getAttribute("href")),
        [path],
      );
    }
    assert.equal(readPage(out, "/jobs/designerin/").querySelectorAll("link[hreflang], nav.languages").length, 0);
  });

  it("lists one version of a translated role on the index, the one in the site's language", () => {
    const index = readPage(out, "/jobs/");
    assert.equal(index.querySelector("html")?.getAttribute("lang"), "de");
    assert.deepEqual(
      index
        .querySelectorAll(".role-card a.role-title, .role-card > a")
        .map((a) => text(a))
        .sort(),
      ["Datenanalyst", "Designerin"],
    );
    assert.equal(text(index.querySelector("#open-roles")), "2 offene Stellen");
    const feed = JSON.parse(readFileSync(join(out, "feed.json"), "utf8")) as { title: string; items: { title: string; language?: string }[] };
    assert.equal(feed.title, "Jobs bei Beispiel GmbH");
    assert.deepEqual(feed.items.map((item) => [item.title, item.language]).sort(), [
      ["Datenanalyst", undefined],
      ["Designerin", "de-AT"],
    ]);
  });

  it("gives the sitemap every version, each with its alternates", () => {
    const sitemap = parse(readFileSync(join(out, "sitemap.xml"), "utf8"), { lowerCaseTagName: false });
    const urls = sitemap.querySelectorAll("url").map((url) => ({
      loc: text(url.querySelector("loc")),
      alternates: url.querySelectorAll("xhtml\\:link").map((link) => `${link.getAttribute("hreflang")} ${link.getAttribute("href")}`),
    }));
    const french = urls.find((url) => url.loc.endsWith("/analyste-donnees/"));
    assert.deepEqual(french?.alternates, [
      "de https://jobs.example.de/jobs/datenanalyst/",
      "en-GB https://jobs.example.de/jobs/data-analyst/",
      "fr https://jobs.example.de/jobs/analyste-donnees/",
      "x-default https://jobs.example.de/jobs/datenanalyst/",
    ]);
    assert.deepEqual(urls.find((url) => url.loc.endsWith("/designerin/"))?.alternates, []);
    assert.match(readFileSync(join(out, "sitemap.xml"), "utf8"), /xmlns:xhtml="http:\/\/www\.w3\.org\/1999\/xhtml"/);
  });

  it("writes the pages around the roles in the site's language", () => {
    const missing = readPage(out, "/404.html");
    assert.equal(missing.querySelector("html")?.getAttribute("lang"), "de");
    assert.equal(text(missing.querySelector("h1")), "Seite nicht gefunden");
    assert.equal(text(missing.querySelector("main a")), "Alle offenen Stellen bei Beispiel GmbH");
    const moved = readPage(out, "/karriere/alt/");
    assert.equal(text(moved.querySelector("title")), "Diese Seite ist umgezogen · Beispiel GmbH");
    const closed = readPage(out, "/jobs/alt/");
    assert.match(text(closed.querySelector(".notice")), /^Diese Stelle ist nicht mehr ausgeschrieben\. Bewerbungen sind nicht mehr möglich\./);
    assert.equal(text(closed.querySelector(".other-roles h2")), "Offene Stellen im Team Design");
  });
});

describe("a site in French", () => {
  const out = buildSite(
    makeSite({
      "site.yaml": "name: Exemple SA\nurl: https://emplois.example.fr\napply: https://apply.example.fr\nlanguage: fr\n",
      "jobs/developpeuse.md": posting(
        "title: Développeuse back-end\nteam: Produit\nlocation: 'Lyon, France'\nemployment_type: part-time\ndate_posted: 2026-07-14\nsalary: { min: 45000, max: 55000, currency: EUR, per: YEAR }",
      ),
    }),
  );

  it("writes the index and the role page in French", () => {
    const index = readPage(out, "/jobs/");
    assert.equal(index.querySelector("html")?.getAttribute("lang"), "fr");
    assert.equal(text(index.querySelector("#open-roles")), "1 poste à pourvoir");
    const page = readPage(out, "/jobs/developpeuse/");
    assert.equal(text(page.querySelector("a.apply")), "Postuler à cette offre");
    assert.deepEqual(facts(out, "/jobs/developpeuse/"), {
      Équipe: "Produit",
      Lieu: "Lyon, France",
      "Type de contrat": "Temps partiel",
      Salaire: "45 000–55 000 € par an",
      "Publiée le": "14 juillet 2026",
    });
  });
});

describe("checking translations", () => {
  const files = {
    "site.yaml": GERMAN_SITE,
    "jobs/original.md": posting("title: Original\nlocation: 'Berlin, Deutschland'"),
    "jobs/englisch.md": posting("title: English\nlocation: 'Berlin, Germany'\nlanguage: en\ntranslation_of: original"),
    "jobs/tippfehler.md": posting("title: Typo\nlocation: 'Berlin, Germany'\nlanguage: es\ntranslation_of: orginal"),
    "jobs/nichts.md": posting("title: Nothing\nlocation: 'Berlin, Germany'\nlanguage: it\ntranslation_of: no-such-role"),
    "jobs/selbst.md": posting("title: Itself\nlocation: 'Berlin, Germany'\nlanguage: nl\ntranslation_of: selbst"),
    "jobs/kette.md": posting("title: Chain\nlocation: 'Berlin, Germany'\nlanguage: pl\ntranslation_of: englisch"),
    "jobs/doppelt.md": posting("title: Again\nlocation: 'Berlin, Germany'\nlanguage: EN\ntranslation_of: original.md"),
    "jobs/ohne-sprache.md": posting("title: Same language\nlocation: 'Berlin, Deutschland'\ntranslation_of: jobs/original.md"),
    "jobs/kaputt.md": posting("title: [Broken\nlocation: 'Berlin, Deutschland'"),
    "jobs/zu-kaputt.md": posting("title: Translation of a broken posting\nlanguage: fr\nlocation: 'Berlin, Germany'\ntranslation_of: kaputt"),
    "jobs/schwedisch.md": posting("title: Svenska\nlocation: 'Berlin, Germany'\nlanguage: sv"),
  };

  it("says what is wrong with each translation, where it is written", () => {
    const { code, stdout, stderr } = runCli(["check", "--site", makeSite(files)]);
    assert.equal(code, 1);
    const lines = `${stderr}${stdout}`.split("\n").filter((line) => /translation|language|interface text/.test(line) && !line.startsWith("jobs/kaputt.md"));
    assert.deepEqual(lines, [
      // The first in file order keeps the language: jobs/doppelt.md (written `EN`) before jobs/englisch.md.
      "jobs/englisch.md:4:11: error: this role already has a version in English (`en`): jobs/doppelt.md (each language has one version of a role: check `language` here and in jobs/doppelt.md)",
      "jobs/kette.md:5:17: error: jobs/englisch.md is itself a translation (of `original`), so this would be a translation of a translation (write `translation_of: original`: every translation names the same original)",
      "jobs/nichts.md:5:17: error: `translation_of: no-such-role` names no posting in jobs/ (write the file name of the posting this one translates, without `.md`, like `data-engineer`)",
      "jobs/ohne-sprache.md:4:17: error: this role already has a version in German (`de`): jobs/original.md (this posting has no `language`, so it is in the site's (`de`): add `language: …` with the language it is written in)",
      'jobs/schwedisch.md:4:11: warning: Openings has no interface text in Swedish (`sv`), so labels like "Apply for this role" show in English; dates and amounts are still written the Swedish way (write them under `messages:` → `sv:` in site.yaml, as docs/posting-a-job.md#languages shows, or use one of en, de, fr, es, pt, nl, it, pl)',
      "jobs/selbst.md:5:17: error: `translation_of` names this posting itself (name the posting this one translates, or remove the line)",
      "jobs/tippfehler.md:5:17: error: `translation_of: orginal` names no posting in jobs/ (did you mean `original`?)",
    ]);
  });
});

describe("a site's own wording", () => {
  it("replaces Openings' message with the site's, in that language only", () => {
    const out = buildSite(
      makeSite({
        "site.yaml": `${GERMAN_SITE}messages:\n  de:\n    apply_web: Jetzt durchstarten\n    open_roles: { one: 'Eine offene Stelle', other: '{count} offene Stellen' }\n`,
        "jobs/rolle.md": posting("title: Rolle\nlocation: 'Berlin, Deutschland'\napply: https://apply.example.de"),
        "jobs/role.md": posting("title: Role\nlocation: 'Berlin, Germany'\nlanguage: en\napply: https://apply.example.de"),
      }),
    );
    assert.equal(text(readPage(out, "/jobs/rolle/").querySelector("a.apply")), "Jetzt durchstarten");
    assert.equal(text(readPage(out, "/jobs/role/").querySelector("a.apply")), "Apply for this role");
    assert.equal(text(readPage(out, "/jobs/").querySelector("#open-roles")), "2 offene Stellen");
  });
});

describe("in a browser: a Polish index, and a switch of language", { skip: browserSkip() }, () => {
  let browser: Browser;
  let server: StaticServer;
  const posted = new Date(Date.now() - 3 * 24 * 60 * 60 * 1000);
  const threeDaysAgo = `${posted.getFullYear()}-${String(posted.getMonth() + 1).padStart(2, "0")}-${String(posted.getDate()).padStart(2, "0")}`;

  before(async () => {
    const role = (title: string, team: string, more = "") =>
      posting(`title: ${title}\nteam: ${team}\nlocation: 'Kraków, Polska'\ndate_posted: ${threeDaysAgo}${more}`, "Opis stanowiska.");
    const out = buildSite(
      makeSite({
        "site.yaml": "name: Przykład\nurl: https://praca.example.pl\napply: https://apply.example.pl\nlanguage: pl\n",
        "jobs/a.md": role("Analityk", "Dane"),
        "jobs/b.md": role("Badacz", "Dane"),
        ...Object.fromEntries(["c", "d", "e", "f", "g"].map((name) => [`jobs/${name}.md`, role(`Inżynier ${name.toUpperCase()}`, "Produkt")])),
        "jobs/h.md": role("Konstrukteurin", "Sprzęt", "\nlanguage: de"),
        "jobs/h-fr.md": role("Conceptrice", "Sprzęt", "\nlanguage: fr\ntranslation_of: h"),
      }),
    );
    [browser, server] = await Promise.all([launchBrowser(), serveStatic(out)]);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const withPage = (use: (page: Page) => Promise<void>) => withBrowserPage(browser, { viewport: { width: 1366, height: 900 } }, use);

  const heading = (page: Page) => page.locator("#open-roles").textContent();

  it("counts the roles a filter leaves in the plural form Polish uses for the number", async () => {
    await withPage(async (page) => {
      await page.goto(`${server.origin}/jobs/`);
      assert.equal(await heading(page), "8 otwartych ofert");
      const toggle = page.locator(".finder-toggle");
      if ((await toggle.isVisible()) && (await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
      const teams: [string, string][] = [
        ["dane", "2 otwarte oferty"],
        ["produkt", "5 otwartych ofert"],
        ["sprzet", "1 otwarta oferta"],
      ];
      for (const [team, expected] of teams) {
        await page.locator('select[name="team"]').selectOption(team);
        assert.equal(
          await eventually(
            () => heading(page),
            (value) => value === expected,
          ),
          expected,
          team,
        );
      }
    });
  });

  it("says when a role was posted in the card's own language", async () => {
    await withPage(async (page) => {
      await page.goto(`${server.origin}/jobs/`);
      const polish = page.locator(".role-card", { hasText: "Analityk" }).locator(".role-posted");
      const german = page.locator(".role-card", { hasText: "Konstrukteurin" }).locator(".role-posted");
      const ago = (language: string) => new Intl.RelativeTimeFormat(language, { numeric: "auto" }).format(-3, "day");
      assert.equal(
        await eventually(
          () => polish.textContent(),
          (value) => value === `Opublikowano: ${ago("pl")}`,
        ),
        `Opublikowano: ${ago("pl")}`,
      );
      assert.equal(await german.textContent(), `Veröffentlicht: ${ago("de")}`);
    });
  });

  it("goes from a role to its translation through the language switcher", async () => {
    await withPage(async (page) => {
      await page.goto(`${server.origin}/jobs/h/`);
      assert.equal(await page.locator("html").getAttribute("lang"), "de");
      await page.locator("nav.languages").getByRole("link", { name: "Français" }).click();
      await page.waitForURL(`${server.origin}/jobs/h-fr/`);
      assert.equal(await page.locator("html").getAttribute("lang"), "fr");
      assert.equal(await page.locator("a.apply").first().textContent(), "Postuler à cette offre");
      assert.equal(await page.locator('nav.languages [aria-current="page"]').textContent(), "Français");
    });
  });
});
