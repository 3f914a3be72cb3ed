// Signing in and out, and an administrator managing users, in a real browser.
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, expectPageBasics, signIn } from "./support";

test("sign-in page passes axe in every language; signed-out visitors come back after signing in", async ({ page }) => {
  for (const lang of ["fi", "sv", "en"] as const) {
    await page.goto(`/${lang}/login`);
    await expectPageBasics(page);
    await expectNoAxeViolations(page);
  }
  await page.goto("/en/admin/users");
  await expect(page).toHaveURL(/\/en\/login\?redirectTo=%2Fen%2Fadmin%2Fusers$/);
  await page.getByLabel("Email address").fill("admin@migri.example");
  await page.getByLabel("Password", { exact: true }).fill("migri-demo-2026");
  await page.getByRole("main").getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/en\/admin\/users$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Users");
});

for (const lang of ["fi", "sv", "en"] as const) {
  test(`admin pages pass axe in ${lang}`, async ({ page }) => {
    await signIn(page, "admin@migri.example", lang);
    for (const path of ["/admin/users", "/admin/users/new", "/admin/audit", "/account"]) {
      await page.goto(`/${lang}${path}`);
      await expectPageBasics(page);
      await expectNoAxeViolations(page);
    }
  });
}

test("an administrator creates a user, changes the role, and reads the audit log", async ({ page }) => {
  await signIn(page, "admin@migri.example");
  await page.goto("/en/admin/users/new");
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.locator("#field-name-errors")).toHaveText("This field is required.");
  await expectNoAxeViolations(page);

  const email = `e2e-${Date.now()}@migri.example`;
  await page.getByLabel("Name").fill("Essi Esimerkki");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Role").selectOption("unit_editor");
  await page.getByRole("checkbox", { name: "Security Unit" }).check();
  await page.getByLabel("Initial password").fill("essi-initial-password");
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByRole("status")).toHaveText(`User ${email} created.`);
  await expect(page.getByLabel("Role")).toHaveValue("unit_editor");
  await expect(page.getByRole("checkbox", { name: "Security Unit" })).toBeChecked();
  await expectNoAxeViolations(page);

  await page.getByLabel("Role").selectOption("hr_editor");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status")).toHaveText("Changes saved.");
  await expect(page.getByLabel("Role")).toHaveValue("hr_editor");

  await page.goto(`/en/admin/audit?actor=admin%40migri`);
  await page.getByLabel("Event").selectOption("user.");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=user\./);
  const rows = page.locator("tbody tr");
  await expect(rows.filter({ hasText: "user.role_change" }).filter({ hasText: email })).toHaveCount(1);
  await expect(rows.filter({ hasText: "user.create" }).filter({ hasText: email })).toHaveCount(1);
  await expect(rows.filter({ hasText: "auth.sign_in" })).toHaveCount(0);
});

test("a newcomer gets 403 on the admin pages", async ({ page }) => {
  await signIn(page, "newcomer@migri.example");
  const response = await page.goto("/en/admin/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Access denied");
  await expectNoAxeViolations(page);
});

test("signing out from the header ends the session", async ({ page }) => {
  await signIn(page, "newcomer@migri.example", "fi");
  await expect(page.getByRole("link", { name: "Demo Newcomer" })).toBeVisible();
  await page.getByRole("button", { name: "Kirjaudu ulos" }).click();
  await expect(page).toHaveURL(/\/fi$/);
  await expect(page.getByRole("link", { name: "Kirjaudu sisään" })).toBeVisible();
  await page.goto("/fi/account");
  await expect(page).toHaveURL(/\/fi\/login/);
});

test.describe("with JavaScript disabled", () => {
  test.use({ javaScriptEnabled: false });
  test("signing in works", async ({ page }) => {
    await signIn(page, "hr@migri.example", "sv");
    await expect(page.getByRole("link", { name: "Demo HR Editor" })).toBeVisible();
  });
});
