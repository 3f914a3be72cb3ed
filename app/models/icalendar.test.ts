import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { buildCalendar, escapeText, foldLine, icsDate, icsDateTime } from "./icalendar";

const octets = (s: string) => new TextEncoder().encode(s).length;

describe("iCalendar text (RFC 5545)", () => {
  it("escapes backslashes, semicolons, commas and line breaks", () => {
    expect(escapeText("a\\b; c, d\r\ne\nf")).toBe("a\\\\b\\; c\\, d\\ne\\nf");
  });

  it("folds lines at 75 octets without splitting a UTF-8 character", () => {
    const line = "SUMMARY:" + "ä".repeat(100);
    const folded = foldLine(line);
    const physical = folded.split("\r\n");
    expect(physical.length).toBeGreaterThan(1);
    for (const p of physical) expect(octets(p)).toBeLessThanOrEqual(75);
    for (const p of physical.slice(1)) expect(p.startsWith(" ")).toBe(true);
    // Unfolding (remove CRLF + one space) gives the line back, with every ä whole.
    expect(folded.replace(/\r\n /g, "")).toBe(line);
    expect(foldLine("SHORT:line")).toBe("SHORT:line");
  });

  it("writes dates and UTC date-times in the basic format", () => {
    expect(icsDate("2026-04-02")).toBe("20260402");
    expect(() => icsDate("2026-02-30")).toThrow(RangeError);
    expect(icsDateTime(new Date("2026-12-03T08:15:30.123Z"))).toBe("20261203T081530Z");
  });
});

describe("a calendar of all-day events", () => {
  const text = buildCalendar(
    { prodId: "-//Test//EN", name: "Onboarding, test", now: new Date("2026-12-03T08:00:00Z") },
    [
      {
        uid: "a@test",
        date: "2026-12-31",
        summary: "Read the strategy; then, the values",
        description: "Line one\nLine two with a long text: " + "Perehdytyssuunnitelma ".repeat(8),
        url: "http://127.0.0.1/en/onboarding#step-1",
      },
      { uid: "b@test", date: "2027-02-28", summary: "Review" },
    ],
  );

  it("uses CRLF line ends only and no line longer than 75 octets", () => {
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of text.split("\r\n")) expect(octets(line)).toBeLessThanOrEqual(75);
  });

  it("is read back by ical.js with the same texts, all-day dates (DTEND the next day) and UIDs", () => {
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.uid)).toEqual(["a@test", "b@test"]);
    expect(events[0].summary).toBe("Read the strategy; then, the values");
    expect(events[0].description).toBe("Line one\nLine two with a long text: " + "Perehdytyssuunnitelma ".repeat(8));
    expect(events[0].startDate.isDate).toBe(true);
    expect(events[0].startDate.toString()).toBe("2026-12-31");
    expect(events[0].endDate.toString()).toBe("2027-01-01");
    expect(events[1].endDate.toString()).toBe("2027-03-01");
    const stamp = calendar.getFirstSubcomponent("vevent")!.getFirstPropertyValue("dtstamp") as ICAL.Time;
    expect(stamp.toString()).toBe("2026-12-03T08:00:00Z");
  });
});
