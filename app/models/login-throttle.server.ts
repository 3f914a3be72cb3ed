// Throttles password guessing with a progressive delay, not a lock
// (docs/decisions/0012-production-mode-and-sign-in-throttle.md).
//
// Every sign-in first reserves an attempt: in one transaction it counts the recent failures of
// the account and of the client address, and either refuses (429, Retry-After) or records the
// attempt as a failure before the password is checked. A right password then takes its
// reservation back. So a burst of parallel guesses is counted in full: each one sees the
// reservations of those before it.
//
// The first failures are free (5 per account, 20 per address: a whole office may share one
// address); after that the next attempt must wait FIRST_DELAY, doubling with each further
// failure, up to a cap. Refused attempts are not counted, so hammering does not lengthen the
// wait, and the wait never exceeds the cap: a stranger's guesses can slow the real user down but
// never lock them out.
import { prisma } from "~/utils/db.server";

export const WINDOW_MS = 60 * 60 * 1000;
export const FREE_FAILURES_PER_ACCOUNT = 5;
export const FREE_FAILURES_PER_ADDRESS = 20;
export const FIRST_DELAY_MS = 30 * 1000;
export const MAX_DELAY_PER_ACCOUNT_MS = 15 * 60 * 1000;
export const MAX_DELAY_PER_ADDRESS_MS = 15 * 60 * 1000;
/** Stored emails are cut to this length (the longest valid address is 254 characters). */
export const MAX_STORED_EMAIL = 320;

/** How long after the latest failure the next attempt must wait, given the failures in the window. */
export function delayAfter(failures: number, free: number, cap: number): number {
  if (failures < free) return 0;
  return Math.min(FIRST_DELAY_MS * 2 ** Math.min(failures - free, 30), cap);
}

export const throttleKey = (email: string) => email.trim().toLowerCase().slice(0, MAX_STORED_EMAIL);

export type Reservation = { ok: true; attemptId: number } | { ok: false; retryAfter: number };

/**
 * Reserves a sign-in attempt for this account and address, or says how many seconds to wait.
 * Atomic: concurrent callers are serialised by the transaction.
 */
export async function reserveLoginAttempt(email: string, ipAddress: string, now = new Date()): Promise<Reservation> {
  const key = throttleKey(email);
  const since = new Date(now.getTime() - WINDOW_MS);
  return prisma.$transaction(async (tx) => {
    // Only a real delay refuses: a parallel attempt that reserved just after this caller read the
    // clock leaves a latest failure a few milliseconds ahead of `now`, and that alone is no 429.
    const waitUntil = async (where: { email: string } | { ipAddress: string }, free: number, cap: number) => {
      const [count, latest] = await Promise.all([
        tx.loginFailure.count({ where: { ...where, createdAt: { gte: since } } }),
        tx.loginFailure.findFirst({
          where: { ...where, createdAt: { gte: since } },
          orderBy: { createdAt: "desc" },
          select: { createdAt: true },
        }),
      ]);
      const delay = delayAfter(count, free, cap);
      return delay > 0 && latest ? latest.createdAt.getTime() + delay : 0;
    };
    const until = Math.max(
      await waitUntil({ email: key }, FREE_FAILURES_PER_ACCOUNT, MAX_DELAY_PER_ACCOUNT_MS),
      await waitUntil({ ipAddress }, FREE_FAILURES_PER_ADDRESS, MAX_DELAY_PER_ADDRESS_MS),
    );
    if (until > now.getTime()) {
      return { ok: false as const, retryAfter: Math.max(1, Math.ceil((until - now.getTime()) / 1000)) };
    }
    const attempt = await tx.loginFailure.create({ data: { email: key, ipAddress, createdAt: now } });
    return { ok: true as const, attemptId: attempt.id };
  });
}

/** The password was right: the reserved attempt was not a failure. */
export async function releaseLoginAttempt(attemptId: number): Promise<void> {
  await prisma.loginFailure.deleteMany({ where: { id: attemptId } });
}

/** Failures older than the window count for nothing: delete them. */
export async function pruneLoginFailures(now = new Date()): Promise<number> {
  const { count } = await prisma.loginFailure.deleteMany({
    where: { createdAt: { lt: new Date(now.getTime() - WINDOW_MS) } },
  });
  return count;
}
