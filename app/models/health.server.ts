import type { PrismaClient } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";

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
