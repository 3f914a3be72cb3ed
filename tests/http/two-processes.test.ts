// Two portal processes on one database, as behind a load balancer: two built servers
// (scripts/serve.mjs) in child processes on 127.0.0.1, both on this worker's database (one
// PostgreSQL database, or one SQLite file). What one process does, the other sees at once.
import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getUnitForEditing } from "~/models/unit-editing.server";
import { prisma } from "~/utils/db.server";
import { startChildServer } from "../../scripts/lib/child-server.mjs";
import { Client } from "../support/http";

const DEMO_PASSWORD = "migri-demo-2026";

const startPortalProcess = () =>
  startChildServer({ env: { NODE_ENV: "production", PORTAL_MODE: "evaluation", LOG_LEVEL: "silent" } });

const a = { baseUrl: "" };
const b = { baseUrl: "" };
const children: ChildProcess[] = [];

beforeAll(async () => {
  // Failed sign-ins left by other files on this worker's database count against 127.0.0.1 too:
  // start from none, so that this file's sign-ins are never throttled by someone else's.
  await prisma.loginFailure.deleteMany();
  const [first, second] = await Promise.all([startPortalProcess(), startPortalProcess()]);
  children.push(first.child, second.child);
  a.baseUrl = first.baseUrl;
  b.baseUrl = second.baseUrl;
}, 120_000);

afterAll(async () => {
  for (const child of children) child.kill("SIGTERM");
  await prisma.loginFailure.deleteMany();
});

/** The same browser (same cookies) talking to the other process. */
function sameBrowserOn(client: Client, server: { baseUrl: string }) {
  const other = new Client(server);
  other.cookies = client.cookies;
  return other;
}

describe("two portal processes on one database", () => {
  it("a session made on one works on the other", async () => {
    expect(a.baseUrl).not.toBe(b.baseUrl);
    const onA = new Client(a);
    await onA.signIn("newcomer@migri.example");
    const onB = sameBrowserOn(onA, b);
    const account = await onB.get("/en/account");
    expect(account.status).toBe(200);
    expect(await account.text()).toContain("newcomer@migri.example");
  });

  it("an edit saved on one is seen on the next request to the other", async () => {
    const slug = "communications-unit";
    const editor = new Client(a);
    await editor.signIn("hr@migri.example");
    const unit = await getUnitForEditing(slug, "en");
    const marker = `Edited through process A at ${Date.now()}.`;
    const form: Record<string, string> = {
      ...unit!.values,
      textVersion: String(unit!.versions.text),
      sharedVersion: String(unit!.versions.shared),
      summary: marker,
      changeNote: "Two processes",
      intent: "save",
    };
    if (form.needsReview !== "on") delete form.needsReview;
    // B has the page in its page cache, and the reader's browser a copy to revalidate (ETag).
    const reader = new Client(b);
    const before = await reader.get(`/en/units/${slug}`);
    expect(before.status).toBe(200);
    expect(await before.text()).not.toContain(marker);
    const etag = before.headers.get("ETag");
    expect(etag).toBeTruthy();
    expect((await fetch(`${b.baseUrl}/en/units/${slug}`, { headers: { "If-None-Match": etag! } })).status).toBe(304);

    const saved = await editor.post(`/en/units/${slug}/edit`, form);
    expect(saved.status).toBe(302);
    expect(await (await reader.get(`/en/units/${slug}`)).text()).toContain(marker);
    const revalidated = await fetch(`${b.baseUrl}/en/units/${slug}`, { headers: { "If-None-Match": etag! } });
    expect(revalidated.status).toBe(200);
    expect(await revalidated.text()).toContain(marker);
  });

  // On SQLite both transactions begin immediate (app/utils/sqlite-connection.server.ts), so the
  // second process waits for the first one's write lock and then sees its revision: a 409.
  it("two editors saving the same version through different processes: one success, one 409", async () => {
    const slug = "legal-and-specialist-services-unit";
    const hr = new Client(a);
    const admin = new Client(b);
    await Promise.all([hr.signIn("hr@migri.example"), admin.signIn("admin@migri.example")]);
    const unit = await getUnitForEditing(slug, "en");
    const base: Record<string, string> = {
      ...unit!.values,
      textVersion: String(unit!.versions.text),
      sharedVersion: String(unit!.versions.shared),
      changeNote: "Simultaneous",
      intent: "save",
    };
    if (base.needsReview !== "on") delete base.needsReview;
    const answers = await Promise.all([
      hr.post(`/en/units/${slug}/edit`, { ...base, summary: "Saved by HR through A." }),
      admin.post(`/en/units/${slug}/edit`, { ...base, summary: "Saved by the admin through B." }),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([302, 409]);
    const winner = answers[0].status === 302 ? "Saved by HR through A." : "Saved by the admin through B.";
    expect((await getUnitForEditing(slug, "en"))!.values.summary).toBe(winner);
    expect(
      await prisma.revision.count({ where: { entityType: "unit", scope: "en", changeNote: "Simultaneous" } }),
    ).toBe(1);
  });

  it("the sign-in throttle counts failures made on both", async () => {
    await prisma.loginFailure.deleteMany();
    const email = "manager2@migri.example";
    for (let i = 0; i < 5; i++) {
      const client = new Client(i % 2 === 0 ? a : b);
      expect((await client.post("/en/login", { email, password: `guess-${i}` })).status).toBe(401);
    }
    for (const server of [a, b]) {
      const blocked = await new Client(server).post("/en/login", { email, password: DEMO_PASSWORD });
      expect(blocked.status).toBe(429);
    }
    await prisma.loginFailure.deleteMany();
  });

  // A rolling restart: `npm start` of a third process while the two serve. On SQLite, Prisma's
  // migration engine needs the file to itself, so a start with nothing to migrate must not run it.
  it("a process started with npm start beside the two serving ones comes up and serves", async () => {
    const third = await startChildServer({
      script: "start.mjs",
      env: { NODE_ENV: "production", PORTAL_MODE: "evaluation", LOG_LEVEL: "silent" },
      timeoutMs: 90_000,
    });
    try {
      expect(third.output()).toMatch(/no pending migrations/i);
      expect((await fetch(`${third.baseUrl}/healthz`)).status).toBe(200);
      const onThird = new Client(third);
      await onThird.signIn("newcomer@migri.example");
      expect((await sameBrowserOn(onThird, a).get("/en/account")).status).toBe(200);
    } finally {
      third.child.kill("SIGTERM");
      await third.exited;
    }
  }, 120_000);

  it("signing out everywhere on one ends the sessions used on the other", async () => {
    const laptop = new Client(a);
    const phone = new Client(b);
    await laptop.signIn("editor@migri.example");
    await phone.signIn("editor@migri.example");
    expect((await phone.get("/en/account")).status).toBe(200);
    const out = await laptop.post("/en/account", {});
    expect(out.status).toBe(302);
    const after = await phone.get("/en/account");
    expect(after.status).toBe(302);
    expect(after.headers.get("Location")).toMatch(/\/en\/login/);
    expect((await sameBrowserOn(laptop, b).get("/en/account")).status).toBe(302);
  });
});
