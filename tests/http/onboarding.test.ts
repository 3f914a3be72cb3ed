// Onboarding over real HTTP against the built server: who may see and change a plan (403 on the
// server for everyone else), plain-form status changes and acknowledgements (no JavaScript), and
// the HR CSV export.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { Client, useTestServer } from "../support/http";

const server = useTestServer();
let newcomerId: number;

beforeAll(async () => {
  newcomerId = (await prisma.user.findUniqueOrThrow({ where: { email: "newcomer@migri.example" } })).id;
});

async function signedIn(email: string) {
  const client = new Client(server);
  await client.signIn(email);
  return client;
}

const stepIdByTitle = async (title: string) =>
  (await prisma.onboardingStepText.findFirstOrThrow({ where: { lang: "en", title, step: { scope: "agency" } } }))
    .stepId;

describe("who sees a person's plan", () => {
  it("signed-out visitors are sent to sign in", async () => {
    const client = new Client(server);
    for (const path of [
      "/en/onboarding",
      `/en/team/${newcomerId}`,
      "/en/hr/onboarding",
      "/en/hr/onboarding/export.csv",
    ]) {
      const response = await client.get(path);
      expect(response.status, path).toBe(302);
      expect(response.headers.get("Location")).toContain("/en/login?redirectTo=");
    }
  });

  it("the person, their supervisor, HR editors and admins: 200; another supervisor, a unit editor, a colleague: 403", async () => {
    const expected: [string, number][] = [
      ["newcomer@migri.example", 200],
      ["manager@migri.example", 200],
      ["hr@migri.example", 200],
      ["admin@migri.example", 200],
      ["manager2@migri.example", 403],
      ["editor@migri.example", 403],
      ["newcomer2@migri.example", 403],
    ];
    for (const [email, status] of expected) {
      const response = await (await signedIn(email)).get(`/en/team/${newcomerId}`);
      expect(response.status, email).toBe(status);
      if (status === 200) expect(await response.text()).toContain("Onboarding plan: Demo Newcomer");
    }
  });

  it("refuses changes from anyone but the person and their supervisor, on the server", async () => {
    const stepId = await stepIdByTitle("Review your onboarding with your supervisor");
    for (const email of ["manager2@migri.example", "editor@migri.example", "hr@migri.example"]) {
      const client = await signedIn(email);
      const status = await client.post(`/en/team/${newcomerId}`, {
        intent: "status",
        stepId: String(stepId),
        status: "completed",
      });
      expect(status.status, email).toBe(403);
      const personal = await client.post(`/en/team/${newcomerId}`, {
        intent: "addStep",
        title_en: "Sneaky step",
        dueRule: "first_week",
      });
      expect(personal.status, email).toBe(403);
    }
    expect(
      await prisma.onboardingProgress.findUnique({ where: { userId_stepId: { userId: newcomerId, stepId } } }),
    ).toBeNull();
    expect(await prisma.onboardingStepText.count({ where: { title: "Sneaky step" } })).toBe(0);
  });

  it("the HR view and its CSV are for HR editors and admins only; templates for editors", async () => {
    for (const email of ["manager@migri.example", "editor@migri.example", "newcomer@migri.example"]) {
      const client = await signedIn(email);
      expect((await client.get("/en/hr/onboarding")).status, email).toBe(403);
      expect((await client.get("/en/hr/onboarding/export.csv")).status, email).toBe(403);
    }
    const editor = await signedIn("editor@migri.example");
    expect((await editor.get("/en/onboarding/templates")).status).toBe(200);
    expect(
      (await editor.post("/en/onboarding/templates/new?scope=agency", { title_en: "Not mine", dueRule: "first_week" }))
        .status,
    ).toBe(403);
    expect(
      (
        await editor.post("/en/onboarding/templates/new?scope=unit&unit=security-unit", {
          title_en: "Not mine",
          dueRule: "first_week",
        })
      ).status,
    ).toBe(403);
    const agencyStep = await stepIdByTitle("Explore your unit");
    expect((await editor.post(`/en/onboarding/templates/${agencyStep}`, { intent: "archive" })).status).toBe(403);
    expect((await (await signedIn("manager@migri.example")).get("/en/onboarding/templates")).status).toBe(403);
    expect(await prisma.onboardingStepText.count({ where: { title: "Not mine" } })).toBe(0);
  });
});

