import { error, type Problem, positionAt, START } from "../../problem.ts";
import { ashbyJobs } from "./ashby.ts";
import { BOARD_NAMES, type Board, type BoardJob, isObject, type Json } from "./board-job.ts";
import { greenhouseJobs } from "./greenhouse.ts";
import { leverJobs } from "./lever.ts";

// A saved response, read as the board named: valid JSON, of that board's
// shape. A response of another board's shape, or an error the API sent back,
// is said as such rather than imported as nothing.

const SAVE_HINT: Record<Board, string> = {
  greenhouse: "save it again with `curl -o jobs.json 'https://boards-api.greenhouse.io/v1/boards/BOARD/jobs?content=true'`",
  lever: "save it again with `curl -o jobs.json 'https://api.lever.co/v0/postings/SITE?mode=json'`",
  ashby: "save it again with `curl -o jobs.json 'https://api.ashbyhq.com/posting-api/job-board/NAME?includeCompensation=true'`",
};

export function readBoardJson(text: string, shownPath: string, board: Board): { jobs: BoardJob[] } | { problem: Problem } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    const reason = (cause as Error).message.replace(/,? ".*" is not valid JSON$/s, "").replace(/ in JSON at position \d+.*$/s, "");
    const offset = /position (\d+)/.exec((cause as Error).message)?.[1] ?? (/end of JSON/i.test(reason) ? String(text.trimEnd().length) : undefined);
    const at = offset === undefined ? START : positionAt(text, Number(offset));
    const why = reason.charAt(0).toLowerCase() + reason.slice(1);
    return { problem: error("import-json", shownPath, at, `this file is not valid JSON (${why})`, SAVE_HINT[board]) };
  }
  const shape = shapeOf(data);
  if (shape === board || (shape === "jobs" && board !== "lever")) return { jobs: jobsOf(board, data) };
  const named = BOARD_NAMES[board];
  if (shape === "greenhouse" || shape === "lever" || shape === "ashby") {
    const message = `this looks like a ${BOARD_NAMES[shape]} job-board response, not a ${named} one`;
    return { problem: error("import-wrong-board", shownPath, START, message, `run the import with \`--from ${shape}\``) };
  }
  if (isObject(data) && typeof data.error === "string") {
    const message = `this is an error ${named} sent instead of jobs: \`${data.error.slice(0, 80)}\``;
    return { problem: error("import-board-error", shownPath, START, message, `check the board's name in the address, then ${SAVE_HINT[board]}`) };
  }
  const expected = board === "lever" ? "a list of postings" : "an object with a `jobs` list";
  const message = `this is not a ${named} job-board response: expected ${expected}`;
  return { problem: error("import-not-a-board", shownPath, START, message, SAVE_HINT[board]) };
}

/** Which board's response `data` is, by the fields its jobs have; `jobs` for an empty `{ jobs: [] }`. */
export function shapeOf(data: unknown): Board | "jobs" | undefined {
  if (Array.isArray(data)) return data.length === 0 || data.some((job) => isObject(job) && ("hostedUrl" in job || "categories" in job)) ? "lever" : undefined;
  if (!isObject(data) || !Array.isArray(data.jobs)) return undefined;
  const jobs = data.jobs.filter(isObject);
  if (jobs.length === 0) return "jobs";
  if (jobs.some((job) => "absolute_url" in job || "departments" in job)) return "greenhouse";
  if (jobs.some((job) => "jobUrl" in job || "isListed" in job || "descriptionHtml" in job)) return "ashby";
  return undefined;
}

function jobsOf(board: Board, data: unknown): BoardJob[] {
  if (board === "lever") return leverJobs(data as Json[]);
  return board === "greenhouse" ? greenhouseJobs(data as Json) : ashbyJobs(data as Json);
}
