// A newcomer finds who does what: the instant unit directory, the organisation chart, unit pages'
// place in the structure, and the site search, with and without JavaScript, in every language.
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, expectPageBasics } from "./support";

const cards = (page: Page) => page.locator(".unit-card");

/** Hydrated: React handles the inputs (typing before that would go to the server-rendered HTML). */
async function gotoHydrated(page: Page, url: string) {
  await page.goto(url);
  await page.waitForLoadState("networkidle");
}

test.describe("the unit directory", () => {
  test("typing digi leaves only the Digital Services Unit, at once, without a request, and the address follows", async ({
    page,
  }) => {
    await gotoHydrated(page, "/en/units");
    await expect(cards(page)).toHaveCount(13);
    const search = page.getByLabel("Search units");
    const before = await search.boundingBox();
    const requests: string[] = [];
    // Page loads and data requests; the browser may re-read the favicon when the address changes.
    // (Route discovery, /__manifest, is the framework learning about links, not a search.)
    page.on("request", (request) => {
      if (["document", "fetch", "xhr"].includes(request.resourceType()) && !request.url().includes("/__manifest")) {
        requests.push(request.url());
      }
    });

    await search.pressSequentially("digi", { delay: 40 });
    await expect(cards(page)).toHaveCount(1);
    await expect(cards(page).getByRole("heading")).toHaveText("Digital Services Unit");
    await expect(page).toHaveURL(/\/en\/units\?q=digi$/);
    await expect(page.getByRole("status")).toHaveText("Showing 1 of 13");
    expect(await search.boundingBox(), "the search box does not move").toEqual(before);
    expect(requests, "no request per keystroke").toEqual([]);

    await page.getByLabel("Type").selectOption("department");
    await expect(page).toHaveURL(/\/en\/units\?q=digi&kind=department$/);
    await expect(page.getByText("No department or unit matches your search.")).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "Clear the search and filters" }).click();
    await expect(cards(page)).toHaveCount(13);
    await expect(page).toHaveURL(/\/en\/units$/);
    await expect(search).toBeFocused();
    await expect(search).toHaveValue("");
    expect(requests).toEqual([]);
  });

  test("the same address opened fresh shows the same filtered list", async ({ page }) => {
    await page.goto("/en/units?q=digi&kind=unit");
    await expect(cards(page)).toHaveCount(1);
    await expect(cards(page).getByRole("heading")).toHaveText("Digital Services Unit");
    await expect(page.getByLabel("Search units")).toHaveValue("digi");
    await expect(page.getByLabel("Type")).toHaveValue("unit");
    await expect(page.getByText("Showing 1 of 13").first()).toBeVisible();

    await page.goto("/en/units?kind=department");
    await expect(page.locator("#departments + ul > li")).toHaveCount(4);
    await expect(page.locator("#units")).toHaveCount(0);
  });

  test("/ jumps to the search box; a name in another language finds the unit", async ({ page }) => {
    await gotoHydrated(page, "/sv/units");
    await page.locator("h1").click();
    await page.keyboard.press("/");
    await expect(page.getByLabel("Sök enheter")).toBeFocused();
    await page.keyboard.type("SECURITY");
    await expect(cards(page)).toHaveCount(1);
    await expect(page).toHaveURL(/\/sv\/units\?q=SECURITY$/);
    // The language switcher keeps the filter the reader typed.
    await page.getByRole("navigation", { name: "Språk" }).getByRole("link", { name: "Suomeksi" }).click();
    await expect(page).toHaveURL(/\/fi\/units\?q=SECURITY$/);
    await expect(cards(page)).toHaveCount(1);
  });

  test.describe("with JavaScript disabled", () => {
    test.use({ javaScriptEnabled: false });
    test("the GET form gives the same result", async ({ page }) => {
      await page.goto("/en/units");
      await page.getByLabel("Search units").fill("digi");
      await page.getByRole("button", { name: "Show" }).click();
      await expect(page).toHaveURL(/\/en\/units\?q=digi/);
      await expect(cards(page)).toHaveCount(1);
      await expect(cards(page).getByRole("heading")).toHaveText("Digital Services Unit");
      await page.getByLabel("Type").selectOption("department");
      await page.getByRole("button", { name: "Show" }).click();
      await expect(page.getByText("No department or unit matches your search.")).toBeVisible();
      await page.getByRole("link", { name: "Clear the search and filters" }).click();
      await expect(cards(page)).toHaveCount(13);
    });

    test("the chart is nested lists of links that Tab walks, and the site search works", async ({ page }) => {
      await page.goto("/en/units/chart");
      await expect(page.getByRole("tree")).toHaveCount(0);
      const links = page.locator(".org-chart a");
      await expect(links).toHaveCount(13);
      await links.first().focus();
      const visited: string[] = [];
      for (let i = 0; i < 13; i++) {
        visited.push((await page.evaluate(() => document.activeElement?.getAttribute("href"))) ?? "");
        await page.keyboard.press("Tab");
      }
      expect(visited).toEqual(await links.evaluateAll((els) => els.map((el) => el.getAttribute("href") ?? "")));

      const siteSearch = page.getByRole("searchbox", { name: "Search the portal" });
      await siteSearch.fill("lupa");
      await siteSearch.press("Enter");
      await expect(page).toHaveURL(/\/en\/search\?q=lupa$/);
      await expect(page.getByRole("link", { name: "Strategy › Vision" })).toBeVisible();
    });
  });
});

