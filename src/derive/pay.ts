import type { SalaryPeriod } from "../schema/job-schema.ts";

// Pay put on one basis so roles can be sorted by it: a year's pay. An hour,
// day or week is counted as a full-time year has them (2080 hours: 40 a
// week; 260 days: 5 a week; 52 weeks). A range counts as its middle, so
// "40,000–60,000" and "50,000" compare equal; a range open at one end
// counts as the end it gives. Amounts in different currencies are never
// compared with each other: a build has no exchange rate that stays true,
// so sorting keeps each currency together (plan/jobs-index.ts).

const PERIODS_IN_A_YEAR: Record<SalaryPeriod, number> = { HOUR: 2080, DAY: 260, WEEK: 52, MONTH: 12, YEAR: 1 };

/** One pay range as a posting gives it. */
interface PayRange {
  min?: number;
  max?: number;
  currency: string;
  per: SalaryPeriod;
}

export interface YearlyPay {
  /** ISO 4217: `GBP`. */
  currency: string;
  /** The middle of the range, as a year's pay, rounded to a whole unit. */
  yearly: number;
}

/**
 * A role's pay as a year's pay. With several ranges (one per place), the
 * highest in the first range's currency: what the role pays at best.
 */
export function yearlyPay(salaries: readonly PayRange[]): YearlyPay | undefined {
  const currency = salaries[0]?.currency;
  if (!currency) return undefined;
  const yearly = salaries.filter((salary) => salary.currency === currency).map(yearlyMiddle);
  return { currency, yearly: Math.max(...yearly) };
}

function yearlyMiddle(salary: PayRange): number {
  const amounts = [salary.min, salary.max].filter((amount) => amount !== undefined);
  const middle = amounts.reduce((sum, amount) => sum + amount, 0) / amounts.length;
  return Math.round(middle * PERIODS_IN_A_YEAR[salary.per]);
}
