// Throttles password guessing: at most 5 failed sign-ins per account and 20 per client address
// in 15 minutes; past that the sign-in answers 429 with Retry-After. The address limit is
// higher because a whole office may share one address.
import { prisma } from "~/utils/db.server";

export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;
export const WINDOW_MS = 15 * 60 * 1000;

/** Seconds until another attempt is allowed, or 0 when not throttled. */
export async function loginRetryAfter(email: string, ipAddress: string, now = new Date()): Promise<number> {
  const since = new Date(now.getTime() - WINDOW_MS);
  const key = email.trim().toLowerCase();
  const recent = (where: { email: string } | { ipAddress: string }, limit: number) =>
    prisma.loginFailure.findMany({
      where: { ...where, createdAt: { gte: since } },
      orderBy: { createdAt: "desc" },
      take: limit,
    });
  const [byAccount, byAddress] = await Promise.all([
    recent({ email: key }, MAX_FAILURES_PER_ACCOUNT),
    recent({ ipAddress }, MAX_FAILURES_PER_ADDRESS),
  ]);
  const waits = [
    [byAccount, MAX_FAILURES_PER_ACCOUNT],
    [byAddress, MAX_FAILURES_PER_ADDRESS],
  ] as const;
  const blocked = waits
    .filter(([failures, limit]) => failures.length >= limit)
    // The window reopens when the oldest of the last `limit` failures leaves it.
    .map(([failures, limit]) => failures[limit - 1].createdAt.getTime() + WINDOW_MS - now.getTime());
  return blocked.length ? Math.max(1, Math.ceil(Math.max(...blocked) / 1000)) : 0;
}

export async function recordLoginFailure(email: string, ipAddress: string) {
  await prisma.loginFailure.create({ data: { email: email.trim().toLowerCase().slice(0, 320), ipAddress } });
}
