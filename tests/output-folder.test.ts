import assert from "node:assert/strict";
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statfsSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { generateSite } from "../bench/generate.ts";
import { PROJECT_ROOT, posting, runCli } from "./helpers.ts";

const PAGEFIND_DIES = join(PROJECT_ROOT, "tests/pagefind-dies.cjs");

// A build replaces its output folder as a whole, so it must never be pointed
// at the postings, and a build that is killed or fails must leave the
// previous site exactly as it was and tidy up after itself next time.
// The src/ modules are imported inside the tests that use them.

const MARKER = ".openings-build";

const sandboxes: string[] = [];
after(() => {
  for (const dir of sandboxes) {
    spawnSync("chmod", ["-R", "u+rwx", dir]);
    rmSync(dir, { recursive: true, force: true });
  }
});

function sandbox(): string {
  const dir = mkdtempSync(join(tmpdir(), "openings-out-"));
  sandboxes.push(dir);
  return dir;
}

function smallSite(dir: string, roles = 3): string {
  mkdirSync(join(dir, "jobs"), { recursive: true });
  writeFileSync(join(dir, "site.yaml"), "name: Example Co\nurl: https://jobs.example.com\napply: jobs@example.com\n");
  for (let i = 1; i <= roles; i++) {
    writeFileSync(
      join(dir, "jobs", `role-${i}.md`),
      posting(`title: Role number ${i}\nteam: Team ${i % 4}\nlocation: Leeds, UK`, `Role ${i} looks after our kilns.`),
    );
  }
  return dir;
}

/** A hash of every path and file content below `dir`: equal hashes, byte-identical trees. */
function treeHash(dir: string): string {
  const hash = createHash("sha256");
  const entries = (readdirSync(dir, { recursive: true, encoding: "utf8" }) as string[]).sort();
  for (const entry of entries) {
    const path = join(dir, entry);
    const isFile = statSync(path).isFile();
    hash.update(`${entry}\0${isFile ? "f" : "d"}\0`);
    if (isFile) hash.update(readFileSync(path));
  }
  return hash.digest("hex");
}

/** What builds leave beside (or inside) an output folder called `name`: `.<name>.building-<pid>` and the like. */
const leftovers = (folder: string, name = "_site") => (existsSync(folder) ? readdirSync(folder).filter((entry) => entry.startsWith(`.${name}.`)) : []);

/** A process id that no process has now. */
function deadPid(): number {
  const { pid } = spawnSync(process.execPath, ["-e", ""]);
  assert.ok(pid);
  return pid;
}

const noStackTrace = (stderr: string) => {
  assert.doesNotMatch(stderr, /please report|^\s+at /im);
};

