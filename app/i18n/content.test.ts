import { describe, expect, it } from "vitest";
import { fallbackLanguages, localize, pickText } from "./content";

const en = { lang: "en", version: 3, sourceVersion: null, body: "English" };
const fi = { lang: "fi", version: 1, sourceVersion: 3, body: "Suomi" };
const oldSv = { lang: "sv", version: 2, sourceVersion: 2, body: "Svenska" };

describe("pickText", () => {
  it("shows the requested language when it exists", () => {
    expect(pickText([en, fi], "fi", "en")).toMatchObject({ lang: "fi", isFallback: false, isOutdated: false });
  });

  it("falls back to the source language, and says so", () => {
    expect(pickText([en, fi], "sv", "en")).toMatchObject({ lang: "en", isFallback: true, text: en });
  });

  it("falls back to another language when even the source is missing", () => {
    expect(pickText([fi], "sv", "en")).toMatchObject({ lang: "fi", isFallback: true });
  });

  it("prefers the source language over other translations", () => {
    expect(pickText([fi, oldSv, en], "en", "sv")?.lang).toBe("en");
    expect(pickText([fi, oldSv], "en", "sv")?.lang).toBe("sv");
  });

  it("flags a translation made from an older version of the source", () => {
    expect(pickText([en, oldSv], "sv", "en")).toMatchObject({ lang: "sv", isOutdated: true });
    expect(pickText([en, fi], "fi", "en")?.isOutdated).toBe(false);
  });

  it("returns null when there is no text at all", () => {
    expect(pickText([], "fi", "en")).toBeNull();
  });
});

describe("fallbackLanguages", () => {
  it("lists each fallback language once", () => {
    const items = [
      localize([en], "fi", "en", (t) => t.body),
      localize([en], "fi", "en", (t) => t.body),
      localize([fi], "fi", "en", (t) => t.body),
    ];
    expect(fallbackLanguages(items)).toEqual(["en"]);
  });
});
