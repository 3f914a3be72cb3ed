// Word diffs and snapshots: the pieces the history and conflict pages are built from.
import { describe, expect, it } from "vitest";
import { diffSnapshots, parseVersionRef, sameFields, wordDiff } from "./revision.server";

describe("word diff", () => {
  it("marks whole words added and removed, keeping the rest", () => {
    expect(wordDiff("The unit plans services.", "The unit builds digital services.")).toEqual([
      { value: "The unit ", kind: "same" },
      { value: "plans", kind: "removed" },
      { value: "builds digital", kind: "added" },
      { value: " services.", kind: "same" },
    ]);
    expect(wordDiff("", "")).toEqual([]);
    expect(wordDiff("same", "same")).toEqual([{ value: "same", kind: "same" }]);
  });

  it("compares snapshots field by field: lists line by line, flags as flags, missing as empty", () => {
    const diff = diffSnapshots(
      { fields: { name: "Unit", duties: ["Plan", "Build"], needsReview: true } },
      { fields: { name: "Unit", duties: ["Plan", "Run"], needsReview: false, head: "Anna" } },
      ["name", "duties", "needsReview", "head"],
    );
    expect(diff.map((d) => [d.field, d.changed])).toEqual([
      ["name", false],
      ["duties", true],
      ["needsReview", true],
      ["head", true],
    ]);
    expect(diff[1]).toMatchObject({
      type: "text",
      parts: [
        { value: "Plan\n", kind: "same" },
        { value: "Build", kind: "removed" },
        { value: "Run", kind: "added" },
      ],
    });
    expect(diff[2]).toEqual({ field: "needsReview", type: "flag", changed: true, before: true, after: false });
    expect(diff[3]).toMatchObject({ type: "text", parts: [{ value: "Anna", kind: "added" }] });
  });

  it("treats empty text, an empty list and a missing field as the same", () => {
    expect(sameFields({ fields: { a: "", b: [] } }, { fields: { a: null } }, ["a", "b"])).toBe(true);
    expect(sameFields({ fields: { a: "x" } }, null, ["a"])).toBe(false);
  });

  it("reads version references of the compare form, refusing anything else", () => {
    expect(parseVersionRef("en:3")).toEqual({ scope: "en", version: 3 });
    expect(parseVersionRef("shared:12")).toEqual({ scope: "shared", version: 12 });
    expect(parseVersionRef("de:1")).toBeNull();
    expect(parseVersionRef("en:1;drop")).toBeNull();
    expect(parseVersionRef(null)).toBeNull();
  });
});
