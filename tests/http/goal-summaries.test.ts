// Goal summaries over real HTTP against the built server: who may compose, read, edit, share,
// revoke and delete; share links for any signed-in employee, 410 and 404; the PDF's text.
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { Client, useTestServer } from "../support/http";

const server = useTestServer();

const GOAL_QUALITY_FI = "Toimintamme on laadukasta, sujuvaa ja ennakoitavaa";
const GOAL_CUSTOMERS_FI = "Asiakaskokemus on erinomainen";
const TITLE = "Tiimimme tavoitteet – ä ö å";

const clients: Record<string, Client> = {};
async function as(email: string): Promise<Client> {
  if (!clients[email]) {
    const client = new Client(server);
    await client.signIn(email);
    clients[email] = client;
  }
  return clients[email];
}

/** Composes and publishes a summary as the demo supervisor through the form, like a browser. */
async function publishSummary(fields: Record<string, string> = {}): Promise<number> {
  const manager = await as("manager@migri.example");
  const response = await manager.post("/en/summaries/new", {
    title: TITLE,
    lang: "fi",
    intro: "Hei **tiimi**!",
    "goal-quality.selected": "on",
    "goal-quality.teamText": "Käsittelemme hakemukset *ajallaan*.",
    "goal-quality.targets.0.text": "Käsittelyaika alle 30 päivää",
    "goal-quality.targets.0.owner": "Åsa Öberg",
    "goal-quality.targets.0.dueDate": "2027-03-31",
    "goal-quality.targets.1.text": "",
    "goal-quality.targets.1.owner": "",
    "goal-quality.targets.1.dueDate": "",
    "goal-customer-experience.selected": "on",
    "goal-customer-experience.teamText": "Vastaamme asiakkaille nopeasti.",
    intent: "publish",
    ...fields,
  });
  expect(response.status).toBe(302);
  const match = /^\/en\/summaries\/(\d+)\?published=1$/.exec(response.headers.get("Location") ?? "");
  expect(match, `redirect after publishing: ${response.headers.get("Location")}`).not.toBeNull();
  return Number(match![1]);
}

async function shareLink(id: number, expiresOn = ""): Promise<string> {
  const manager = await as("manager@migri.example");
  const response = await manager.post(`/en/summaries/${id}`, { intent: "share", expiresOn });
  expect(response.status).toBe(200);
  const link = await prisma.summaryShareLink.findFirstOrThrow({ where: { summaryId: id }, orderBy: { id: "desc" } });
  return link.token;
}

function pdfToText(pdf: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("pdftotext", ["-enc", "UTF-8", "-", "-"]);
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("error", (e: NodeJS.ErrnoException) =>
      reject(
        e.code === "ENOENT"
          ? new Error("pdftotext is missing: install poppler-utils (apt-get install poppler-utils)")
          : e,
      ),
    );
    child.on("close", (code) => (code === 0 ? resolve(out) : reject(new Error(`pdftotext failed (${code}): ${err}`))));
    child.stdin.end(pdf);
  });
}

afterAll(async () => {
  await prisma.loginFailure.deleteMany();
});

