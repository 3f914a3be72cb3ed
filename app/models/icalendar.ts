// A small RFC 5545 writer for all-day events: CRLF line ends, lines folded at 75 octets (never
// inside a UTF-8 character), TEXT values escaped, DATE values from ISO calendar dates. Enough for
// the onboarding calendar; no dependency needed to write it (ical.js checks it in the tests).
import { addDays, isIsoDate } from "./onboarding-dates";

export interface AllDayEvent {
  /** Stable across exports, so a second import or a subscription refresh updates the event. */
  uid: string;
  /** ISO calendar date (the Helsinki day, as onboarding dates are). */
  date: string;
  summary: string;
  description?: string;
  url?: string;
}

export interface CalendarInfo {
  prodId: string;
  name: string;
  /** DTSTAMP of every event: when this file was made. */
  now: Date;
}

/** TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n?|\n/g, "\\n");
}

/** Folds a content line so that no physical line exceeds 75 octets (RFC 5545 3.1). */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  // Continuation lines start with a space, which counts towards their 75 octets.
  let limit = 75;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
      limit = 74;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

/** 2026-12-03 → 20261203 */
export function icsDate(iso: string): string {
  if (!isIsoDate(iso)) throw new RangeError(`not an ISO calendar date: ${iso}`);
  return iso.replace(/-/g, "");
}

/** A UTC date-time: 20261203T081500Z */
export function icsDateTime(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

export function buildCalendar(info: CalendarInfo, events: readonly AllDayEvent[]): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${info.prodId}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(info.name)}`,
  ];
  const stamp = icsDateTime(info.now);
  for (const event of events) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${event.uid}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${icsDate(event.date)}`,
      // All-day: DTEND is the next day (exclusive).
      `DTEND;VALUE=DATE:${icsDate(addDays(event.date, 1))}`,
      `SUMMARY:${escapeText(event.summary)}`,
    );
    if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
    if (event.url) lines.push(`URL:${event.url}`);
    // An all-day reminder, not a meeting: it does not block the day.
    lines.push("TRANSP:TRANSPARENT", "END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
