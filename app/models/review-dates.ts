// Review dates are calendar dates on the Helsinki calendar (ISO "YYYY-MM-DD"), whatever the
// server's time zone: a page checked late on 31 December in Helsinki was checked in December.

const helsinkiDay = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Helsinki",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The Helsinki calendar date of an instant. */
export function helsinkiDate(instant: Date): string {
  return helsinkiDay.format(instant);
}

function parts(iso: string): [number, number, number] {
  const [y, m, d] = iso.split("-").map(Number);
  return [y, m, d];
}

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  return iso(new Date(Date.UTC(y, m - 1, d + days)));
}

/** Months later; a day that the target month lacks becomes its last day (31 Jan + 1 → 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return iso(new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastDay))));
}

/** Whole days from a to b (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  const [ay, am, ad] = parts(a);
  const [by, bm, bd] = parts(b);
  return Math.round((Date.UTC(by, bm - 1, bd) - Date.UTC(ay, am - 1, ad)) / 86_400_000);
}

/** ISO week of a calendar date, e.g. "2026-W49": the weekly digest goes out once per week. */
export function isoWeek(date: string): string {
  const [y, m, d] = parts(date);
  const day = new Date(Date.UTC(y, m - 1, d));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

export const DEFAULT_REVIEW_INTERVAL_MONTHS = 12;
/** The desk lists reviews due within this many days. */
export const DUE_SOON_DAYS = 30;
/** Owners get a first reminder this many days before the due date. */
export const REMINDER_DAYS_BEFORE = 14;
/** A due-date reminder that no run sent on the day goes out late, up to this many days after. */
export const LATE_REMINDER_DAYS = 14;

export type ReviewState = "overdue" | "due_soon" | "ok";

export function reviewDueOn(lastReviewedOn: string, intervalMonths: number): string {
  return addMonths(lastReviewedOn, intervalMonths);
}

/** Overdue once the due date has passed; due soon within DUE_SOON_DAYS (the due date included). */
export function reviewState(dueOn: string, today: string): ReviewState {
  const days = daysBetween(today, dueOn);
  if (days < 0) return "overdue";
  return days <= DUE_SOON_DAYS ? "due_soon" : "ok";
}
