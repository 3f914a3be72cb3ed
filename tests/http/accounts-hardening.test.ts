// Accounts and sessions: ids stored hashed, sign-in rotates the session, expired records pruned
// at start-up, the audit log's triggers checked at start-up, the last administrator kept,
// disabling a person revokes their share links, failed sign-ins audited with a bounded email.
import crypto from "node:crypto";
import { createCookie } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { recordAudit } from "~/models/audit.server";
import { hashSessionId } from "~/models/session.server";
import { prepareForServing, requireAuditTriggers } from "~/models/startup.server";
import { hashPassword } from "~/models/user.server";
import { prisma, sqlDialect } from "~/utils/db.server";
import { Client, useTestServer } from "../support/http";

const server = useTestServer();
const PASSWORD = "a-long-test-password-2026";

async function freshUser(role: string, tag: string) {
  const email = `${tag}-${crypto.randomBytes(4).toString("hex")}@test.example`;
  return prisma.user.create({ data: { email, name: tag, role, passwordHash: await hashPassword(PASSWORD) } });
}

const sessionToken = (client: Client) => {
  const cookie = client.cookies.get("__session")!;
  const [payload] = decodeURIComponent(cookie).split(".");
  return JSON.parse(Buffer.from(payload, "base64").toString("utf8")).sessionId as string;
};

describe("sessions", () => {
  it("are stored hashed: the database row's id, put in a validly signed cookie, signs nobody in", async () => {
    const user = await freshUser("employee", "hashed");
    const client = new Client(server);
    await client.signIn(user.email, PASSWORD);
    const token = sessionToken(client);
    const rows = await prisma.session.findMany({ where: { userId: user.id } });
    expect(rows.map((r) => r.id)).toEqual([hashSessionId(token)]);
    expect(rows[0].id).not.toBe(token);

    // Someone with a copy of the database (and even the signing secret) tries the stored id.
    const cookie = createCookie("__session", { secrets: [process.env.SESSION_SECRET!] });
    const forged = new Client(server);
    forged.cookies.set("__session", (await cookie.serialize({ sessionId: rows[0].id })).split(";")[0].split("=")[1]);
    expect((await forged.get("/en/account")).status).toBe(302);
    expect((await client.get("/en/account")).status).toBe(200);
  });

  it("signing in rotates the session: the id this browser had before stops working", async () => {
    const user = await freshUser("employee", "rotate");
    const client = new Client(server);
    await client.signIn(user.email, PASSWORD);
    const before = client.cookies.get("__session")!;
    await client.signIn(user.email, PASSWORD);
    const after = client.cookies.get("__session")!;
    expect(after).not.toBe(before);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(1);
    const replay = new Client(server);
    replay.cookies.set("__session", before);
    expect((await replay.get("/en/account")).status).toBe(302);
    expect((await client.get("/en/account")).status).toBe(200);
  });

  it("expired sessions and login failures older than the throttle window are pruned at start-up", async () => {
    const user = await freshUser("employee", "prune");
    const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
    await prisma.session.createMany({
      data: [
        { id: `expired-${user.id}`, userId: user.id, expiresAt: hourAgo },
        { id: `live-${user.id}`, userId: user.id, expiresAt: new Date(Date.now() + 3600_000) },
      ],
    });
    await prisma.loginFailure.createMany({
      data: [
        { email: user.email, ipAddress: "198.51.100.1", createdAt: new Date(Date.now() - 2 * 3600_000) },
        { email: user.email, ipAddress: "198.51.100.1", createdAt: new Date() },
      ],
    });
    const report = await prepareForServing({ mode: "evaluation", log: () => {} });
    expect(report.pruned.sessions).toBeGreaterThanOrEqual(1);
    expect(report.pruned.loginFailures).toBeGreaterThanOrEqual(1);
    expect((await prisma.session.findMany({ where: { userId: user.id } })).map((s) => s.id)).toEqual([
      `live-${user.id}`,
    ]);
    expect(await prisma.loginFailure.count({ where: { email: user.email } })).toBe(1);
    await prisma.loginFailure.deleteMany({ where: { email: user.email } });
  });
});

describe("start-up checks", () => {
  it("refuse to start when the audit log's append-only triggers are missing", async () => {
    await requireAuditTriggers();
    const onPostgres = sqlDialect(prisma) === "postgresql";
    await prisma.$executeRawUnsafe(`DROP TRIGGER "AuditEvent_no_delete"${onPostgres ? ` ON "AuditEvent"` : ""}`);
    try {
      await expect(prepareForServing({ mode: "evaluation", log: () => {} })).rejects.toThrow(
        /append-only triggers are missing \(AuditEvent_no_delete\)/,
      );
    } finally {
      await prisma.$executeRawUnsafe(
        onPostgres
          ? `CREATE TRIGGER "AuditEvent_no_delete" BEFORE DELETE ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"()`
          : `CREATE TRIGGER "AuditEvent_no_delete" BEFORE DELETE ON "AuditEvent" BEGIN SELECT RAISE(ABORT, 'AuditEvent is append-only'); END`,
      );
    }
    await requireAuditTriggers();
    const count = await prisma.auditEvent.count();
    await expect(prisma.auditEvent.deleteMany()).rejects.toThrow();
    expect(await prisma.auditEvent.count()).toBe(count);
  });
});

