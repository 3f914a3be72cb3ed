// The one skeleton of every versioned edit (unit pages, organisation documents, goal summaries):
// a transaction, writes conditioned on the version the form was based on, a typed conflict
// result, and the revision and audit records written in the same transaction. Only a lost race
// for a version is reported as a conflict; any other database error propagates (a logged 500),
// so "someone else edited this" is never said when something else went wrong.
// Unit pages and organisation documents keep their own version checks (docs/decisions/0006);
// goal summaries use this module.
import { prisma } from "~/utils/db.server";
import { recordAudit, type AuditEntry } from "./audit.server";
import { insertRevision, isUniqueViolation, VersionConflictError, type Db, type NewRevision } from "./revision.server";

export { VersionConflictError };

/** Someone else saved these scopes (a language, "shared", or "summary") since the form was read. */
export interface VersionConflict<S extends string = string> {
  status: "conflict";
  scopes: S[];
}

export function versionConflict<S extends string>(...scopes: S[]): VersionConflict<S> {
  return { status: "conflict", scopes };
}

/** True for the conflict `runEdit` reports (an outcome of the caller's own may also be called "conflict"). */
export function isVersionConflict(value: unknown): value is VersionConflict {
  const v = value as Partial<VersionConflict> | null;
  return typeof v === "object" && v !== null && v.status === "conflict" && Array.isArray(v.scopes);
}

/**
 * Runs an edit in one transaction. The edit returns its outcome, or a `versionConflict()` it saw
 * up front; a write that loses the race in between (`VersionConflictError`) rolls everything
 * back and becomes the same typed conflict. Every other error is rethrown.
 */
export async function runEdit<T, S extends string = string>(
  edit: (tx: Db) => Promise<T | VersionConflict<S>>,
): Promise<T | VersionConflict<S>> {
  try {
    return await prisma.$transaction((tx) => edit(tx));
  } catch (error) {
    if (error instanceof VersionConflictError) return versionConflict(error.scope as S);
    throw error;
  }
}

/**
 * The optimistic write of one versioned row: `update` must change the row only where it still
 * has the version the edit read (and return Prisma's `{ count }`); `create` makes the row when
 * the edit read none. Either way, another writer who got there first is a version conflict.
 */
export async function writeAtVersion(
  scope: string,
  write: { exists: true; update: () => Promise<{ count: number }> } | { exists: false; create: () => Promise<unknown> },
): Promise<void> {
  if (write.exists) {
    const { count } = await write.update();
    if (count !== 1) throw new VersionConflictError(scope);
    return;
  }
  try {
    await write.create();
  } catch (error) {
    // Only a duplicate key means the row appeared since the edit read it.
    if (isUniqueViolation(error)) throw new VersionConflictError(scope);
    throw error;
  }
}

/** What an edit leaves behind: the new revisions (none for unversioned history) and one audit event. */
export async function recordEdit(db: Db, record: { revisions?: NewRevision[]; audit: AuditEntry }): Promise<void> {
  for (const revision of record.revisions ?? []) await insertRevision(db, revision);
  await recordAudit(record.audit, db);
}
