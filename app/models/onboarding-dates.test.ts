import { describe, expect, it } from "vitest";
import { dueDate, isOverdue } from "./onboarding-dates";
import { addDays, addMonths, daysInMonth, isCalendarDate, isLeapYear } from "~/utils/calendar-date";
import { todayInHelsinki } from "~/utils/helsinki-time";

describe("due dates relative to the start date (calendar days, Helsinki)", () => {
  it("first day is the start date; first week is start + 6 days", () => {
    expect(dueDate("2026-11-26", "first_day")).toBe("2026-11-26");
    expect(dueDate("2026-11-26", "first_week")).toBe("2026-12-02");
    // Across a month end and a year end.
    expect(dueDate("2026-12-28", "first_week")).toBe("2027-01-03");
    // Across the spring daylight-saving change (29 March 2026 in Finland): still 6 calendar days.
    expect(dueDate("2026-03-27", "first_week")).toBe("2026-04-02");
    expect(dueDate("2026-10-22", "first_week")).toBe("2026-10-28");
  });

  it("first month is one calendar month later, clamped to the month's last day", () => {
    expect(dueDate("2026-01-15", "first_month")).toBe("2026-02-15");
    expect(dueDate("2026-01-31", "first_month")).toBe("2026-02-28");
    expect(dueDate("2028-01-31", "first_month")).toBe("2028-02-29"); // leap year
    expect(dueDate("2026-01-29", "first_month")).toBe("2026-02-28");
    expect(dueDate("2028-01-29", "first_month")).toBe("2028-02-29");
    expect(dueDate("2026-03-31", "first_month")).toBe("2026-04-30");
    expect(dueDate("2026-04-30", "first_month")).toBe("2026-05-30"); // not "the last day" again
    expect(dueDate("2026-12-31", "first_month")).toBe("2027-01-31");
    expect(dueDate("2026-02-28", "first_month")).toBe("2026-03-28");
  });

  it("trial period is six calendar months later, clamped the same way", () => {
    expect(dueDate("2026-08-31", "trial_period")).toBe("2027-02-28");
    expect(dueDate("2027-08-31", "trial_period")).toBe("2028-02-29"); // leap year
    expect(dueDate("2026-03-31", "trial_period")).toBe("2026-09-30");
    expect(dueDate("2026-11-26", "trial_period")).toBe("2027-05-26");
    expect(dueDate("2026-07-01", "trial_period")).toBe("2027-01-01");
    // The century rule: 2100 is not a leap year, 2000 was.
    expect(dueDate("2099-08-31", "trial_period")).toBe("2100-02-28");
    expect(dueDate("1999-08-31", "trial_period")).toBe("2000-02-29");
  });

  it("knows leap years and month lengths", () => {
    expect([2024, 2028, 2000].map(isLeapYear)).toEqual([true, true, true]);
    expect([2026, 2100, 1900].map(isLeapYear)).toEqual([false, false, false]);
    expect([1, 2, 4, 12].map((m) => daysInMonth(2026, m))).toEqual([31, 28, 30, 31]);
    expect(daysInMonth(2028, 2)).toBe(29);
  });

  it("adds days and months on plain dates", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(addMonths("2026-10-31", 4)).toBe("2027-02-28");
    expect(addMonths("2026-05-31", -3)).toBe("2026-02-28");
  });

  it("refuses anything that is not a real calendar date", () => {
    expect(isCalendarDate("2026-02-29")).toBe(false);
    expect(isCalendarDate("2028-02-29")).toBe(true);
    expect(isCalendarDate("2026-13-01")).toBe(false);
    expect(isCalendarDate("26.11.2026")).toBe(false);
    expect(() => dueDate("2026-02-30", "first_day")).toThrow(RangeError);
  });
});

describe("today in Helsinki", () => {
  it("is the Helsinki calendar day, not the UTC one", () => {
    // 22:30 UTC on 29 Nov is 00:30 on 30 Nov in Helsinki (UTC+2 in winter).
    expect(todayInHelsinki(new Date("2026-11-29T22:30:00Z"))).toBe("2026-11-30");
    expect(todayInHelsinki(new Date("2026-11-29T21:59:00Z"))).toBe("2026-11-29");
    // Summer time (UTC+3): 21:30 UTC on 30 June is already 1 July.
    expect(todayInHelsinki(new Date("2026-06-30T21:30:00Z"))).toBe("2026-07-01");
  });
});

describe("overdue", () => {
  it("is a due date before today on a step that is not completed", () => {
    expect(isOverdue("2026-11-28", "2026-11-29", "not_started")).toBe(true);
    expect(isOverdue("2026-11-28", "2026-11-29", "in_progress")).toBe(true);
    expect(isOverdue("2026-11-28", "2026-11-29", "blocked")).toBe(true);
    expect(isOverdue("2026-11-28", "2026-11-29", "completed")).toBe(false);
    // Due today is not overdue yet.
    expect(isOverdue("2026-11-29", "2026-11-29", "not_started")).toBe(false);
    // No start date, no due date.
    expect(isOverdue(null, "2026-11-29", "not_started")).toBe(false);
  });
});
