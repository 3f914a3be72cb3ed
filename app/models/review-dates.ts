// Review dates are calendar dates on the Helsinki calendar (ISO "YYYY-MM-DD"), whatever the
// server's time zone: a page checked late on 31 December in Helsinki was checked in December.
import { addMonths, daysBetween } from "~/utils/calendar-date";

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
