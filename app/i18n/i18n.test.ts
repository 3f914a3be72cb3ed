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
