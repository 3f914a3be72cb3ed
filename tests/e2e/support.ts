import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** axe-core with the WCAG 2.1 A and AA rules: the page must have no violations. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** Every page: one h1, a title, a skip link to main, and the landmarks. */
export async function expectPageBasics(page: Page) {
  await expect(page.locator("h1")).toHaveCount(1);
  await expect(page).toHaveTitle(/.+ – .+/);
  await expect(page.locator("a.skip-link")).toHaveAttribute("href", "#main");
  await expect(page.locator("header")).toHaveCount(1);
  await expect(page.locator("main#main")).toHaveCount(1);
  await expect(page.locator("footer")).toHaveCount(1);
}

export const DEMO_PASSWORD = "migri-demo-2026";

/** Signs in through the sign-in page, as a person would. */
export async function signIn(page: Page, email: string, lang: "fi" | "sv" | "en" = "en") {
  const labels = {
    fi: ["Sähköpostiosoite", "Salasana", "Kirjaudu sisään"],
    sv: ["E-postadress", "Lösenord", "Logga in"],
    en: ["Email address", "Password", "Sign in"],
  }[lang];
  await page.goto(`/${lang}/login`);
  await page.getByLabel(labels[0]).fill(email);
  await page.getByLabel(labels[1], { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("main").getByRole("button", { name: labels[2] }).click();
  await expect(page).not.toHaveURL(/\/login/);
}
