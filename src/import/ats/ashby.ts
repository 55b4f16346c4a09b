import { employmentTypes } from "../key-mapping.ts";
import { type BoardJob, day, isObject, type Json, places, salaryField, salaryOf, text, withRemote } from "./board-job.ts";

// Ashby's job posting API, `GET https://api.ashbyhq.com/posting-api/job-board/{name}?includeCompensation=true`:
// `{ apiVersion, jobs: [{ id, title, department, team, location, secondaryLocations: [{ location }],
// isRemote, workplaceType (OnSite, Hybrid, Remote), employmentType (FullTime, PartTime, Intern,
// Contract, Temporary), publishedAt, isListed, jobUrl, applyUrl, descriptionHtml,
// compensation?: { summaryComponents: [{ compensationType, interval: "1 YEAR", currencyCode,
// minValue, maxValue }], compensationTiers: [{ title, components: [...] }] } }] }`.

const INTERVALS: Record<string, string> = { "1 HOUR": "HOUR", "1 DAY": "DAY", "1 WEEK": "WEEK", "1 MONTH": "MONTH", "1 YEAR": "YEAR" };

export function ashbyJobs(data: Json): BoardJob[] {
  return (Array.isArray(data.jobs) ? data.jobs : []).filter(isObject).map((job) => {
    const secondary = (Array.isArray(job.secondaryLocations) ? job.secondaryLocations : []).filter(isObject).map((place) => place.location);
    const compensation = isObject(job.compensation) ? job.compensation : {};
    const tiers = (Array.isArray(compensation.compensationTiers) ? compensation.compensationTiers : []).filter(isObject);
    const tierSalaries = tiers.map((tier) => ({ title: text(tier.title), salary: salaryIn(tier.components) })).filter((tier) => tier.salary);
    // Several tiers (one per place, say) are a list of ranges; the summary is only their span.
    const salary = tierSalaries.length > 1 ? salaryField(tierSalaries) : (salaryIn(compensation.summaryComponents) ?? tierSalaries[0]?.salary);
    return {
      id: String(job.id ?? ""),
      listed: job.isListed !== false,
      fields: {
        title: text(job.title),
        team: text(job.team) ?? text(job.department),
        ...withRemote(places([job.location, ...secondary]), job.isRemote === true || job.workplaceType === "Remote"),
        employment_type: employmentTypes(text(job.employmentType)),
        date_posted: day(job.publishedAt),
        salary,
        apply: text(job.applyUrl) ?? text(job.jobUrl),
      },
      html: typeof job.descriptionHtml === "string" ? job.descriptionHtml : "",
    };
  });
}

/** The `Salary` component of a compensation summary or tier. */
function salaryIn(components: unknown) {
  const pay = (Array.isArray(components) ? components : []).filter(isObject).find((component) => component.compensationType === "Salary");
  return pay ? salaryOf(pay.minValue, pay.maxValue, pay.currencyCode, INTERVALS[String(pay.interval)]) : undefined;
}