describe("composing", () => {
  it("is for supervisors, HR editors and admins; others get 403", async () => {
    for (const email of [
      "manager@migri.example",
      "manager2@migri.example",
      "hr@migri.example",
      "admin@migri.example",
    ]) {
      expect((await (await as(email)).get("/fi/summaries/new")).status, email).toBe(200);
    }
    for (const email of ["newcomer@migri.example", "editor@migri.example"]) {
      const client = await as(email);
      expect((await client.get("/fi/summaries/new")).status, email).toBe(403);
      expect((await client.post("/fi/summaries/new", { title: "x", lang: "fi", intent: "save" })).status, email).toBe(
        403,
      );
    }
    const signedOut = await new Client(server).get("/sv/summaries/new");
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get("Location")).toBe("/sv/login?redirectTo=%2Fsv%2Fsummaries%2Fnew");
  });

  it("saves a draft without publishing; the team cannot see it until it is published", async () => {
    const manager = await as("manager@migri.example");
    const response = await manager.post("/en/summaries/new", { title: "Work in progress", lang: "en", intent: "save" });
    expect(response.status).toBe(302);
    const id = Number(/\/summaries\/(\d+)\/edit\?saved=draft$/.exec(response.headers.get("Location")!)![1]);
    expect(await prisma.teamSummary.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "draft",
      publishedAt: null,
    });
    expect((await (await as("newcomer@migri.example")).get(`/en/summaries/${id}`)).status).toBe(403);
    expect(await (await (await as("newcomer@migri.example")).get("/en/summaries")).text()).not.toContain(
      "Work in progress",
    );

    const published = await manager.post(`/en/summaries/${id}/edit`, {
      title: "Work in progress",
      lang: "en",
      "goal-networks.selected": "on",
      "goal-networks.teamText": "We meet the police every month.",
      version: "1",
      intent: "publish",
    });
    expect(published.headers.get("Location")).toBe(`/en/summaries/${id}?published=1`);
    const page = await (await as("newcomer@migri.example")).get(`/en/summaries/${id}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("We are active in networks and seek to achieve solutions.");
    expect(html).toContain("We meet the police every month.");
  });

  it("answers 400 with the errors and what was typed", async () => {
    const manager = await as("manager@migri.example");
    const response = await manager.post("/en/summaries/new", {
      title: "Kept title",
      lang: "en",
      "goal-quality.selected": "on",
      "goal-quality.teamText": "Kept text",
      "goal-quality.targets.0.text": "A target without an owner",
      "goal-quality.targets.0.owner": "",
      "goal-quality.targets.0.dueDate": "",
      intent: "publish",
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Give the target an owner.");
    expect(html).toContain('value="Kept title"');
    expect(html).toContain("A target without an owner");
  });
});

describe("reading and managing another supervisor's summary", () => {
  let id = 0;
  beforeAll(async () => {
    id = await publishSummary();
  });

  it("the author's report reads it, with who wrote it and when; views are counted", async () => {
    const before = (await prisma.teamSummary.findUniqueOrThrow({ where: { id } })).viewCount;
    const page = await (await as("newcomer@migri.example")).get(`/en/summaries/${id}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(TITLE);
    expect(html).toContain(GOAL_QUALITY_FI);
    expect(html).toContain(GOAL_CUSTOMERS_FI);
    expect(html).toContain("Kirjoittanut Demo Supervisor. Päivitetty viimeksi");
    expect(html).toContain("Åsa Öberg");
    expect(html).toContain('lang="fi"');
    expect((await prisma.teamSummary.findUniqueOrThrow({ where: { id } })).viewCount).toBe(before + 1);
    // The list shows it under "summaries for me".
    expect(await (await (await as("newcomer@migri.example")).get("/en/summaries")).text()).toContain(TITLE);
  });

  it("HR editors and admins read it too", async () => {
    expect((await (await as("hr@migri.example")).get(`/en/summaries/${id}`)).status).toBe(200);
    expect((await (await as("admin@migri.example")).get(`/en/summaries/${id}`)).status).toBe(200);
  });

  it("manager2 cannot read, edit, share, revoke, delete or download it (403); newcomer2 cannot read it", async () => {
    const token = await shareLink(id);
    const link = await prisma.summaryShareLink.findUniqueOrThrow({ where: { token } });
    const other = await as("manager2@migri.example");
    expect((await other.get(`/en/summaries/${id}`)).status).toBe(403);
    expect((await other.get(`/en/summaries/${id}/edit`)).status).toBe(403);
    expect(
      (await other.post(`/en/summaries/${id}/edit`, { title: "Hijacked", lang: "en", intent: "save" })).status,
    ).toBe(403);
    expect((await other.post(`/en/summaries/${id}`, { intent: "share", expiresOn: "" })).status).toBe(403);
    expect((await other.post(`/en/summaries/${id}`, { intent: "revoke", linkId: String(link.id) })).status).toBe(403);
    expect((await other.post(`/en/summaries/${id}/edit`, { intent: "delete" })).status).toBe(403);
    expect((await other.get(`/summaries/${id}.pdf`)).status).toBe(403);
    expect((await (await as("newcomer2@migri.example")).get(`/en/summaries/${id}`)).status).toBe(403);
    expect((await (await as("newcomer@migri.example")).get(`/en/summaries/${id}/edit`)).status).toBe(403);

    const after = await prisma.teamSummary.findUniqueOrThrow({ where: { id } });
    expect(after.title).toBe(TITLE);
    expect(await prisma.summaryShareLink.findUniqueOrThrow({ where: { token } })).toMatchObject({ revokedAt: null });
    expect(await prisma.summaryShareLink.count({ where: { summaryId: id } })).toBe(1);
  });

  it("...but manager2 can read it through a share link, and download the PDF with it", async () => {
    const token = await shareLink(id);
    const other = await as("manager2@migri.example");
    const page = await other.get(`/fi/summaries/shared/${token}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(TITLE);
    expect(html).toContain(GOAL_QUALITY_FI);
    expect(html).not.toContain("Create a share link");
    expect((await other.get(`/summaries/${id}.pdf?share=${token}`)).status).toBe(200);
    // A share link to one summary opens no other.
    const another = await publishSummary({ title: "Another one" });
    expect((await other.get(`/summaries/${another}.pdf?share=${token}`)).status).toBe(403);
  });

  it("the author edits it; 'last updated' moves, the status stays published", async () => {
    const manager = await as("manager@migri.example");
    const before = await prisma.teamSummary.findUniqueOrThrow({ where: { id } });
    const response = await manager.post(`/en/summaries/${id}/edit`, {
      title: TITLE,
      lang: "fi",
      "goal-quality.selected": "on",
      "goal-quality.teamText": "Uusi teksti.",
      "goal-customer-experience.selected": "on",
      "goal-customer-experience.teamText": "Vastaamme asiakkaille nopeasti.",
      version: String(before.version),
      intent: "save",
    });
    expect(response.headers.get("Location")).toBe(`/en/summaries/${id}?saved=1`);
    const after = await prisma.teamSummary.findUniqueOrThrow({
      where: { id },
      include: { items: { orderBy: { position: "asc" } } },
    });
    expect(after.status).toBe("published");
    expect(after.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
    expect(after.items.map((i) => i.teamText)).toEqual(["Uusi teksti.", "Vastaamme asiakkaille nopeasti."]);
    expect(after.version).toBe(before.version + 1);
  });

  it("two tabs: the second save of the same version gets the conflict page with its text kept, nothing overwritten", async () => {
    const manager = await as("manager@migri.example");
    const edit = await manager.get(`/en/summaries/${id}/edit`);
    const version = /name="version" value="(\d+)"/.exec(await edit.text())?.[1];
    expect(version).toBe(String((await prisma.teamSummary.findUniqueOrThrow({ where: { id } })).version));
    const form = (teamText: string) => ({
      title: TITLE,
      lang: "fi",
      "goal-quality.selected": "on",
      "goal-quality.teamText": teamText,
      version: version!,
      intent: "save",
    });
    const first = await manager.post(`/en/summaries/${id}/edit`, form("Ensimmäisen välilehden teksti."));
    expect(first.status).toBe(302);
    const second = await manager.post(`/en/summaries/${id}/edit`, form("Toisen välilehden teksti."));
    expect(second.status).toBe(409);
    const html = await second.text();
    expect(html).toContain("Someone else saved this summary while you were editing");
    expect(html).toContain("Toisen välilehden teksti.");
    // The form's base moved on: saving again is a conscious overwrite.
    expect(html).toContain(`name="version" value="${Number(version) + 1}"`);
    const stored = await prisma.teamSummary.findUniqueOrThrow({ where: { id }, include: { items: true } });
    expect(stored.items.map((i) => i.teamText)).toEqual(["Ensimmäisen välilehden teksti."]);

    const again = await manager.post(`/en/summaries/${id}/edit`, {
      ...form("Toisen välilehden teksti."),
      version: String(Number(version) + 1),
    });
    expect(again.status).toBe(302);
    const overwritten = await prisma.teamSummary.findUniqueOrThrow({ where: { id }, include: { items: true } });
    expect(overwritten.items.map((i) => i.teamText)).toEqual(["Toisen välilehden teksti."]);
  });
});

describe("share links", () => {
  let id = 0;
  beforeAll(async () => {
    id = await publishSummary();
  });

  it("open for any signed-in employee; a signed-out visitor signs in first and comes back", async () => {
    const token = await shareLink(id);
    const path = `/sv/summaries/shared/${token}`;
    const visitor = new Client(server);
    const first = await visitor.get(path);
    expect(first.status).toBe(302);
    const login = first.headers.get("Location")!;
    expect(login).toBe(`/sv/login?redirectTo=${encodeURIComponent(path)}`);
    expect(await first.text()).not.toContain(TITLE);
    const signIn = await visitor.post("/sv/login", {
      email: "editor@migri.example",
      password: "migri-demo-2026",
      redirectTo: path,
    });
    expect(signIn.headers.get("Location")).toBe(path);
    const page = await visitor.get(path);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(TITLE);
  });

  it("answer 410 with a clear page once revoked", async () => {
    const token = await shareLink(id);
    const link = await prisma.summaryShareLink.findUniqueOrThrow({ where: { token } });
    const reader = await as("newcomer2@migri.example");
    expect((await reader.get(`/en/summaries/shared/${token}`)).status).toBe(200);
    const revoke = await (
      await as("manager@migri.example")
    ).post(`/en/summaries/${id}`, { intent: "revoke", linkId: String(link.id) });
    expect(revoke.status).toBe(200);
    const gone = await reader.get(`/en/summaries/shared/${token}`);
    expect(gone.status).toBe(410);
    const html = await gone.text();
    expect(html).toContain("<h1>This link no longer works</h1>");
    expect(html).toContain("has revoked the link");
    expect(html).not.toContain(GOAL_QUALITY_FI);
    expect((await reader.get(`/summaries/${id}.pdf?share=${token}`)).status).toBe(403);
  });

  it("answer 410 after their expiry date, and refuse an expiry date in the past", async () => {
    const tomorrow = new Date(Date.now() + 36 * 3600 * 1000).toISOString().slice(0, 10);
    const token = await shareLink(id, tomorrow);
    const reader = await as("newcomer2@migri.example");
    expect((await reader.get(`/fi/summaries/shared/${token}`)).status).toBe(200);
    await prisma.summaryShareLink.update({ where: { token }, data: { expiresAt: new Date(Date.now() - 60_000) } });
    const gone = await reader.get(`/fi/summaries/shared/${token}`);
    expect(gone.status).toBe(410);
    expect(await gone.text()).toContain("Tämä jakolinkki vanheni");

    const past = await (
      await as("manager@migri.example")
    ).post(`/en/summaries/${id}`, { intent: "share", expiresOn: "2020-01-01" });
    expect(past.status).toBe(400);
    expect(await past.text()).toContain("Choose today or a later date.");
  });

  it("answer 404 for an unknown or malformed token", async () => {
    const reader = await as("newcomer2@migri.example");
    expect((await reader.get(`/en/summaries/shared/${"A".repeat(43)}`)).status).toBe(404);
    expect((await reader.get("/en/summaries/shared/1")).status).toBe(404);
  });

  it("are unguessable: 43 base64url characters, unrelated to each other", async () => {
    const a = await shareLink(id);
    const b = await shareLink(id);
    for (const token of [a, b]) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    let prefix = 0;
    while (a[prefix] === b[prefix]) prefix++;
    expect(prefix).toBeLessThan(6);
  });

  it("end with the summary: the author deletes it, then its links answer 404", async () => {
    const own = await publishSummary({ title: "To be deleted" });
    const token = await shareLink(own);
    const response = await (await as("manager@migri.example")).post(`/en/summaries/${own}/edit`, { intent: "delete" });
    expect(response.headers.get("Location")).toBe("/en/summaries?deleted=1");
    expect((await (await as("manager@migri.example")).get(`/en/summaries/${own}`)).status).toBe(404);
    expect((await (await as("newcomer@migri.example")).get(`/en/summaries/shared/${token}`)).status).toBe(404);
    expect(
      await prisma.auditEvent.findFirst({ where: { action: "summary.delete", targetId: String(own) } }),
    ).not.toBeNull();
  });
});

describe("PDF", () => {
  it("is a real PDF with the title, the two goals' exact wording, the team's text and targets, and ä ö å intact", async () => {
    const id = await publishSummary();
    const response = await (await as("newcomer@migri.example")).get(`/summaries/${id}.pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    const pdf = Buffer.from(await response.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = (await pdfToText(pdf)).replace(/\s+/g, " ");
    expect(text).toContain(TITLE);
    expect(text).toContain("ä ö å");
    expect(text).toContain(GOAL_QUALITY_FI);
    expect(text).toContain(GOAL_CUSTOMERS_FI);
    expect(text).toContain("Käsittelemme hakemukset ajallaan.");
    expect(text).toContain("Käsittelyaika alle 30 päivää");
    expect(text).toContain("Vastuuhenkilö: Åsa Öberg");
    expect(text).toContain("31.3.2027");
  });

  it("needs a signed-in reader: signed out → sign-in, unknown → 404", async () => {
    const id = await publishSummary();
    const signedOut = await new Client(server).get(`/summaries/${id}.pdf`);
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get("Location")).toContain("/login?redirectTo=");
    expect((await (await as("newcomer@migri.example")).get("/summaries/999999.pdf")).status).toBe(404);
  });
});
