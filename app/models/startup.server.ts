// What the server checks and tidies before it answers its first request, whatever started it
// (`npm start`, the tests, `npm run dev`); scripts/serve.mjs calls prepareForServing().
import { prisma, sqlDialect } from "~/utils/db.server";
import type { PortalMode } from "~/utils/env.server";
import { recordAudit } from "./audit.server";
import { pruneLoginFailures } from "./login-throttle.server";
import { pruneExpiredSessions } from "./session.server";
import { revokeShareLinksOf } from "./user.server";

/**
 * Demo accounts live on the reserved domain migri.example (RFC 2606: never a real address), so
 * every account there is a demo account, whoever created it.
 */
export const DEMO_EMAIL_DOMAIN = "migri.example";

/** The triggers that make the audit trail append-only (migration users_sessions_revisions_audit). */
export const AUDIT_TRIGGERS = ["AuditEvent_no_update", "AuditEvent_no_delete"] as const;

export async function requireAuditTriggers(): Promise<void> {
  const rows = await prisma.$queryRawUnsafe<{ name: string }[]>(
    sqlDialect(prisma) === "postgresql"
      ? `SELECT tgname AS name FROM pg_trigger WHERE tgrelid = to_regclass('"AuditEvent"') AND tgenabled <> 'D'`
      : `SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'AuditEvent'`,
  );
  const present = new Set(rows.map((row) => row.name));
  const missing = AUDIT_TRIGGERS.filter((name) => !present.has(name));
  if (missing.length) {
    throw new Error(
      `The audit log's append-only triggers are missing (${missing.join(", ")}): a migration rebuilt ` +
        `the AuditEvent table without them. The portal refuses to start until they are restored.`,
    );
  }
}

/** Deletes expired sessions and login failures older than the throttle's window. */
export async function pruneExpiredRecords(now = new Date()) {
  const [sessions, loginFailures] = [await pruneExpiredSessions(now), await pruneLoginFailures(now)];
  return { sessions, loginFailures };
}

export async function enabledDemoAccounts(): Promise<{ id: number; email: string; role: string }[]> {
  return prisma.user.findMany({
    where: { email: { endsWith: `@${DEMO_EMAIL_DOMAIN}` }, disabledAt: null },
    select: { id: true, email: true, role: true },
    orderBy: { email: "asc" },
  });
}

/**
 * Production never serves an enabled demo account (their password is in the README): each is
 * disabled, its sessions ended and share links revoked, and the audit log says so.
 */
export async function disableDemoAccounts(now = new Date()): Promise<string[]> {
  return prisma.$transaction(async (tx) => {
    const accounts = await tx.user.findMany({
      where: { email: { endsWith: `@${DEMO_EMAIL_DOMAIN}` }, disabledAt: null },
      select: { id: true, email: true },
    });
    for (const account of accounts) {
      await tx.user.update({ where: { id: account.id }, data: { disabledAt: now } });
      await tx.session.deleteMany({ where: { userId: account.id } });
      const revokedShareLinks = await revokeShareLinksOf(tx, account.id, now);
      await recordAudit(
        {
          action: "user.demo_disable",
          actorEmail: "portal start-up (production mode)",
          targetType: "user",
          targetId: account.id,
          details: { email: account.email, reason: "demo account in production mode", revokedShareLinks },
        },
        tx,
      );
    }
    return accounts.map((a) => a.email);
  });
}

const PRUNE_EVERY_MS = 60 * 60 * 1000;

declare global {
  var __portalPruneTimer: ReturnType<typeof setInterval> | undefined;
}

export interface StartupReport {
  /** Enabled demo accounts (evaluation and development only; production disables them). */
  demoAccounts: string[];
  disabledDemoAccounts: string[];
  pruned: { sessions: number; loginFailures: number };
}

export async function prepareForServing({
  mode,
  log = console.log,
}: {
  mode: PortalMode;
  log?: (line: string) => void;
}): Promise<StartupReport> {
  await requireAuditTriggers();
  const pruned = await pruneExpiredRecords();
  if (pruned.sessions || pruned.loginFailures) {
    log(`start: removed ${pruned.sessions} expired sessions and ${pruned.loginFailures} old login failures`);
  }
  globalThis.__portalPruneTimer ??= setInterval(() => {
    pruneExpiredRecords().catch((error) => console.error(`prune: ${(error as Error).message}`));
  }, PRUNE_EVERY_MS);
  globalThis.__portalPruneTimer.unref?.();

  let disabledDemoAccounts: string[] = [];
  if (mode === "production") {
    disabledDemoAccounts = await disableDemoAccounts();
    if (disabledDemoAccounts.length) {
      log(
        `start: production mode: disabled ${disabledDemoAccounts.length} demo accounts (${disabledDemoAccounts.join(", ")}); ` +
          `see the audit log. Create real administrators with \`npm run user:create\`.`,
      );
    }
  }
  const demoAccounts = mode === "production" ? [] : (await enabledDemoAccounts()).map((a) => a.email);
  return { demoAccounts, disabledDemoAccounts, pruned };
}

/** Closes the database connection (graceful shutdown). */
export async function closeDatabase(): Promise<void> {
  if (globalThis.__portalPruneTimer) clearInterval(globalThis.__portalPruneTimer);
  globalThis.__portalPruneTimer = undefined;
  await prisma.$disconnect();
}
