// The audit trail: append-only (no update or delete here; database triggers refuse both).
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";

export type AuditAction =
  | "auth.sign_in"
  | "auth.sign_in_failed"
  | "auth.sign_in_throttled"
  | "auth.sign_out"
  | "auth.sign_out_everywhere"
  | "content.update"
  | "content.restore"
  | "user.create"
  | "user.role_change"
  | "user.units_change"
  | "user.disable"
  | "user.enable"
  | "user.demo_disable"
  // goal summaries
  | "summary.create"
  | "summary.update"
  | "summary.publish"
  | "summary.delete"
  | "summary.share_create"
  | "summary.share_revoke"
  | "onboarding.step_create"
  | "onboarding.step_update"
  | "onboarding.step_archive"
  | "onboarding.step_restore"
  // single sign-on
  | "auth.sign_in_refused"
  | "auth.break_glass_sign_in"
  | "auth.break_glass_failed"
  | "auth.password_sign_in_refused"
  | "user.identity_link"
  | "user.email_change"
  | "user.role_change_refused"
  // personal calendar subscriptions
  | "calendar.feed_create"
  | "calendar.feed_revoke"
  // content ownership, reviews and corrections
  | "page.owner_change"
  | "page.interval_change"
  | "page.review"
  | "suggestion.create"
  | "suggestion.resolve";

export interface AuditEntry {
  action: AuditAction;
  actor?: { id: number; email: string } | null;
  actorEmail?: string | null;
  targetType?: string;
  targetId?: string | number;
  ipAddress?: string | null;
  details?: Record<string, unknown>;
}

type Db = Prisma.TransactionClient | typeof prisma;

/** Longest email kept in an audit row: a failed sign-in may send anything in that field. */
export const MAX_AUDIT_EMAIL = 320;

export async function recordAudit(entry: AuditEntry, db: Db = prisma) {
  await db.auditEvent.create({
    data: {
      action: entry.action,
      actorId: entry.actor?.id ?? null,
      actorEmail: normaliseForFilter((entry.actor?.email ?? entry.actorEmail)?.slice(0, MAX_AUDIT_EMAIL) ?? null),
      targetType: entry.targetType ?? null,
      targetId: entry.targetId == null ? null : String(entry.targetId),
      ipAddress: entry.ipAddress?.slice(0, 100) ?? null,
      details: JSON.stringify(entry.details ?? {}),
    },
  });
}

export interface AuditFilter {
  action?: string;
  actor?: string;
  from?: Date;
  to?: Date;
}

export const AUDIT_PAGE_SIZE = 50;

/**
 * Filters compare normalised values: stored and typed text both in NFC and lower case. SQLite's
 * LIKE folds ASCII letters only and PostgreSQL's folds none, so "Ä" and "ä" would otherwise match
 * on one database and not the other.
 */
export function normaliseForFilter<T extends string | null>(value: T): T {
  return (value === null ? null : value.normalize("NFC").toLowerCase()) as T;
}

export async function listAuditEvents(filter: AuditFilter, page = 1) {
  const where: Prisma.AuditEventWhereInput = {
    ...(filter.action ? { action: { startsWith: normaliseForFilter(filter.action) } } : {}),
    ...(filter.actor ? { actorEmail: { contains: normaliseForFilter(filter.actor) } } : {}),
    ...(filter.from || filter.to ? { createdAt: { gte: filter.from, lt: filter.to } } : {}),
  };
  const [events, total] = await Promise.all([
    prisma.auditEvent.findMany({
      where,
      orderBy: { id: "desc" },
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
    }),
    prisma.auditEvent.count({ where }),
  ]);
  return {
    total,
    events: events.map((e) => ({ ...e, createdAt: e.createdAt.toISOString(), details: e.details })),
  };
}
