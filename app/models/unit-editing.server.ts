// Editing a unit: one language's texts plus the language-independent facts, each versioned on
// its own, so a Finnish and an English edit never conflict while two Finnish edits do. Every
// save and restore writes revisions and an audit event in the same transaction
// (docs/decisions/0006-revisions-and-conflicts.md).
import { z } from "zod";
import type { UnitText } from "~/generated/prisma/client";
import { isOutdatedTranslation, localize, pickText } from "~/i18n/content";
import type { Lang } from "~/i18n";
import { prisma } from "~/utils/db.server";
import { message } from "~/utils/forms";
import { parseStringList } from "~/utils/json-list";
import { renderMarkdown } from "~/utils/markdown.server";
import { recordAudit } from "./audit.server";
import {
  changeNote,
  checkbox,
  lineList,
  markdownText,
  NOTE_MAX,
  optionalText,
  requiredText,
  versionField,
} from "./edit-fields.server";
import {
  describeConflict,
  ensureBaseline,
  insertRevision,
  lastUpdated,
  parseSnapshot,
  sameFields,
  SEED_NOTE,
  snapshotAt,
  isScope,
  VersionConflictError,
  type ConflictInfo,
  type Db,
  type RevisionKey,
  type Scope,
  type Snapshot,
} from "./revision.server";
import { mayEditPage, recordReview, unitPage } from "./page-ownership.server";
import { canEditUnit, type Actor } from "./roles";
import { getUnit } from "./unit.server";

import { UNIT_LIMITS, UNIT_SHARED_FIELDS, UNIT_TEXT_FIELDS } from "./unit-fields";

export { UNIT_SHARED_FIELDS, UNIT_TEXT_FIELDS };

export function unitFieldOrder(scope: Scope): readonly string[] {
  return scope === "shared" ? UNIT_SHARED_FIELDS : UNIT_TEXT_FIELDS;
}

const unitFields = {
  name: requiredText(UNIT_LIMITS.name),
  summary: requiredText(UNIT_LIMITS.summary),
  description: markdownText(UNIT_LIMITS.description, false),
  duties: lineList(UNIT_LIMITS.duties, UNIT_LIMITS.dutyLine),
  contactEmail: optionalText(UNIT_LIMITS.email).refine(
    (v) => v === null || z.email().safeParse(v).success,
    message("error.email"),
  ),
  location: optionalText(UNIT_LIMITS.location),
  head: optionalText(UNIT_LIMITS.head),
  needsReview: checkbox,
  isMajor: checkbox,
  textVersion: versionField,
  sharedVersion: versionField,
};

export const unitEditSchema = z.object({ ...unitFields, changeNote });
/** A preview needs no change note yet. */
export const unitPreviewSchema = z.object({ ...unitFields, changeNote: optionalText(NOTE_MAX) });
export type UnitEditInput = z.output<typeof unitEditSchema>;
type UnitContentInput = Omit<UnitEditInput, "changeNote">;

/** Who edits: an actor (role and editable units) with an email for the audit trail. */
export type Editor = Actor & { email: string };

export class NotAllowedError extends Error {}

function textSnapshot(text: Pick<UnitText, "name" | "summary" | "description" | "duties" | "sourceVersion">): Snapshot {
  return {
    fields: {
      name: text.name,
      summary: text.summary,
      description: text.description,
      duties: parseStringList(text.duties),
    },
    sourceVersions: { text: text.sourceVersion },
  };
}

function sharedSnapshot(unit: {
  contactEmail: string | null;
  location: string | null;
  head: string | null;
  needsReview: boolean;
}): Snapshot {
  return {
    fields: {
      contactEmail: unit.contactEmail,
      location: unit.location,
      head: unit.head,
      needsReview: unit.needsReview,
    },
  };
}

function inputTextSnapshot(input: UnitContentInput): Snapshot {
  return { fields: { name: input.name, summary: input.summary, description: input.description, duties: input.duties } };
}

function inputSharedSnapshot(input: UnitContentInput): Snapshot {
  return sharedSnapshot(input);
}

const unitKey = (unitId: number, scope: Scope): RevisionKey => ({ entityType: "unit", entityId: unitId, scope });

// ---- reading -----------------------------------------------------------------------------------

