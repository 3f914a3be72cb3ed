import { describe, expect, it } from "vitest";
import { fold, highlight, matchRanges, queryWords, snippet } from "./search-text";

const marked = (segments: { text: string; match: boolean }[]) =>
  segments.map((s) => (s.match ? `[${s.text}]` : s.text)).join("");

describe("query words", () => {
  it("folds case and diacritics as the index does", () => {
    expect(fold("Päätös ÅSTRÖM Ελλάδα")).toBe("paatos astrom ελλαδα");
    expect(queryWords("  Oleskelu-LUPA  päätös ")).toEqual(["oleskelu", "lupa", "paatos"]);
  });

  it("turns hostile input into plain words: no quote, operator or bracket survives", () => {
    expect(queryWords('"')).toEqual([]);
    expect(queryWords("*")).toEqual([]);
    expect(queryWords("NEAR(")).toEqual(["near"]);
    expect(queryWords("' OR 1=1 --")).toEqual(["or", "1"]);
    expect(queryWords('title:"x" AND (y OR z*) NOT {body}^')).toEqual([
      "title",
      "x",
      "and",
      "y",
      "or",
      "z",
      "not",
      "body",
    ]);
    expect(queryWords("a\u0000b\ud800c")).toEqual(["a", "b", "c"]);
  });

  it("caps the work a long input can cause", () => {
    expect(queryWords("x".repeat(10_000))).toEqual(["x".repeat(200)]);
    expect(queryWords(Array.from({ length: 50 }, (_, i) => `word${i}`).join(" "))).toHaveLength(8);
    expect(queryWords("lupa lupa LUPA")).toEqual(["lupa"]);
  });
});

describe("highlighting", () => {
  it("marks matches inside words, whatever their case and diacritics", () => {
    expect(marked(highlight("Oleskelulupa ja lupapalvelut", ["lupa"]))).toBe("Oleskelu[lupa] ja [lupa]palvelut");
    expect(marked(highlight("Päätös tehty", ["paatos"]))).toBe("[Päätös] tehty");
    expect(marked(highlight("Digital Services", ["digi", "services"]))).toBe("[Digi]tal [Services]");
  });

  it("keeps positions right when folding changes a text's length", () => {
    // "ﬁ" folds to two letters and a combining mark to none: the highlight still covers the source.
    expect(marked(highlight("Oﬃce ﬁnance", ["finance"]))).toBe("Oﬃce [ﬁnance]");
    expect(marked(highlight("Pa\u0308a\u0308to\u0308s lupa", ["lupa"]))).toBe("Pa\u0308a\u0308to\u0308s [lupa]");
    expect(marked(highlight("Pa\u0308a\u0308to\u0308s", ["paatos"]))).toBe("[Pa\u0308a\u0308to\u0308s]");
    expect(marked(highlight("ÅSTRÖM Ελλάδα", ["astrom", "ελλαδα"]))).toBe("[ÅSTRÖM] [Ελλάδα]");
  });

  it("merges overlapping matches and keeps text outside them as it is", () => {
    expect(matchRanges("abcdef", ["abc", "bcd"])).toEqual([[0, 4]]);
    expect(marked(highlight("<b>lupa</b>", ["lupa"]))).toBe("<b>[lupa]</b>");
    expect(highlight("no match here", ["zzz"])).toEqual([{ text: "no match here", match: false }]);
  });

  it("makes a snippet around the first match, with ellipses where text was cut", () => {
    const long = `${"Alku ".repeat(60)}tässä on oleskelulupa keskellä ${"loppu ".repeat(60)}`;
    const s = snippet(long, ["lupa"], 120);
    expect(s.matched).toBe(true);
    const text = marked(s.segments);
    expect(text.startsWith("… ")).toBe(true);
    expect(text.endsWith(" …")).toBe(true);
    expect(text).toContain("oleskelu[lupa] keskellä");
    expect(text.length).toBeLessThan(140);
    expect(marked(snippet("Short text", ["zzz"]).segments)).toBe("Short text");
    expect(snippet("Short text", ["zzz"]).matched).toBe(false);
  });
});
