// The personal front page, the one-click "Mark as done" with undo, and the onboarding calendar,
// over real HTTP against the built server. Each test makes its own people, so that it does not
// depend on (or disturb) the demo accounts other test files use.
import crypto from "node:crypto";
import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, helsinkiToday } from "~/models/onboarding-dates";
import { hashPassword } from "~/models/user.server";
import { prisma } from "~/utils/db.server";
import { Client, useTestServer } from "../support/http";

const server = useTestServer();
const PASSWORD = "a-test-password-2026";
let passwordHash: string;
let hrId: number;

beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
  hrId = (await prisma.user.findUniqueOrThrow({ where: { email: "hr@migri.example" } })).id;
});

async function makePerson(opts: { startDate?: string; unit?: string; name?: string; supervisorId?: number } = {}) {
  const unit = opts.unit ? await prisma.unit.findUniqueOrThrow({ where: { slug: opts.unit } }) : null;
  return prisma.user.create({
    data: {
      email: `home-${crypto.randomUUID()}@test.example`,
      name: opts.name ?? `Home Test ${crypto.randomUUID().slice(0, 6)}`,
      passwordHash,
      startDate: opts.startDate ?? null,
      homeUnitId: unit?.id ?? null,
      supervisorId: opts.supervisorId ?? null,
    },
  });
}

async function signedIn(email: string) {
  const client = new Client(server);
  await client.signIn(email, PASSWORD);
  return client;
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 15));

/** A saved edit of a page, as the editors' forms record it (the next version, with a change note). */
async function recordChange(entityType: string, entityId: number, changeNote: string, authorId = hrId) {
  const latest = await prisma.revision.findFirst({
    where: { entityType, entityId, scope: "en" },
    orderBy: { version: "desc" },
  });
  await prisma.revision.create({
    data: {
      entityType,
      entityId,
      scope: "en",
      version: (latest?.version ?? 0) + 1,
      data: latest?.data ?? '{"fields":{}}',
      changeNote,
      authorId,
    },
  });
  await pause();
}

/** The "changed since your last visit" list items of a front page. */
function changeItems(html: string): string[] {
  const list = /<ul class="home-changes__list">([\s\S]*?)<\/ul>/.exec(html);
  return list ? [...list[1].matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1]) : [];
}

async function personalStep(forUserId: number, title: string, dueRule = "first_day", description?: string) {
  return prisma.onboardingStep.create({
    data: {
      scope: "personal",
      forUserId,
      dueRule,
      sourceLang: "en",
      texts: { create: { lang: "en", title, description: description ?? null } },
    },
  });
}

const progressOf = (userId: number, stepId: number) =>
  prisma.onboardingProgress.findUnique({ where: { userId_stepId: { userId, stepId } } });

