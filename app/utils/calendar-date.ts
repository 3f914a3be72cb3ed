// Calendar dates as ISO strings ("2026-11-29"), never instants, so that no time zone or
// daylight-saving shift can move a date. Which date it is today, in Helsinki, is in
// helsinki-time.ts; this module only counts days. Arithmetic is done in UTC, which has no
// daylight saving to trip over.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** "2026-03-31" and a day that exists in the calendar (not 2026-02-30 or 2026-13-45). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function parts(iso: string): [number, number, number] {
  if (!isCalendarDate(iso)) throw new RangeError(`not an ISO calendar date: ${iso}`);
  const [y, m, d] = iso.split("-").map(Number);
  return [y, m, d];
}

function format(date: Date): string {
  const y = String(date.getUTCFullYear()).padStart(4, "0");
  return `${y}-${String(date.getUTCMonth() + 1).padStart(2, "0")}-${String(date.getUTCDate()).padStart(2, "0")}`;
}

/** `iso` plus `days` calendar days (negative: earlier). */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = parts(iso);
  return format(new Date(Date.UTC(y, m - 1, d + days)));
}

/** `iso` plus `months` calendar months, clamped to the target month's last day (31 Jan + 1 → 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = parts(iso);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return format(new Date(Date.UTC(year, month - 1, Math.min(d, daysInMonth(year, month)))));
}

/** Whole days from a to b (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  const [ay, am, ad] = parts(a);
  const [by, bm, bd] = parts(b);
  return Math.round((Date.UTC(by, bm - 1, bd) - Date.UTC(ay, am - 1, ad)) / 86_400_000);
}

/** ISO week of a calendar date, e.g. "2026-W49". */
export function isoWeek(iso: string): string {
  const [y, m, d] = parts(iso);
  const day = new Date(Date.UTC(y, m - 1, d));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}
