import { readFileSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { parseFrontMatter } from "../../parse/parse-front-matter.ts";
import { error, type Problem, positionAt, START, warning } from "../../problem.ts";
import { JOBS_DIR, listSources } from "../../read/read-sources.ts";
import { htmlDepth, htmlToMarkdown, MAX_HTML_DEPTH } from "../html-markdown.ts";
import { setAsideUnreadable } from "../key-mapping.ts";
import { type Draft, postingText } from "../posting-text.ts";
import { readInput } from "../read-input.ts";
import { takenNames, whyNot, writePosting } from "../write-posting.ts";
import { BOARD_NAMES, type Board, type BoardJob } from "./board-job.ts";
import { readBoardJson } from "./board-json.ts";
import { CHECK_SLOT, signed, unedited } from "./import-check.ts";

// `npm run import -- --from greenhouse|lever|ashby FILE.json`: a saved
// job-board API response becomes one posting per listed job. Each posting
// records the job it came from (`ats_id: greenhouse:4012345`), so importing a
// newer response updates the postings it wrote instead of adding more. A
// posting someone edited since is left alone, with a warning, unless `force`.

export type BoardAction = "wrote" | "updated" | "unchanged" | "kept";

export interface BoardOutcome {
  id: string;
  path: string;
  action: BoardAction;
  /** Keys marked TODO. */
  missing: string[];
}

export interface ImportedBoard {
  outcomes: BoardOutcome[];
  /** Jobs the board does not list (Ashby's `isListed: false`), not imported. */
  unlisted: number;
  problems: Problem[];
}

export function importBoard(siteDir: string, source: string, shownPath: string, board: Board, options: { today: string; force: boolean }): ImportedBoard {
  const result: ImportedBoard = { outcomes: [], unlisted: 0, problems: [] };
  const input = readInput(source, shownPath);
  result.problems.push(...input.problems);
  if (input.text === undefined) return result;
  const read = readBoardJson(input.text, shownPath, board);
  if ("problem" in read) {
    result.problems.push(read.problem);
    return result;
  }
  const { jobs } = read;
  if (board === "greenhouse" && jobs.length > 0 && jobs.every((job) => job.html === "")) {
    const hint = "save the response from the address ending in `/jobs?content=true` to import the descriptions too";
    result.problems.push(warning("import-no-descriptions", shownPath, START, "the jobs in this response have no descriptions", hint));
  }

  const imported = importedPostings(siteDir, result.problems);
  const taken = takenNames(siteDir);
  const seen = new Set<string>();
  for (const job of jobs) {
    const atsId = `${board}:${job.id}`;
    if (!job.listed) {
      result.unlisted++;
      continue;
    }
    if (!job.id || seen.has(atsId)) {
      const what = job.id
        ? `job ${job.id} is listed twice; it was imported once`
        : `a job with no \`id\` (\`${String(job.fields.title ?? "untitled")}\`) was not imported`;
      result.problems.push(warning("import-job-skipped", shownPath, START, what, "save the response again, exactly as the board sent it"));
      continue;
    }
    seen.add(atsId);
    if (htmlDepth(job.html) > MAX_HTML_DEPTH) {
      const message = `job ${job.id}'s description nests more than ${MAX_HTML_DEPTH} HTML elements deep, so it was not imported`;
      result.problems.push(warning("import-too-deep", shownPath, START, message, "simplify the description on the board, then save and import again"));
      continue;
    }
    const posting = postingText(draftOf(job, board, atsId, options.today));
    const text = signed(posting.text);
    const { missing } = posting;
    const earlier = imported.get(atsId);
    if (!earlier) {
      const title = typeof job.fields.title === "string" ? job.fields.title : `${board}-${job.id}`;
      const written = writePosting(siteDir, title, text, taken, { suffix: true });
      if ("path" in written) result.outcomes.push({ id: job.id, path: written.path, action: "wrote", missing });
      else if ("failed" in written)
        result.problems.push(error("import-write", shownPath, START, written.failed, "check the site folder's permissions and free space"));
      continue;
    }
    const outcome: BoardOutcome = { id: job.id, path: earlier.path, action: "unchanged", missing };
    if (earlier.text !== text) {
      if (!unedited(earlier.text) && !options.force) {
        outcome.action = "kept";
        const at = positionAt(earlier.text, Math.max(0, earlier.text.search(/^ats_id:/m)));
        const message = `edited since it was imported from ${BOARD_NAMES[board]} job ${job.id}, so the board's newer version was not written`;
        result.problems.push(warning("import-edited", earlier.path, at, message, "keep your edits, or run the import again with `--force` to replace them"));
      } else {
        try {
          writeFileSync(join(siteDir, earlier.path), text);
          outcome.action = "updated";
        } catch (cause) {
          result.problems.push(error("import-write", earlier.path, START, `this file could not be written (${whyNot(cause)})`, "check its permissions"));
          continue;
        }
      }
    }
    result.outcomes.push(outcome);
  }
  for (const [atsId, earlier] of imported) {
    if (!atsId.startsWith(`${board}:`) || seen.has(atsId)) continue;
    const at = positionAt(earlier.text, Math.max(0, earlier.text.search(/^ats_id:/m)));
    const message = `${BOARD_NAMES[board]} job ${atsId.slice(board.length + 1)} is no longer on the board this file was imported from`;
    result.problems.push(warning("import-gone", earlier.path, at, message, "set `closed: true` once the role has closed, or delete the file"));
  }
  return result;
}

function draftOf(job: BoardJob, board: Board, atsId: string, today: string): Draft {
  const fields = Object.fromEntries(Object.entries(job.fields).filter(([, value]) => value !== undefined));
  fields.date_posted ??= today;
  fields.ats_id = atsId;
  const draft: Draft = {
    fields,
    body: htmlToMarkdown(job.html),
    notes: job.notes,
    atsNote: `written by \`npm run import -- --from ${board}\`; importing again replaces this file unless it was edited ${CHECK_SLOT}`,
  };
  setAsideUnreadable(draft, `given by ${BOARD_NAMES[board]}`);
  return draft;
}

/** Postings an earlier import wrote, by `ats_id`: where they are and what they say now. */
function importedPostings(siteDir: string, problems: Problem[]): Map<string, { path: string; text: string }> {
  const found = new Map<string, { path: string; text: string }>();
  const jobs = join(siteDir, JOBS_DIR);
  for (const absolutePath of listSources(siteDir, JOBS_DIR).postings) {
    let text: string;
    try {
      text = readFileSync(absolutePath, "utf8");
    } catch {
      continue; // check reports unreadable postings; an import need not.
    }
    if (!/^ats_id:/m.test(text)) continue;
    const path = `${JOBS_DIR}/${relative(jobs, absolutePath).split(sep).join("/")}`;
    const atsId = parseFrontMatter({ path, absolutePath, stem: "", text, version: "" }).frontMatter?.data.ats_id;
    if (typeof atsId !== "string") continue;
    const first = found.get(atsId);
    if (first) {
      const message = `\`ats_id: ${atsId}\` is also in ${first.path}, so an import updates only that one`;
      problems.push(warning("import-duplicate-id", path, positionAt(text, text.search(/^ats_id:/m)), message, "remove the `ats_id` line from the copy"));
    } else found.set(atsId, { path, text });
  }
  return found;
}
