import { prisma } from "~/utils/db.server";

export async function checkDatabase(): Promise<{ ok: boolean; database: "up" | "down"; units?: number }> {
  try {
    const units = await prisma.unit.count();
    return { ok: true, database: "up", units };
  } catch (error) {
    console.error("healthz: database check failed:", error instanceof Error ? error.message : error);
    return { ok: false, database: "down" };
  }
}
