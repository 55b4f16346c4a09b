import { unescapeHtml } from "../html-markdown.ts";
import { employmentTypes } from "../key-mapping.ts";
import { type BoardJob, day, isObject, type Json, places, salaryField, salaryOf, text } from "./board-job.ts";

// Greenhouse's job board API, `GET https://boards-api.greenhouse.io/v1/boards/{token}/jobs?content=true`:
// `{ jobs: [{ id, title, updated_at, first_published?, location: { name }, absolute_url,
// content (HTML, entity-escaped once more), departments: [{ id, name, parent_id }],
// offices: [{ name, location }], metadata: [{ name, value }] | null, pay_input_ranges? }] }`.
// Every job on a board is published; there is no employment type but what a
// custom field (`metadata`) says.

export function greenhouseJobs(data: Json): BoardJob[] {
  return (Array.isArray(data.jobs) ? data.jobs : []).filter(isObject).map((job) => {
    const offices = (Array.isArray(job.offices) ? job.offices : []).filter(isObject);
    const officePlaces = offices.map((office) => text(office.location) ?? text(office.name));
    const located = places(isObject(job.location) && text(job.location.name) ? [job.location.name] : officePlaces);
    const range = (Array.isArray(job.pay_input_ranges) ? job.pay_input_ranges : []).filter(isObject);
    const salaries = range.map((pay) => ({ title: text(pay.title), salary: salaryOf(cents(pay.min_cents), cents(pay.max_cents), pay.currency_type, "YEAR") }));
    const salary = salaryField(salaries);
    return {
      id: String(job.id ?? ""),
      listed: true,
      fields: {
        title: text(job.title),
        team: team(job.departments),
        ...located,
        employment_type: employmentTypes(metadataValue(job.metadata, /employment|job type|commitment|time type|contract/i)),
        date_posted: day(job.first_published) ?? day(job.updated_at),
        salary,
        apply: text(job.absolute_url),
      },
      html: unescapeHtml(typeof job.content === "string" ? job.content : ""),
      // Greenhouse's pay ranges do not say what period they are for.
      notes: salary ? ["# TODO check `per` in `salary`: Greenhouse does not say which period its pay ranges are for"] : [],
    };
  });
}

/** The most specific department: one that is no other listed department's parent. */
function team(departments: unknown): string | undefined {
  const list = (Array.isArray(departments) ? departments : []).filter(isObject);
  const parents = new Set<unknown>(list.map((department) => department.parent_id).filter((id) => id !== null && id !== undefined));
  return text(list.find((department) => !parents.has(department.id))?.name) ?? text(list[0]?.name);
}

function metadataValue(metadata: unknown, name: RegExp): string | undefined {
  const field = (Array.isArray(metadata) ? metadata : []).filter(isObject).find((entry) => name.test(String(entry.name ?? "")));
  return text(field?.value);
}

const cents = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? value / 100 : undefined);
