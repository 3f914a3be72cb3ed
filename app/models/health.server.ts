import type { PrismaClient } from "~/generated/prisma/client";
import { prisma, sqliteConnectionOf } from "~/utils/db.server";

export async function checkDatabase(
  client: PrismaClient = prisma,
): Promise<{ ok: boolean; database: "up" | "down"; units?: number }> {
  try {
    const units = await client.unit.count();
    return { ok: true, database: "up", units };
  } catch (error) {
    console.error("healthz: database check failed:", error instanceof Error ? error.message : error);
    return { ok: false, database: "down" };
  }
}

/** How long the write-lock check may wait before the portal counts as unable to save. */
export const WRITE_LOCK_TIMEOUT_MS = 1_000;

/**
 * Can the portal save right now? Takes the write lock (BEGIN IMMEDIATE; ROLLBACK) on the app's
 * own connection with a short timeout, and fails when the connection is stuck inside a
 * transaction or another process holds the lock longer than that.
 */
export async function checkDatabaseWrites(
  client: PrismaClient = prisma,
  timeoutMs = WRITE_LOCK_TIMEOUT_MS,
): Promise<{ ok: boolean; writes: "ok" | "blocked"; reason?: string }> {
  try {
    const connection = await sqliteConnectionOf(client);
    if (!connection) return { ok: true, writes: "ok" };
    const result = await connection.probeWriteLock(timeoutMs);
    if (result.ok) return { ok: true, writes: "ok" };
    console.error(`healthz: database writes blocked: ${result.reason}`);
    return { ok: false, writes: "blocked", reason: result.reason };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`healthz: database write check failed: ${reason}`);
    return { ok: false, writes: "blocked", reason };
  }
}
