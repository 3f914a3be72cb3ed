// The database connection's guarantees: a transaction's work is isolated from other requests'
// queries, a failed COMMIT never leaves the connection inside a transaction, and SQLite runs in
// WAL mode with the durability settings the operations guide promises.
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { recordAudit } from "~/models/audit.server";
import { createUserSession } from "~/models/session.server";
import { databaseFile } from "~/utils/paths.server";
import { prisma } from "./db.server";

class SimulatedConflict extends Error {}

/** A second, independent connection: sees only what was really committed. */
function committedView() {
  return new Database(databaseFile(), { readonly: true, fileMustExist: true });
}

afterAll(() => prisma.auditEvent.count()); // keeps the connection busy-free at the end

describe("transactions are isolated from other requests' queries", () => {
  it("an audit row and a session written while another request's save rolls back both survive", async () => {
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "newcomer@migri.example" } });
    let saveHasWritten!: () => void;
    const saveWrote = new Promise<void>((resolve) => (saveHasWritten = resolve));
    const marker = `interleaving-${Date.now()}`;

    // An editor's save: writes, then finds a conflict and rolls everything back.
    const save = prisma
      .$transaction(async (tx) => {
        await tx.revision.create({
          data: { entityType: "unit", entityId: 0, scope: "en", version: 999_999, data: "{}", changeNote: marker },
        });
        saveHasWritten();
        await new Promise((resolve) => setTimeout(resolve, 50));
        throw new SimulatedConflict();
      })
      .catch((error) => error);

    // Meanwhile another request signs in and writes to the audit log.
    await saveWrote;
    const [cookie] = await Promise.all([
      createUserSession(user.id, new Request("http://portal.test/"), "127.0.0.1"),
      recordAudit({ action: "auth.sign_in", actorEmail: marker, ipAddress: "127.0.0.1" }),
    ]);
    expect(await save).toBeInstanceOf(SimulatedConflict);

    expect(await prisma.revision.count({ where: { changeNote: marker } })).toBe(0);
    const view = committedView();
    try {
      expect(view.prepare("SELECT count(*) AS n FROM AuditEvent WHERE actorEmail = ?").get(marker)).toEqual({ n: 1 });
    } finally {
      view.close();
    }
    const probe = new Request("http://portal.test/", { headers: { Cookie: cookie.split(";")[0] } });
    const { getSessionUser } = await import("~/models/session.server");
    expect((await getSessionUser(probe))?.email).toBe("newcomer@migri.example");
  });
});

describe("a COMMIT that fails leaves no open transaction behind", () => {
  it("the next write is committed, not swallowed by the failed transaction", async () => {
    const marker = `after-failed-commit-${Date.now()}`;
    // A deferred foreign-key violation makes COMMIT itself fail, as SQLITE_BUSY on COMMIT does:
    // SQLite then keeps the transaction open.
    const failed = await prisma
      .$transaction(async (tx) => {
        await tx.$executeRawUnsafe("PRAGMA defer_foreign_keys = ON");
        await tx.$executeRawUnsafe(
          `INSERT INTO "Session" (id, userId, expiresAt) VALUES ('orphan-${marker}', 987654321, 0)`,
        );
      })
      .then(
        () => null,
        (error) => error,
      );
    expect(failed).toBeInstanceOf(Error);

    await recordAudit({ action: "auth.sign_in", actorEmail: marker, ipAddress: "127.0.0.1" });
    const view = committedView();
    try {
      expect(view.prepare("SELECT count(*) AS n FROM AuditEvent WHERE actorEmail = ?").get(marker)).toEqual({ n: 1 });
      expect(view.prepare("SELECT count(*) AS n FROM Session WHERE id = ?").get(`orphan-${marker}`)).toEqual({ n: 0 });
    } finally {
      view.close();
    }
  });
});

describe("durability settings", () => {
  it("runs in WAL mode with synchronous=FULL and an explicit busy timeout", async () => {
    const rows = (sql: string) => prisma.$queryRawUnsafe<Record<string, unknown>[]>(sql);
    expect((await rows("PRAGMA journal_mode"))[0]).toMatchObject({ journal_mode: "wal" });
    expect(Number(Object.values((await rows("PRAGMA synchronous"))[0])[0])).toBe(2); // FULL
    expect(Number(Object.values((await rows("PRAGMA busy_timeout"))[0])[0])).toBeGreaterThanOrEqual(5000);
  });
});
