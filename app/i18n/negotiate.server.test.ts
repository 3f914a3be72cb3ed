import { describe, expect, it } from "vitest";
import { matchAcceptLanguage, preferredLanguage, redirectToPreferredLanguage } from "./negotiate.server";

const request = (headers: Record<string, string>, url = "http://portal.test/units?q=digi") =>
  new Request(url, { headers });

describe("language negotiation", () => {
  it("honours Accept-Language q-values among fi, sv and en", () => {
    expect(matchAcceptLanguage("sv-FI,sv;q=0.9,en;q=0.8")).toBe("sv");
    expect(matchAcceptLanguage("de-DE,de;q=0.9,fi;q=0.5,en;q=0.7")).toBe("en");
    expect(matchAcceptLanguage("en;q=0.2, fi")).toBe("fi");
    expect(matchAcceptLanguage("de, fr")).toBeNull();
    expect(matchAcceptLanguage("fi;q=0")).toBeNull();
    expect(matchAcceptLanguage("")).toBeNull();
  });

  it("prefers the saved choice over the browser's languages, and defaults to English", () => {
    expect(preferredLanguage(request({ Cookie: "x=1; lang=sv", "Accept-Language": "fi" }))).toBe("sv");
    expect(preferredLanguage(request({ Cookie: "lang=de", "Accept-Language": "fi" }))).toBe("fi");
    expect(preferredLanguage(request({}))).toBe("en");
  });

  it("redirects an unprefixed URL with 302, keeping the query string", () => {
    const response = redirectToPreferredLanguage(request({ "Accept-Language": "fi-FI" }));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/fi/units?q=digi");
  });
});
