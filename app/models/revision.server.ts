// Revisions: every saved version of an editable text, per entity and scope (a language, or
// "shared" for a unit's language-independent fields). Rows are only ever inserted: a restore is a
// new revision with old content, so history is never rewritten. The unique key
// (entityType, entityId, scope, version) is the optimistic lock: two saves based on the same
// version cannot both insert version + 1 (docs/decisions/0006-revisions-and-conflicts.md).
import { diffWords } from "diff";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { isLang, type Lang } from "~/i18n";
import { prisma } from "~/utils/db.server";

export const ENTITY_TYPES = ["unit", "strategy", "values", "goals"] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export type Scope = Lang | "shared";
export const SCOPES: readonly Scope[] = ["fi", "sv", "en", "shared"];

export function isScope(value: unknown): value is Scope {
  return value === "shared" || isLang(value);
}

export type Db = Prisma.TransactionClient | PrismaClient;

/** One field's value in a snapshot: text, a list (duties, vision points), a flag, or absent. */
export type FieldValue = string | string[] | boolean | null;

/** What a revision stores: the scope's fields, and for translations what they were made from. */
export interface Snapshot {
  fields: Record<string, FieldValue>;
  /** Per text row (unit: "text"; documents: the item's key): the source version translated from. */
  sourceVersions?: Record<string, number | null>;
}

export { BASELINE_NOTE, SEED_NOTE } from "./revision-notes";
import { BASELINE_NOTE } from "./revision-notes";

export function parseSnapshot(json: string): Snapshot {
  try {
    const value = JSON.parse(json) as Partial<Snapshot>;
    return { fields: value.fields ?? {}, sourceVersions: value.sourceVersions };
  } catch {
    return { fields: {} };
  }
}

export function normaliseValue(value: FieldValue | undefined): FieldValue {
  if (value === undefined || value === "") return null;
  if (Array.isArray(value) && value.length === 0) return null;
  return value;
}

export function sameValue(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  return JSON.stringify(normaliseValue(a)) === JSON.stringify(normaliseValue(b));
}

/** True when every field in `fields` has the same value in both snapshots. */
export function sameFields(a: Snapshot | null, b: Snapshot | null, fields: readonly string[]): boolean {
  if (!a || !b) return false;
  return fields.every((f) => sameValue(a.fields[f], b.fields[f]));
}

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

/** Thrown inside a save's transaction when another save won the race; rolls the save back. */
export class VersionConflictError extends Error {
  constructor(readonly scope: string) {
    super(`version conflict in ${scope}`);
  }
}

export interface RevisionKey {
  entityType: EntityType;
  entityId: number;
  scope: Scope;
}

export async function latestVersion(db: Db, key: RevisionKey): Promise<number> {
  const latest = await db.revision.findFirst({
    where: { entityType: key.entityType, entityId: key.entityId, scope: key.scope },
    orderBy: { version: "desc" },
    select: { version: true },
  });
  return latest?.version ?? 0;
}

export async function snapshotAt(db: Db, key: RevisionKey, version: number): Promise<Snapshot | null> {
  if (version <= 0) return null;
  const row = await db.revision.findUnique({
    where: { entityType_entityId_scope_version: { ...key, version } },
    select: { data: true },
  });
  return row ? parseSnapshot(row.data) : null;
}

export interface NewRevision extends RevisionKey {
  version: number;
  snapshot: Snapshot;
  changeNote: string;
  isMajor?: boolean;
  restoredFromVersion?: number | null;
  authorId: number | null;
}

