// Owners, review dates and corrections over real HTTP against the built server: what readers
// see, who may edit, confirm and resolve (403 on the server for everyone else), what is audited,
// and plain-form suggestions (no JavaScript).
import { beforeAll, describe, expect, it } from "vitest";
import { formatDate } from "~/i18n";
import { hashPassword } from "~/models/user.server";
import { reviewDueOn } from "~/models/review-dates";
import { prisma } from "~/utils/db.server";
import { Client, useTestServer } from "../support/http";
import { todayInHelsinki } from "~/utils/helsinki-time";

const server = useTestServer();
const PASSWORD = "content-care-password";

async function person(email: string, name: string, role: string, editableSlugs: string[] = []) {
  const units = await prisma.unit.findMany({ where: { slug: { in: editableSlugs } } });
  return prisma.user.upsert({
    where: { email },
    update: {},
    create: {
      email,
      name,
      role,
      passwordHash: await hashPassword(PASSWORD),
      editableUnits: { create: units.map((u) => ({ unitId: u.id })) },
    },
  });
}

async function signedIn(email: string, password = PASSWORD) {
  const client = new Client(server);
  await client.signIn(email, password);
  return client;
}

const unitId = async (slug: string) => (await prisma.unit.findUniqueOrThrow({ where: { slug } })).id;
const ownership = async (slug: string) =>
  prisma.pageOwnership.findUniqueOrThrow({
    where: { pageType_pageId: { pageType: "unit", pageId: await unitId(slug) } },
  });

async function setOwner(slug: string, ownerId: number | null, lastReviewedOn: string, intervalMonths = 12) {
  const pageId = await unitId(slug);
  await prisma.pageOwnership.upsert({
    where: { pageType_pageId: { pageType: "unit", pageId } },
    update: { ownerId, lastReviewedOn, reviewIntervalMonths: intervalMonths },
    create: { pageType: "unit", pageId, ownerId, lastReviewedOn, reviewIntervalMonths: intervalMonths },
  });
}

/** The unit edit form's current values, as the browser would post them. */
async function unitForm(slug: string, changes: Record<string, string>) {
  const unit = await prisma.unit.findUniqueOrThrow({ where: { slug }, include: { texts: true } });
  const text = unit.texts.find((t) => t.lang === "en")!;
  return {
    name: text.name,
    summary: text.summary,
    description: text.description,
    duties: (JSON.parse(text.duties) as string[]).join("\n"),
    contactEmail: unit.contactEmail ?? "",
    location: unit.location ?? "",
    head: unit.head ?? "",
    ...(unit.needsReview ? { needsReview: "on" } : {}),
    textVersion: String(text.version),
    sharedVersion: String(unit.version),
    changeNote: "Checked the page",
    ...changes,
  };
}

const today = todayInHelsinki(new Date());
const SLUG = "security-unit";
const OTHER = "finance-and-administration-unit";
let owner: { id: number };

beforeAll(async () => {
  owner = await person("care-owner@migri.example", "Care Owner", "employee");
  await person("care-reader@migri.example", "Care Reader", "employee");
  await person("care-reader2@migri.example", "Care Reader Two", "employee");
  await person("care-editor@migri.example", "Care Editor", "unit_editor", [SLUG]);
  await person("care-other-editor@migri.example", "Other Unit Editor", "unit_editor", [OTHER]);
  await setOwner(SLUG, owner.id, "2020-01-15");
});

describe("what readers see", () => {
  it("shows the owner and check date, and an overdue notice with the due date", async () => {
    const html = await (await new Client(server).get(`/en/units/${SLUG}`)).text();
    expect(html).toContain(`Owner: Care Owner · Checked ${formatDate("en", "2020-01-15")}`);
    expect(html).toContain(`its review was due on ${formatDate("en", "2021-01-15")}`);
  });

  it("a page without an owner says so and shows no overdue notice while its review is current", async () => {
    await setOwner(OTHER, null, today);
    const html = await (await new Client(server).get(`/en/units/${OTHER}`)).text();
    expect(html).toContain(`No owner yet · Checked ${formatDate("en", today)}`);
    expect(html).not.toContain("may be out of date");
  });

  it("organisation documents show their owner and review too", async () => {
    const html = await (await new Client(server).get("/fi/strategy")).text();
    expect(html).toMatch(/Vastuuhenkilö: |Ei vielä vastuuhenkilöä/);
    expect(html).toMatch(/Tarkistettu /);
  });
});

