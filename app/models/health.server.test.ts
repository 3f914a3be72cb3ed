// /healthz's write check: 503 when the portal could not save in time.
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { loader as healthz } from "~/routes/healthz";
import { prisma, sqliteConnectionOf } from "~/utils/db.server";
import { databaseFile } from "~/utils/paths.server";
import { checkDatabaseWrites } from "./health.server";

// As the server passes it once pages are known to render, so only the database decides here.
const renderingOk = {
  request: new Request("http://localhost/healthz"),
  params: {},
  context: { renderCheck: { ok: true } },
} as Parameters<typeof healthz>[0];

describe("database write check", () => {
  it("is ok when the write lock is free, and healthz answers 200", async () => {
    expect(await checkDatabaseWrites()).toEqual({ ok: true, writes: "ok" });
    const response = await healthz(renderingOk);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, database: "up", writes: "ok" });
  });

  it("healthz answers 503 while another process holds the write lock, and 200 once it lets go", async () => {
    const other = new Database(databaseFile(), { fileMustExist: true });
    try {
      other.exec("BEGIN IMMEDIATE");
      const response = await healthz(renderingOk);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ ok: false, writes: "blocked" });
      other.exec("ROLLBACK");
      expect((await healthz(renderingOk)).status).toBe(200);
    } finally {
      if (other.inTransaction) other.exec("ROLLBACK");
      other.close();
    }
  });

  it("reports a transaction that holds the connection longer than the timeout", async () => {
    let finish!: () => void;
    const holding = prisma.$transaction(async (tx) => {
      await tx.unit.count();
      await new Promise<void>((resolve) => (finish = resolve));
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const result = await checkDatabaseWrites(prisma, 100);
    expect(result).toMatchObject({ ok: false, writes: "blocked" });
    expect(result.reason).toContain("transaction");
    finish();
    await holding;
    expect(await checkDatabaseWrites(prisma, 100)).toEqual({ ok: true, writes: "ok" });
  });

  it("finds a connection left inside a transaction, reports it once and rolls it back", async () => {
    const connection = (await sqliteConnectionOf(prisma))!;
    connection.db.exec("BEGIN");
    const result = await checkDatabaseWrites();
    expect(result).toMatchObject({ ok: false, writes: "blocked" });
    expect(connection.db.inTransaction).toBe(false);
    expect(await checkDatabaseWrites()).toEqual({ ok: true, writes: "ok" });
  });
});
