// A reader suggests a correction, the page's owner declines it with a reply, the reader sees the
// outcome; and the new pages (suggestion form, page care, desk, suggestions, outbox) pass axe.
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, expectPageBasics, signIn } from "./support";

const UNIT = "/en/units/digital-services-unit";
const WRONG = `The floor number is out of date (${Date.now()}).`;

test("suggest a correction, resolve it, see the outcome", async ({ browser }) => {
  // Two people, five page loads and four axe runs on a shared two-core machine.
  test.setTimeout(180_000);
  const reader = await (await browser.newContext()).newPage();
  await signIn(reader, "newcomer@migri.example");
  await reader.goto(UNIT);
  await expect(reader.getByText(/Owner: Demo Unit Editor · Checked /)).toBeVisible();
  await reader.getByText("Suggest a correction").click();
  await expect(reader.getByText("will see your name")).toBeVisible();
  await expectNoAxeViolations(reader);
  await reader.getByLabel("What is wrong").fill(WRONG);
  await reader.getByLabel("What it should say (optional)").fill("Third floor");
  await reader.getByRole("button", { name: "Send the suggestion" }).click();
  await expect(reader.getByRole("status").filter({ hasText: "Your suggestion was sent" })).toBeVisible();

  const owner = await (await browser.newContext()).newPage();
  await signIn(owner, "editor@migri.example");
  await owner.goto("/en/editor");
  await expectPageBasics(owner);
  await expectNoAxeViolations(owner);
  await owner.getByRole("link", { name: "Digital Services Unit" }).first().click();
  await expect(owner.getByText("Suggested by Demo Newcomer")).toBeVisible();
  await expectPageBasics(owner);
  await expectNoAxeViolations(owner);
  const suggestion = owner.locator("article.suggestion").filter({ hasText: WRONG });
  await suggestion.getByLabel("Reply to the person who suggested it").fill("The move happens next year.");
  await suggestion.getByRole("button", { name: "Decline with this reply" }).click();
  await expect(owner.getByRole("status").filter({ hasText: "The suggestion was resolved." })).toBeVisible();

  await reader.goto("/en/suggestions");
  const mine = reader.locator("li.suggestion").filter({ hasText: WRONG });
  await expect(mine.getByText("Declined")).toBeVisible();
  await expect(mine.getByText("Reply: The move happens next year.")).toBeVisible();
  await expectPageBasics(reader);
  await expectNoAxeViolations(reader);
});

test("HR's table of all pages and the admins' outbox pass axe", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, "hr@migri.example");
  await page.goto("/en/editor?state=overdue");
  await expect(page.getByRole("heading", { name: "All pages" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto("/en/editor/pages/strategy");
  await expect(page.getByRole("button", { name: "Still accurate" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.context().clearCookies();
  await signIn(page, "admin@migri.example");
  await page.goto("/en/admin/outbox");
  await expectPageBasics(page);
  await expectNoAxeViolations(page);
});
