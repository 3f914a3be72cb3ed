import { describe, expect, it } from "vitest";
import { actionRouteFor, actionRoutes, bodyLimitFor, DEFAULT_BODY_LIMIT, refusalPage } from "./request-limits.mjs";

const action = () => null;
const build = {
  routes: {
    root: { id: "root", path: "", module: {} },
    "routes/$lang": { id: "routes/$lang", parentId: "root", path: ":lang", module: {} },
    "routes/$lang.accessibility": {
      id: "routes/$lang.accessibility",
      parentId: "root",
      path: ":lang/accessibility",
      module: { action, bodyLimit: 60_000 },
    },
    "routes/$lang.onboarding._index": {
      id: "routes/$lang.onboarding._index",
      parentId: "root",
      path: ":lang/onboarding",
      index: true,
      module: { action, bodyLimit: async ({ lang }: { lang: string }) => (lang === "fi" ? 5_000 : 4_000) },
    },
    "routes/$lang.units.$slug_.edit": {
      id: "routes/$lang.units.$slug_.edit",
      parentId: "root",
      path: ":lang/units/:slug/edit",
      module: { action },
    },
  },
};

describe("body limits from the route manifest", () => {
  const routes = actionRoutes(build);

  it("finds the route whose action answers a path", () => {
    expect(actionRouteFor(routes, "/en/accessibility")?.id).toBe("routes/$lang.accessibility");
    expect(actionRouteFor(routes, "/en/units/a-unit/edit")?.id).toBe("routes/$lang.units.$slug_.edit");
    expect(actionRouteFor(routes, "/en/nothing-here")).toBeUndefined();
  });

  it("uses what the route declares, a number or a function of the language, else the default", async () => {
    expect(await bodyLimitFor(routes, "/en/accessibility")).toBe(60_000);
    expect(await bodyLimitFor(routes, "/fi/onboarding", "?index")).toBe(5_000);
    expect(await bodyLimitFor(routes, "/en/units/a-unit/edit")).toBe(DEFAULT_BODY_LIMIT);
    expect(await bodyLimitFor(routes, "/en/nothing-here")).toBe(DEFAULT_BODY_LIMIT);
  });

  it("applies the page's limit to the same form posted with JavaScript (single fetch, .data)", async () => {
    expect(await bodyLimitFor(routes, "/en/accessibility.data")).toBe(60_000);
    expect(await bodyLimitFor(routes, "/fi/onboarding.data", "?index")).toBe(5_000);
  });

  it("writes the refusal page in English without the app's texts, escaping nothing it should not", () => {
    const page = refusalPage(undefined, "/xx/form", "tooLarge", 10_240);
    expect(page).toContain('<html lang="en">');
    expect(page).toContain("10 KB");
  });
});
