// A newcomer reads the portal: every page through the navigation, accessible, and the same with
// JavaScript disabled.
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, expectPageBasics } from "./support";

test("a newcomer visits every page through the navigation, and each passes axe", async ({ page }) => {
  await page.goto("/en");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome to Migri");
  await expect(page.getByText("for customers and for society")).toBeVisible();
  await expect(page.getByText("Our goal is to run Europe's most efficient permit services")).toBeVisible();
  await expectPageBasics(page);
  await expectNoAxeViolations(page);

  const nav = page.getByRole("navigation", { name: "Main" });
  const titles = new Set([await page.title()]);

  await nav.getByRole("link", { name: "Strategy" }).click();
  await expect(page).toHaveURL(/\/en\/strategy$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Strategy 2023–2027");
  await expect(page.getByText("Organisational strategy of the Finnish Immigration Service 2023-2027")).toBeVisible();
  await expect(page.getByText("Published 07/02/2023")).toBeVisible();
  await expectPageBasics(page);
  await expectNoAxeViolations(page);
  titles.add(await page.title());

  await nav.getByRole("link", { name: "Values" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Our values");
  await expect(page.getByRole("heading", { level: 2 })).toHaveText([
    "Reliable",
    "Open and transparent",
    "Bold and proactive",
  ]);
  await expectPageBasics(page);
  await expectNoAxeViolations(page);
  titles.add(await page.title());

  await nav.getByRole("link", { name: "Goals" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Our goals");
  await expect(page.locator(".goal-text")).toHaveText([
    "Our work is of good quality, our processes are smooth and efficient and the way we work is predictable.",
    "The customer experience with us is excellent.",
    "We seek to continuously update and improve the way we work.",
    "We are active in networks and seek to achieve solutions.",
    "We are an attractive workplace where the well-being of employees is seen to.",
  ]);
  await expectPageBasics(page);
  await expectNoAxeViolations(page);
  titles.add(await page.title());

  await nav.getByRole("link", { name: "Units" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Departments and units");
  await expect(page.locator("#departments + ul > li")).toHaveCount(4);
  await expect(page.locator("#units + ul > li")).toHaveCount(9);
  await expectPageBasics(page);
  await expectNoAxeViolations(page);
  titles.add(await page.title());

  await page.getByRole("link", { name: "Digital Services Unit" }).click();
  await expect(page).toHaveURL(/\/en\/units\/digital-services-unit$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Digital Services Unit");
  await expect(page.getByText("Needs review: parts of this page are placeholders")).toBeVisible();
  await expectPageBasics(page);
  await expectNoAxeViolations(page);
  titles.add(await page.title());

  await page.getByRole("link", { name: "Accessibility statement" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accessibility statement");
  await expectPageBasics(page);
  await expectNoAxeViolations(page);
  titles.add(await page.title());

  expect(titles.size, "every page has its own title").toBe(7);
});

test("a unit with public facts shows them, and nothing invented", async ({ page }) => {
  await page.goto("/en/units/permit-and-citizenship-department");
  await expect(page.getByText("Pauliina Helminen")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Citizenship applications" })).toBeVisible();
  await page.goto("/en/units/communications-unit");
  await expect(page.getByRole("link", { name: "media@migri.fi" })).toHaveAttribute("href", "mailto:media@migri.fi");
  await expect(page.locator(".facts dd").nth(1)).toHaveText("Not published");
});

test("unknown pages and units get a real 404 page that passes axe", async ({ page }) => {
  for (const path of ["/en/units/does-not-exist", "/en/no-such-page"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
    await expect(page).toHaveTitle(/^Page not found – /);
    await expectPageBasics(page);
    await expectNoAxeViolations(page);
  }
});

test("an error gets a plain error page, never a stack trace", async ({ page }) => {
  const response = await page.goto("/en/error-test");
  expect(response?.status()).toBe(500);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Something went wrong");
  await expect(page.locator("body")).not.toContainText("secret-internal-detail");
  await expect(page.locator("body")).not.toContainText("at loader");
  await expectPageBasics(page);
  await expectNoAxeViolations(page);
});

test("accessibility feedback: errors next to the field, nothing lost, then saved with the 14-day promise", async ({
  page,
}) => {
  await page.goto("/en/accessibility");
  await page.getByLabel("Your email address").fill("not-an-email");
  await page.getByLabel("Your name").fill("Maija Meikäläinen");
  await page.getByRole("button", { name: "Send feedback" }).click();
  await expect(page.locator("#field-message-errors")).toHaveText("This field is required.");
  await expect(page.locator("#field-email-errors")).toHaveText("Enter an email address like name@example.fi.");
  await expect(page.getByLabel("Your name")).toHaveValue("Maija Meikäläinen");
  await expect(page.getByLabel("Your feedback")).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page);

  await page.getByLabel("Your email address").fill("maija@example.fi");
  await page.getByLabel("Your feedback").fill("The contrast of the footer is low.");
  await page.getByRole("button", { name: "Send feedback" }).click();
  await expect(page.getByRole("status")).toContainText("will be answered within 14 days");
});

test.describe("with JavaScript disabled", () => {
  test.use({ javaScriptEnabled: false });

  test("every page reads the same, and the feedback form still works", async ({ page }) => {
    for (const [path, heading] of [
      ["/en", "Welcome to Migri"],
      ["/en/strategy", "Strategy 2023–2027"],
      ["/en/values", "Our values"],
      ["/en/goals", "Our goals"],
      ["/en/units", "Departments and units"],
      ["/en/units/security-unit", "Security Unit"],
      ["/en/accessibility", "Accessibility statement"],
    ]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    }
    await page.getByLabel("Your feedback").fill("Sent without JavaScript.");
    await page.getByRole("button", { name: "Send feedback" }).click();
    await expect(page.getByRole("status")).toContainText("14 days");
  });
});