describe("the front page", () => {
  it("signed-out readers get the public page; a signed-in person is greeted with their unit and supervisor", async () => {
    const anonymous = await (await new Client(server).get("/en")).text();
    expect(anonymous).toContain("Welcome to Migri</h1>");
    expect(anonymous).not.toContain("Changed since your last visit");

    const supervisor = await makePerson({ name: "Sanna Supervisor" });
    const person = await makePerson({
      name: "Pekka Person",
      unit: "digital-services-unit",
      supervisorId: supervisor.id,
    });
    const html = await (await (await signedIn(person.email)).get("/en")).text();
    expect(html).toContain("Welcome, Pekka Person</h1>");
    expect(html).toMatch(/<a[^>]*href="\/en\/units\/digital-services-unit"[^>]*>(<span>)?Digital Services Unit</);
    expect(html).toContain("Sanna Supervisor");
    // No start date: no onboarding section.
    expect(html).not.toContain("Your onboarding</h2>");
  });

  it("lists what changed since the start of the previous visit (not before), newest first, and a reload keeps it", async () => {
    const person = await makePerson();
    const strategyNote = `Strategy period clarified ${crypto.randomUUID().slice(0, 8)}`;
    const unitNote = `Contact details updated ${crypto.randomUUID().slice(0, 8)}`;
    const earlierNote = `Earlier change to the values ${crypto.randomUUID().slice(0, 8)}`;
    const ownNote = `The reader's own edit ${crypto.randomUUID().slice(0, 8)}`;
    const unit = await prisma.unit.findUniqueOrThrow({ where: { slug: "digital-services-unit" } });

    await recordChange("values", 0, earlierNote);
    const first = await (await (await signedIn(person.email)).get("/en")).text();
    expect(first).toContain("This is your first visit.");
    await pause();

    // Changes during or after the first visit: shown on the next one.
    await recordChange("strategy", 0, strategyNote);
    await recordChange("unit", unit.id, unitNote);
    await recordChange("goals", 0, ownNote, person.id);
    const second = await signedIn(person.email);
    for (const attempt of [1, 2]) {
      // The second request is a reload: the list stays, since it compares with the previous visit.
      const html = await (await second.get("/en")).text();
      const items = changeItems(html);
      expect(items, `request ${attempt}`).toHaveLength(2);
      expect(items[0]).toContain('href="/en/units/digital-services-unit"');
      expect(items[0]).toContain(unitNote);
      expect(items[1]).toContain('href="/en/strategy"');
      expect(items[1]).toContain(strategyNote);
      expect(html).not.toContain(earlierNote);
      expect(html).not.toContain(ownNote);
    }

    // At most ten pages, one line per page however many times it changed.
    const units = await prisma.unit.findMany({ take: 12, orderBy: { id: "asc" } });
    for (const u of units) await recordChange("unit", u.id, `Bulk change of ${u.slug}`);
    await recordChange("strategy", 0, "Strategy changed again");
    const third = changeItems(await (await (await signedIn(person.email)).get("/en")).text());
    expect(third).toHaveLength(10);
    expect(third[0]).toContain("Strategy changed again");
    expect(third.filter((i) => i.includes('href="/en/strategy"'))).toHaveLength(1);
    expect(third.join("")).not.toContain(strategyNote);
  });

  it("a supervisor sees each overdue step of their team on one line; others do not", async () => {
    const supervisor = await makePerson();
    const report = await makePerson({
      name: "Olli Overdue",
      startDate: addDays(helsinkiToday(), -10),
      supervisorId: supervisor.id,
    });
    const html = await (await (await signedIn(supervisor.email)).get("/en")).text();
    expect(html).toContain("Your team&#x27;s overdue steps</h2>");
    const list = /<ul class="home-team__list">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? "";
    const lines = [...list.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1]);
    // The agency's first-week steps were due three days ago: five of them (first day and first week).
    expect(lines.length).toBeGreaterThanOrEqual(4);
    for (const line of lines)
      expect(line).toMatch(new RegExp(`href="/en/team/${report.id}#step-\\d+">Olli Overdue</a>`));
    expect(lines.some((l) => l.includes("Explore your unit"))).toBe(true);
    const colleague = await (await (await signedIn(report.email)).get("/en")).text();
    expect(colleague).not.toContain("overdue steps</h2>");
  });
});