test.describe("the organisation chart", () => {
  test("is a tree the arrow keys walk, one Tab stop, each node a link to its unit", async ({ page }) => {
    await gotoHydrated(page, "/en/units/chart");
    const tree = page.getByRole("tree", { name: "Organisation chart" });
    await expect(tree).toBeVisible();
    await expectPageBasics(page);

    // Tab from the top of the page until the tree has focus: it is one Tab stop.
    for (let i = 0; i < 40 && !(await tree.evaluate((el) => el.contains(document.activeElement))); i++) {
      await page.keyboard.press("Tab");
    }
    const focused = page.locator(":focus");
    await expect(focused).toHaveAttribute("role", "treeitem");
    await expect(focused).toContainText("Director General");
    await expect(focused).toContainText("Ilkka Haahtela");

    await page.keyboard.press("ArrowDown");
    await expect(focused).toHaveText("Permit and Citizenship Department");
    await page.keyboard.press("End");
    await expect(focused).toHaveText("Security Unit");
    await page.keyboard.press("ArrowLeft");
    await expect(focused).toContainText("Director General");
    await page.keyboard.press("ArrowLeft");
    await expect(focused).toHaveAttribute("aria-expanded", "false");
    await expect(page.getByRole("treeitem")).toHaveCount(1);
    await page.keyboard.press("ArrowRight");
    await expect(page.getByRole("treeitem")).toHaveCount(14);
    await page.keyboard.press("ArrowRight");
    await expect(focused).toHaveText("Permit and Citizenship Department");
    await page.keyboard.press("Home");
    await expect(focused).toContainText("Director General");
    await expect(page.locator('[role="treeitem"][tabindex="0"]')).toHaveCount(1);

    for (let i = 0; i < 7; i++) await page.keyboard.press("ArrowDown");
    await expect(focused).toHaveText("Digital Services Unit");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/en\/units\/digital-services-unit$/);
  });

  test("a unit page shows its place: breadcrumbs from the Director General, and a link into the chart", async ({
    page,
  }) => {
    await page.goto("/en/units/digital-services-unit");
    const crumbs = page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("listitem");
    await expect(crumbs).toHaveText(["Director General", "Digital Services Unit"]);
    await crumbs.first().getByRole("link").click();
    await expect(page).toHaveURL(/\/en\/units\/chart$/);
    await page.goBack();
    await page.getByRole("link", { name: "Show in the organisation chart" }).click();
    await expect(page).toHaveURL(/\/en\/units\/chart#unit-digital-services-unit$/);
    await expect(page.locator("#unit-digital-services-unit")).toBeVisible();
  });
});

test.describe("site search", () => {
  test("from the header: Finnish compounds, ranked and marked, in every language's texts", async ({ page }) => {
    await gotoHydrated(page, "/fi");
    await page.getByRole("searchbox", { name: "Hae portaalista" }).fill("lupa");
    await page.getByRole("search", { name: "Hae portaalista" }).getByRole("button", { name: "Hae" }).click();
    await expect(page).toHaveURL(/\/fi\/search\?q=lupa$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Haku");
    const hit = page.locator(".search-hit").first();
    await expect(hit.getByRole("link")).toHaveText("Strategia › Visio");
    await expect(hit.locator("mark").first()).toHaveText("Lupa");
    await expect(page.getByRole("status")).toHaveText("Tuloksia haulla ”lupa”: 1");
    await expect(page.getByLabel("Hakusanat")).toHaveValue("lupa");
  });

  test("hostile input is searched for as text", async ({ page }) => {
    for (const q of ['"', "*", "NEAR(", "' OR 1=1 --", "((lupa", "x".repeat(10_000)]) {
      const response = await page.goto(`/en/search?q=${encodeURIComponent(q)}`);
      expect(response?.status(), q).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Search");
    }
    await page.goto(`/en/search?q=${encodeURIComponent("((lupa")}`);
    await expect(page.locator(".search-hit")).toHaveCount(1);
  });
});

const texts = {
  fi: {
    search: "lupa",
    noHits: "Haulla ”qqqzzz” ei löytynyt mitään.",
    empty: "Hakuasi vastaavaa osastoa tai yksikköä ei löytynyt.",
    chart: "Organisaatiokaavio",
  },
  sv: {
    search: "permit",
    noHits: "Sökningen ”qqqzzz” gav inga träffar.",
    empty: "Ingen avdelning eller enhet motsvarar din sökning.",
    chart: "Organisationsschema",
  },
  en: {
    search: "unit",
    noHits: "Nothing was found for “qqqzzz”.",
    empty: "No department or unit matches your search.",
    chart: "Organisation chart",
  },
} as const;

for (const [lang, t] of Object.entries(texts)) {
  test(`directory, chart, search and unit pages pass axe in ${lang}`, async ({ page }) => {
    const visit = async (path: string) => {
      await page.goto(`/${lang}${path}`);
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      await expectPageBasics(page);
      await expectNoAxeViolations(page);
    };
    await visit("/units?q=digi");
    await expect(cards(page)).toHaveCount(1);
    await visit("/units?q=qqqzzz");
    await expect(page.getByText(t.empty)).toBeVisible();
    await visit("/units/chart");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.chart);
    await visit(`/search?q=${t.search}`);
    await expect(page.locator(".search-hit").first()).toBeVisible();
    await visit("/search?q=qqqzzz");
    await expect(page.getByText(t.noHits)).toBeVisible();
    await visit("/search");
    await visit("/units/permit-and-citizenship-department");
    await expect(page.getByRole("link", { name: /chart|kaavio|schema/i })).toHaveCount(1);
  });
}
