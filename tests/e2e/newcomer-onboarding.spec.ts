// Onboarding (issue 6) in the browser: the newcomer works through the plan and acknowledges the
// values while the supervisor watches the progress; HR filters and downloads the CSV; other
// people get 403; it all works without JavaScript; every new page passes axe in fi, sv and en.
import fs from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations, expectPageBasics, signIn } from "./support";

const LANGS = ["fi", "sv", "en"] as const;

async function signedInPage(browser: Browser, email: string, options: { javaScriptEnabled?: boolean } = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/** "3 of 8 steps completed" → [3, 8] */
async function progressOf(page: Page): Promise<[number, number]> {
  const text = await page.locator(".plan-progress__text").innerText();
  const match = /(\d+) of (\d+) steps completed/.exec(text);
  expect(match, text).not.toBeNull();
  return [Number(match![1]), Number(match![2])];
}

/** A completed step in the folded summary of its phase ("First week"). */
function completedStep(page: Page, phase: string, title: string) {
  return page
    .locator("section", { has: page.getByRole("heading", { name: phase, exact: true }) })
    .locator("details.phase-done .phase-done__item", { hasText: title });
}

/** The id of a person, from their row on their supervisor's team page. */
async function personId(page: Page, name: string): Promise<string> {
  await page.goto("/en/team");
  const href = await page.getByRole("link", { name, exact: true }).getAttribute("href");
  return href!.split("/").pop()!;
}

test("the newcomer completes a step and acknowledges the values; the supervisor sees the progress change, others get 403", async ({
  browser,
}) => {
  const manager = await signedInPage(browser, "manager@migri.example");
  await manager.goto("/en/team");
  await expect(manager.getByRole("heading", { level: 1 })).toHaveText("My team's onboarding");
  const row = manager.getByRole("row", { name: /Demo Newcomer/ });
  const before = await row.getByRole("cell").nth(1).innerText(); // "1/8 (12 %)"

  const newcomer = await signedInPage(browser, "newcomer@migri.example");
  await newcomer.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My onboarding" }).click();
  await expect(newcomer.getByRole("heading", { level: 1 })).toHaveText("My onboarding");
  await expect(newcomer.getByRole("progressbar", { name: "Progress" })).toBeVisible();
  const [done, total] = await progressOf(newcomer);
  expect(total).toBeGreaterThanOrEqual(7);
  await expect(newcomer.getByRole("heading", { name: "Due next" })).toBeVisible();

  // Complete "Explore your unit" with its one-click "Mark as done".
  const explore = newcomer.locator("li.task", { has: newcomer.getByRole("heading", { name: "Explore your unit" }) });
  await explore.getByRole("button", { name: /^Mark as done\s*: Explore your unit$/ }).click();
  await expect(explore.getByRole("status")).toHaveText("Marked as done.");
  expect(await progressOf(newcomer)).toEqual([done + 1, total]);

  // Reading steps are completed by acknowledging the page, not by "Mark as done".
  const values = newcomer.locator("li.task", { has: newcomer.getByRole("heading", { name: "Read our values" }) });
  await expect(values.getByRole("button", { name: /Mark as done/ })).toHaveCount(0);
  await values.getByRole("link", { name: /Read and acknowledge/ }).click();
  await expect(newcomer).toHaveURL(/\/en\/values$/);
  await newcomer.getByRole("button", { name: "I have read and understood" }).click();
  await expect(newcomer.getByText("Thank you. Your confirmation has been recorded.")).toBeVisible();
  await expect(
    newcomer.getByText(/You confirmed that you have read and understood this page on \d\d\/\d\d\/\d{4}/),
  ).toBeVisible();
  await newcomer.getByRole("link", { name: "My onboarding" }).first().click();
  // Completed steps are folded into their phase's summary line.
  await expect(completedStep(newcomer, "First week", "Read our values")).toHaveCount(1);
  await expect(completedStep(newcomer, "First week", "Explore your unit")).toHaveCount(1);
  expect(await progressOf(newcomer)).toEqual([done + 2, total]);

  // The supervisor sees the change.
  await manager.reload();
  const after = await manager
    .getByRole("row", { name: /Demo Newcomer/ })
    .getByRole("cell")
    .nth(1)
    .innerText();
  expect(after).not.toBe(before);
  expect(after).toMatch(new RegExp(`^${done + 2}/${total} `));
  await manager.getByRole("link", { name: "Demo Newcomer", exact: true }).click();
  await expect(manager.getByRole("heading", { level: 1 })).toHaveText("Onboarding plan: Demo Newcomer");
  expect(await progressOf(manager)).toEqual([done + 2, total]);
  await expect(manager.locator(".ack-list")).toContainText(/Values: \d\d\/\d\d\/\d{4}/);
  const planPath = new URL(manager.url()).pathname;
  await manager.context().close();
  await newcomer.context().close();

  // Another supervisor and a unit editor are refused on the server.
  for (const email of ["manager2@migri.example", "editor@migri.example"]) {
    const page = await signedInPage(browser, email);
    const response = await page.goto(planPath);
    expect(response?.status(), email).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Access denied");
    await expect(page.getByText("Demo Newcomer")).toHaveCount(0);
    await page.context().close();
  }
});

test("HR filters by unit and downloads the table as CSV", async ({ browser }) => {
  const hr = await signedInPage(browser, "hr@migri.example");
  await hr.goto("/fi/hr/onboarding");
  await expect(hr.getByRole("heading", { level: 1 })).toHaveText("Perehdytyksen seuranta");
  await expect(hr.getByRole("img", { name: "Eteneminen yksiköittäin" })).toBeVisible();
  await hr.getByLabel("Yksikkö").selectOption("customer-relations-unit");
  await hr.getByRole("button", { name: "Näytä" }).click();
  await expect(hr).toHaveURL(/unit=customer-relations-unit/);
  const table = hr.locator("table.newcomers-table");
  await expect(table.getByRole("link", { name: "Demo Newcomer Two" })).toBeVisible();
  await expect(table.getByRole("link", { name: "Demo Newcomer", exact: true })).toHaveCount(0);

  const [download] = await Promise.all([
    hr.waitForEvent("download"),
    hr.getByRole("link", { name: "Lataa taulukko (CSV)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^onboarding-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = fs.readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString("utf8").split("\r\n").filter(Boolean);
  expect(lines[0]).toMatch(/^Nimi;Sähköposti;Yksikkö;Esihenkilö;Aloituspäivä;Tila;/);
  expect(lines).toHaveLength(2);
  expect(lines[1]).toMatch(
    /^Demo Newcomer Two;newcomer2@migri\.example;Customer Relations Unit;Demo Supervisor Two;\d{1,2}\.\d{1,2}\.\d{4};Kesken;/,
  );
  await hr.context().close();
});

test.describe("without JavaScript", () => {
  test("a status change (with its error) and an acknowledgement work with plain forms", async ({ browser }) => {
    const page = await signedInPage(browser, "newcomer2@migri.example", { javaScriptEnabled: false });
    await page.goto("/en/onboarding");
    const review = page.locator("li.task", {
      has: page.getByRole("heading", { name: "Review your onboarding with your supervisor" }),
    });
    // The reason field is in its own small form behind "Cannot start yet…" (a <details>, no script).
    await review.getByText("Cannot start yet…").click();
    await review.getByRole("button", { name: /Save: cannot start yet/ }).click();
    await expect(page.getByRole("heading", { name: "Please correct the following:" })).toBeVisible();
    await expect(
      page
        .locator("li.task", { has: page.getByRole("heading", { name: "Review your onboarding with your supervisor" }) })
        .getByText("Tell why this step cannot start yet."),
    ).toBeVisible();
    const again = page.locator("li.task", {
      has: page.getByRole("heading", { name: "Review your onboarding with your supervisor" }),
    });
    await again.getByLabel("If it cannot start yet, why?").fill("My trial period has not been agreed yet.");
    await again.getByRole("button", { name: /Save: cannot start yet/ }).click();
    await expect(page).toHaveURL(/#step-\d+$/);
    await expect(again.getByRole("status")).toHaveText("Status saved: Cannot start yet");
    await expect(page.getByText("Cannot start yet: My trial period has not been agreed yet.")).toBeVisible();

    await page.goto("/en/goals");
    await page.getByRole("button", { name: "I have read and understood" }).click();
    await expect(page.getByText("The matching step of your onboarding plan is now completed.")).toBeVisible();
    await page.goto("/en/onboarding");
    await expect(completedStep(page, "First week", "Read our goals")).toHaveCount(1);
    await page.context().close();
  });
});

for (const lang of LANGS) {
  test(`supervisor and employee pages pass axe in ${lang}`, async ({ browser }) => {
    const page = await signedInPage(browser, "manager2@migri.example");
    const id = await personId(page, "Demo Newcomer Two");
    // The values page gains the acknowledgement panel; it is checked in one language.
    const paths = ["/onboarding", "/team", `/team/${id}`, ...(lang === "fi" ? ["/values"] : [])];
    for (const path of paths) {
      await page.goto(`/${lang}${path}`);
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      await expectPageBasics(page);
      await expectNoAxeViolations(page);
    }
    if (lang === "en") {
      // A status form with an error passes too.
      await page.goto(`/en/team/${id}`);
      const step = page.locator("li.task").first();
      await step.getByRole("radio", { name: "Cannot start yet" }).check();
      await step.getByRole("button", { name: /Save status/ }).click();
      await expect(page.getByRole("heading", { name: "Please correct the following:" })).toBeVisible();
      await expectNoAxeViolations(page);
    }
    await page.context().close();
  });

  test(`HR and template pages pass axe in ${lang}`, async ({ browser }) => {
    const page = await signedInPage(browser, "hr@migri.example");
    await page.goto(`/${lang}/onboarding/templates?unit=digital-services-unit`);
    const editHref = await page.locator('td a[href*="/onboarding/templates/"]').first().getAttribute("href");
    for (const path of [
      "/hr/onboarding",
      "/onboarding/templates?unit=digital-services-unit",
      "/onboarding/templates/new?scope=agency",
      editHref!.replace(`/${lang}`, ""),
    ]) {
      await page.goto(`/${lang}${path}`);
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      await expectPageBasics(page);
      await expectNoAxeViolations(page);
    }
    await page.context().close();
  });
}
