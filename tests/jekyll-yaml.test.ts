import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { loadSite } from "../src/pipeline/load-site.ts";
import { makeSite, posting, runCli } from "./helpers.ts";

// YAML as people wrote it for Jekyll: its YAML 1.1 reads yes/no/on/off as
// booleans, in any case. Openings reads them so for the keys that take
// `true`/`false` (`remote: no` is not remote), and says which word to write.
// Elsewhere they stay text: `location: NO` is Norway.

const JEKYLL = {
  "jobs/welder.md": posting("title: Welder\nlocation: Porto, Portugal\nremote: no\nclosed: Off\n"),
  "jobs/fitter.md": posting("title: Fitter\nlocation: NO\nremote: Yes\n"),
  "jobs/painter.md": posting("title: Painter\nlocation: Braga, Portugal\ndraft: YES\n"),
  "jobs/rigger.md": posting("title: Rigger\nlocation: Faro, Portugal\npublished: no\n"),
  "jobs/driver.md": posting("title: Driver\nlocation: Lisbon, Portugal\nclosed: on\nremote: 'off'\n"),
};

describe("Jekyll-era yes/no/on/off", () => {
  it("reads them as booleans with a warning at the value that names the word to write", () => {
    const { code, stderr } = runCli(["check", "--site", makeSite(JEKYLL)]);
    assert.equal(code, 0, stderr);
    assert.deepEqual(
      stderr.split("\n").filter((line) => line.includes("yaml-boolean-word") || /is read as `(true|false)`/.test(line)),
      [
        "jobs/driver.md:4:9: warning: closed: `on` is read as `true` (write `closed: true`: YAML reads `on` as text, and only Jekyll's older YAML reads it as `true`)",
        "jobs/driver.md:5:9: warning: remote: `off` is read as `false` (write `remote: false`: YAML reads `off` as text, and only Jekyll's older YAML reads it as `false`)",
        "jobs/fitter.md:4:9: warning: remote: `Yes` is read as `true` (write `remote: true`: YAML reads `Yes` as text, and only Jekyll's older YAML reads it as `true`)",
        "jobs/painter.md:4:8: warning: draft: `YES` is read as `true` (write `draft: true`: YAML reads `YES` as text, and only Jekyll's older YAML reads it as `true`)",
        "jobs/rigger.md:4:12: warning: published: `no` is read as `false` (write `published: false`: YAML reads `no` as text, and only Jekyll's older YAML reads it as `false`)",
        "jobs/welder.md:4:9: warning: remote: `no` is read as `false` (write `remote: false`: YAML reads `no` as text, and only Jekyll's older YAML reads it as `false`)",
        "jobs/welder.md:5:9: warning: closed: `Off` is read as `false` (write `closed: false`: YAML reads `Off` as text, and only Jekyll's older YAML reads it as `false`)",
      ],
    );
  });

  it("builds what they mean: `remote: no` is not remote, `draft: YES` and `published: no` are drafts", async () => {
    const { site, problems } = await loadSite({ siteDir: makeSite(JEKYLL), includeDrafts: false, today: "2026-06-01", workers: 0 });
    assert.ok(site, JSON.stringify(problems));
    const role = (title: string) => site.roles.find((r) => r.title === title);
    assert.equal(role("Welder")?.remote, undefined);
    assert.equal(role("Welder")?.locationLabel, "Porto, Portugal");
    assert.equal(role("Welder")?.closed, false);
    assert.deepEqual(role("Fitter")?.remote, { regions: [] });
    assert.equal(role("Driver")?.closed, true);
    assert.equal(role("Driver")?.remote, undefined);
    assert.equal(role("Painter"), undefined);
    assert.equal(role("Rigger"), undefined);
    assert.deepEqual(site.openRoles.map((r) => r.title).sort(), ["Fitter", "Welder"]);
  });

  it("keeps other words an error for those keys, and the words text elsewhere", () => {
    const { code, stderr } = runCli([
      "check",
      "--site",
      makeSite({ "jobs/welder.md": posting("title: Yes\nlocation: Porto, Portugal\nteam: On\ndraft: maybe\n") }),
    ]);
    assert.equal(code, 1);
    assert.match(stderr, /^jobs\/welder\.md:5:8: error: draft: expected `true` or `false`, found `"maybe"`$/m);
    assert.doesNotMatch(stderr, /welder\.md:[23]:\d+/, "`title: Yes` and `team: On` are text");
  });
});
