import { describe, expect, it } from "vitest";
import { addMonths, daysBetween, helsinkiDate, isoWeek, reviewDueOn, reviewState } from "./review-dates";

describe("review dates on the Helsinki calendar", () => {
  it("takes the Helsinki date of an instant, not the UTC one", () => {
    // 22:30 UTC on 31 December is already 1 January in Helsinki (UTC+2).
    expect(helsinkiDate(new Date("2026-12-31T22:30:00Z"))).toBe("2027-01-01");
    // Summer time (UTC+3): 21:30 UTC on 30 June is 1 July in Helsinki.
    expect(helsinkiDate(new Date("2026-06-30T21:30:00Z"))).toBe("2026-07-01");
    expect(helsinkiDate(new Date("2026-06-30T20:30:00Z"))).toBe("2026-06-30");
  });

  it("adds months, clamping to the month's last day", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2027-12-15", 12)).toBe("2028-12-15");
    expect(reviewDueOn("2024-02-29", 12)).toBe("2025-02-28");
  });

  it("counts a review overdue only after its due date, and due soon within 30 days", () => {
    expect(reviewState("2026-12-03", "2026-12-03")).toBe("due_soon");
    expect(reviewState("2026-12-02", "2026-12-03")).toBe("overdue");
    expect(reviewState("2027-01-02", "2026-12-03")).toBe("due_soon");
    expect(reviewState("2027-01-03", "2026-12-03")).toBe("ok");
    expect(daysBetween("2026-12-03", "2026-12-17")).toBe(14);
  });

  it("names ISO weeks across a year boundary", () => {
    expect(isoWeek("2026-12-28")).toBe("2026-W53");
    expect(isoWeek("2027-01-03")).toBe("2026-W53");
    expect(isoWeek("2027-01-04")).toBe("2027-W01");
  });
});
