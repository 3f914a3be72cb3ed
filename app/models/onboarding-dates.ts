// Onboarding due dates: pure functions on ISO calendar dates ("2026-11-29"), never on instants,
// so no time zone or daylight-saving shift can move a date. "Today" is the calendar day in
// Helsinki, where the agency works (docs/decisions/0007-onboarding-plans.md).

export const DUE_RULES = ["first_day", "first_week", "first_month", "trial_period"] as const;
export type DueRule = (typeof DUE_RULES)[number];

export function isDueRule(value: unknown): value is DueRule {
  return typeof value === "string" && (DUE_RULES as readonly string[]).includes(value);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function parts(iso: string): [number, number, number] {
  if (!isIsoDate(iso)) throw new RangeError(`not an ISO calendar date: ${iso}`);
  const [y, m, d] = iso.split("-").map(Number);
  return [y, m, d];
}

function format(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** `iso` plus `days` calendar days (UTC arithmetic on a date has no DST to trip over). */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = parts(iso);
  const date = new Date(Date.UTC(y, m - 1, d + days));
  return format(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** `iso` plus `months` calendar months, clamped to the target month's last day (31 Jan + 1 → 28/29 Feb). */
export function addMonthsClamped(iso: string, months: number): string {
  const [y, m, d] = parts(iso);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return format(year, month, Math.min(d, daysInMonth(year, month)));
}

/** The due date of a step for someone who starts on `startDate`. */
export function dueDate(startDate: string, rule: DueRule): string {
  switch (rule) {
    case "first_day":
      return addDays(startDate, 0);
    case "first_week":
      return addDays(startDate, 6);
    case "first_month":
      return addMonthsClamped(startDate, 1);
    case "trial_period":
      return addMonthsClamped(startDate, 6);
  }
}

/** Today's calendar date in Helsinki: the day due dates are compared with. */
export { todayInHelsinki as helsinkiToday } from "~/utils/helsinki-time";

/** Overdue: the due date is before today and the step is not completed. */
export function isOverdue(due: string | null, today: string, status: string): boolean {
  return due !== null && status !== "completed" && due < today;
}
