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

describe("safeRedirectPath and header-safe addresses", () => {
  it("percent-encodes characters a Location header cannot carry", () => {
    expect(safeRedirectPath("/%E3%80%82x")).toBe("/%E3%80%82x");
    expect(safeRedirectPath("/。x")).toBe("/%E3%80%82x");
    expect(safeRedirectPath("/fi/yksiköt?q=päivä a")).toBe("/fi/yksik%C3%B6t?q=p%C3%A4iv%C3%A4%20a");
    expect(() => new Headers({ Location: safeRedirectPath("/😀/é") })).not.toThrow();
  });

  it("refuses what cannot be encoded", () => {
    expect(safeRedirectPath("/\ud800x", "/en")).toBe("/en");
  });
});
