// Single sign-on in a real browser: the portal (tests/e2e/sso-server.mjs, its own process and
// database) and the test OpenID provider with the demo users, both on 127.0.0.1.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, expectPageBasics } from "./support";

test.describe.configure({ mode: "serial" });

const port = Number(process.env.E2E_PORT) + 1000;
const portal = `http://127.0.0.1:${port}`;
let server: ChildProcess;

test.beforeAll(async () => {
  // Migrating and seeding a fresh database takes a while on a busy machine.
  test.setTimeout(180_000);
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
  server = spawn(process.execPath, ["tests/e2e/sso-server.mjs"], {
    cwd: root,
    env: { ...process.env, E2E_SSO_PORT: String(port) },
    stdio: "ignore",
  });
  for (let i = 0; i < 340; i++) {
    const up = await fetch(`${portal}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("the single sign-on test server did not start");
});

test.afterAll(() => {
  server?.kill("SIGTERM");
});

/** The provider's development sign-in and consent forms (any password). */
async function signInAtProvider(page: Page, login: string) {
  await page.locator("input[name=login]").fill(login);
  await page.locator("input[name=password]").fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

test("a person signs in with their Migri account, gets an account, and signs out at the provider too", async ({
  page,
}) => {
  await page.goto(`${portal}/en/account`);
  await expect(page).toHaveURL(/\/en\/login\?redirectTo=/);
  await expectPageBasics(page);
  await expectNoAxeViolations(page);
  // The SSO choice comes first, the password form below it.
  const sso = page.getByRole("link", { name: "Sign in with your Migri account" });
  await expect(sso).toBeVisible();
  await sso.click();
  await signInAtProvider(page, "anna");
  await expect(page).toHaveURL(`${portal}/en/account`);
  await expect(page.getByText("anna.virtanen@migri.example")).toBeVisible();
  await expect(page.locator("header")).toContainText("Anna Virtanen");

  await page.getByRole("button", { name: "Sign out" }).first().click();
  await expect(page.getByRole("button", { name: "Yes, sign me out" })).toBeVisible();
  await page.getByRole("button", { name: "Yes, sign me out" }).click();
  await expect(page).toHaveURL(new RegExp(`^${portal}/(fi|sv|en)?$`));
  await page.goto(`${portal}/en/account`);
  await expect(page).toHaveURL(/\/en\/login/);
});

test("group membership at the provider makes the person an HR editor", async ({ page }) => {
  await page.goto(`${portal}/fi/login?redirectTo=/fi/account`);
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Kirjaudu Migrin tunnuksellasi" }).click();
  await signInAtProvider(page, "henrik");
  await expect(page).toHaveURL(`${portal}/fi/account`);
  await expect(page.getByRole("main")).toContainText("HR-sisällöntuottaja");
});

test("a cancelled sign-in and a forged callback get pages that say what happened", async ({ page }) => {
  await page.goto(`${portal}/sv/login`);
  await page.getByRole("link", { name: "Logga in med ditt Migri-konto" }).click();
  await page.getByRole("link", { name: /Cancel/ }).click();
  await expect(page).toHaveURL(`${portal}/sv/login/failed?reason=cancelled`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Inloggningen avbröts");
  await expectPageBasics(page);
  await expectNoAxeViolations(page);

  await page.goto(`${portal}/auth/oidc/callback?code=forged&state=forged`);
  await expect(page).toHaveURL(/\/login\/failed\?reason=state$/);
  await expectPageBasics(page);
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: /Back to sign-in|Takaisin|Tillbaka/ }).click();
  await expect(page).toHaveURL(/\/login$/);
});

test("the administrators' break-glass sign-in page passes axe and lets an admin in", async ({ page }) => {
  for (const lang of ["fi", "sv", "en"]) {
    await page.goto(`${portal}/${lang}/login/break-glass`);
    await expectPageBasics(page);
    await expectNoAxeViolations(page);
  }
  await page.getByLabel("Email address").fill("admin@migri.example");
  await page.getByLabel("Password", { exact: true }).fill("migri-demo-2026");
  await page.getByRole("main").getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${portal}/en/admin/users`);
  // Henrik's role came from the provider's groups.
  await expect(page.getByRole("row", { name: /Henrik Lindqvist/ })).toContainText(
    "HR editor (managed by the identity provider)",
  );
});
