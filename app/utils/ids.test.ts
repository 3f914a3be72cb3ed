import { describe, expect, it } from "vitest";
import { idField, MAX_ID, parseId } from "./ids";

describe("parseId", () => {
  it("reads plain positive ids", () => {
    expect(parseId("1")).toBe(1);
    expect(parseId(String(MAX_ID))).toBe(MAX_ID);
  });

  it("refuses what cannot name a row", () => {
    for (const value of [
      "0",
      "-1",
      "01",
      "1.5",
      "1e3",
      " 1",
      "",
      "99999999999999999999",
      String(MAX_ID + 1),
      undefined,
    ]) {
      expect(parseId(value), String(value)).toBeNull();
    }
  });

  it("keeps form ids within the database's integer range", () => {
    expect(idField.safeParse("12").success).toBe(true);
    expect(idField.safeParse("99999999999999999999").success).toBe(false);
  });
});
