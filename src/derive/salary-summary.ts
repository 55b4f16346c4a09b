import type { SalaryRange } from "../schema/job-schema.ts";

// A role may give several pay ranges, one per place. Some readers take only
// one: Google for Jobs reads a single `baseSalary`, and an index card has room
// for one line. That one is the span of them all when they share a currency
// and a period: it is true wherever the candidate is, where picking one
// place's range would tell the others the wrong pay. Amounts in different
// currencies or periods cannot be spanned, so then it is the first range, the
// one the posting leads with.

/** The one range that stands for all of `ranges`; undefined for none. */
export function salarySummary(ranges: readonly SalaryRange[]): SalaryRange | undefined {
  const [first, ...others] = ranges;
  if (!first || others.length === 0) return first;
  if (!others.every((range) => range.currency === first.currency && range.per === first.per)) return first;
  // A range open at one end leaves the span open there.
  const mins = ranges.map((range) => range.min);
  const maxes = ranges.map((range) => range.max);
  const min = mins.every((amount) => amount !== undefined) ? Math.min(...mins) : undefined;
  const max = maxes.every((amount) => amount !== undefined) ? Math.max(...maxes) : undefined;
  if (min === undefined && max === undefined) return first;
  return { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}), currency: first.currency, per: first.per };
}
