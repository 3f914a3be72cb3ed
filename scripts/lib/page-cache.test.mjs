import { describe, expect, it } from "vitest";
import { PageStore, matchesEtag } from "./page-cache.mjs";

const entry = (bytes) => ({ etag: '"x"', headers: [], parts: [], bytes });

describe("PageStore", () => {
  it("drops the least recently used page when over its count or its bytes", () => {
    const store = new PageStore({ maxEntries: 2, maxBytes: 100 });
    store.set("a", entry(10));
    store.set("b", entry(10));
    store.get("a"); // a is now the most recent
    store.set("c", entry(10));
    expect([...store.entries.keys()]).toEqual(["a", "c"]);

    store.set("d", entry(95));
    expect([...store.entries.keys()]).toEqual(["d"]);
    expect(store.bytes).toBe(95);
    store.set("huge", entry(101));
    expect(store.get("huge")).toBeUndefined();
  });
});

describe("matchesEtag", () => {
  it("matches a tag in a list, weak or strong, or *", () => {
    expect(matchesEtag('"b", W/"a"', '"a"')).toBe(true);
    expect(matchesEtag("*", '"a"')).toBe(true);
    expect(matchesEtag('"ab"', '"a"')).toBe(false);
    expect(matchesEtag(undefined, '"a"')).toBe(false);
  });
});
