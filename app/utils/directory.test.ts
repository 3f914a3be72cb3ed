import { describe, expect, it } from "vitest";
import { directoryHaystack, directorySearch, filterUnits, isFiltered, parseDirectoryFilters } from "./directory";

const units = [
  {
    slug: "digital",
    kind: "department",
    location: null,
    haystack: directoryHaystack({ shown: ["Digital Services Unit", "Builds e-services"], otherNames: [] }),
  },
  {
    slug: "permits",
    kind: "department",
    location: "Helsinki",
    haystack: directoryHaystack({ shown: ["Permit Department", "Residence permits"], otherNames: ["Lupaosasto"] }),
  },
  {
    slug: "security",
    kind: "unit",
    location: "Turku",
    haystack: directoryHaystack({
      shown: ["Security Unit", "Security matters", "Contingency planning"],
      otherNames: ["Turvallisuusyksikkö", "Säkerhetsenheten"],
    }),
  },
];
const slugs = (filters: string) =>
  filterUnits(units, parseDirectoryFilters(new URLSearchParams(filters))).map((u) => u.slug);

describe("directory filters", () => {
  it("read from the URL leniently: unknown values mean no filter", () => {
    expect(parseDirectoryFilters(new URLSearchParams("q=digi&kind=unit&location=Turku&page=3"))).toEqual({
      q: "digi",
      kind: "unit",
      location: "Turku",
      page: 3,
    });
    expect(parseDirectoryFilters(new URLSearchParams("kind=team&page=-4"))).toEqual({
      q: "",
      kind: "",
      location: "",
      page: 1,
    });
    expect(parseDirectoryFilters(new URLSearchParams(`q=${"x".repeat(5000)}`)).q).toHaveLength(200);
  });

  it("write to the URL without empty values", () => {
    expect(directorySearch({ q: " digi ", kind: "unit", location: "", page: 1 })).toBe("?q=digi&kind=unit");
    expect(directorySearch({ q: "", kind: "", location: "", page: 1 })).toBe("");
    expect(directorySearch({ q: "a&b", page: 2 })).toBe("?q=a%26b&page=2");
    expect(isFiltered(parseDirectoryFilters(new URLSearchParams("q=%22%22")))).toBe(false);
  });

  it("match every word anywhere in the shown name, summary and duties, case and accents aside", () => {
    expect(slugs("q=digi")).toEqual(["digital"]);
    expect(slugs("q=SECURITY planning")).toEqual(["security"]);
    expect(slugs("q=security permits")).toEqual([]);
    expect(slugs("q=e-services")).toEqual(["digital"]);
    expect(slugs("q=")).toEqual(["digital", "permits", "security"]);
  });

  it("find a unit by its name in another language", () => {
    expect(slugs("q=lupaosasto")).toEqual(["permits"]);
    expect(slugs("q=sakerhet")).toEqual(["security"]);
    expect(slugs("q=turvallisuus")).toEqual(["security"]);
  });

  it("filter by kind and location, together with the words", () => {
    expect(slugs("kind=unit")).toEqual(["security"]);
    expect(slugs("kind=department&q=permit")).toEqual(["permits"]);
    expect(slugs("location=Helsinki")).toEqual(["permits"]);
    expect(slugs("location=Helsinki&q=security")).toEqual([]);
  });

  it("treat hostile input as text", () => {
    for (const q of ['"', "*", "NEAR(", "' OR 1=1 --", "((", "x".repeat(10_000)]) {
      expect(() => slugs(`q=${encodeURIComponent(q)}`)).not.toThrow();
    }
    expect(slugs(`q=${encodeURIComponent("' OR 1=1 --")}`)).toEqual([]);
  });
});