describe("the owner may edit the page they own, whatever their role", () => {
  it("the owner (an employee) opens and saves the editor; the save counts as a review", async () => {
    const client = await signedIn("care-owner@migri.example");
    expect((await client.get(`/en/units/${SLUG}/edit`)).status).toBe(200);
    const response = await client.post(
      `/en/units/${SLUG}/edit`,
      await unitForm(SLUG, { summary: `Reviewed on ${today} by its owner.` }),
    );
    expect(response.status).toBe(302);
    expect((await ownership(SLUG)).lastReviewedOn).toBe(today);
    const review = await prisma.pageReview.findFirstOrThrow({
      where: { pageType: "unit", pageId: await unitId(SLUG) },
      orderBy: { id: "desc" },
    });
    expect(review).toMatchObject({ kind: "edit", reviewerId: owner.id, reviewedOn: today });
    // The page itself no longer warns.
    const html = await (await client.get(`/en/units/${SLUG}`)).text();
    expect(html).not.toContain("may be out of date");
    expect(html).toContain(`Checked ${formatDate("en", today)}`);
  });

  it("another employee gets 403 on the editor and on a save", async () => {
    const client = await signedIn("care-reader@migri.example");
    expect((await client.get(`/en/units/${SLUG}/edit`)).status).toBe(403);
    expect((await client.post(`/en/units/${SLUG}/edit`, await unitForm(SLUG, { summary: "x" }))).status).toBe(403);
  });

  it("the owner of an organisation document may edit it", async () => {
    await prisma.pageOwnership.upsert({
      where: { pageType_pageId: { pageType: "values", pageId: 0 } },
      update: { ownerId: owner.id },
      create: { pageType: "values", pageId: 0, ownerId: owner.id, lastReviewedOn: today },
    });
    const client = await signedIn("care-owner@migri.example");
    expect((await client.get("/en/values/edit")).status).toBe(200);
    expect((await (await signedIn("care-reader@migri.example")).get("/en/values/edit")).status).toBe(403);
  });
});

describe("still accurate", () => {
  it("the owner confirms without editing: a review in history and the audit log, the due date moves", async () => {
    await setOwner(SLUG, owner.id, "2021-03-01", 6);
    const client = await signedIn("care-owner@migri.example");
    const response = await client.post(`/en/editor/pages/unit-${SLUG}`, { intent: "confirm" });
    expect(response.status).toBe(302);
    const row = await ownership(SLUG);
    expect(row.lastReviewedOn).toBe(today);
    expect(reviewDueOn(row.lastReviewedOn, row.reviewIntervalMonths)).toBe(reviewDueOn(today, 6));
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "page.review" },
      orderBy: { id: "desc" },
    });
    expect(audit.actorEmail).toBe("care-owner@migri.example");
    const page = await (await client.get(`/en/editor/pages/unit-${SLUG}`)).text();
    expect(page).toContain(`${formatDate("en", today)}: checked as still accurate by Care Owner`);
    // A confirmation changes no text, so it is not a version: the history page lists it as a review.
    const history = await (await client.get(`/en/units/${SLUG}/history`)).text();
    expect(history).toContain(`${formatDate("en", today)}: checked as still accurate by Care Owner`);
  });

  it("a reader who is neither owner nor HR gets 403", async () => {
    const client = await signedIn("care-reader@migri.example");
    expect((await client.post(`/en/editor/pages/unit-${SLUG}`, { intent: "confirm" })).status).toBe(403);
  });
});

