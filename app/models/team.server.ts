// The supervisor relation: a supervisor is any user with at least one (enabled) report,
// not a role, so that no one has to keep a "supervisor" role in step with the org chart.
import { prisma } from "~/utils/db.server";

export interface Report {
  id: number;
  name: string;
  email: string;
  startDate: string | null;
  homeUnitId: number | null;
}

export async function isSupervisor(userId: number): Promise<boolean> {
  const report = await prisma.user.findFirst({
    where: { supervisorId: userId, disabledAt: null },
    select: { id: true },
  });
  return report !== null;
}

/** The person's direct reports, newest starters first. */
export async function listReports(userId: number): Promise<Report[]> {
  return prisma.user.findMany({
    where: { supervisorId: userId, disabledAt: null },
    select: { id: true, name: true, email: true, startDate: true, homeUnitId: true },
    orderBy: [{ startDate: "desc" }, { name: "asc" }],
  });
}

/** True when `supervisorId` is the immediate supervisor of `userId`. */
export async function isSupervisorOf(supervisorId: number, userId: number): Promise<boolean> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { supervisorId: true } });
  return user?.supervisorId === supervisorId;
}

/** The person's immediate supervisor (id and name), or null. */
export async function getSupervisor(userId: number): Promise<{ id: number; name: string } | null> {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: { supervisor: { select: { id: true, name: true } } },
  });
  return user?.supervisor ?? null;
}