describe("administrators", () => {
  it("the last enabled administrator cannot be demoted (a clear message), and of two admins demoting each other at once exactly one succeeds", async () => {
    const first = await freshUser("admin", "admin-a");
    const second = await freshUser("admin", "admin-b");
    // Only these two stay administrators for the duration of the test.
    const others = await prisma.user.findMany({
      where: { role: "admin", disabledAt: null, id: { notIn: [first.id, second.id] } },
    });
    await prisma.user.updateMany({ where: { id: { in: others.map((u) => u.id) } }, data: { role: "hr_editor" } });
    try {
      // Two admins demote each other at the same moment: the rule is checked inside each change's
      // transaction, so exactly one of them wins.
      const { updateUserAccess, LastAdminError } = await import("~/models/user.server");
      const toEmployee = { role: "employee" as const, homeUnitId: null, editableUnitIds: [] };
      const outcomes = await Promise.allSettled([
        updateUserAccess(second.id, toEmployee, first),
        updateUserAccess(first.id, toEmployee, second),
      ]);
      expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
      const refusal = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
      expect(refusal.reason).toBeInstanceOf(LastAdminError);
      const survivors = await prisma.user.findMany({ where: { id: { in: [first.id, second.id] }, role: "admin" } });
      expect(survivors).toHaveLength(1);

      // Over HTTP, the survivor cannot demote themselves: 409 and a clear message.
      const survivor = new Client(server);
      await survivor.signIn(survivors[0].email, PASSWORD);
      const self = await survivor.post(`/en/admin/users/${survivors[0].id}`, {
        intent: "access",
        role: "employee",
        homeUnitId: "",
      });
      expect(self.status).toBe(409);
      expect(await self.text()).toContain("The last administrator cannot be demoted or disabled.");
      expect((await prisma.user.findUniqueOrThrow({ where: { id: survivors[0].id } })).role).toBe("admin");
    } finally {
      await prisma.user.updateMany({ where: { id: { in: others.map((u) => u.id) } }, data: { role: "admin" } });
    }
  });

  it("an administrator cannot be disabled when no other enabled administrator would remain", async () => {
    const first = await freshUser("admin", "admin-c");
    const others = await prisma.user.findMany({ where: { role: "admin", disabledAt: null, id: { not: first.id } } });
    const helper = await freshUser("admin", "admin-d");
    await prisma.user.updateMany({ where: { id: { in: others.map((u) => u.id) } }, data: { disabledAt: new Date() } });
    try {
      const client = new Client(server);
      await client.signIn(helper.email, PASSWORD);
      // helper disables first: allowed (helper remains). Then helper cannot be disabled by anyone:
      // nobody else is left to do it, and the model refuses it too.
      expect((await client.post(`/en/admin/users/${first.id}`, { intent: "disable" })).status).toBe(302);
      const { setUserDisabled, LastAdminError } = await import("~/models/user.server");
      await expect(setUserDisabled(helper.id, true, { id: first.id, email: first.email })).rejects.toBeInstanceOf(
        LastAdminError,
      );
      expect((await prisma.user.findUniqueOrThrow({ where: { id: helper.id } })).disabledAt).toBeNull();
    } finally {
      await prisma.user.updateMany({ where: { id: { in: others.map((u) => u.id) } }, data: { disabledAt: null } });
    }
  });
});

describe("disabling a person", () => {
  it("revokes the share links of their goal summaries: the link answers 410", async () => {
    const author = await freshUser("employee", "share-author");
    const summary = await prisma.teamSummary.create({
      data: { authorId: author.id, title: "Shared summary", lang: "en", status: "published", publishedAt: new Date() },
    });
    const token = crypto.randomBytes(32).toString("base64url");
    await prisma.summaryShareLink.create({ data: { summaryId: summary.id, token } });
    const reader = new Client(server);
    await reader.signIn("newcomer2@migri.example");
    expect((await reader.get(`/en/summaries/shared/${token}`)).status).toBe(200);

    const admin = new Client(server);
    await admin.signIn("admin@migri.example");
    expect((await admin.post(`/en/admin/users/${author.id}`, { intent: "disable" })).status).toBe(302);
    expect((await prisma.summaryShareLink.findUniqueOrThrow({ where: { token } })).revokedAt).not.toBeNull();
    expect((await reader.get(`/en/summaries/shared/${token}`)).status).toBe(410);
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "user.disable", targetId: String(author.id) },
    });
    expect(JSON.parse(audit.details)).toMatchObject({ revokedShareLinks: 1 });
  });
});

describe("audit of failed sign-ins", () => {
  it("stores at most 320 characters of whatever was typed as the email", async () => {
    const typed = `${"x".repeat(5000)}@example.com`;
    await recordAudit({ action: "auth.sign_in_failed", actorEmail: typed, ipAddress: "127.0.0.1" });
    const row = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "auth.sign_in_failed" },
      orderBy: { id: "desc" },
    });
    expect(row.actorEmail).toBe(typed.slice(0, 320));
  });
});