describe("one-click done and undo", () => {
  it("the front page marks a simple step done, says so with an undo, and undo restores the step", async () => {
    const person = await makePerson({ startDate: addDays(helsinkiToday(), -1) });
    const step = await personalStep(person.id, "Collect your access badge");
    const client = await signedIn(person.email);
    const before = await (await client.get("/en")).text();
    expect(before).toContain("Collect your access badge");
    expect(before).toContain(`name="stepId" value="${step.id}"`);
    const completed = (html: string) => Number(/(\d+) of \d+ steps completed/.exec(html)?.[1]);
    expect(completed(before)).toBe(0);

    const done = await client.post("/en/onboarding", {
      intent: "status",
      stepId: String(step.id),
      status: "completed",
      returnTo: "home",
    });
    expect(done.status).toBe(302);
    expect(done.headers.get("Location")).toBe(`/en?saved=${step.id}&was=not_started#home-plan`);
    expect(await progressOf(person.id, step.id)).toMatchObject({ status: "completed" });
    const after = await (await client.get(done.headers.get("Location")!)).text();
    expect(after).toContain("Status saved:");
    expect(completed(after)).toBe(1);
    expect(after).toMatch(/<button type="submit" class="button button--secondary">Undo/);

    const undo = await client.post("/en/onboarding", {
      intent: "status",
      stepId: String(step.id),
      status: "not_started",
      returnTo: "home",
    });
    expect(undo.status).toBe(302);
    expect(await progressOf(person.id, step.id)).toMatchObject({ status: "not_started", completedAt: null });
    expect(completed(await (await client.get("/en")).text())).toBe(0);
  });

  it("a reading step is not completed by one click, and nobody completes a step of another person's plan", async () => {
    const person = await makePerson({ startDate: helsinkiToday() });
    const values = await prisma.onboardingStepText.findFirstOrThrow({
      where: { lang: "en", title: "Read our values", step: { scope: "agency" } },
    });
    const client = await signedIn(person.email);
    const front = await (await client.get("/en")).text();
    expect(front).toMatch(/href="\/en\/values"[^>]*>Read and acknowledge/);
    const refused = await client.post("/en/onboarding", {
      intent: "status",
      stepId: String(values.stepId),
      status: "completed",
      returnTo: "home",
    });
    expect(refused.status).toBe(400);
    expect(await progressOf(person.id, values.stepId)).toBeNull();

    const other = await makePerson({ startDate: helsinkiToday() });
    const theirs = await personalStep(other.id, "Someone else's step");
    const foreign = await client.post("/en/onboarding", {
      intent: "status",
      stepId: String(theirs.id),
      status: "completed",
    });
    expect(foreign.status).toBe(400);
    expect(await progressOf(other.id, theirs.id)).toBeNull();
    expect(await progressOf(person.id, theirs.id)).toBeNull();
  });

  it("on the plan page without JavaScript: done redirects back to the step, which offers undo in place", async () => {
    const person = await makePerson({ startDate: addDays(helsinkiToday(), -1) });
    const step = await personalStep(person.id, "Set up your workstation");
    const client = await signedIn(person.email);
    const plan = await (await client.get("/en/onboarding")).text();
    expect(plan).not.toContain('type="radio"');
    const done = await client.post("/en/onboarding", {
      intent: "status",
      stepId: String(step.id),
      status: "completed",
    });
    expect(done.status).toBe(302);
    expect(done.headers.get("Location")).toBe(`/en/onboarding?saved=${step.id}&was=not_started#step-${step.id}`);
    const html = await (await client.get(done.headers.get("Location")!)).text();
    const card = new RegExp(`<li id="step-${step.id}" class="task task--done-now">([\\s\\S]*?)</li>`).exec(html)?.[1];
    expect(card).toContain("Marked as done.");
    expect(card).toContain('name="status" value="not_started"');
    expect(card).toMatch(/>Undo<span class="visually-hidden">/);
    // On the next visit the step is folded into its phase's summary line, with "Mark as not done".
    const later = await (await client.get("/en/onboarding")).text();
    expect(later).toMatch(/<summary>Completed: 1 of 2 steps<\/summary>/);
    expect(later).toContain(`<li id="step-${step.id}" class="phase-done__item">`);
    expect(later).toContain("Mark as not done");
    const undo = await client.post("/en/onboarding", {
      intent: "status",
      stepId: String(step.id),
      status: "not_started",
    });
    expect(undo.status).toBe(302);
    expect(await progressOf(person.id, step.id)).toMatchObject({ status: "not_started" });
  });
});

