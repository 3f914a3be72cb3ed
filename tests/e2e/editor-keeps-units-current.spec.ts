// Editors keep unit pages current: editing with preview, history with diffs and restore, no lost
// updates between two browsers, inert Markdown, permissions, and the same without JavaScript.
// Each test edits its own unit, so the tests can run in parallel on one server.
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, expectPageBasics, signIn } from "./support";

const PLACEHOLDER = "This page is a placeholder.";

const description = (page: Page) => page.getByRole("textbox", { name: "Description", exact: true });
const changeNote = (page: Page) => page.getByRole("textbox", { name: "Change note" });
const savePost = (page: Page) =>
  page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname.includes("/edit"));

test("the HR editor changes a description, a reader sees it, the history shows the diff, the editor restores the old version", async ({
  page,
  browser,
}) => {
  test.slow(); // a whole journey with five axe runs
  const unitPath = "/en/units/human-resources-unit";
  await signIn(page, "hr@migri.example");
  await page.goto(unitPath);
  await page.getByRole("link", { name: "Edit this page" }).click();
  await expect(page).toHaveURL(`${unitPath}/edit`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Edit: Human Resources Unit");
  await expectPageBasics(page);
  await expectNoAxeViolations(page);

  await description(page).fill("The Human Resources Unit helps **every** new colleague from the first day.");
  await changeNote(page).fill("Wrote the unit's own description");
  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.locator(".preview");
  await expect(preview.getByRole("heading", { name: "Preview" })).toBeVisible();
  await expect(preview.locator(".prose strong")).toHaveText("every");
  await expect(description(page)).toHaveValue(/helps \*\*every\*\* new colleague/);
  await expectPageBasics(page);
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page).toHaveURL(`${unitPath}?saved=1`);
  await expect(page.getByRole("status")).toHaveText("Your changes have been saved.");
  await expect(page.getByText(/^Last updated .* by Demo HR Editor\.$/)).toBeVisible();

  // A reader (not signed in) sees the new text, and no editing links.
  const reader = await browser.newContext();
  const readerPage = await reader.newPage();
  await readerPage.goto(unitPath);
  await expect(readerPage.locator(".prose")).toContainText("helps every new colleague from the first day.");
  await expect(readerPage.getByText(/^Last updated .* by Demo HR Editor\.$/)).toBeVisible();
  await expect(readerPage.getByRole("link", { name: "Edit this page" })).toHaveCount(0);

  // The history lists the change and shows the words that changed.
  await page.getByRole("link", { name: "History" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("History: Human Resources Unit");
  const newest = page.locator("tbody tr").first();
  await expect(newest).toContainText("English text");
  await expect(newest).toContainText("Demo HR Editor");
  await expect(newest).toContainText("Wrote the unit's own description");
  await page.getByRole("button", { name: "Compare" }).click();
  const comparison = page.locator("#comparison");
  await expect(comparison.getByRole("heading")).toHaveText("English text: version 1 compared with version 2");
  await expect(comparison.locator("ins").filter({ hasText: "colleague" })).toBeVisible();
  await expect(comparison.locator("del").filter({ hasText: "placeholder" })).toBeVisible();
  // Not by colour alone: each change says what it is.
  await expect(comparison.locator("ins .visually-hidden").first()).toHaveText("[added: ");
  await expectPageBasics(page);
  await expectNoAxeViolations(page);

  // Restore the seeded version: a new version with the old content.
  await page.getByRole("link", { name: "Version 1 (English text)" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("English text, version 1: Human Resources Unit");
  await expectNoAxeViolations(page);
  await changeNote(page).fill("Back to the seeded text until the unit has reviewed it");
  await page.getByRole("button", { name: "Restore version 1" }).click();
  await expect(page).toHaveURL(`${unitPath}/history?restored=3`);
  await expect(page.getByRole("status")).toHaveText("The old content was restored as version 3.");
  await expect(page.locator("tbody tr").first()).toContainText("restored from version 1");

  await readerPage.reload();
  await expect(readerPage.locator(".prose")).toContainText(PLACEHOLDER);
  await reader.close();
});

test("two editors save the same unit: one save, one conflict page (409) with the loser's text intact", async ({
  browser,
}) => {
  const unitPath = "/en/units/finance-and-administration-unit";
  const [first, second] = await Promise.all([browser.newContext(), browser.newContext()]);
  const hr = await first.newPage();
  const admin = await second.newPage();
  await signIn(hr, "hr@migri.example");
  await signIn(admin, "admin@migri.example");
  await hr.goto(`${unitPath}/edit`);
  await admin.goto(`${unitPath}/edit`);

  await description(hr).fill("Finance and Administration plans the budget and keeps the books.");
  await changeNote(hr).fill("Budget work described");
  const [saved] = await Promise.all([savePost(hr), hr.getByRole("button", { name: "Save", exact: true }).click()]);
  expect(saved.status()).toBeLessThan(400);
  await expect(hr).toHaveURL(`${unitPath}?saved=1`);

  const adminText = "Finance and Administration also handles procurement and travel.";
  await description(admin).fill(adminText);
  await changeNote(admin).fill("Procurement added");
  const [conflict] = await Promise.all([
    savePost(admin),
    admin.getByRole("button", { name: "Save", exact: true }).click(),
  ]);
  expect(conflict.status()).toBe(409);
  const panel = admin.locator(".conflict");
  await expect(panel.getByRole("heading", { level: 2 })).toHaveText(
    "Someone else saved this page while you were editing",
  );
  await expect(panel).toContainText("Demo HR Editor saved version 2");
  await expect(panel).toContainText("Budget work described");
  await expect(panel.locator("ins").filter({ hasText: "budget" })).toBeVisible();
  await expect(description(admin)).toHaveValue(adminText);
  await expect(changeNote(admin)).toHaveValue("Procurement added");
  await expectPageBasics(admin);
  await expectNoAxeViolations(admin);

  // A conscious choice: save mine over theirs.
  await admin.getByRole("button", { name: "Save mine over theirs" }).click();
  await expect(admin).toHaveURL(`${unitPath}?saved=1`);
  await expect(admin.locator(".prose")).toHaveText(adminText);
  await Promise.all([first.close(), second.close()]);
});

test("a description with <script> and <img onerror> renders inert", async ({ page }) => {
  const unitPath = "/en/units/legal-and-specialist-services-unit";
  await signIn(page, "hr@migri.example");
  await page.goto(`${unitPath}/edit`);
  const hostile = [
    "Plain words first.",
    "",
    '<script>window.__injected = true; alert("script")</script>',
    "",
    '<img src="x" onerror="window.__injected = true; alert(\'img\')">',
    "",
    "[a link](javascript:alert('link'))",
  ].join("\n");
  await description(page).fill(hostile);
  await changeNote(page).fill("Testing that markup stays text");
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });

  await page.getByRole("button", { name: "Preview" }).click();
  const previewProse = page.locator(".preview .prose");
  await expect(previewProse).toContainText("Plain words first.");
  await expect(previewProse.locator("script, img, [onerror]")).toHaveCount(0);

  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page).toHaveURL(`${unitPath}?saved=1`);
  await page.reload();
  const prose = page.locator(".prose");
  await expect(prose).toContainText("<script>window.__injected = true;");
  await expect(prose).toContainText('<img src="x" onerror=');
  await expect(prose.locator("script, img, [onerror]")).toHaveCount(0);
  await expect(prose.locator('a[href^="javascript:"]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
  expect(dialogs).toEqual([]);
});

test("invalid input keeps what was typed and explains it next to the fields", async ({ page }) => {
  await signIn(page, "hr@migri.example");
  await page.goto("/en/units/communications-unit/edit");
  await page.getByRole("textbox", { name: "Name" }).fill("");
  await page.getByRole("textbox", { name: "Contact email" }).fill("media at migri");
  await description(page).fill("Typed text that must survive.");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  const summary = page.locator(".error-summary");
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link")).toHaveText([
    "Name: This field is required.",
    "Contact email: Enter an email address like name@example.fi.",
    "Change note: This field is required.",
  ]);
  await expect(page.locator("#field-contactEmail-errors")).toHaveText("Enter an email address like name@example.fi.");
  await expect(page.getByRole("textbox", { name: "Contact email" })).toHaveAttribute("aria-invalid", "true");
  await expect(description(page)).toHaveValue("Typed text that must survive.");
  await expectPageBasics(page);
  await expectNoAxeViolations(page);
});

test("signed-out visitors are sent to sign in and come back; a newcomer gets 403", async ({ page }) => {
  for (const path of [
    "/en/units/digital-services-unit/edit",
    "/en/units/digital-services-unit/history",
    "/en/strategy/edit",
  ]) {
    await page.context().clearCookies();
    await page.goto(path);
    await expect(page).toHaveURL(`/en/login?${new URLSearchParams({ redirectTo: path })}`);
    await page.getByLabel("Email address").fill("hr@migri.example");
    await page.getByLabel("Password", { exact: true }).fill("migri-demo-2026");
    await page.getByRole("main").getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(path);
    await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("Access denied");
  }

  await page.context().clearCookies();
  await signIn(page, "newcomer@migri.example");
  for (const path of [
    "/en/units/digital-services-unit/edit",
    "/en/units/digital-services-unit/history",
    "/en/values/edit",
    "/en/editor",
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Access denied");
  }
  await expectPageBasics(page);
  await expectNoAxeViolations(page);
  // Readers see no editing links.
  await page.goto("/en/units/digital-services-unit");
  await expect(page.getByRole("link", { name: "Edit this page" })).toHaveCount(0);
});

for (const lang of ["fi", "sv"] as const) {
  test(`the editing and history pages pass axe in ${lang}`, async ({ page }) => {
    await signIn(page, "hr@migri.example", lang);
    for (const path of [
      "/units/customer-relations-unit/edit",
      "/units/customer-relations-unit/history",
      "/goals/edit",
      "/values/history",
      "/editor",
    ]) {
      await page.goto(`/${lang}${path}`);
      await expectPageBasics(page);
      await expectNoAxeViolations(page);
    }
  });
}

test.describe("with JavaScript disabled", () => {
  test.use({ javaScriptEnabled: false });

  test("sign in, edit, preview, save, and see the conflict page", async ({ page, browser }) => {
    const unitPath = "/en/units/information-services-and-performance-guidance-unit";
    await signIn(page, "hr@migri.example");
    await page.goto(`${unitPath}/edit`);
    await description(page).fill("Information Services publishes *statistics* on permits.");
    await changeNote(page).fill("Statistics mentioned");
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.locator(".preview .prose em")).toHaveText("statistics");
    await expect(description(page)).toHaveValue("Information Services publishes *statistics* on permits.");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page).toHaveURL(`${unitPath}?saved=1`);
    await expect(page.locator(".prose em")).toHaveText("statistics");

    // Start another edit; meanwhile someone else saves the same text.
    await page.goto(`${unitPath}/edit`);
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await signIn(otherPage, "admin@migri.example");
    await otherPage.goto(`${unitPath}/edit`);
    await description(otherPage).fill("Information Services publishes statistics and reports.");
    await changeNote(otherPage).fill("Reports too");
    await otherPage.getByRole("button", { name: "Save", exact: true }).click();
    await expect(otherPage).toHaveURL(`${unitPath}?saved=1`);
    await other.close();

    await description(page).fill("My own wording, typed without JavaScript.");
    await changeNote(page).fill("My change");
    const [response] = await Promise.all([
      savePost(page),
      page.getByRole("button", { name: "Save", exact: true }).click(),
    ]);
    expect(response.status()).toBe(409);
    await expect(page.locator(".conflict h2")).toHaveText("Someone else saved this page while you were editing");
    await expect(page.locator(".conflict")).toContainText("Demo Admin saved version 3");
    await expect(description(page)).toHaveValue("My own wording, typed without JavaScript.");
    await expect(page.getByRole("link", { name: "Discard my changes and load the current version" })).toHaveAttribute(
      "href",
      `${unitPath}/edit`,
    );
  });
});