/** The unit a route is about: id for permission checks, a name for titles. */
export async function getUnitRef(slug: string) {
  const unit = await prisma.unit.findUnique({
    where: { slug },
    select: { id: true, slug: true, sourceLang: true, texts: { select: { lang: true, name: true } } },
  });
  if (!unit) return null;
  const nameIn = (lang: string) => unit.texts.find((t) => t.lang === lang)?.name;
  return {
    id: unit.id,
    slug: unit.slug,
    sourceLang: unit.sourceLang,
    nameFor: (lang: Lang) => nameIn(lang) ?? nameIn(unit.sourceLang) ?? unit.texts[0]?.name ?? unit.slug,
  };
}

/** The units this person may edit, named in the reader's language (fallback: source). */
export async function listEditableUnits(editor: Actor, lang: Lang) {
  const units = await prisma.unit.findMany({
    orderBy: [{ position: "asc" }, { slug: "asc" }],
    include: { texts: true },
  });
  return units
    .filter((u) => canEditUnit(editor, u.id))
    .map((u) => ({ slug: u.slug, name: localize(u.texts, lang, u.sourceLang, (t) => t.name) }));
}

/** What the edit form starts from: the language's text (if any), the shared facts, versions. */
export async function getUnitForEditing(slug: string, lang: Lang) {
  const unit = await prisma.unit.findUnique({ where: { slug }, include: { texts: true } });
  if (!unit) return null;
  const text = unit.texts.find((t) => t.lang === lang) ?? null;
  const source = unit.sourceLang !== lang ? (unit.texts.find((t) => t.lang === unit.sourceLang) ?? null) : null;
  return {
    id: unit.id,
    slug: unit.slug,
    sourceLang: unit.sourceLang,
    isSource: unit.sourceLang === lang,
    name: text?.name ?? source?.name ?? unit.texts[0]?.name ?? unit.slug,
    values: {
      name: text?.name ?? "",
      summary: text?.summary ?? "",
      description: text?.description ?? "",
      duties: text ? parseStringList(text.duties).join("\n") : "",
      contactEmail: unit.contactEmail ?? "",
      location: unit.location ?? "",
      head: unit.head ?? "",
      needsReview: unit.needsReview ? "on" : "",
    } as Record<string, string>,
    versions: { text: text?.version ?? 0, shared: unit.version },
    /** The source-language text, shown to a translator for reference. */
    source: source && {
      lang: source.lang,
      version: source.version,
      name: source.name,
      summary: source.summary,
      description: source.description,
      duties: parseStringList(source.duties),
    },
    translatedFromVersion: text?.sourceVersion ?? null,
    isOutdated: !!text && isOutdatedTranslation(text, source),
  };
}

/** What readers would see with these values, rendered exactly as the unit page renders it. */
export async function previewUnit(lang: Lang, slug: string, input: UnitContentInput) {
  const page = await getUnit(lang, slug);
  if (!page) return null;
  return {
    ...page,
    contactEmail: input.contactEmail,
    location: input.location,
    head: input.head,
    needsReview: input.needsReview,
    content: {
      value: {
        name: input.name,
        summary: input.summary,
        descriptionHtml: renderMarkdown(input.description),
        duties: input.duties,
      },
      lang,
      isFallback: false,
      isOutdated: false,
    },
  };
}

/** For the unit page: the id (editors' links) and when the text shown and the facts last changed. */
export async function getUnitPageMeta(lang: Lang, slug: string) {
  const unit = await prisma.unit.findUnique({
    where: { slug },
    select: { id: true, sourceLang: true, texts: { select: { lang: true, version: true, sourceVersion: true } } },
  });
  if (!unit) return null;
  const shown = pickText(unit.texts, lang, unit.sourceLang)?.lang;
  return { unitId: unit.id, lastUpdated: await lastUpdated("unit", unit.id, shown ? [shown, "shared"] : ["shared"]) };
}

// ---- saving ------------------------------------------------------------------------------------

export type SaveOutcome =
  | { status: "saved"; versions: { text: number; shared: number }; saved: { scope: Scope; version: number }[] }
  | { status: "unchanged" }
  | { status: "conflict"; conflicts: ConflictInfo[]; versions: { text: number; shared: number } };