describe("the onboarding calendar", () => {
  // Started on 27 March 2026: the first week crosses the change to summer time in Helsinki.
  const START = "2026-03-27";

  async function parse(response: Response) {
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    const text = await response.text();
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of text.split("\r\n")) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    return { text, events };
  }

  it("gives the person's own steps as all-day events on their Helsinki due dates, with stable UIDs", async () => {
    const person = await makePerson({ startDate: START });
    const tricky = "Meet the team; bring coffee, cake and questions";
    const step = await personalStep(person.id, tricky, "first_week", "A long description, " + "näin ".repeat(30));
    const client = await signedIn(person.email);
    const first = await parse(await client.get("/en/onboarding/calendar.ics"));
    const plan = await prisma.onboardingStep.count({
      where: { archivedAt: null, OR: [{ scope: "agency" }, { forUserId: person.id }] },
    });
    expect(first.events).toHaveLength(plan);
    const mine = first.events.find((e) => e.summary === tricky)!;
    expect(mine).toBeDefined();
    expect(mine.startDate.isDate).toBe(true);
    expect(mine.startDate.toString()).toBe("2026-04-02");
    expect(mine.endDate.toString()).toBe("2026-04-03");
    expect(mine.description).toBe("A long description, " + "näin ".repeat(30));
    expect(mine.uid).toBe(`onboarding-${person.id}-step-${step.id}@migri-onboarding-portal`);
    expect(first.text).toMatch(/DTSTAMP:\d{8}T\d{6}Z/);
    const firstDay = first.events.find((e) => e.summary === "Meet your supervisor")!;
    expect(firstDay.startDate.toString()).toBe(START);
    const trial = first.events.find((e) => e.summary === "Review your onboarding with your supervisor")!;
    expect(trial.startDate.toString()).toBe("2026-09-27");

    // A second download has the same UIDs (a re-import updates), and shows a completed step as done.
    await client.post("/en/onboarding", { intent: "status", stepId: String(step.id), status: "completed" });
    const second = await parse(await client.get("/en/onboarding/calendar.ics"));
    expect(second.events.map((e) => e.uid).sort()).toEqual(first.events.map((e) => e.uid).sort());
    expect(second.events.find((e) => e.uid === mine.uid)!.summary).toBe(`Done: ${tricky}`);
    const finnish = await parse(await client.get("/fi/onboarding/calendar.ics"));
    expect(finnish.events.some((e) => e.summary === "Tapaa esihenkilösi")).toBe(true);
  });

  it("has no way to another person's plan: one's own file only, and signed-out visitors sign in", async () => {
    const person = await makePerson({ startDate: START });
    await personalStep(person.id, "A private personal step");
    const other = await makePerson({ startDate: START });
    const theirs = await parse(
      await (await signedIn(other.email)).get(`/en/onboarding/calendar.ics?userId=${person.id}`),
    );
    expect(theirs.text).not.toContain("A private personal step");
    expect(theirs.events.every((e) => e.uid.startsWith(`onboarding-${other.id}-`))).toBe(true);
    const anonymous = await new Client(server).get("/en/onboarding/calendar.ics");
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toContain("/en/login?redirectTo=");
  });

  it("a subscription URL with a secret token: stored only as a hash, replaced and revoked (then 404)", async () => {
    const person = await makePerson({ startDate: START });
    await personalStep(person.id, "Subscribed step");
    const client = await signedIn(person.email);
    const page = await client.get("/en/onboarding/calendar");
    expect(await page.text()).toContain("You have no subscription address.");

    const createUrl = async () => {
      const created = await client.post("/en/onboarding/calendar", { intent: "create" });
      expect(created.status).toBe(200);
      const match = /value="(http:\/\/127\.0\.0\.1:\d+\/en\/onboarding\/calendar\/([A-Za-z0-9_-]{43})\.ics)"/.exec(
        await created.text(),
      );
      expect(match).not.toBeNull();
      return { path: new URL(match![1]).pathname, token: match![2] };
    };
    const first = await createUrl();
    const rows = await prisma.calendarFeed.findMany({ where: { userId: person.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).toBe(crypto.createHash("sha256").update(first.token).digest("hex"));
    expect(JSON.stringify(rows)).not.toContain(first.token);

    const calendarClient = new Client(server); // a calendar application: no cookie
    const feed = await parse(await calendarClient.get(first.path));
    expect(feed.events.some((e) => e.summary === "Subscribed step")).toBe(true);
    expect(await (await client.get("/en/onboarding/calendar")).text()).toMatch(
      /You have a subscription address, created/,
    );

    // Unknown and malformed tokens: 404.
    const unknown = crypto.randomBytes(32).toString("base64url");
    expect((await calendarClient.get(`/en/onboarding/calendar/${unknown}.ics`)).status).toBe(404);
    expect((await calendarClient.get(`/en/onboarding/calendar/${first.token}`)).status).toBe(404);
    expect((await calendarClient.get("/en/onboarding/calendar/not-a-token.ics")).status).toBe(404);

    // A new address replaces the old one.
    const second = await createUrl();
    expect((await calendarClient.get(first.path)).status).toBe(404);
    expect((await calendarClient.get(second.path)).status).toBe(200);

    const revoked = await client.post("/en/onboarding/calendar", { intent: "revoke" });
    expect(revoked.status).toBe(302);
    expect((await calendarClient.get(second.path)).status).toBe(404);
    expect(await (await client.get("/en/onboarding/calendar?revoked=1")).text()).toContain(
      "The subscription address was revoked.",
    );
    expect(
      await prisma.auditEvent.count({ where: { action: { startsWith: "calendar.feed_" }, actorId: person.id } }),
    ).toBe(3);
  });
});
