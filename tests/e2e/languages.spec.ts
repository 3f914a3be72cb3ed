// The portal in Finnish, Swedish and English: language in the URL, switcher, redirects of
// unprefixed URLs, honest fallbacks.
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, expectPageBasics } from "./support";

const pages = {
  fi: [
    "Tervetuloa Migriin",
    "Strategia 2023–2027",
    "Arvomme",
    "Tavoitteemme",
    "Osastot ja yksiköt",
    "Saavutettavuusseloste",
  ],
  sv: [
    "Välkommen till Migri",
    "Strategi 2023–2027",
    "Våra värderingar",
    "Våra mål",
    "Avdelningar och enheter",
    "Tillgänglighetsutlåtande",
  ],
  en: [
    "Welcome to Migri",
    "Strategy 2023–2027",
    "Our values",
    "Our goals",
    "Departments and units",
    "Accessibility statement",
  ],
} as const;
const paths = ["", "/strategy", "/values", "/goals", "/units", "/accessibility"];

for (const [lang, headings] of Object.entries(pages)) {
  test(`main pages in ${lang}: lang attribute, headings, alternates, axe`, async ({ page }) => {
    for (const [i, path] of paths.entries()) {
      await page.goto(`/${lang}${path}`);
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(headings[i]);
      await expect(page.locator('link[rel="alternate"][hreflang="sv"]')).toHaveAttribute(
        "href",
        new RegExp(`/sv${path}$`),
      );
      await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`/${lang}${path}$`));
      await expectPageBasics(page);
      await expectNoAxeViolations(page);
    }
    await page.goto(`/${lang}/units/digital-services-unit`);
    await expectNoAxeViolations(page);
    const response = await page.goto(`/${lang}/units/does-not-exist`);
    expect(response?.status()).toBe(404);
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    await expectNoAxeViolations(page);
  });
}

test("Finnish pages use Finnish text and Finnish dates", async ({ page }) => {
  await page.goto("/fi/strategy");
  await expect(page.getByText("Julkaistu 7.2.2023")).toBeVisible();
  await expect(page.getByText("Lupapalvelut ovat Euroopan sujuvimmat.")).toBeVisible();
  await page.goto("/fi/values");
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(["Luotettava", "Avoin", "Rohkea"]);
  await expect(page.locator(".notice--fallback")).toHaveCount(0);
});

test("Swedish values fall back to English with a notice, never invented Swedish", async ({ page }) => {
  await page.goto("/sv/values");
  await expect(page.locator(".notice--fallback")).toHaveText(
    "En del texter på den här sidan finns ännu inte på svenska; de visas på engelska.",
  );
  const names = page.getByRole("heading", { level: 2 });
  await expect(names).toHaveText(["Reliable", "Open and transparent", "Bold and proactive"]);
  await expect(names.first().locator("span")).toHaveAttribute("lang", "en");
});

test("an untranslated unit shows the fallback notice in the reader's language, marked with the text's language", async ({
  page,
}) => {
  await page.goto("/fi/units/digital-services-unit");
  const block = page.locator('[lang="en"]').filter({ has: page.getByRole("heading", { level: 1 }) });
  await expect(block.getByRole("heading", { level: 1 })).toHaveText("Digital Services Unit");
  const notice = page.locator(".notice--fallback");
  await expect(notice).toHaveText("Tätä tekstiä ei ole vielä suomeksi; näytetään englanniksi.");
  await expect(notice).toHaveAttribute("lang", "fi");
  await expectNoAxeViolations(page);
});

test("the switcher keeps the visitor on the same page, and remembers the choice", async ({ page }) => {
  await page.goto("/en/units/security-unit");
  await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "På svenska" }).click();
  await expect(page).toHaveURL(/\/sv\/units\/security-unit$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "sv");
  // The saved choice now decides where an unprefixed link goes.
  await page.goto("/values");
  await expect(page).toHaveURL(/\/sv\/values$/);
});

test.describe("with JavaScript disabled", () => {
  test.use({ javaScriptEnabled: false });
  test("the switcher still works", async ({ page }) => {
    await page.goto("/fi/goals");
    await page.getByRole("link", { name: "In English" }).click();
    await expect(page).toHaveURL(/\/en\/goals$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Our goals");
  });
});

test.describe("unprefixed URLs", () => {
  test("redirect by Accept-Language, keeping the query", async ({ browser }) => {
    const context = await browser.newContext({
      locale: "sv-FI",
      extraHTTPHeaders: { "Accept-Language": "sv-FI,sv;q=0.9" },
    });
    const page = await context.newPage();
    const response = await page.request.get("/units?kind=unit", { maxRedirects: 0 });
    expect(response.status()).toBe(302);
    expect(response.headers()["location"]).toBe("/sv/units?kind=unit");
    await page.goto("/strategy");
    await expect(page).toHaveURL(/\/sv\/strategy$/);
    await context.close();
  });

  test("redirect by the saved cookie before Accept-Language", async ({ browser }) => {
    const context = await browser.newContext({ extraHTTPHeaders: { "Accept-Language": "sv" } });
    await context.addCookies([{ name: "lang", value: "fi", url: test.info().project.use.baseURL! }]);
    const page = await context.newPage();
    await page.goto("/units/digital-services-unit");
    await expect(page).toHaveURL(/\/fi\/units\/digital-services-unit$/);
    await context.close();
  });

  test("fall back to English", async ({ browser }) => {
    const context = await browser.newContext({ extraHTTPHeaders: { "Accept-Language": "de-DE" } });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page).toHaveURL(/\/en$/);
    await context.close();
  });

  test("machine endpoints need no prefix", async ({ request }) => {
    const response = await request.get("/healthz");
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true });
  });
});
