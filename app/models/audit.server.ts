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
  // goal summaries (issue 7)
  | "summary.create"
  | "summary.update"
  | "summary.publish"
  | "summary.delete"
  | "summary.share_create"
  | "summary.share_revoke"
  | "onboarding.step_create"
  | "onboarding.step_update"
  | "onboarding.step_archive"
  | "onboarding.step_restore";

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

export async function recordAudit(entry: AuditEntry, db: Db = prisma) {
  await db.auditEvent.create({
    data: {
      action: entry.action,
      actorId: entry.actor?.id ?? null,
      actorEmail: normaliseForFilter(entry.actor?.email ?? entry.actorEmail ?? null),
      targetType: entry.targetType ?? null,
      targetId: entry.targetId == null ? null : String(entry.targetId),
      ipAddress: entry.ipAddress ?? null,
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