/**
 * Saves one language's text and the shared facts of a unit, each only if the editor changed it
 * relative to the version the form was based on. A part someone else saved in between is a
 * conflict, and then nothing is saved.
 */
export async function saveUnitEdit(args: {
  editor: Editor;
  ipAddress: string | null;
  unitId: number;
  lang: Lang;
  input: UnitEditInput;
}): Promise<SaveOutcome> {
  const { editor, ipAddress, unitId, lang, input } = args;
  // Role rights or ownership of the page (page-ownership.server.ts).
  if (!(await mayEditPage(editor, unitPage(unitId)))) throw new NotAllowedError();

  let conflictScopes: Scope[] = [];
  try {
    const outcome = await prisma.$transaction(async (tx) => {
      const unit = await tx.unit.findUniqueOrThrow({ where: { id: unitId } });
      const text = await tx.unitText.findUnique({ where: { unitId_lang: { unitId, lang } } });
      const textVersion = text?.version ?? 0;
      if (text) await ensureBaseline(tx, unitKey(unitId, lang), text.version, textSnapshot(text));
      await ensureBaseline(tx, unitKey(unitId, "shared"), unit.version, sharedSnapshot(unit));

      const wantedText = inputTextSnapshot(input);
      const wantedShared = inputSharedSnapshot(input);
      const currentText = text ? textSnapshot(text) : null;
      const currentShared = sharedSnapshot(unit);
      const baseText =
        input.textVersion === textVersion
          ? currentText
          : await snapshotAt(tx, unitKey(unitId, lang), input.textVersion);
      const baseShared =
        input.sharedVersion === unit.version
          ? currentShared
          : await snapshotAt(tx, unitKey(unitId, "shared"), input.sharedVersion);

      // A part counts as edited only if it differs from what the form started from; an edit
      // that already matches the current content needs no write.
      const editsText =
        !sameFields(wantedText, baseText, UNIT_TEXT_FIELDS) && !sameFields(wantedText, currentText, UNIT_TEXT_FIELDS);
      const editsShared =
        !sameFields(wantedShared, baseShared, UNIT_SHARED_FIELDS) &&
        !sameFields(wantedShared, currentShared, UNIT_SHARED_FIELDS);

      const conflicts: Scope[] = [];
      if (editsText && input.textVersion !== textVersion) conflicts.push(lang);
      if (editsShared && input.sharedVersion !== unit.version) conflicts.push("shared");
      if (conflicts.length) return { status: "conflict" as const, scopes: conflicts };
      if (!editsText && !editsShared) return { status: "unchanged" as const };

      const saved: { scope: Scope; version: number }[] = [];
      const revision = { changeNote: input.changeNote, isMajor: input.isMajor, authorId: editor.id };
      if (editsText) {
        const sourceVersion = await translatedFrom(tx, unitId, unit.sourceLang, lang);
        const fields = {
          name: input.name,
          summary: input.summary,
          description: input.description,
          duties: JSON.stringify(input.duties),
          sourceVersion,
        };
        await writeText(tx, unitId, lang, text ? text.version : 0, fields);
        const version = textVersion + 1;
        await insertRevision(tx, {
          ...unitKey(unitId, lang),
          ...revision,
          version,
          snapshot: { ...wantedText, sourceVersions: { text: sourceVersion } },
        });
        saved.push({ scope: lang, version });
      }
      if (editsShared) {
        await writeShared(tx, unitId, unit.version, input);
        const version = unit.version + 1;
        await insertRevision(tx, { ...unitKey(unitId, "shared"), ...revision, version, snapshot: wantedShared });
        saved.push({ scope: "shared", version });
      }
      await recordAudit(
        {
          action: "content.update",
          actor: editor,
          ipAddress,
          targetType: "unit",
          targetId: unitId,
          details: {
            unit: unit.slug,
            lang,
            saved: saved.map((s) => ({ scope: s.scope, fromVersion: s.version - 1, toVersion: s.version })),
            changeNote: input.changeNote,
            isMajor: input.isMajor,
          },
        },
        tx,
      );
      // A saved edit counts as a review of the page.
      await recordReview(tx, { page: unitPage(unitId), reviewer: editor, kind: "edit" });
      return {
        status: "saved" as const,
        saved,
        versions: {
          text: saved.find((s) => s.scope === lang)?.version ?? textVersion,
          shared: saved.find((s) => s.scope === "shared")?.version ?? unit.version,
        },
      };
    });
    if (outcome.status !== "conflict") return outcome;
    conflictScopes = outcome.scopes;
  } catch (error) {
    // Another save won between our read and our write: same answer as a conflict seen up front.
    if (!(error instanceof VersionConflictError)) throw error;
    conflictScopes = [isScope(error.scope) ? error.scope : "shared"];
  }
  return unitConflict(unitId, lang, conflictScopes, input);
}

