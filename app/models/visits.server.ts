// When a person signed in before: the personal front page lists what changed since the start of
// their previous visit. Kept on the user (not read from Session rows), because sign-out and
// "sign out everywhere" delete sessions, and the previous visit must survive them.
import { prisma } from "~/utils/db.server";

/** A new sign-in: the current visit becomes the previous one. Called for every new session. */
export async function recordSignIn(userId: number, at = new Date()): Promise<void> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { lastSignInAt: true } });
  if (!user) return;
  await prisma.user.update({
    where: { id: userId },
    data: { previousSignInAt: user.lastSignInAt, lastSignInAt: at },
  });
}

/** The start of the person's previous visit, or null on their first one. */
export async function previousVisitAt(userId: number): Promise<Date | null> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { previousSignInAt: true } });
  return user?.previousSignInAt ?? null;
}
