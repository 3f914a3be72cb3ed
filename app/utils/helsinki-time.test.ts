import { describe, expect, it } from "vitest";
import { endOfDayInHelsinki, startOfDayInHelsinki, todayInHelsinki } from "./helsinki-time";

describe("calendar days in Helsinki", () => {
  it("today changes at Helsinki midnight, in winter and in summer", () => {
    expect(todayInHelsinki(new Date("2026-11-29T22:30:00Z"))).toBe("2026-11-30");
    expect(todayInHelsinki(new Date("2026-11-29T21:59:00Z"))).toBe("2026-11-29");
    expect(todayInHelsinki(new Date("2026-06-30T21:30:00Z"))).toBe("2026-07-01");
  });

  it("a day starts at local midnight with the offset of that day", () => {
    expect(startOfDayInHelsinki("2026-12-31").toISOString()).toBe("2026-12-30T22:00:00.000Z");
    expect(startOfDayInHelsinki("2027-06-30").toISOString()).toBe("2027-06-29T21:00:00.000Z");
    // The days of the clock changes (29 March and 25 October 2026).
    expect(startOfDayInHelsinki("2026-03-29").toISOString()).toBe("2026-03-28T22:00:00.000Z");
    expect(startOfDayInHelsinki("2026-10-25").toISOString()).toBe("2026-10-24T21:00:00.000Z");
  });

  it("a day ends at its last second, however long the day", () => {
    expect(endOfDayInHelsinki("2026-12-31").toISOString()).toBe("2026-12-31T21:59:59.000Z");
    expect(endOfDayInHelsinki("2027-06-30").toISOString()).toBe("2027-06-30T20:59:59.000Z");
    expect(endOfDayInHelsinki("2026-03-29").toISOString()).toBe("2026-03-29T20:59:59.000Z");
    expect(endOfDayInHelsinki("2026-10-25").toISOString()).toBe("2026-10-25T21:59:59.000Z");
  });
});