async function unitConflict(
  unitId: number,
  lang: Lang,
  scopes: Scope[],
  input: UnitContentInput,
): Promise<SaveOutcome> {
  const conflicts = await Promise.all(
    scopes.map((scope) =>
      describeConflict(
        unitKey(unitId, scope),
        scope === "shared" ? input.sharedVersion : input.textVersion,
        unitFieldOrder(scope),
      ),
    ),
  );
  // The form's new base: current versions for the parts in conflict only, so that saving again
  // overwrites exactly what the editor chose to overwrite.
  return {
    status: "conflict",
    conflicts,
    versions: {
      text: conflicts.find((c) => c.scope === lang)?.currentVersion ?? input.textVersion,
      shared: conflicts.find((c) => c.scope === "shared")?.currentVersion ?? input.sharedVersion,
    },
  };
}

/** A translation records the version of the source text it is made from; the source records none. */
async function translatedFrom(db: Db, unitId: number, sourceLang: string, lang: Lang): Promise<number | null> {
  if (lang === sourceLang) return null;
  const source = await db.unitText.findUnique({
    where: { unitId_lang: { unitId, lang: sourceLang } },
    select: { version: true },
  });
  return source?.version ?? null;
}

type TextFields = { name: string; summary: string; description: string; duties: string; sourceVersion: number | null };

/** Writes a text only if it is still at `fromVersion` (0: it must not exist yet). */
async function writeText(db: Db, unitId: number, lang: Lang, fromVersion: number, fields: TextFields) {
  if (fromVersion === 0) {
    try {
      await db.unitText.create({ data: { unitId, lang, ...fields, version: 1 } });
    } catch {
      throw new VersionConflictError(lang);
    }
    return;
  }
  const { count } = await db.unitText.updateMany({
    where: { unitId, lang, version: fromVersion },
    data: { ...fields, version: fromVersion + 1 },
  });
  if (count !== 1) throw new VersionConflictError(lang);
}

async function writeShared(
  db: Db,
  unitId: number,
  fromVersion: number,
  fields: { contactEmail: string | null; location: string | null; head: string | null; needsReview: boolean },
) {
  const { count } = await db.unit.updateMany({
    where: { id: unitId, version: fromVersion },
    data: {
      contactEmail: fields.contactEmail,
      location: fields.location,
      head: fields.head,
      needsReview: fields.needsReview,
      version: fromVersion + 1,
    },
  });
  if (count !== 1) throw new VersionConflictError("shared");
}

// ---- restoring ---------------------------------------------------------------------------------

export type RestoreOutcome =
  | { status: "restored"; scope: Scope; version: number }
  | { status: "unchanged" }
  | { status: "notFound" }
  | { status: "conflict"; currentVersion: number };

/**
 * Restores an old revision by saving its content as a new revision (history is never rewritten).
 * `baseVersion` is the latest version the editor saw; if someone saved since, nothing happens.
 */
