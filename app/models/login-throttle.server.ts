// Throttles password guessing: at most MAX_FAILURES failed sign-ins per account and per client
// address in WINDOW; past that the sign-in answers 429 with Retry-After.
import { prisma } from "~/utils/db.server";

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60 * 1000;

/** Seconds until another attempt is allowed, or 0 when not throttled. */
export async function loginRetryAfter(email: string, ipAddress: string, now = new Date()): Promise<number> {
  const since = new Date(now.getTime() - WINDOW_MS);
  const key = email.trim().toLowerCase();
  const [byAccount, byAddress] = await Promise.all([
    prisma.loginFailure.findMany({ where: { email: key, createdAt: { gte: since } }, orderBy: { createdAt: "desc" }, take: MAX_FAILURES }),
    prisma.loginFailure.findMany({ where: { ipAddress, createdAt: { gte: since } }, orderBy: { createdAt: "desc" }, take: MAX_FAILURES }),
  ]);
  const waits = [byAccount, byAddress]
    .filter((failures) => failures.length >= MAX_FAILURES)
    // The window reopens when the oldest of the last MAX_FAILURES failures leaves it.
    .map((failures) => failures[MAX_FAILURES - 1].createdAt.getTime() + WINDOW_MS - now.getTime());
  return waits.length ? Math.max(1, Math.ceil(Math.max(...waits) / 1000)) : 0;
}

export async function recordLoginFailure(email: string, ipAddress: string) {
  await prisma.loginFailure.create({ data: { email: email.trim().toLowerCase().slice(0, 320), ipAddress } });
}