/** Inserts one revision; a second insert of the same version fails (P2002): the lock. */
export async function insertRevision(db: Db, revision: NewRevision) {
  try {
    return await db.revision.create({
      data: {
        entityType: revision.entityType,
        entityId: revision.entityId,
        scope: revision.scope,
        version: revision.version,
        data: JSON.stringify(revision.snapshot),
        changeNote: revision.changeNote,
        isMajor: revision.isMajor ?? false,
        restoredFromVersion: revision.restoredFromVersion ?? null,
        authorId: revision.authorId,
      },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new VersionConflictError(revision.scope);
    throw error;
  }
}

/**
 * Texts written before history was kept (or by code that does not record revisions) get one
 * revision of their current content, so a diff and a restore always have a starting point.
 */
export async function ensureBaseline(
  db: Db,
  key: RevisionKey,
  version: number,
  snapshot: Snapshot,
  note = BASELINE_NOTE,
) {
  if (version <= 0) return false;
  const exists = await db.revision.findUnique({
    where: { entityType_entityId_scope_version: { ...key, version } },
    select: { id: true },
  });
  if (exists) return false;
  await insertRevision(db, { ...key, version, snapshot, changeNote: note, authorId: null });
  return true;
}

// ---- reading history ---------------------------------------------------------------------------

export interface RevisionSummary {
  id: number;
  scope: Scope;
  version: number;
  createdAt: string;
  /** null: written by the portal itself (seed, baseline). */
  authorName: string | null;
  changeNote: string;
  isMajor: boolean;
  restoredFromVersion: number | null;
}

const summarySelect = {
  id: true,
  scope: true,
  version: true,
  createdAt: true,
  changeNote: true,
  isMajor: true,
  restoredFromVersion: true,
  author: { select: { name: true } },
} as const;

type SummaryRow = Prisma.RevisionGetPayload<{ select: typeof summarySelect }>;

function toSummary(row: SummaryRow): RevisionSummary {
  return {
    id: row.id,
    scope: isScope(row.scope) ? row.scope : "shared",
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    authorName: row.author?.name ?? null,
    changeNote: row.changeNote,
    isMajor: row.isMajor,
    restoredFromVersion: row.restoredFromVersion,
  };
}

/** Every revision of an entity, newest first. */
export async function listRevisions(
  entityType: EntityType,
  entityId: number,
  db: Db = prisma,
): Promise<RevisionSummary[]> {
  const rows = await db.revision.findMany({
    where: { entityType, entityId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: summarySelect,
  });
  return rows.map(toSummary);
}

/** Revisions of one scope after `afterVersion` up to and including `upToVersion`, oldest first. */
export async function revisionsBetween(db: Db, key: RevisionKey, afterVersion: number, upToVersion: number) {
  const rows = await db.revision.findMany({
    where: { ...key, version: { gt: afterVersion, lte: upToVersion } },
    orderBy: { version: "asc" },
    select: summarySelect,
  });
  return rows.map(toSummary);
}

export async function getRevision(entityType: EntityType, entityId: number, revisionId: number, db: Db = prisma) {
  const row = await db.revision.findFirst({
    where: { id: revisionId, entityType, entityId },
    select: { ...summarySelect, data: true },
  });
  if (!row) return null;
  const key: RevisionKey = { entityType, entityId, scope: toSummary(row).scope };
  const [previous, latest] = await Promise.all([snapshotAt(db, key, row.version - 1), latestVersion(db, key)]);
  return { ...toSummary(row), snapshot: parseSnapshot(row.data), previous, latestVersion: latest };
}

/** When and by whom any of the given scopes of an entity was last saved. */
export async function lastUpdated(entityType: EntityType, entityId: number, scopes: readonly Scope[], db: Db = prisma) {
  const row = await db.revision.findFirst({
    where: { entityType, entityId, scope: { in: [...scopes] } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { createdAt: true, author: { select: { name: true } } },
  });
  return row ? { at: row.createdAt.toISOString(), by: row.author?.name ?? null } : null;
}

// ---- diffs -------------------------------------------------------------------------------------

export interface DiffPart {
  value: string;
  kind: "same" | "added" | "removed";
}

export type FieldDiff =
  | { field: string; type: "text"; changed: boolean; parts: DiffPart[] }
  | { field: string; type: "flag"; changed: boolean; before: boolean | null; after: boolean | null };

/** Lists are compared line by line as text: one item per line. */
export function fieldText(value: FieldValue | undefined): string {
  if (value == null || typeof value === "boolean") return "";
  return Array.isArray(value) ? value.join("\n") : value;
}

/** Word-level differences of two texts (whitespace kept as it was). */
export function wordDiff(before: string, after: string): DiffPart[] {
  if (before === after) return before ? [{ value: before, kind: "same" }] : [];
  return diffWords(before, after).map((c) => ({
    value: c.value,
    kind: c.added ? "added" : c.removed ? "removed" : "same",
  }));
}

/** Field by field differences between two snapshots (null: nothing, e.g. before the first version). */
export function diffSnapshots(from: Snapshot | null, to: Snapshot | null, fieldOrder?: readonly string[]): FieldDiff[] {
  const fields = fieldOrder ?? [...new Set([...Object.keys(from?.fields ?? {}), ...Object.keys(to?.fields ?? {})])];
  return fields.map((field): FieldDiff => {
    const before = from?.fields[field];
    const after = to?.fields[field];
    if (typeof before === "boolean" || typeof after === "boolean") {
      const b = typeof before === "boolean" ? before : null;
      const a = typeof after === "boolean" ? after : null;
      return { field, type: "flag", changed: b !== a, before: b, after: a };
    }
    const parts = wordDiff(fieldText(before), fieldText(after));
    return { field, type: "text", changed: parts.some((p) => p.kind !== "same"), parts };
  });
}

// ---- conflicts ---------------------------------------------------------------------------------

/** What the other person changed since the version a form was based on. */
export interface ConflictInfo {
  scope: Scope;
  baseVersion: number;
  currentVersion: number;
  /** The saves in between, oldest first: who, when, why. */
  changes: RevisionSummary[];
  /** The current content compared with the form's base version. */
  diff: FieldDiff[];
}

export async function describeConflict(
  key: RevisionKey,
  baseVersion: number,
  fieldOrder?: readonly string[],
  db: Db = prisma,
): Promise<ConflictInfo> {
  const currentVersion = await latestVersion(db, key);
  const [base, current, changes] = await Promise.all([
    snapshotAt(db, key, baseVersion),
    snapshotAt(db, key, currentVersion),
    revisionsBetween(db, key, baseVersion, currentVersion),
  ]);
  return {
    scope: key.scope,
    baseVersion,
    currentVersion,
    changes,
    diff: diffSnapshots(base, current, fieldOrder).filter((d) => d.changed),
  };
}

/** A comparison of two versions of one scope, for the history page's compare form. */
export async function compareVersions(
  key: RevisionKey,
  fromVersion: number,
  toVersion: number,
  fieldOrder?: readonly string[],
) {
  const [from, to] = await Promise.all([snapshotAt(prisma, key, fromVersion), snapshotAt(prisma, key, toVersion)]);
  if (!from || !to) return null;
  return { scope: key.scope, fromVersion, toVersion, diff: diffSnapshots(from, to, fieldOrder) };
}

// ---- history pages -----------------------------------------------------------------------------

/** "en:3": version 3 of the English text; "shared:2": version 2 of the shared facts. */
export function parseVersionRef(ref: string | null | undefined): { scope: Scope; version: number } | null {
  const match = /^(fi|sv|en|shared):(\d{1,9})$/.exec(ref ?? "");
  return match ? { scope: match[1] as Scope, version: Number(match[2]) } : null;
}

export type CompareError = "sameScope" | "notFound";

/** Every revision, and the comparison the history page's GET form asked for (if any). */
export async function getHistory(
  entityType: EntityType,
  entityId: number,
  query: { from: string | null; to: string | null },
  fieldOrder: (scope: Scope) => readonly string[] | undefined,
) {
  const revisions = await listRevisions(entityType, entityId);
  let comparison: Awaited<ReturnType<typeof compareVersions>> = null;
  let compareError: CompareError | null = null;
  if (query.from || query.to) {
    const from = parseVersionRef(query.from);
    const to = parseVersionRef(query.to);
    if (!from || !to || from.scope !== to.scope) compareError = "sameScope";
    else {
      comparison = await compareVersions(
        { entityType, entityId, scope: from.scope },
        from.version,
        to.version,
        fieldOrder(from.scope),
      );
      if (!comparison) compareError = "notFound";
    }
  }
  return { revisions, comparison, compareError, selected: { from: query.from, to: query.to } };
}

/** One field of a revision as a page shows it; Markdown fields rendered (sanitised) on the server. */
export type DisplayField =
  | { field: string; kind: "empty" }
  | { field: string; kind: "text"; text: string }
  | { field: string; kind: "html"; html: string }
  | { field: string; kind: "list"; items: string[] }
  | { field: string; kind: "flag"; flag: boolean };

export function displaySnapshot(
  snapshot: Snapshot,
  fieldOrder: readonly string[],
  renderHtml: { fields: readonly string[]; render: (markdown: string) => string },
): DisplayField[] {
  return fieldOrder.map((field): DisplayField => {
    const value = normaliseValue(snapshot.fields[field]);
    if (value === null) return { field, kind: "empty" };
    if (typeof value === "boolean") return { field, kind: "flag", flag: value };
    if (Array.isArray(value)) return { field, kind: "list", items: value };
    if (renderHtml.fields.includes(field)) return { field, kind: "html", html: renderHtml.render(value) };
    return { field, kind: "text", text: value };
  });
}
