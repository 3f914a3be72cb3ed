// A supervisor turns the agency's goals into a summary for the team, shares it by link and
// revokes the link; the team member reads it. Compose, read and list pages pass axe in every
// language, and composing works without JavaScript.
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, expectPageBasics, signIn } from "./support";

const GOAL_1 =
  "Our work is of good quality, our processes are smooth and efficient and the way we work is predictable.";
const GOAL_2 = "The customer experience with us is excellent.";

test("the supervisor composes, publishes and shares a summary; a team member opens it; the revoked link answers 410", async ({
  browser,
}) => {
  test.setTimeout(60_000);
  const supervisorContext = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  const page = await supervisorContext.newPage();
  await signIn(page, "manager@migri.example");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Goal summaries" }).click();
  await page.getByRole("link", { name: "Write a goal summary" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Write a goal summary");
  const title = `What our goals mean for Digital Services ${Date.now()}`;
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Language of the summary").selectOption("en");
  await page.getByLabel("Introduction (optional)").fill("Hello team! Here is what **we** focus on this year.");

  const goal1 = page.getByRole("group", { name: /^Goal 1/ });
  await expect(goal1).toContainText(GOAL_1);
  await goal1.getByLabel("Include in the summary").check();
  await goal1.getByLabel("What this means for our team").fill("We decide cases in the order they arrive.");
  await goal1.getByLabel("Team target 1", { exact: true }).fill("Answer every enquiry within two working days");
  await goal1.getByLabel("Owner of target 1").fill("Aino Virtanen");
  await goal1.getByLabel("Due date of target 1 (optional)").fill("2027-06-30");
  const goal2 = page.getByRole("group", { name: /^Goal 2/ });
  await goal2.getByLabel("Include in the summary").check();
  await goal2.getByLabel("What this means for our team").fill("We ask customers what went well after every visit.");
  await page.getByRole("button", { name: "Publish" }).click();

  await expect(page).toHaveURL(/\/en\/summaries\/\d+\?published=1$/);
  await expect(page.getByText("The summary is published. Your team can now read it.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByRole("heading", { level: 2, name: `Goal 1 ${GOAL_1}` })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: `Goal 2 ${GOAL_2}` })).toBeVisible();
  await expect(
    page.getByRole("row", { name: /Answer every enquiry within two working days Aino Virtanen 30\/06\/2027/ }),
  ).toBeVisible();
  await expect(page.getByText("Written by Demo Supervisor. Last updated")).toBeVisible();
  await expect(page.getByRole("link", { name: "Download PDF" })).toHaveAttribute("href", /^\/summaries\/\d+\.pdf$/);

  // Share: create a link, copy it with the button, and check the e-mail button carries it.
  await page.getByRole("button", { name: "Create a share link" }).click();
  await expect(page.getByText("A share link was created.")).toBeVisible();
  const link = page.getByRole("textbox", { name: "Share link 1" });
  const url = await link.inputValue();
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/en\/summaries\/shared\/[A-Za-z0-9_-]{43}$/);
  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The link was copied." })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  const mailto = await page.getByRole("link", { name: "Send by email: Share link 1" }).getAttribute("href");
  expect(mailto).toMatch(/^mailto:\?subject=/);
  expect(decodeURIComponent(mailto!)).toContain(url);
  expect(decodeURIComponent(mailto!)).toContain(title);
  await expectNoAxeViolations(page);

  // A team member opens the link.
  const memberContext = await browser.newContext();
  const member = await memberContext.newPage();
  await signIn(member, "newcomer@migri.example");
  const opened = await member.goto(url);
  expect(opened?.status()).toBe(200);
  await expect(member.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(member.getByText("Demo Supervisor shared this goal summary with you.")).toBeVisible();
  await expect(member.getByText("We ask customers what went well after every visit.")).toBeVisible();

  // The supervisor revokes it: the link now answers 410 with a page that says why.
  await page.getByRole("button", { name: "Revoke link: Share link 1" }).click();
  await expect(page.getByText("The link was revoked. It no longer opens the summary.")).toBeVisible();
  await expect(page.getByText(/^Share link 1: Revoked on/)).toBeVisible();
  const gone = await member.goto(url);
  expect(gone?.status()).toBe(410);
  await expect(member.getByRole("heading", { level: 1 })).toHaveText("This link no longer works");
  await expect(member.getByText("The person who shared this goal summary has revoked the link.")).toBeVisible();
  await expectPageBasics(member);
  await expectNoAxeViolations(member);

  await memberContext.close();
  await supervisorContext.close();
});

/** Composes and publishes a one-goal summary in Finnish through the form. */
async function composeInFinnish(page: Page, title: string) {
  await page.goto("/fi/summaries/new");
  await page.getByLabel("Otsikko").fill(title);
  await page.getByLabel("Yhteenvedon kieli").selectOption("fi");
  const goal = page.getByRole("group", { name: /^Tavoite 2/ });
  await goal.getByLabel("Ota mukaan yhteenvetoon").check();
  await goal.getByLabel("Mitä tämä tarkoittaa tiimillemme").fill("Palvelemme asiakkaita sujuvasti – ä ö å.");
  await page.getByRole("button", { name: "Julkaise" }).click();
  await expect(page).toHaveURL(/\/fi\/summaries\/\d+\?published=1$/);
  return Number(/summaries\/(\d+)/.exec(page.url())![1]);
}

test("composing and sharing work without JavaScript", async ({ browser }) => {
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  const page = await noJs.newPage();
  await signIn(page, "manager2@migri.example", "fi");
  const title = `Asiakaspalvelun tavoitteet ${Date.now()}`;
  await composeInFinnish(page, title);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByText("Asiakaskokemus on erinomainen")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Jakolinkki 1" })).toHaveCount(0);
  await page.getByRole("button", { name: "Luo jakolinkki" }).click();
  // No copy button without JavaScript: the link is in a field to select and copy.
  await expect(page.getByRole("textbox", { name: "Jakolinkki 1" })).toHaveValue(
    /\/fi\/summaries\/shared\/[A-Za-z0-9_-]{43}$/,
  );
  await expect(page.getByRole("button", { name: "Kopioi linkki" })).toHaveCount(0);
  await noJs.close();
});

const PAGE_NAMES = {
  fi: { list: "Tavoiteyhteenvedot", compose: "Kirjoita tavoiteyhteenveto" },
  sv: { list: "Målsammanfattningar", compose: "Skriv en målsammanfattning" },
  en: { list: "Goal summaries", compose: "Write a goal summary" },
};

for (const lang of ["fi", "sv", "en"] as const) {
  test(`compose, read and list pages pass axe in ${lang}`, async ({ page }) => {
    test.setTimeout(60_000);
    await signIn(page, "manager2@migri.example", lang);
    // A Finnish summary to read, posted through the same form (the page's cookies, real HTTP).
    const title = `Tiimin tavoitteet ${lang} ${Date.now()}`;
    const created = await page.request.post(`/${lang}/summaries/new`, {
      form: {
        title,
        lang: "fi",
        "goal-quality.selected": "on",
        "goal-quality.teamText": "Teemme työn hyvin – ä ö å.",
        intent: "publish",
      },
      maxRedirects: 0,
    });
    expect(created.status()).toBe(302);
    const id = Number(/summaries\/(\d+)\?published=1$/.exec(created.headers()["location"] ?? "")![1]);

    await page.goto(`/${lang}/summaries`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(PAGE_NAMES[lang].list);
    await expect(page.getByRole("link", { name: title })).toBeVisible();
    await expectPageBasics(page);
    await expectNoAxeViolations(page);

    await page.goto(`/${lang}/summaries/new`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(PAGE_NAMES[lang].compose);
    await expectPageBasics(page);
    await expectNoAxeViolations(page);

    await page.goto(`/${lang}/summaries/${id}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    // The summary is Finnish whatever the page's language, and says so to screen readers.
    expect(await page.locator("article.summary").getAttribute("lang")).toBe(lang === "fi" ? null : "fi");
    await expectPageBasics(page);
    await expectNoAxeViolations(page);

    if (lang === "en") {
      // A form sent back with errors is accessible too, with the errors summarised and focused.
      await page.goto("/en/summaries/new");
      await page.getByRole("button", { name: "Publish" }).click();
      await expect(page.getByRole("alert")).toContainText(
        "Choose at least one goal or vision point before publishing.",
      );
      await expect(page.locator(".error-summary")).toBeFocused();
      await expectNoAxeViolations(page);
    }
  });
}