describe("the newcomer's own plan, without JavaScript", () => {
  it("changes a status with a plain form POST and sees it saved", async () => {
    const client = await signedIn("newcomer@migri.example");
    const stepId = await stepIdByTitle("Complete the state's “Tervetuloa valtiolle” onboarding programme on eOppiva");
    const response = await client.post("/en/onboarding", {
      intent: "status",
      stepId: String(stepId),
      status: "in_progress",
      blockedReason: "",
    });
    expect(response.status).toBe(302);
    // Back to the step itself, with the status it had before (for "undo").
    expect(response.headers.get("Location")).toBe(`/en/onboarding?saved=${stepId}&was=not_started#step-${stepId}`);
    const page = await (await client.get(`/en/onboarding?saved=${stepId}&was=not_started`)).text();
    expect(page).toContain("Status saved: In progress");
    expect(
      await prisma.onboardingProgress.findUniqueOrThrow({ where: { userId_stepId: { userId: newcomerId, stepId } } }),
    ).toMatchObject({ status: "in_progress" });
  });

  it('answers 400 with the error beside the field when "cannot start yet" has no reason', async () => {
    const client = await signedIn("newcomer@migri.example");
    const stepId = await stepIdByTitle("Review your onboarding with your supervisor");
    const response = await client.post("/fi/onboarding", {
      intent: "status",
      stepId: String(stepId),
      status: "blocked",
      blockedReason: "",
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Kerro, miksi vaihetta ei voi vielä aloittaa.");
    expect(html).toContain(`href="#reason-${stepId}"`);
  });

  it('acknowledges the values with "I have read and understood", which completes the step', async () => {
    const client = await signedIn("newcomer@migri.example");
    const before = await (await client.get("/en/values")).text();
    expect(before).toContain("I have read and understood");
    const response = await client.post("/en/values", { intent: "acknowledge" });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/en/values?acknowledged=step#acknowledgement");
    const after = await (await client.get("/en/values?acknowledged=step")).text();
    expect(after).toContain("The matching step of your onboarding plan is now completed.");
    expect(after).toMatch(/You confirmed that you have read and understood this page on \d\d\/\d\d\/\d{4}/);
    const stepId = await stepIdByTitle("Read our values");
    expect(
      await prisma.onboardingProgress.findUniqueOrThrow({ where: { userId_stepId: { userId: newcomerId, stepId } } }),
    ).toMatchObject({ status: "completed" });
    expect(await prisma.acknowledgement.findFirst({ where: { userId: newcomerId, document: "values" } })).toMatchObject(
      { lang: "en" },
    );
    // Signed-out readers get no form, and a POST asks them to sign in.
    const anonymous = new Client(server);
    expect(await (await anonymous.get("/en/values")).text()).not.toContain("I have read and understood");
    expect((await anonymous.post("/en/values", { intent: "acknowledge" })).status).toBe(302);
  });
});

describe("the HR CSV export", () => {
  it("is UTF-8 with a BOM, semicolon-separated, an attachment, with Finnish characters intact and the page's filters", async () => {
    const unit = await prisma.unit.findUniqueOrThrow({ where: { slug: "digital-services-unit" } });
    await prisma.user.create({
      data: {
        email: "aino.aaltonen@test.example",
        name: "Äijälä-Öhman, Åsa",
        passwordHash: "x",
        homeUnitId: unit.id,
        startDate: "2026-11-20",
      },
    });
    const hr = await signedIn("hr@migri.example");
    const response = await hr.get("/fi/hr/onboarding/export.csv?unit=digital-services-unit");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="onboarding-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes).slice(1);
    const lines = text.split("\r\n").filter(Boolean);
    expect(lines[0].split(";").slice(0, 5)).toEqual(["Nimi", "Sähköposti", "Yksikkö", "Esihenkilö", "Aloituspäivä"]);
    expect(text).toContain(
      "Äijälä-Öhman, Åsa;aino.aaltonen@test.example;Digital Services Unit;;20.11.2026;Ei aloitettu",
    );
    expect(lines.some((l) => l.startsWith("Demo Newcomer;"))).toBe(true);
    // The unit filter applies: the Customer Relations newcomer is not in this file.
    expect(text).not.toContain("Demo Newcomer Two");
    const all = new TextDecoder().decode(await (await hr.get("/en/hr/onboarding/export.csv")).arrayBuffer());
    expect(all).toContain("Demo Newcomer Two");
  });

  it("the HR page filters by unit and status with GET parameters, overdue first", async () => {
    const hr = await signedIn("hr@migri.example");
    const html = await (await hr.get("/en/hr/onboarding?status=overdue")).text();
    expect(html).toContain("Demo Newcomer Two"); // started 10 days ago: first-week steps are overdue
    expect(html).not.toMatch(/>Demo Newcomer<\/a>/); // started 3 days ago: nothing overdue yet
    const byUnit = await (await hr.get("/en/hr/onboarding?unit=customer-relations-unit")).text();
    expect(byUnit).toContain("Demo Newcomer Two");
    expect(byUnit).not.toMatch(/>Demo Newcomer<\/a>/);
    expect(byUnit).toContain('<svg class="progress-chart"');
    expect(byUnit).toContain("<caption>Progress by unit</caption>");
  });
});

describe("templates over HTTP", () => {
  it("a unit editor adds, edits (with a version check) and removes a step of their unit; the newcomer's plan follows", async () => {
    const editor = await signedIn("editor@migri.example");
    const created = await editor.post("/en/onboarding/templates/new?scope=unit&unit=digital-services-unit", {
      title_en: "Set up your development environment",
      title_fi: "Ota kehitysympäristö käyttöön",
      description_en: "",
      dueRule: "first_week",
      contentPath: "",
      position: "5",
    });
    expect(created.status).toBe(302);
    expect(created.headers.get("Location")).toBe("/en/onboarding/templates?unit=digital-services-unit&done=saved");
    const step = await prisma.onboardingStepText.findFirstOrThrow({
      where: { title: "Set up your development environment" },
      include: { step: true },
    });
    expect(step.step).toMatchObject({ scope: "unit", version: 1, createdById: expect.any(Number) });
    const newcomer = await signedIn("newcomer@migri.example");
    expect(await (await newcomer.get("/fi/onboarding")).text()).toContain("Ota kehitysympäristö käyttöön");

    const edit = (version: string, title: string) =>
      editor.post(`/en/onboarding/templates/${step.stepId}`, {
        intent: "save",
        version,
        title_en: title,
        title_fi: "Ota kehitysympäristö käyttöön",
        dueRule: "first_month",
        position: "5",
      });
    expect((await edit("1", "Set up your development tools")).status).toBe(302);
    const stale = await edit("1", "An edit based on the old version");
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain("Someone else changed this step");
    expect(await (await newcomer.get("/en/onboarding")).text()).toContain("Set up your development tools");

    const missingTitle = await editor.post(`/en/onboarding/templates/${step.stepId}`, {
      intent: "save",
      version: "2",
      dueRule: "first_month",
    });
    expect(missingTitle.status).toBe(400);
    expect(await missingTitle.text()).toContain("Write a title in at least one language.");

    expect((await editor.post(`/en/onboarding/templates/${step.stepId}`, { intent: "archive" })).status).toBe(302);
    expect(await (await newcomer.get("/en/onboarding")).text()).not.toContain("Set up your development tools");
    expect(
      await prisma.auditEvent.count({ where: { targetType: "onboarding_step", targetId: String(step.stepId) } }),
    ).toBe(3);
  });

  it("the supervisor adds a personal step on the person's plan page", async () => {
    const manager = await signedIn("manager@migri.example");
    const response = await manager.post(`/en/team/${newcomerId}`, {
      intent: "addStep",
      title_en: "Shadow a colleague for a day",
      dueRule: "first_month",
      contentPath: "",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/en/team/${newcomerId}?added=1#personal-steps`);
    const newcomerPage = await (await (await signedIn("newcomer@migri.example")).get("/en/onboarding")).text();
    expect(newcomerPage).toContain("Shadow a colleague for a day");
    expect(newcomerPage).toContain("Personal step");
    const others = await (await (await signedIn("newcomer2@migri.example")).get("/en/onboarding")).text();
    expect(others).not.toContain("Shadow a colleague for a day");
    const invalid = await manager.post(`/en/team/${newcomerId}`, {
      intent: "addStep",
      title_en: "",
      dueRule: "first_month",
      contentPath: "https://example.com",
    });
    expect(invalid.status).toBe(400);
    expect(await invalid.text()).toContain("Use a portal address without the language, such as /values.");
  });
});
