import { employmentTypes } from "../key-mapping.ts";
import { type BoardJob, day, isObject, type Json, places, salaryOf, text, withRemote } from "./board-job.ts";

// Lever's postings API, `GET https://api.lever.co/v0/postings/{site}?mode=json`
// (api.eu.lever.co for EU accounts): a list of `{ id, text, categories: { team,
// department, location, commitment, allLocations }, workplaceType (on-site,
// remote, hybrid, unspecified), createdAt (ms), hostedUrl, applyUrl,
// description (HTML), lists: [{ text, content (HTML list items) }], additional
// (HTML), salaryRange?: { min, max, currency, interval } }`. Only published
// postings are in it.

const INTERVALS: Record<string, string> = {
  "per-year-salary": "YEAR",
  "per-month-salary": "MONTH",
  "per-week-salary": "WEEK",
  "per-day-wage": "DAY",
  "per-hour-wage": "HOUR",
};

export function leverJobs(data: Json[]): BoardJob[] {
  return data.filter(isObject).map((job) => {
    const categories = isObject(job.categories) ? job.categories : {};
    const names = Array.isArray(categories.allLocations) && categories.allLocations.length > 0 ? categories.allLocations : [categories.location];
    const range = isObject(job.salaryRange) ? job.salaryRange : {};
    const lists = (Array.isArray(job.lists) ? job.lists : []).filter(isObject);
    return {
      id: String(job.id ?? ""),
      listed: true,
      fields: {
        title: text(job.text),
        team: text(categories.team) ?? text(categories.department),
        ...withRemote(places(names), job.workplaceType === "remote"),
        employment_type: employmentTypes(text(categories.commitment)),
        date_posted: day(job.createdAt),
        salary: salaryOf(range.min, range.max, range.currency, INTERVALS[String(range.interval)]),
        apply: text(job.applyUrl) ?? text(job.hostedUrl),
      },
      html: [
        html(job.description),
        ...lists.map((list) => `<h2>${escapeText(text(list.text) ?? "")}</h2><ul>${html(list.content)}</ul>`),
        html(job.additional),
      ].join("\n"),
    };
  });
}

const html = (value: unknown) => (typeof value === "string" ? value : "");
const escapeText = (value: string) => value.replace(/&/g, "&amp;").replace(/</g, "&lt;");
