// Calendar days as people at the agency count them: in Helsinki (EET, +02:00, and EEST, +03:00,
// in summer). The offset of a day is asked of the time zone database, never guessed.
import { HELSINKI } from "~/i18n";
import { addDays } from "./calendar-date";

const isoDay = new Intl.DateTimeFormat("en-CA", {
  timeZone: HELSINKI,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});
const offsetName = new Intl.DateTimeFormat("en-US", { timeZone: HELSINKI, timeZoneName: "longOffset" });

/** Today's calendar date in Helsinki, "2026-11-29" (en-CA writes dates as YYYY-MM-DD). */
export function todayInHelsinki(now: Date = new Date()): string {
  return isoDay.format(now);
}

/** Helsinki's offset from UTC at an instant, in minutes (120 or 180). */
function offsetMinutes(instant: number): number {
  const name = offsetName.formatToParts(instant).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return match ? (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

/** The first instant of a calendar day in Helsinki. Clock changes happen at night, never at midnight. */
export function startOfDayInHelsinki(isoDate: string): Date {
  const utcMidnight = Date.parse(`${isoDate}T00:00:00Z`);
  const guess = utcMidnight - offsetMinutes(utcMidnight) * 60_000;
  return new Date(utcMidnight - offsetMinutes(guess) * 60_000);
}

/** The last second of a calendar day in Helsinki (a share link works until then). */
export function endOfDayInHelsinki(isoDate: string): Date {
  return new Date(startOfDayInHelsinki(addDays(isoDate, 1)).getTime() - 1000);
}
