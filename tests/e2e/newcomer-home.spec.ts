// The personal front page and the lighter onboarding plan in the browser: the newcomer sees their
// unit, supervisor and next steps and what changed since their last visit; a supervisor sees their
// team's overdue steps; HR edits a page and readers see the change note; the plan has one primary
// action per step, folds completed steps, undoes, keeps its place and works without JavaScript.
// Every page passes axe (checked with JavaScript on: axe runs as a script). The tests share demo accounts, so they run one after another and undo
// what they change (other files use the same people).
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations, expectPageBasics, signIn } from "./support";

// Whole journeys with several axe runs each, on a machine shared with other test runs.
test.describe.configure({ mode: "serial", timeout: 180_000 });

async function signedInPage(browser: Browser, email: string, options: { javaScriptEnabled?: boolean } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

const step = (page: Page, title: string) =>
  page.locator("li.task", { has: page.getByRole("heading", { name: title, exact: true }) });

test("the newcomer's front page: greeting, unit, supervisor, progress and the next steps with due dates", async ({
  browser,
}) => {
  const page = await signedInPage(browser, "newcomer@migri.example");
  await page.goto("/en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome, Demo Newcomer");
  await expect(page.getByRole("link", { name: "Digital Services Unit" })).toHaveAttribute(
    "href",
    "/en/units/digital-services-unit",
  );
  await expect(page.locator("dl.facts")).toContainText("Your supervisorDemo Supervisor");
  const plan = page.locator("#home-plan");
  await expect(plan.getByRole("progressbar", { name: "Progress" })).toBeVisible();
  const next = plan.locator("li.home-step");
  await expect(next).toHaveCount(3);
  for (const item of await next.all()) await expect(item).toContainText(/due \d\d\/\d\d\/\d{4}/);
  // Reading steps link to the page where reading is confirmed.
  const strategy = next.filter({ hasText: "Read the strategy" });
  await expect(strategy.getByRole("link", { name: /Read and acknowledge/ })).toHaveAttribute("href", "/en/strategy");
  await expect(strategy.getByRole("button")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Changed since your last visit" })).toBeVisible();
  await expectPageBasics(page);
  await expectNoAxeViolations(page);
  // Signed out, the front page is the public one again.
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.goto("/en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome to Migri");
  await expect(page.getByText("Changed since your last visit")).toHaveCount(0);
  await page.context().close();
});

test("HR edits a unit page, the editor is told readers see the note, and a newcomer sees it on the next visit", async ({
  browser,
}) => {
  const note = `Opening hours added ${Date.now()}`;
  // The newcomer's visit before the change. (The second newcomer: fewer other tests sign in as them,
  // and a sign-in between the change and the next visit would move the "previous visit".)
  const before = await signedInPage(browser, "newcomer2@migri.example");
  await before.context().close();

  const hr = await signedInPage(browser, "hr@migri.example");
  await hr.goto("/en");
  await expect(hr.getByRole("heading", { level: 1 })).toHaveText(/^Welcome, /);
  await expect(hr.getByRole("link", { name: "Onboarding overview" }).last()).toHaveAttribute(
    "href",
    "/en/hr/onboarding",
  );
  await expect(hr.locator("#home-plan")).toHaveCount(0); // no onboarding plan of their own
  await expectNoAxeViolations(hr);
  await hr.goto("/en/units/management-support/edit");
  const changeNote = hr.getByRole("textbox", { name: "Change note" });
  await expect(changeNote).toHaveAccessibleDescription(/Readers also see your note on their front page/);
  await hr
    .getByRole("textbox", { name: "Description", exact: true })
    .fill("Management Support helps the Director General. Opening hours: 8–16.");
  await changeNote.fill(note);
  await hr.getByRole("button", { name: "Save", exact: true }).click();
  await expect(hr).toHaveURL(/\/en\/units\/management-support\?saved=1$/);
  await hr.context().close();

  const newcomer = await signedInPage(browser, "newcomer2@migri.example");
  await newcomer.goto("/en");
  const changes = newcomer.locator(".home-changes__list li");
  const ours = changes.filter({ hasText: note });
  await expect(ours).toHaveCount(1);
  await expect(ours.getByRole("link", { name: "Management Support" })).toHaveAttribute(
    "href",
    "/en/units/management-support",
  );
  expect(await changes.count()).toBeLessThanOrEqual(10);
  // A reload keeps the list: it compares with the previous visit, not this one.
  await newcomer.reload();
  await expect(newcomer.locator(".home-changes__list li").filter({ hasText: note })).toHaveCount(1);
  await expectNoAxeViolations(newcomer);
  await ours.getByRole("link", { name: "Management Support" }).click();
  await expect(newcomer.getByRole("heading", { level: 1 })).toHaveText("Management Support");
  await newcomer.context().close();
});

test("a supervisor sees their team's overdue steps, one line each", async ({ browser }) => {
  const manager = await signedInPage(browser, "manager@migri.example");
  await manager.goto("/en");
  await expect(manager.getByRole("heading", { level: 1 })).toHaveText("Welcome, Demo Supervisor");
  const team = manager.locator("section.home-team");
  await expect(team.getByRole("heading", { name: "Your team's overdue steps" })).toBeVisible();
  // The demo newcomer started three days ago: the first-week steps are not due yet.
  await expect(team).toContainText("Nobody in your team has overdue steps.");
  await expect(team.getByRole("link", { name: "Your team's onboarding" })).toHaveAttribute("href", "/en/team");
  await expectPageBasics(manager);
  await expectNoAxeViolations(manager);
  await manager.context().close();

  // The second newcomer started ten days ago: their first-week steps are overdue.
  const manager2 = await signedInPage(browser, "manager2@migri.example");
  await manager2.goto("/en");
  const lines = manager2.locator(".home-team__list li");
  expect(await lines.count()).toBeGreaterThanOrEqual(1);
  for (const line of await lines.all()) {
    await expect(line).toContainText(/^Demo Newcomer Two: .+ – was due \d\d\/\d\d\/\d{4}$/);
  }
  await lines.first().getByRole("link", { name: "Demo Newcomer Two" }).click();
  await expect(manager2.getByRole("heading", { level: 1 })).toHaveText("Onboarding plan: Demo Newcomer Two");
  await expect(manager2).toHaveURL(/#step-\d+$/);
  await expectNoAxeViolations(manager2);
  await manager2.context().close();
});

test("without JavaScript: one click marks a step done on the front page, and undo brings it back", async ({
  browser,
}) => {
  const page = await signedInPage(browser, "newcomer2@migri.example", { javaScriptEnabled: false });
  await page.goto("/en");
  // Reading the strategy first puts "Explore your unit" among the next three steps.
  const strategy = page.locator("li.home-step", { hasText: "Read the strategy" });
  if (await strategy.count()) {
    await strategy.getByRole("link", { name: /Read and acknowledge/ }).click();
    await page.getByRole("button", { name: "I have read and understood" }).click();
    await page.goto("/en");
  }
  const values = page.locator("li.home-step", { hasText: "Read our values" });
  if (await values.count()) {
    await values.getByRole("link", { name: /Read and acknowledge/ }).click();
    await page.getByRole("button", { name: "I have read and understood" }).click();
    await page.goto("/en");
  }
  const progress = async () => Number(/^(\d+) of/.exec(await page.locator("#home-progress-text").innerText())![1]);
  const done = await progress();
  const explore = page.locator("li.home-step", { hasText: "Explore your unit" });
  await explore.getByRole("button", { name: /^Mark as done\s*: Explore your unit$/ }).click();
  await expect(page).toHaveURL(/\/en\?saved=\d+&was=in_progress#home-plan$/);
  const notice = page.locator("#home-plan").getByRole("status");
  await expect(notice).toContainText("Status saved: Explore your unit – Completed");
  expect(await progress()).toBe(done + 1);
  await expect(page.locator("li.home-step", { hasText: "Explore your unit" })).toHaveCount(0);

  await notice.getByRole("button", { name: /^Undo\s*: Explore your unit$/ }).click();
  await expect(page.locator("#home-plan").getByRole("status")).toContainText(
    "Status saved: Explore your unit – In progress",
  );
  expect(await progress()).toBe(done);
  await expect(page.locator("li.home-step", { hasText: "Explore your unit" })).toHaveCount(1);
  await page.context().close();
});

test("the lighter plan: one primary action per step, completed steps folded, the reason only for 'cannot start yet', and the page keeps its place", async ({
  browser,
}) => {
  const page = await signedInPage(browser, "newcomer2@migri.example");
  await page.goto("/en/onboarding");
  await expect(page.getByRole("radio")).toHaveCount(0);
  const explore = step(page, "Explore your unit");
  await expect(explore.getByRole("button", { name: /^Mark as done\s*: Explore your unit$/ })).toBeVisible();
  await expect(explore.locator(".button:not(.button--secondary)")).toHaveCount(1);
  // A reading step's primary action leads to the page; it has no "Mark as done".
  const goals = step(page, "Read our goals");
  if (await goals.count()) {
    await expect(goals.getByRole("link", { name: /Read and acknowledge/ })).toHaveAttribute("href", "/en/goals");
    await expect(goals.getByRole("button", { name: /Mark as done/ })).toHaveCount(0);
  }
  // The reason field is there only after choosing "Cannot start yet".
  const reason = explore.getByLabel("If it cannot start yet, why?");
  await expect(reason).toBeHidden();
  await explore.getByText("Cannot start yet…").click();
  await expect(reason).toBeVisible();
  // Saved without a reason: the error is next to the field, and nothing changes.
  await explore.getByRole("button", { name: /Save: cannot start yet/ }).click();
  await expect(explore.getByRole("alert")).toHaveText("Tell why this step cannot start yet.");
  await expect(explore.locator(".tag").first()).toHaveText("In progress");
  await expectNoAxeViolations(page);
  await explore.getByText("Cannot start yet…").click();

  // Completed steps fold into one line per phase, which opens.
  const firstDay = page.locator("section.plan-phase", { has: page.getByRole("heading", { name: "First day" }) });
  const folded = firstDay.locator("details.phase-done");
  await expect(folded.locator("summary")).toHaveText("Completed: 1 of 1 steps");
  const meet = folded.locator(".phase-done__item", { hasText: "Meet your supervisor" });
  await expect(meet).toBeHidden();
  await folded.locator("summary").click();
  await expect(meet).toBeVisible();
  await expect(folded.getByRole("button", { name: /^Mark as not done\s*: Meet your supervisor$/ })).toBeVisible();
  await expectPageBasics(page);
  await expectNoAxeViolations(page);

  // Mark as done with JavaScript: the page does not move, the step says so and offers undo.
  await explore.scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 150);
  // Smooth scrolling may still be moving the page on a busy machine: measure once it has settled.
  await expect
    .poll(async () => {
      const first = await page.evaluate(() => window.scrollY);
      await page.waitForTimeout(150);
      return first === (await page.evaluate(() => window.scrollY)) && first > 0;
    })
    .toBe(true);
  // "Keeps its place" means the step the reader acted on stays where it was on the screen. The
  // scroll offset itself may change: when content above the step changes height (what is due
  // next, the phase's summary), the browser's scroll anchoring moves the offset to keep the step still.
  const topBefore = (await explore.boundingBox())!.y;
  const stepStaysPut = async () => {
    expect(Math.abs((await explore.boundingBox())!.y - topBefore)).toBeLessThan(2);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  };
  await explore.getByRole("button", { name: /^Mark as done\s*: Explore your unit$/ }).click();
  await expect(explore.getByRole("status")).toHaveText("Marked as done.");
  await stepStaysPut();
  await expect(page).toHaveURL(/\/en\/onboarding$/);
  await expectNoAxeViolations(page);
  await explore.getByRole("button", { name: /^Undo\s*: Explore your unit$/ }).click();
  await expect(explore.getByRole("status")).toHaveText("Status saved: In progress");
  await stepStaysPut();
  await expect(explore.getByRole("button", { name: /^Mark as done\s*: Explore your unit$/ })).toBeVisible();

  // The plan fits in far fewer screens than the form-per-step plan did (4,996 px at 1280×800).
  await page.reload();
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(3600);
  await page.context().close();
});

test("without JavaScript: 'cannot start yet' asks for a reason in its own small form, and the plan returns to the step", async ({
  browser,
}) => {
  const page = await signedInPage(browser, "newcomer@migri.example", { javaScriptEnabled: false });
  await page.goto("/en/onboarding");
  const review = step(page, "Review your onboarding with your supervisor");
  await review.getByText("Cannot start yet…").click();
  await review.getByRole("button", { name: /Save: cannot start yet/ }).click();
  await expect(page.getByRole("heading", { name: "Please correct the following:" })).toBeVisible();
  const again = step(page, "Review your onboarding with your supervisor");
  await expect(again.getByText("Tell why this step cannot start yet.")).toBeVisible();
  await again.getByLabel("If it cannot start yet, why?").fill("The trial period review date is not set yet.");
  await again.getByRole("button", { name: /Save: cannot start yet/ }).click();
  await expect(page).toHaveURL(/\/en\/onboarding\?saved=\d+&was=not_started#step-\d+$/);
  const saved = step(page, "Review your onboarding with your supervisor");
  await expect(saved.getByRole("status")).toHaveText("Status saved: Cannot start yet");
  await expect(saved.getByText("Cannot start yet: The trial period review date is not set yet.")).toBeVisible();
  // Resolve it again (other tests use the same person).
  await saved
    .getByRole("button", { name: /^Mark as in progress\s*: Review your onboarding with your supervisor$/ })
    .click();
  await expect(step(page, "Review your onboarding with your supervisor").getByRole("status")).toHaveText(
    "Status saved: In progress",
  );
  await page.context().close();
});

test("the calendar page: download the file, create and revoke a subscription address", async ({ browser }) => {
  const page = await signedInPage(browser, "newcomer@migri.example");
  await page.goto("/en/onboarding");
  await page.getByRole("link", { name: "Add the due dates to your calendar" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Onboarding dates in your calendar");
  await expect(page.getByText(/Cloud-hosted calendars/)).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download the calendar file (.ics)" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("onboarding.ics");
  await page.getByRole("button", { name: "Create a subscription address" }).click();
  const address = page.getByRole("textbox", { name: "Your subscription address" });
  await expect(address).toHaveValue(/\/en\/onboarding\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  const url = await address.inputValue();
  await expectPageBasics(page);
  await expectNoAxeViolations(page);
  expect((await page.request.get(url)).status()).toBe(200);
  await page.getByRole("button", { name: "Revoke the address" }).click();
  await expect(page.getByRole("status")).toContainText("The subscription address was revoked.");
  expect((await page.request.get(url)).status()).toBe(404);
  await page.context().close();
});
