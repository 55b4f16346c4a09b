import { employmentTypes } from "../key-mapping.ts";
import { salaryText } from "../posting-text.ts";
import { type BoardJob, day, isObject, type Json, places, salaryOf, text, withRemote } from "./board-job.ts";

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
    const salary = salaryIn(compensation.summaryComponents) ?? tierSalaries[0]?.salary;
    // With several tiers (one per place, say) the summary is their span: each tier is noted too.
    const notes =
      tierSalaries.length > 1
        ? tierSalaries.map((tier) => `# pay range${tier.title ? ` (${tier.title})` : ""}: ${tier.salary ? salaryText(tier.salary) : ""}`)
        : [];
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
      notes,
    };
  });
}

/** The `Salary` component of a compensation summary or tier. */
function salaryIn(components: unknown) {
  const pay = (Array.isArray(components) ? components : []).filter(isObject).find((component) => component.compensationType === "Salary");
  return pay ? salaryOf(pay.minValue, pay.maxValue, pay.currencyCode, INTERVALS[String(pay.interval)]) : undefined;
}
