import { describe, expect, it } from "vitest";
import { allCatalogues as catalogues } from "./catalogues.server";
import { findMissingKeys, formatDate, formatNumber, switchLanguagePath, translate } from "./index";

describe("message catalogues", () => {
  it("have the same keys in Finnish, Swedish and English", () => {
    expect(findMissingKeys(catalogues)).toEqual([]);
  });

  it("detects a key removed from one language", () => {
    const { "nav.units": _removed, ...svWithoutKey } = catalogues.sv;
    expect(findMissingKeys({ ...catalogues, sv: svWithoutKey })).toEqual(["sv: nav.units"]);
  });

  it("detects a key left empty", () => {
    expect(findMissingKeys({ ...catalogues, fi: { ...catalogues.fi, "nav.units": " " } })).toEqual(["fi: nav.units"]);
  });

  it("uses the words a Finnish agency uses", () => {
    expect([translate("fi", "nav.units"), translate("sv", "nav.units"), translate("en", "nav.units")]).toEqual([
      "Yksiköt",
      "Enheter",
      "Units",
    ]);
  });

  it("fills in parameters, formatting numbers for the language", () => {
    expect(translate("fi", "units.lead", { departments: 4, units: 9 })).toContain("4 osastoa ja 9 yksikköä");
    expect(translate("en", "home.staff", { count: 1300, year: "2023" })).toBe(
      "About 1,300 people worked at the agency in 2023.",
    );
    expect(translate("fi", "home.staff", { count: 1300, year: "2023" })).toBe(
      "Virastossa työskenteli vuonna 2023 noin 1\u00a0300 henkilöä.",
    );
  });
});

describe("formatting", () => {
  it("writes Finnish dates as 29.11.2026, in Helsinki time", () => {
    expect(formatDate("fi", "2026-11-29")).toBe("29.11.2026");
    expect(formatDate("sv", "2023-02-07")).toBe("7.2.2023");
    expect(formatDate("en", "2023-02-07")).toBe("07/02/2023");
    // 23:30 UTC on 28 Nov is already 29 Nov in Helsinki.
    expect(formatDate("fi", new Date("2026-11-28T23:30:00Z"))).toBe("29.11.2026");
  });

  it("groups numbers by language", () => {
    expect(formatNumber("en", 10000)).toBe("10,000");
    expect(formatNumber("fi", 10000)).toBe("10\u00a0000");
  });
});

describe("switchLanguagePath", () => {
  it("replaces or adds the language prefix and keeps the query", () => {
    expect(switchLanguagePath("/fi/units/digital-services-unit", "sv")).toBe("/sv/units/digital-services-unit");
    expect(switchLanguagePath("/fi/units?q=digi&kind=unit", "en")).toBe("/en/units?q=digi&kind=unit");
    expect(switchLanguagePath("/fi", "en")).toBe("/en");
    expect(switchLanguagePath("/units?q=a", "fi")).toBe("/fi/units?q=a");
    expect(switchLanguagePath("/", "sv")).toBe("/sv");
    expect(switchLanguagePath("/finance", "sv")).toBe("/sv/finance");
  });
});

describe("plural forms", () => {
  it("counts read right in every language: one event, two events", () => {
    expect(translate("en", "admin.auditCount", { count: 1 })).toBe("1 event");
    expect(translate("en", "admin.auditCount", { count: 2 })).toBe("2 events");
    expect(translate("en", "admin.auditCount", { count: 0 })).toBe("0 events");
    expect(translate("fi", "admin.auditCount", { count: 1 })).toBe("1 tapahtuma");
    expect(translate("fi", "admin.auditCount", { count: 5 })).toBe("5 tapahtumaa");
    expect(translate("sv", "admin.auditCount", { count: 1 })).toBe("1 händelse");
    expect(translate("sv", "admin.auditCount", { count: 3 })).toBe("3 händelser");
  });

  it("formats the number in the language's way, and keeps the other parameters", () => {
    expect(translate("fi", "admin.auditCount", { count: 12500 })).toBe("12\u00a0500 tapahtumaa");
    expect(translate("en", "onboarding.progressText", { completed: 0, total: 1, percent: 0 })).toBe(
      "0 of 1 step completed (0 %).",
    );
    expect(translate("fi", "onboarding.progressText", { completed: 2, total: 7, percent: 29 })).toBe(
      "2/7 vaihetta valmiina (29 %).",
    );
  });

  it("the editor's desk, page care, sign-in throttle and plan counts read right for one and for more", () => {
    expect(translate("en", "desk.attentionCount", { count: 1 })).toBe("1 needs attention");
    expect(translate("en", "desk.attentionCount", { count: 3 })).toBe("3 need attention");
    expect(translate("en", "care.interval", { months: 1 })).toBe("Reviewed every month.");
    expect(translate("en", "care.interval", { months: 12 })).toBe("Reviewed every 12 months.");
    expect(translate("fi", "care.interval", { months: 1 })).toBe("Tarkistetaan kuukauden välein.");
    expect(translate("sv", "care.interval", { months: 6 })).toBe("Granskas var 6:e månad.");
    expect(translate("en", "plan.completedSummary", { completed: 1, total: 1 })).toBe("Completed: 1 of 1 step");
    expect(translate("fi", "plan.completedSummary", { completed: 0, total: 1 })).toBe("Valmiina: 0/1 vaihe");
    expect(translate("sv", "auth.throttledSeconds", { seconds: 1 })).toContain("om 1 sekund.");
    expect(translate("sv", "care.linkWithOpen", { count: 1 })).toContain("(1 öppet)");
    expect(translate("sv", "care.linkWithOpen", { count: 2 })).toContain("(2 öppna)");
  });

  it("no catalogue leaves a plural block unresolved when its count is given", () => {
    for (const lang of ["fi", "sv", "en"] as const) {
      for (const count of [0, 1, 2, 5, 21]) {
        for (const key of [
          "search.countAtLeast",
          "desk.attentionCount",
          "care.linkWithOpen",
          "admin.auditCount",
        ] as const) {
          const text = translate(lang, key, { count, query: "x" });
          expect(text, `${lang} ${key} ${count}`).not.toMatch(/plural|[{}#]/);
        }
      }
    }
  });
});
