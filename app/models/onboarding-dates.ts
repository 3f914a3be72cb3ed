// Onboarding due dates: pure functions on ISO calendar dates ("2026-11-29"), never on instants,
// so no time zone or daylight-saving shift can move a date. "Today" is the calendar day in
// Helsinki, where the agency works (docs/decisions/0007-onboarding-plans.md).
import { addDays, addMonths } from "~/utils/calendar-date";

export const DUE_RULES = ["first_day", "first_week", "first_month", "trial_period"] as const;
export type DueRule = (typeof DUE_RULES)[number];

export function isDueRule(value: unknown): value is DueRule {
  return typeof value === "string" && (DUE_RULES as readonly string[]).includes(value);
}

/** The due date of a step for someone who starts on `startDate`. */
export function dueDate(startDate: string, rule: DueRule): string {
  switch (rule) {
    case "first_day":
      return addDays(startDate, 0);
    case "first_week":
      return addDays(startDate, 6);
    case "first_month":
      return addMonths(startDate, 1);
    case "trial_period":
      return addMonths(startDate, 6);
  }
}

/** Overdue: the due date is before today and the step is not completed. */
export function isOverdue(due: string | null, today: string, status: string): boolean {
  return due !== null && status !== "completed" && due < today;
}