describe("an output folder that holds the site is refused", () => {
  it("refuses the site folder, jobs/, a folder inside jobs/ and a folder holding the site, deleting nothing", () => {
    const root = sandbox();
    const site = smallSite(join(root, "site"));
    mkdirSync(join(site, "jobs", "archive"));
    symlinkSync(join(site, "jobs"), join(root, "link-to-jobs"));
    const before = treeHash(root);
    for (const out of [site, join(site, "jobs"), join(site, "jobs", "archive"), join(site, "jobs", "new-folder"), root, join(root, "link-to-jobs")]) {
      const { code, stderr } = runCli(["build", "--site", site, "--out", out]);
      assert.equal(code, 1, `--out ${out}: ${stderr}`);
      assert.match(stderr, new RegExp(`^The site was not built: the output folder ${out} (is|contains|lies inside) `, "m"));
      noStackTrace(stderr);
      assert.equal(treeHash(root), before, `--out ${out} changed the site`);
      assert.deepEqual(
        readdirSync(dirname(out)).filter((entry) => /\.(building|previous|failed)-\d+$/.test(entry)),
        [],
      );
    }
  });

  it("refuses the Openings project folder itself (a copy of it, so that a failure costs nothing)", () => {
    const copy = join(sandbox(), "openings");
    for (const part of ["src", "layouts", "jobs", "brand", "package.json", "site.yaml"])
      cpSync(join(PROJECT_ROOT, part), join(copy, part), { recursive: true });
    symlinkSync(join(PROJECT_ROOT, "node_modules"), join(copy, "node_modules"));
    const before = treeHash(copy);
    for (const args of [
      ["--out", copy],
      ["--site", copy, "--out", copy],
      ["--out", join(copy, "src")],
    ]) {
      const site = args.includes("--site") ? [] : ["--site", smallSite(join(sandbox(), "site"))];
      const result = spawnSync(process.execPath, ["--import", "tsx", join(copy, "src/commands/cli.ts"), "build", ...site, ...args], {
        cwd: copy,
        encoding: "utf8",
      });
      assert.equal(result.status, 1, result.stderr);
      assert.match(result.stderr, /^The site was not built: the output folder .* (is|lies inside) the Openings project/m);
      assert.equal(treeHash(copy), before);
    }
  });

  it("names every case in plain words, following symlinks first", async () => {
    const { outputFolderRefusal } = await import("../src/pipeline/output-guard.ts");
    const root = sandbox();
    const site = smallSite(join(root, "site"));
    const project = join(root, "openings");
    mkdirSync(join(project, "src"), { recursive: true });
    symlinkSync(site, join(root, "site-link"));
    const refusal = (out: string) => outputFolderRefusal(out, site, project);
    assert.match(refusal("/") ?? "", /^the output folder \/ contains the (site|Openings project) folder /);
    assert.match(
      refusal(site) ?? "",
      /is the site folder, and a build replaces its output folder as a whole: build into a folder of its own, such as .*\/site\/_site$/,
    );
    assert.match(refusal(join(root, "site-link")) ?? "", /is the site folder /);
    assert.match(refusal(join(root, "site-link", "jobs", "x")) ?? "", /lies inside the postings' folder /);
    assert.match(refusal(join(site, "layouts")) ?? "", /is the site's layouts folder/);
    assert.match(refusal(project) ?? "", /is the Openings project folder/);
    assert.match(refusal(join(project, "src", "out")) ?? "", /lies inside the Openings project's src\/ folder/);
    // Where sites are meant to be built: a folder of the site's own, or anywhere else.
    for (const allowed of [
      join(site, "_site"),
      join(root, "site-link", "_site"),
      join(site, "dist", "careers"),
      join(project, "_site"),
      join(root, "elsewhere"),
    ]) {
      assert.equal(refusal(allowed), undefined, allowed);
    }
  });
});

describe("a folder Openings did not write", () => {
  it("is not replaced without --force, and is with it", () => {
    const root = sandbox();
    const site = smallSite(join(root, "site"));
    const out = join(root, "www");
    mkdirSync(out);
    writeFileSync(join(out, "holiday-photos.txt"), "not a careers site");
    const refused = runCli(["build", "--site", site, "--out", out]);
    assert.equal(refused.code, 1);
    assert.match(
      refused.stderr,
      new RegExp(`^The site was not built: ${out} holds files that Openings did not write \\(it has no \\${MARKER} file\\).*--force`, "m"),
    );
    noStackTrace(refused.stderr);
    assert.deepEqual(readdirSync(out), ["holiday-photos.txt"]);
    assert.deepEqual(leftovers(root, "www"), []);

    const forced = runCli(["build", "--force", "--site", site, "--out", out]);
    assert.equal(forced.code, 0, forced.stderr);
    assert.equal(existsSync(join(out, "holiday-photos.txt")), false);
    assert.ok(existsSync(join(out, "jobs", "role-1", "index.html")));
    assert.ok(existsSync(join(out, MARKER)));
    // Openings wrote it now: the next build replaces it without being asked.
    assert.equal(runCli(["build", "--site", site, "--out", out]).code, 0);
  });

  it("an empty folder or a missing one is built into without --force", () => {
    const root = sandbox();
    const site = smallSite(join(root, "site"));
    mkdirSync(join(root, "empty"));
    for (const out of [join(root, "empty"), join(root, "new", "deeper")]) {
      const { code, stderr } = runCli(["build", "--site", site, "--out", out]);
      assert.equal(code, 0, stderr);
      assert.ok(existsSync(join(out, MARKER)));
    }
  });

  it("refuses a file where the folder should be", () => {
    const root = sandbox();
    const site = smallSite(join(root, "site"));
    writeFileSync(join(root, "notes"), "keep me");
    const { code, stderr } = runCli(["build", "--force", "--site", site, "--out", join(root, "notes")]);
    assert.equal(code, 1);
    assert.match(stderr, /is a file, not a folder/);
    const inside = runCli(["build", "--site", site, "--out", join(root, "notes", "site")]);
    assert.equal(inside.code, 1);
    assert.match(inside.stderr, /^The site was not built: .*notes\/site cannot be a folder: part of that path is a file/m);
    noStackTrace(inside.stderr);
    assert.equal(readFileSync(join(root, "notes"), "utf8"), "keep me");
  });
});

describe("what earlier builds left behind", () => {
  it("is removed at the start of the next build, unless that build is still running", () => {
    const site = smallSite(sandbox());
    assert.equal(runCli(["build", "--site", site]).code, 0);
    const dead = deadPid();
    for (const kind of ["building", "previous", "failed"]) {
      mkdirSync(join(site, `._site.${kind}-${dead}`, "jobs", "x"), { recursive: true });
      writeFileSync(join(site, `._site.${kind}-${dead}`, "jobs", "x", "index.html"), "<p>half a page");
    }
    // A build still running (this test's own process stands in for it) keeps its folder.
    const running = `._site.building-${process.pid}`;
    mkdirSync(join(site, running, "jobs"), { recursive: true });
    const { code, stderr } = runCli(["build", "--site", site]);
    assert.equal(code, 0, stderr);
    assert.deepEqual(leftovers(site), [running]);
    assert.ok(existsSync(join(site, "_site", "jobs", "role-1", "index.html")));
  });

  it("a kill between the two renames left only the previous copy: it is put back, byte for byte", async () => {
    const { cleanUpAfterEarlierBuilds } = await import("../src/pipeline/output-folder.ts");
    const site = smallSite(sandbox());
    assert.equal(runCli(["build", "--site", site]).code, 0);
    const built = treeHash(join(site, "_site"));
    const dead = deadPid();
    renameSync(join(site, "_site"), join(site, `._site.previous-${dead}`));
    mkdirSync(join(site, `._site.building-${dead}`));
    cleanUpAfterEarlierBuilds(join(site, "_site"));
    assert.equal(treeHash(join(site, "_site")), built);
    assert.deepEqual(leftovers(site), []);
  });

  it("through the command line too: a folder put back is still what it was (here, one Openings did not write)", () => {
    const root = sandbox();
    const site = smallSite(join(root, "site"));
    const out = join(root, "www");
    // A forced build into someone's folder was killed after moving it aside.
    const previous = join(root, `.www.previous-${deadPid()}`);
    mkdirSync(previous);
    writeFileSync(join(previous, "notes.txt"), "mine");
    const { code, stderr } = runCli(["build", "--site", site, "--out", out]);
    assert.equal(code, 1, stderr);
    assert.match(stderr, /holds files that Openings did not write/);
    assert.deepEqual(readdirSync(out), ["notes.txt"]);
    assert.deepEqual(leftovers(root, "www"), []);
  });
});

describe("a build killed with SIGKILL", () => {
  it("leaves the previous site byte-identical at every kill point, and nothing behind after the next build (2,000 postings)", async (t) => {
    const site = join(sandbox(), "site");
    generateSite(site, 2000, 11);
    const out = join(site, "_site");
    assert.equal(runCli(["build", "--site", site]).code, 0);
    // What the killed builds build: some postings edited, some gone, some new.
    const jobs = readdirSync(join(site, "jobs")).filter((file) => file !== "index.md");
    for (const file of jobs.slice(0, 40))
      writeFileSync(join(site, "jobs", file), `${readFileSync(join(site, "jobs", file), "utf8")}\nWe also bake bread on Fridays.\n`);
    for (const file of jobs.slice(40, 45)) rmSync(join(site, "jobs", file));
    for (let i = 1; i <= 5; i++)
      writeFileSync(join(site, "jobs", `kiln-operator-${i}.md`), posting(`title: Kiln operator ${i}\nteam: Operations\nlocation: Stoke, UK`));
    const reference = runCli(["build", "--site", site, "--out", join(site, "_reference")]);
    assert.equal(reference.code, 0, reference.stderr);
    const next = treeHash(join(site, "_reference"));
    /** The files where `dir` and the reference build differ, to say what a mismatch is. */
    const differences = (dir: string) => {
      const files = (root: string) => (readdirSync(root, { recursive: true, encoding: "utf8" }) as string[]).filter((f) => statSync(join(root, f)).isFile());
      const mine = new Set(files(dir));
      const theirs = new Set(files(join(site, "_reference")));
      const differ = [...new Set([...mine, ...theirs])].filter(
        (f) => !mine.has(f) || !theirs.has(f) || !readFileSync(join(dir, f)).equals(readFileSync(join(site, "_reference", f))),
      );
      return `${differ.length} files differ from the reference build: ${differ.slice(0, 5).join(", ")}`;
    };

    const CLI = join(PROJECT_ROOT, "src/commands/cli.ts");
    const staging = (pid: number) => join(site, `._site.building-${pid}`);
    const entries = (dir: string) => (existsSync(dir) ? readdirSync(dir).length : 0);
    /** Starts a build and kills it (kill -9) once `reached` holds; false when the build finished first. */
    const killWhen = async (reached: (pid: number) => boolean, env: Record<string, string> = {}) => {
      const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", CLI, "build", "--site", site], {
        cwd: PROJECT_ROOT,
        stdio: "ignore",
        env: { ...process.env, ...env },
      });
      const exited = new Promise((resolve) => child.once("exit", resolve));
      let running = true;
      child.once("exit", () => {
        running = false;
      });
      const pid = child.pid as number;
      while (running) {
        if (reached(pid)) {
          child.kill("SIGKILL");
          await exited;
          return { pid, killed: true };
        }
        await sleep(1);
      }
      return { pid, killed: false };
    };

    const points: { name: string; reached: (pid: number) => boolean; workers?: string }[] = [
      { name: "its staging folder was just made", reached: (pid) => existsSync(staging(pid)) },
      { name: "300 role pages were written (on a worker thread)", reached: (pid) => entries(join(staging(pid), "jobs")) >= 300, workers: "1" },
      { name: "1,500 role pages were written (on a worker thread)", reached: (pid) => entries(join(staging(pid), "jobs")) >= 1500, workers: "1" },
      { name: "Eleventy had written the Atom feed", reached: (pid) => existsSync(join(staging(pid), "feed.xml")) },
      { name: "the search index was being written", reached: (pid) => existsSync(join(staging(pid), "pagefind")) },
    ];
    const report: string[] = [];
    let deadStaging = "";
    for (const point of points) {
      const before = treeHash(out);
      let attempt = 0;
      for (;;) {
        const { pid, killed } = await killWhen(point.reached, point.workers ? { OPENINGS_WORKERS: point.workers } : {});
        if (killed) {
          assert.equal(treeHash(out), before, `killed when ${point.name}: the previous site changed`);
          // Each build removed what the one before it left: nothing piles up.
          assert.ok(
            leftovers(site).every((entry) => entry.endsWith(`-${pid}`)),
            `killed when ${point.name}: ${leftovers(site).join(", ")}`,
          );
          deadStaging = staging(pid);
          report.push(`killed when ${point.name}: previous site intact`);
          break;
        }
        assert.ok(++attempt < 3, `the build finished three times before ${point.name}`);
      }
    }

    // Killed while the next build was deleting the last one's full staging folder.
    const full = entries(deadStaging) + entries(join(deadStaging, "jobs"));
    assert.ok(full > 1500, `the last build killed left a full staging folder, not ${full} entries`);
    const before = treeHash(out);
    const cleaning = await killWhen(() => entries(deadStaging) + entries(join(deadStaging, "jobs")) < full);
    assert.ok(cleaning.killed);
    assert.equal(treeHash(out), before, "killed while tidying up: the previous site changed");
    report.push(`killed while the next build deleted the leftovers (${existsSync(deadStaging) ? "part" : "all"} of them gone): previous site intact`);

    // Killed after the swap, while the old site was being deleted: the new site is in place, or
    // (killed between the two renames) the next build puts the old one back.
    const { cleanUpAfterEarlierBuilds } = await import("../src/pipeline/output-folder.ts");
    for (let attempt = 0; ; attempt++) {
      const old = treeHash(out);
      const swap = await killWhen((pid) => existsSync(join(site, `._site.previous-${pid}`)));
      if (!swap.killed) {
        assert.ok(attempt < 3, "the build finished three times before it could be killed during the swap");
        continue;
      }
      if (existsSync(out)) {
        assert.equal(treeHash(out), next, `killed during the swap: the new site is not complete (${differences(out)})`);
        report.push("killed while the old site was being deleted after the swap: new site complete");
      } else {
        cleanUpAfterEarlierBuilds(out);
        assert.equal(treeHash(out), old, "killed between the two renames: the old site was not put back");
        report.push("killed between the two renames: old site put back by the next build");
      }
      break;
    }

    const last = runCli(["build", "--site", site]);
    assert.equal(last.code, 0, last.stderr);
    assert.equal(treeHash(out), next, differences(out));
    assert.deepEqual(leftovers(site), []);
    report.push("the next build: complete, and nothing left beside _site");
    for (const line of report) t.diagnostic(line);
  });
});

/** Mounts with mount(8); false when that worked, otherwise why it cannot be tested here. */
function mount(args: string[]): string | false {
  const result = spawnSync("mount", args, { encoding: "utf8" });
  return result.status === 0 ? false : `mount ${args.join(" ")} failed: ${(result.stderr || result.error?.message || "").trim()}`;
}
const unmount = (dir: string) => spawnSync("umount", ["-l", dir]);
const mountSkip = (() => {
  const dir = sandbox();
  const reason = mount(["-t", "tmpfs", "-o", "size=1m", "tmpfs", dir]);
  if (!reason) unmount(dir);
  else console.log(`# skipping the mount-point, full-disk and read-only tests: ${reason}`);
  return reason;
})();

describe("an output folder on a disk of its own", { skip: mountSkip }, () => {
  const isMountPoint = (dir: string) => statSync(dir).dev !== statSync(dirname(dir)).dev;

  it("a mount point keeps being one: its contents are replaced in place", () => {
    const site = smallSite(sandbox(), 5);
    const out = join(site, "_site");
    mkdirSync(out);
    assert.equal(mount(["-t", "tmpfs", "-o", "size=64m", "tmpfs", out]), false);
    try {
      // As on a fresh ext4 disk: not a reason to refuse the folder, and not Openings' to delete.
      mkdirSync(join(out, "lost+found"));
      const first = runCli(["build", "--site", site]);
      assert.equal(first.code, 0, first.stderr);
      assert.ok(isMountPoint(out));
      assert.ok(existsSync(join(out, "jobs", "role-5", "index.html")));
      rmSync(join(site, "jobs", "role-5.md"));
      const second = runCli(["build", "--site", site]);
      assert.equal(second.code, 0, second.stderr);
      assert.ok(isMountPoint(out));
      assert.equal(existsSync(join(out, "jobs", "role-5")), false, "a deleted role's page stayed");
      assert.ok(existsSync(join(out, "jobs", "role-4", "index.html")));
      assert.ok(existsSync(join(out, MARKER)));
      assert.ok(existsSync(join(out, "lost+found")));
      assert.deepEqual([...leftovers(site), ...leftovers(out)], []);
    } finally {
      unmount(out);
    }
  });

  it("a bind mount (same disk, so stat cannot tell) is replaced in place too", () => {
    const root = sandbox();
    const site = smallSite(join(root, "site"), 4);
    const out = join(site, "_site");
    mkdirSync(out);
    mkdirSync(join(root, "served"));
    assert.equal(mount(["--bind", join(root, "served"), out]), false);
    try {
      for (const roles of [4, 3]) {
        if (roles === 3) rmSync(join(site, "jobs", "role-4.md"));
        const { code, stderr } = runCli(["build", "--site", site]);
        assert.equal(code, 0, stderr);
        assert.ok(existsSync(join(root, "served", "jobs", "role-3", "index.html")));
        assert.equal(existsSync(join(root, "served", "jobs", "role-4")), roles === 4, `after the build of ${roles} roles`);
        assert.deepEqual([...leftovers(site), ...leftovers(out)], []);
      }
    } finally {
      unmount(out);
    }
  });

  it("a full disk is said in plain words; the previous site stays, and nothing is left behind", () => {
    const root = sandbox();
    const disk = join(root, "disk");
    mkdirSync(disk);
    assert.equal(mount(["-t", "tmpfs", "-o", "size=1m", "tmpfs", disk]), false);
    try {
      const site = smallSite(join(root, "site"), 1);
      const out = join(disk, "_site");
      assert.equal(runCli(["build", "--site", site, "--out", out]).code, 0);
      const before = treeHash(out);
      for (let i = 2; i <= 400; i++)
        writeFileSync(join(site, "jobs", `role-${i}.md`), posting(`title: Glaze chemist ${i}\nteam: Lab`, "Mixes glazes. ".repeat(200)));
      const { code, stderr } = runCli(["build", "--site", site, "--out", out], { OPENINGS_WORKERS: "1" });
      assert.equal(code, 1, stderr);
      assert.match(stderr, new RegExp(`^The site was not built: the disk is full: there is no room left to write ${out} \\(.*\\)\\.$`, "m"));
      noStackTrace(stderr);
      assert.equal(treeHash(out), before);
      assert.deepEqual(readdirSync(disk), ["_site"]);
    } finally {
      unmount(disk);
    }
  });

  it("a disk that fills up while the search index is written fails the build in plain words, leaving nothing behind", () => {
    const root = sandbox();
    const site = smallSite(join(root, "site"), 3);
    const disk = join(root, "disk");
    mkdirSync(disk);
    const out = join(disk, "_site");
    const used = () => {
      const stats = statfsSync(disk);
      return (stats.blocks - stats.bfree) * stats.bsize;
    };
    // How much the site takes without its search index, which needs far more than 128 kB (Pagefind's script and WebAssembly).
    assert.equal(mount(["-t", "tmpfs", "-o", "size=64m", "tmpfs", disk]), false);
    let pages: number;
    try {
      const result = runCli(["build", "--site", site, "--out", out, "--no-search", "--no-cache"]);
      assert.equal(result.code, 0, result.stderr);
      pages = used();
    } finally {
      unmount(disk);
    }
    assert.equal(mount(["-t", "tmpfs", "-o", `size=${pages + 128 * 1024}`, "tmpfs", disk]), false);
    try {
      // Before, Pagefind's process died on the full disk, its Node API never answered, and the build ended with exit status 0 and no site.
      const { code, stderr } = runCli(["build", "--site", site, "--out", out, "--no-cache"]);
      assert.equal(code, 1, stderr);
      // Which is said depends on whether Pagefind or Openings found the disk full first.
      assert.match(
        stderr,
        /^The site was not built: (the disk is full: there is no room left to write|the search indexer \(Pagefind\) stopped before it finished)/m,
      );
      noStackTrace(stderr);
      assert.deepEqual(readdirSync(disk), []);
    } finally {
      unmount(disk);
    }
  });

  it("a search index cache with no room left is no reason to fail: the index is written without it", () => {
    const site = smallSite(sandbox(), 3);
    const kept = join(site, ".openings-cache", "search-index");
    mkdirSync(kept, { recursive: true });
    assert.equal(mount(["-t", "tmpfs", "-o", "size=64k", "tmpfs", kept]), false);
    try {
      for (const build of ["first", "second"]) {
        const { code, stdout, stderr } = runCli(["build", "--site", site]);
        assert.equal(code, 0, stderr);
        assert.match(stdout, /^Search index parts: 1 indexed, 0 unchanged from the cache\.$/m, `${build} build`);
        assert.ok(existsSync(join(site, "_site", "pagefind", "pagefind-entry.json")));
        assert.deepEqual(readdirSync(kept), [], "no half-kept part");
      }
    } finally {
      unmount(kept);
    }
  });

  it("a read-only disk is said in plain words, for a folder on it and for the disk itself", () => {
    const root = sandbox();
    const disk = join(root, "disk");
    mkdirSync(disk);
    assert.equal(mount(["-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", disk]), false);
    try {
      const site = smallSite(join(root, "site"));
      for (const out of [join(disk, "_site"), disk]) {
        const { code, stderr } = runCli(["build", "--site", site, "--out", out]);
        assert.equal(code, 1, stderr);
        assert.match(stderr, new RegExp(`^The site was not built: ${out} is on a read-only disk: choose a writable --out folder \\(.*\\)\\.$`, "m"));
        noStackTrace(stderr);
      }
    } finally {
      unmount(disk);
    }
  });
});

describe("the search indexer failing", () => {
  it("when Pagefind's process dies, the build fails in plain words and the previous site stays", () => {
    const root = sandbox();
    const site = smallSite(join(root, "site"), 3);
    const out = join(root, "_site");
    assert.equal(runCli(["build", "--site", site, "--out", out]).code, 0);
    const before = treeHash(out);
    writeFileSync(join(site, "jobs", "role-9.md"), posting("title: Kiln loader\nteam: Firing", "Loads kilns."));
    // Without a guard, Node found nothing left to wait for and ended the build with exit status 0 and nothing published.
    const { code, stderr } = runCli(["build", "--site", site, "--out", out, "--no-cache"], {}, { nodeArgs: ["--require", PAGEFIND_DIES] });
    assert.equal(code, 1, stderr);
    assert.match(stderr, /^The site was not built: the search indexer \(Pagefind\) stopped before it finished/m);
    noStackTrace(stderr);
    assert.equal(treeHash(out), before);
    assert.deepEqual(leftovers(root), []);
  });
});

describe("a folder the build may not write to", () => {
  // As root every folder is open, so the build runs as `nobody` there.
  const asNobody = process.getuid?.() === 0;
  const skip = asNobody && spawnSync("setpriv", ["--version"]).status !== 0 ? "running as root without setpriv to drop to another user" : false;
  if (skip) console.log(`# skipping the permission test: ${skip}`);

  const build = (site: string, out: string) => {
    const command = [process.execPath, "--import", "tsx", join(PROJECT_ROOT, "src/commands/cli.ts"), "build", "--site", site, "--out", out];
    const setpriv = ["--reuid=65534", "--regid=65534", "--clear-groups"];
    return asNobody
      ? spawnSync("setpriv", [...setpriv, ...command], { cwd: PROJECT_ROOT, encoding: "utf8" })
      : spawnSync(command[0] as string, command.slice(1), { cwd: PROJECT_ROOT, encoding: "utf8" });
  };

  it("is said in plain words, naming the output folder", { skip }, () => {
    const root = sandbox();
    chmodSync(root, 0o755);
    const site = smallSite(join(root, "site"));
    const closed = join(root, "closed");
    mkdirSync(closed);
    chmodSync(closed, 0o555);
    const out = join(closed, "_site");
    const result = build(site, out);
    assert.equal(result.status, 1, result.stderr);
    assert.match(
      result.stderr,
      new RegExp(`^The site was not built: permission denied: Openings may not write ${out} or the folder it is in \\(.*\\)\\.$`, "m"),
    );
    noStackTrace(result.stderr);
    assert.deepEqual(readdirSync(closed), []);
  });

  it("when only the folder around it is closed, the build stages inside the output folder and replaces its contents", { skip }, () => {
    const root = sandbox();
    chmodSync(root, 0o755);
    const site = smallSite(join(root, "site"), 4);
    const closed = join(root, "closed");
    const out = join(closed, "_site");
    assert.equal(runCli(["build", "--site", site, "--out", out]).code, 0);
    if (asNobody) assert.equal(spawnSync("chown", ["-R", "65534:65534", out]).status, 0);
    chmodSync(closed, 0o555);
    rmSync(join(site, "jobs", "role-4.md"));
    const result = build(site, out);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(existsSync(join(out, "jobs", "role-4")), false, "a deleted role's page stayed");
    assert.ok(existsSync(join(out, "jobs", "role-3", "index.html")));
    assert.deepEqual([...leftovers(closed), ...leftovers(out)], []);
  });
});