export async function restoreUnitRevision(args: {
  editor: Editor;
  ipAddress: string | null;
  unitId: number;
  revisionId: number;
  baseVersion: number;
  changeNote: string;
}): Promise<RestoreOutcome> {
  const { editor, ipAddress, unitId, revisionId, baseVersion, changeNote } = args;
  if (!canEditUnit(editor, unitId)) throw new NotAllowedError();
  try {
    return await prisma.$transaction(async (tx): Promise<RestoreOutcome> => {
      const old = await tx.revision.findFirst({ where: { id: revisionId, entityType: "unit", entityId: unitId } });
      if (!old) return { status: "notFound" };
      const unit = await tx.unit.findUniqueOrThrow({ where: { id: unitId } });
      const scope = old.scope as Scope;
      const snapshot = parseSnapshot(old.data);
      const f = snapshot.fields;
      const str = (name: string) => (typeof f[name] === "string" ? (f[name] as string) : null);
      let currentVersion: number;
      let restored: Snapshot;

      if (scope === "shared") {
        currentVersion = unit.version;
        await ensureBaseline(tx, unitKey(unitId, scope), currentVersion, sharedSnapshot(unit));
        if (currentVersion !== baseVersion) return { status: "conflict", currentVersion };
        const fields = {
          contactEmail: str("contactEmail"),
          location: str("location"),
          head: str("head"),
          needsReview: f.needsReview === true,
        };
        restored = sharedSnapshot(fields);
        if (sameFields(restored, sharedSnapshot(unit), UNIT_SHARED_FIELDS)) return { status: "unchanged" };
        await writeShared(tx, unitId, currentVersion, fields);
      } else {
        const text = await tx.unitText.findUnique({ where: { unitId_lang: { unitId, lang: scope } } });
        currentVersion = text?.version ?? 0;
        if (text) await ensureBaseline(tx, unitKey(unitId, scope), currentVersion, textSnapshot(text));
        if (currentVersion !== baseVersion) return { status: "conflict", currentVersion };
        // A restored translation keeps the source version it was made from, so it is honestly
        // flagged as outdated if the source has moved on since.
        const sourceVersion =
          scope === unit.sourceLang ? null : (snapshot.sourceVersions?.text ?? text?.sourceVersion ?? null);
        const duties = Array.isArray(f.duties) ? f.duties : [];
        const fields = {
          name: str("name") ?? "",
          summary: str("summary") ?? "",
          description: str("description") ?? "",
          duties: JSON.stringify(duties),
          sourceVersion,
        };
        restored = {
          fields: { name: fields.name, summary: fields.summary, description: fields.description, duties },
          sourceVersions: { text: sourceVersion },
        };
        if (text && sameFields(restored, textSnapshot(text), UNIT_TEXT_FIELDS)) return { status: "unchanged" };
        await writeText(tx, unitId, scope, currentVersion, fields);
      }

      const version = currentVersion + 1;
      await insertRevision(tx, {
        ...unitKey(unitId, scope),
        version,
        snapshot: restored,
        changeNote,
        restoredFromVersion: old.version,
        authorId: editor.id,
      });
      await recordAudit(
        {
          action: "content.restore",
          actor: editor,
          ipAddress,
          targetType: "unit",
          targetId: unitId,
          details: {
            unit: unit.slug,
            scope,
            restoredFromVersion: old.version,
            fromVersion: currentVersion,
            toVersion: version,
            changeNote,
          },
        },
        tx,
      );
      return { status: "restored", scope, version };
    });
  } catch (error) {
    if (!(error instanceof VersionConflictError)) throw error;
    return { status: "conflict", currentVersion: -1 };
  }
}

// ---- seed --------------------------------------------------------------------------------------

/**
 * The first revision of every unit text and of every unit's shared facts, so history starts at
 * the seeded content. Idempotent: a scope that has any revision is left alone.
 */
export async function recordInitialUnitRevisions(db: Db): Promise<number> {
  const [units, existing] = await Promise.all([
    db.unit.findMany({ include: { texts: true } }),
    db.revision.findMany({
      where: { entityType: "unit" },
      distinct: ["entityId", "scope"],
      select: { entityId: true, scope: true },
    }),
  ]);
  const has = new Set(existing.map((r) => `${r.entityId}:${r.scope}`));
  let created = 0;
  for (const unit of units) {
    const pending: [Scope, number, Snapshot][] = [
      ["shared", unit.version, sharedSnapshot(unit)],
      ...unit.texts.map((t): [Scope, number, Snapshot] => [t.lang as Lang, t.version, textSnapshot(t)]),
    ];
    for (const [scope, version, snapshot] of pending) {
      if (has.has(`${unit.id}:${scope}`)) continue;
      await insertRevision(db, {
        ...unitKey(unit.id, scope),
        version,
        snapshot,
        changeNote: SEED_NOTE,
        authorId: null,
      });
      created += 1;
    }
  }
  return created;
}
