import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect";

describe("safeRedirectPath", () => {
  it("keeps same-site paths", () => {
    expect(safeRedirectPath("/fi/units?q=a")).toBe("/fi/units?q=a");
  });
  it("refuses other sites and odd input", () => {
    for (const bad of [
      "//evil.example",
      "/\\evil.example",
      "https://evil.example",
      "javascript:alert(1)",
      "",
      null,
      "/a\nb",
    ]) {
      expect(safeRedirectPath(bad, "/en")).toBe("/en");
    }
  });
});
