// The one rule that decides the portal's mode, and the Secure flag that follows it.
import { describe, expect, it } from "vitest";
import { portalModeFrom, secureCookiesIn } from "./mode.mjs";

describe("portalModeFrom", () => {
  it("takes PORTAL_MODE first: npm start's evaluation mode runs with NODE_ENV=production", () => {
    expect(portalModeFrom({ PORTAL_MODE: "evaluation", NODE_ENV: "production" })).toBe("evaluation");
    expect(portalModeFrom({ PORTAL_MODE: "production" })).toBe("production");
  });

  it("falls back to NODE_ENV, and to evaluation when nothing is set", () => {
    expect(portalModeFrom({ NODE_ENV: "production" })).toBe("production");
    expect(portalModeFrom({ NODE_ENV: "development" })).toBe("development");
    expect(portalModeFrom({})).toBe("evaluation");
  });

  it("refuses a mode it does not know, rather than guessing", () => {
    expect(() => portalModeFrom({ PORTAL_MODE: "prod" })).toThrow(/PORTAL_MODE must be one of/);
  });
});

describe("secureCookiesIn", () => {
  it("is true in production only", () => {
    expect(secureCookiesIn("production")).toBe(true);
    expect(secureCookiesIn("evaluation")).toBe(false);
    expect(secureCookiesIn("development")).toBe(false);
  });
});
