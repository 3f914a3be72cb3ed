import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** axe-core with the WCAG 2.1 A and AA rules: the page must have no violations. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
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