describe("HR sets owner and interval", () => {
  it("audits each change; a bad interval is explained next to its field", async () => {
    const hr = await signedIn("hr@migri.example", "migri-demo-2026");
    const editor = await prisma.user.findUniqueOrThrow({ where: { email: "care-editor@migri.example" } });
    const bad = await hr.post(`/en/editor/pages/unit-${OTHER}`, {
      intent: "ownership",
      ownerId: String(editor.id),
      intervalMonths: "0",
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Enter a whole number of months from 1 to 36.");

    const ok = await hr.post(`/en/editor/pages/unit-${OTHER}`, {
      intent: "ownership",
      ownerId: String(editor.id),
      intervalMonths: "6",
    });
    expect(ok.status).toBe(302);
    const row = await ownership(OTHER);
    expect(row).toMatchObject({ ownerId: editor.id, reviewIntervalMonths: 6 });
    const actions = (
      await prisma.auditEvent.findMany({
        where: { targetType: "unit", targetId: String(await unitId(OTHER)) },
        orderBy: { id: "desc" },
        take: 2,
      })
    ).map((e) => e.action);
    expect(actions.sort()).toEqual(["page.interval_change", "page.owner_change"]);
  });

  it("an employee cannot set owners", async () => {
    const client = await signedIn("care-owner@migri.example");
    const response = await client.post(`/en/editor/pages/unit-${SLUG}`, {
      intent: "ownership",
      ownerId: "",
      intervalMonths: "12",
    });
    expect(response.status).toBe(403);
  });

  it("disabling the owner puts their pages back in the no-owner queue", async () => {
    const leaver = await person("care-leaver@migri.example", "Care Leaver", "employee");
    await setOwner("management-support", leaver.id, today);
    const admin = await signedIn("admin@migri.example", "migri-demo-2026");
    expect((await admin.post(`/en/admin/users/${leaver.id}`, { intent: "disable" })).status).toBe(302);
    expect((await ownership("management-support")).ownerId).toBeNull();
    const html = await (await new Client(server).get("/en/units/management-support")).text();
    expect(html).toContain("No owner yet");
  });
});

describe("corrections from readers", () => {
  let suggestionId: number;

  it("a signed-in reader suggests a correction with a plain form; the form says who will see their name", async () => {
    const client = await signedIn("care-reader@migri.example");
    const page = await (await client.get(`/en/units/${SLUG}`)).text();
    expect(page).toContain("Suggest a correction");
    expect(page).toContain("will see your name");
    const response = await client.post("/en/suggestions", {
      page: `unit-${SLUG}`,
      whatIsWrong: "The unit moved to another floor.",
      suggestedText: "Third floor",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/en/units/${SLUG}?suggested=1`);
    const created = await prisma.correctionSuggestion.findFirstOrThrow({ orderBy: { id: "desc" } });
    suggestionId = created.id;
    expect(created).toMatchObject({ status: "open", whatIsWrong: "The unit moved to another floor." });
    // The owner hears of it by mail, in their language.
    const mail = await prisma.outgoingMail.findUniqueOrThrow({
      where: { dedupeKey: `suggestion_received:${created.id}:${owner.id}` },
    });
    expect(mail.body).toContain("The unit moved to another floor.");
  });

  it("an empty suggestion comes back with the message next to the field and the text typed kept", async () => {
    const client = await signedIn("care-reader@migri.example");
    const response = await client.post("/en/suggestions", {
      page: `unit-${SLUG}`,
      whatIsWrong: "  ",
      suggestedText: "Keep this text",
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("This field is required.");
    expect(html).toContain("Keep this text");
  });

  it("only the suggester sees it on their list; another reader cannot open the page's suggestions", async () => {
    const mine = await (await (await signedIn("care-reader@migri.example")).get("/en/suggestions")).text();
    expect(mine).toContain("The unit moved to another floor.");
    const other = await signedIn("care-reader2@migri.example");
    expect(await (await other.get("/en/suggestions")).text()).not.toContain("The unit moved to another floor.");
    expect((await other.get(`/en/editor/pages/unit-${SLUG}`)).status).toBe(403);
  });

  it("the owner and the unit's editor see who suggested it; an editor of another unit cannot resolve it", async () => {
    for (const email of ["care-owner@migri.example", "care-editor@migri.example"]) {
      const html = await (await (await signedIn(email)).get(`/en/editor/pages/unit-${SLUG}`)).text();
      expect(html, email).toContain("Suggested by Care Reader");
    }
    const outsider = await signedIn("care-other-editor@migri.example");
    expect((await outsider.get(`/en/editor/pages/unit-${SLUG}`)).status).toBe(403);
    const viaOwnPage = await outsider.post(`/en/editor/pages/unit-${OTHER}`, {
      intent: "declined",
      suggestionId: String(suggestionId),
      reply: "Not mine to decline",
    });
    expect([403, 404]).toContain(viaOwnPage.status);
    expect((await prisma.correctionSuggestion.findUniqueOrThrow({ where: { id: suggestionId } })).status).toBe("open");
  });

  it("'fixed' needs an edit after the suggestion, then links that revision; the suggester sees the outcome", async () => {
    const editor = await signedIn("care-editor@migri.example");
    await prisma.correctionSuggestion.update({
      where: { id: suggestionId },
      data: { createdAt: new Date(Date.now() + 1000) },
    });
    const early = await editor.post(`/en/editor/pages/unit-${SLUG}`, {
      intent: "fixed",
      suggestionId: String(suggestionId),
    });
    expect(early.status).toBe(409);
    await prisma.correctionSuggestion.update({ where: { id: suggestionId }, data: { createdAt: new Date(0) } });
    const fixed = await editor.post(`/en/editor/pages/unit-${SLUG}`, {
      intent: "fixed",
      suggestionId: String(suggestionId),
    });
    expect(fixed.status).toBe(302);
    const row = await prisma.correctionSuggestion.findUniqueOrThrow({ where: { id: suggestionId } });
    const latest = await prisma.revision.findFirstOrThrow({
      where: { entityType: "unit", entityId: await unitId(SLUG) },
      orderBy: { id: "desc" },
    });
    expect(row).toMatchObject({ status: "fixed", revisionId: latest.id });
    const list = await (await (await signedIn("care-reader@migri.example")).get("/en/suggestions")).text();
    expect(list).toContain("Fixed");
    expect(list).toContain(`Fixed in version ${latest.version}, saved on ${formatDate("en", latest.createdAt)}.`);
    // A reader cannot open the page's history, so gets no link to it.
    expect(list).not.toContain(`/history/${latest.id}`);
    // The page's editor, when they suggested a fix themselves, can follow it to the revision.
    const editorRow = await prisma.user.findUniqueOrThrow({ where: { email: "care-editor@migri.example" } });
    await prisma.correctionSuggestion.create({
      data: {
        pageType: "unit",
        pageId: await unitId(SLUG),
        lang: "en",
        authorId: editorRow.id,
        whatIsWrong: "Noted by an editor",
        status: "fixed",
        revisionId: latest.id,
        resolvedAt: new Date(),
      },
    });
    const own = await (await editor.get("/en/suggestions")).text();
    expect(own).toContain(`href="/en/units/${SLUG}/history/${latest.id}"`);
  });

  it("declining needs a reply, which the suggester reads", async () => {
    const reader = await signedIn("care-reader2@migri.example");
    await reader.post("/en/suggestions", { page: `unit-${SLUG}`, whatIsWrong: "Wrong phone number" });
    const s = await prisma.correctionSuggestion.findFirstOrThrow({ orderBy: { id: "desc" } });
    const owner = await signedIn("care-owner@migri.example");
    const empty = await owner.post(`/en/editor/pages/unit-${SLUG}`, {
      intent: "declined",
      suggestionId: String(s.id),
      reply: "",
    });
    expect(empty.status).toBe(400);
    const declined = await owner.post(`/en/editor/pages/unit-${SLUG}`, {
      intent: "declined",
      suggestionId: String(s.id),
      reply: "The number is the switchboard's, on purpose.",
    });
    expect(declined.status).toBe(302);
    const list = await (await reader.get("/en/suggestions")).text();
    expect(list).toContain("Declined");
    expect(list).toContain("The number is the switchboard&#x27;s, on purpose.");
  });
});

describe("the editor's desk", () => {
  it("lists the owner's overdue page first and shows a count in the navigation", async () => {
    const deskOwner = await person("desk-owner@migri.example", "Desk Owner", "employee");
    await setOwner("legal-and-specialist-services-unit", deskOwner.id, "2020-05-01");
    const client = await signedIn("desk-owner@migri.example");
    const html = await (await client.get("/en/editor")).text();
    expect(html).toContain(`Review overdue since ${formatDate("en", "2021-05-01")}`);
    expect(html).toContain("1 needs attention");
    // Someone with no pages and no editing role has no desk.
    expect((await (await signedIn("care-reader2@migri.example")).get("/en/editor")).status).toBe(403);
  });

  it("HR filters all pages by owner and state and downloads them as CSV; others cannot", async () => {
    const hr = await signedIn("hr@migri.example", "migri-demo-2026");
    const html = await (await hr.get("/en/editor?owner=none&state=ok")).text();
    expect(html).toContain("All pages");
    expect(html).not.toContain("Desk Owner</td>");
    const csv = await hr.get("/en/editor/pages.csv?state=overdue");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("Content-Type")).toContain("text/csv");
    const body = await csv.text();
    expect(body).toContain("Legal and Specialist Services Unit;Desk Owner;");
    expect(body).not.toContain(";Up to date;");
    expect((await (await signedIn("care-editor@migri.example")).get("/en/editor/pages.csv")).status).toBe(403);
  });
});

describe("mail settings a person controls, and the outbox", () => {
  it("choosing a language on the portal sets the language of a signed-in person's mail", async () => {
    const client = await signedIn("care-reader@migri.example");
    expect((await client.get("/language?to=%2Fsv%2Fvalues")).status).toBe(302);
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "care-reader@migri.example" } });
    expect(user.preferredLanguage).toBe("sv");
  });

  it("admins read the outbox; nobody else does", async () => {
    await prisma.outgoingMail.upsert({
      where: { dedupeKey: "http-outbox-test" },
      update: {},
      create: {
        kind: "test",
        dedupeKey: "http-outbox-test",
        toAddress: "someone@migri.example",
        lang: "en",
        subject: "A mail in the outbox",
        body: "Body",
        messageId: "<http-outbox-test@portal.example>",
        sentAt: new Date(),
        deliveredVia: "outbox",
      },
    });
    const admin = await signedIn("admin@migri.example", "migri-demo-2026");
    expect(await (await admin.get("/en/admin/outbox")).text()).toContain("A mail in the outbox");
    expect((await (await signedIn("hr@migri.example", "migri-demo-2026")).get("/en/admin/outbox")).status).toBe(403);
  });
});
