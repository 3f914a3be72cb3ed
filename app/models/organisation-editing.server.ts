// Editing the organisation's documents (HR editors): the strategy texts, the values and the
// goals, one language at a time. Each language of a document is one revision scope
// (entityType strategy | values | goals, entityId 0), versioned on its own like a unit's text;
// each text row keeps its own version and, for translations, the source version it was made
// from, so readers see which translations fell behind (docs/decisions/0006).
import { z } from "zod";
import { isLang, type Lang, type MessageKey } from "~/i18n";
import type { Localized } from "~/i18n/content";
import { prisma } from "~/utils/db.server";
import { message } from "~/utils/forms";
import { parseStringList } from "~/utils/json-list";
import { recordAudit } from "./audit.server";
import {
  changeNote,
  checkbox,
  lineList,
  NOTE_MAX,
  optionalText,
  requiredText,
  versionField,
} from "./edit-fields.server";
import {
  BASELINE_NOTE,
  describeConflict,
  insertRevision,
  latestVersion,
  normaliseValue,
  parseSnapshot,
  sameValue,
  SEED_NOTE,
  snapshotAt,
  VersionConflictError,
  type ConflictInfo,
  type Db,
  type FieldValue,
  type RevisionKey,
  type Snapshot,
} from "./revision.server";
import { docPage, mayEditPage, recordReview } from "./page-ownership.server";
import { canEditOrganisationTexts } from "./roles";
import type { Editor } from "./unit-editing.server";
import { NotAllowedError } from "./unit-editing.server";

export const ORG_DOCS = ["strategy", "values", "goals"] as const;
export type OrgDoc = (typeof ORG_DOCS)[number];

export function isOrgDoc(value: unknown): value is OrgDoc {
  return typeof value === "string" && (ORG_DOCS as readonly string[]).includes(value);
}

/** The organisation texts edited on the strategy form, in the order the form shows them. */
export const STRATEGY_KEYS = [
  "missionLine",
  "whatWeDo",
  "ambition",
  "agencyDuties",
  "strategyTitle",
  "strategySummary",
  "strategyVision",
] as const;
const LIST_KEYS: readonly string[] = ["agencyDuties", "strategyVision"];
const LINE_KEYS: readonly string[] = ["missionLine", "strategyTitle"];

export interface DocField {
  /** Form field and snapshot name: the key for strategy texts, "<item>__<part>" otherwise. */
  name: string;
  item: string;
  part: "body" | "name" | "description" | "text";
  kind: "line" | "text" | "list";
  labelKey: MessageKey;
  /** Number of the value or goal, for its label. */
  n?: number;
  max: number;
  requiredInSource: boolean;
}

interface DocItem {
  key: string;
  /** Row id in its table: the Value or Goal id (unused for strategy texts). */
  id: number;
  sourceLang: string;
  fields: DocField[];
  row: { version: number; sourceVersion: number | null } | null;
  sourceRow: { version: number } | null;
}

export interface DocState {
  doc: OrgDoc;
  lang: Lang;
  items: DocItem[];
  fields: DocField[];
  /** The document's version in this language: its latest revision (0: none yet). */
  version: number;
  current: Snapshot;
  /** The source-language values, for translators. */
  source: Record<string, FieldValue>;
}

type ItemWrite = Partial<Record<DocField["part"], FieldValue>>;

interface DocAdapter {
  load(
    db: Db,
    lang: Lang,
  ): Promise<{ items: DocItem[]; values: Record<string, FieldValue>; source: Record<string, FieldValue> }>;
  /** Writes one item's row in one language (null: remove the translation) if it is still at `fromVersion`. */
  write(db: Db, lang: Lang, item: DocItem, values: ItemWrite | null, sourceVersion: number | null): Promise<void>;
}

const itemField = (item: string, part: DocField["part"]) => `${item}__${part}`;

const strategy: DocAdapter = {
  async load(db, lang) {
    const [profile, rows] = await Promise.all([
      db.organisationProfile.findUniqueOrThrow({ where: { id: 1 }, select: { sourceLang: true } }),
      db.organisationText.findMany({ where: { key: { in: [...STRATEGY_KEYS] } } }),
    ]);
    const values: Record<string, FieldValue> = {};
    const source: Record<string, FieldValue> = {};
    const body = (key: string, text: string | undefined) =>
      text === undefined ? null : LIST_KEYS.includes(key) ? parseStringList(text) : text;
    const items = STRATEGY_KEYS.map((key): DocItem => {
      const row = rows.find((r) => r.key === key && r.lang === lang) ?? null;
      const sourceRow = rows.find((r) => r.key === key && r.lang === profile.sourceLang) ?? null;
      values[key] = normaliseValue(body(key, row?.body));
      source[key] = normaliseValue(body(key, sourceRow?.body));
      const kind = LIST_KEYS.includes(key) ? "list" : LINE_KEYS.includes(key) ? "line" : "text";
      return {
        key,
        id: 0,
        sourceLang: profile.sourceLang,
        row,
        sourceRow,
        fields: [
          {
            name: key,
            item: key,
            part: "body",
            kind,
            labelKey: `edit.strategy.${key}` as MessageKey,
            max: kind === "line" ? 300 : 5000,
            requiredInSource: true,
          },
        ],
      };
    });
    return { items, values, source };
  },
  async write(db, lang, item, values, sourceVersion) {
    if (!values) {
      await db.organisationText.deleteMany({ where: { key: item.key, lang } });
      return;
    }
    const raw = values.body ?? null;
    const body = Array.isArray(raw) ? JSON.stringify(raw) : String(raw ?? "");
    if (!item.row) {
      await createOrConflict(
        () => db.organisationText.create({ data: { key: item.key, lang, body, version: 1, sourceVersion } }),
        lang,
      );
      return;
    }
    const { count } = await db.organisationText.updateMany({
      where: { key: item.key, lang, version: item.row.version },
      data: { body, version: item.row.version + 1, sourceVersion },
    });
    if (count !== 1) throw new VersionConflictError(lang);
  },
};

const values: DocAdapter = {
  async load(db, lang) {
    const rows = await db.value.findMany({ orderBy: { position: "asc" }, include: { texts: true } });
    const out: Record<string, FieldValue> = {};
    const source: Record<string, FieldValue> = {};
    const items = rows.map((value, i): DocItem => {
      const row = value.texts.find((t) => t.lang === lang) ?? null;
      const sourceRow = value.texts.find((t) => t.lang === value.sourceLang) ?? null;
      const name = itemField(value.key, "name");
      const description = itemField(value.key, "description");
      out[name] = normaliseValue(row?.name ?? null);
      out[description] = normaliseValue(row?.description ?? null);
      source[name] = normaliseValue(sourceRow?.name ?? null);
      source[description] = normaliseValue(sourceRow?.description ?? null);
      return {
        key: value.key,
        id: value.id,
        sourceLang: value.sourceLang,
        row,
        sourceRow,
        fields: [
          {
            name,
            item: value.key,
            part: "name",
            kind: "line",
            labelKey: "edit.values.valueName",
            n: i + 1,
            max: 200,
            requiredInSource: true,
          },
          {
            name: description,
            item: value.key,
            part: "description",
            kind: "text",
            labelKey: "edit.values.valueDescription",
            n: i + 1,
            max: 2000,
            requiredInSource: false,
          },
        ],
      };
    });
    return { items, values: out, source };
  },
  async write(db, lang, item, values, sourceVersion) {
    if (!values) {
      await db.valueText.deleteMany({ where: { valueId: item.id, lang } });
      return;
    }
    const data = {
      name: String(values.name ?? ""),
      description: (values.description as string | null) ?? null,
      sourceVersion,
    };
    if (!item.row) {
      await createOrConflict(
        () => db.valueText.create({ data: { valueId: item.id, lang, ...data, version: 1 } }),
        lang,
      );
      return;
    }
    const { count } = await db.valueText.updateMany({
      where: { valueId: item.id, lang, version: item.row.version },
      data: { ...data, version: item.row.version + 1 },
    });
    if (count !== 1) throw new VersionConflictError(lang);
  },
};

const goals: DocAdapter = {
  async load(db, lang) {
    const rows = await db.goal.findMany({ orderBy: { position: "asc" }, include: { texts: true } });
    const out: Record<string, FieldValue> = {};
    const source: Record<string, FieldValue> = {};
    const items = rows.map((goal, i): DocItem => {
      const row = goal.texts.find((t) => t.lang === lang) ?? null;
      const sourceRow = goal.texts.find((t) => t.lang === goal.sourceLang) ?? null;
      const name = itemField(goal.key, "text");
      out[name] = normaliseValue(row?.text ?? null);
      source[name] = normaliseValue(sourceRow?.text ?? null);
      return {
        key: goal.key,
        id: goal.id,
        sourceLang: goal.sourceLang,
        row,
        sourceRow,
        fields: [
          {
            name,
            item: goal.key,
            part: "text",
            kind: "text",
            labelKey: "edit.goals.goalText",
            n: i + 1,
            max: 1000,
            requiredInSource: true,
          },
        ],
      };
    });
    return { items, values: out, source };
  },
  async write(db, lang, item, values, sourceVersion) {
    if (!values) {
      await db.goalText.deleteMany({ where: { goalId: item.id, lang } });
      return;
    }
    const text = String(values.text ?? "");
    if (!item.row) {
      await createOrConflict(
        () => db.goalText.create({ data: { goalId: item.id, lang, text, version: 1, sourceVersion } }),
        lang,
      );
      return;
    }
    const { count } = await db.goalText.updateMany({
      where: { goalId: item.id, lang, version: item.row.version },
      data: { text, version: item.row.version + 1, sourceVersion },
    });
    if (count !== 1) throw new VersionConflictError(lang);
  },
};

const adapters: Record<OrgDoc, DocAdapter> = { strategy, values, goals };

async function createOrConflict(create: () => Promise<unknown>, lang: Lang) {
  try {
    await create();
  } catch {
    // The row appeared since we read it: someone else created this translation first.
    throw new VersionConflictError(lang);
  }
}

const docKey = (doc: OrgDoc, lang: Lang): RevisionKey => ({ entityType: doc, entityId: 0, scope: lang });

/** Snapshot of a document in one language: every field, and what each translation was made from. */
function snapshotOf(items: DocItem[], values: Record<string, FieldValue>): Snapshot {
  const fields: Record<string, FieldValue> = {};
  const sourceVersions: Record<string, number | null> = {};
  for (const item of items) {
    for (const f of item.fields) fields[f.name] = normaliseValue(values[f.name]);
    if (item.row) sourceVersions[item.key] = item.row.sourceVersion;
  }
  return { fields, sourceVersions };
}

export async function loadDoc(doc: OrgDoc, lang: Lang, db: Db = prisma): Promise<DocState> {
  const [{ items, values, source }, version] = await Promise.all([
    adapters[doc].load(db, lang),
    latestVersion(db, docKey(doc, lang)),
  ]);
  return {
    doc,
    lang,
    items,
    fields: items.flatMap((i) => i.fields),
    version,
    current: snapshotOf(items, values),
    source,
  };
}

export function docFieldOrder(state: Pick<DocState, "fields">): string[] {
  return state.fields.map((f) => f.name);
}

/** The edit form's starting point: values as form strings, version, which translations are behind. */
export async function getDocForEditing(doc: OrgDoc, lang: Lang) {
  const state = await loadDoc(doc, lang);
  const formValues: Record<string, string> = {};
  for (const f of state.fields) {
    const v = state.current.fields[f.name];
    formValues[f.name] = Array.isArray(v) ? v.join("\n") : typeof v === "string" ? v : "";
  }
  const outdatedItems = state.items
    .filter(
      (i) =>
        i.row &&
        i.sourceRow &&
        i.sourceLang !== lang &&
        i.row.sourceVersion != null &&
        i.sourceRow.version > i.row.sourceVersion,
    )
    .map((i) => i.key);
  return {
    doc,
    lang,
    version: state.version,
    fields: state.fields.map((f) => ({
      ...f,
      required: f.requiredInSource && isSourceItem(state, f.item),
      isSource: isSourceItem(state, f.item),
      sourceText: isSourceItem(state, f.item) ? null : textOf(state.source[f.name]),
      sourceLang: state.items.find((i) => i.key === f.item)?.sourceLang ?? "en",
    })),
    values: formValues,
    outdatedItems,
    /** Everything in this document is written in this language first (a major change matters). */
    isSource: state.items.every((i) => i.sourceLang === lang),
  };
}

function isSourceItem(state: Pick<DocState, "items" | "lang">, key: string) {
  return state.items.find((i) => i.key === key)?.sourceLang === state.lang;
}

function textOf(value: FieldValue | undefined): string | null {
  if (value == null || typeof value === "boolean") return null;
  return Array.isArray(value) ? value.join("\n") : value;
}

// ---- the form ----------------------------------------------------------------------------------

/** The form's schema for this document and language: source texts required, translations optional. */
export function docSchema(state: DocState, mode: "save" | "preview") {
  const shape: Record<string, z.ZodType> = {
    changeNote: mode === "save" ? changeNote : optionalText(NOTE_MAX),
    isMajor: checkbox,
    version: versionField,
  };
  for (const f of state.fields) {
    const required = f.requiredInSource && isSourceItem(state, f.item);
    shape[f.name] =
      f.kind === "list" ? lineList(f.max, 500, required) : required ? requiredText(f.max) : optionalText(f.max);
  }
  return z.object(shape).superRefine((input, ctx) => {
    // A value's translated description needs its translated name (the page shows them together).
    for (const item of state.items) {
      const name = item.fields.find((f) => f.part === "name");
      const description = item.fields.find((f) => f.part === "description");
      if (name && description && !input[name.name] && input[description.name]) {
        ctx.addIssue({ code: "custom", path: [name.name], message: message("error.required") });
      }
    }
  });
}

export type DocInput = Record<string, FieldValue | number | undefined> & {
  changeNote: string | null;
  isMajor: boolean;
  version: number;
};

/** Submitted values as lists and texts, e.g. for a preview. */
export function docValues(state: DocState, input: DocInput): Record<string, FieldValue> {
  return Object.fromEntries(state.fields.map((f) => [f.name, normaliseValue(input[f.name] as FieldValue)]));
}

/**
 * What readers would see with these values: each field in this language, or (a translation left
 * empty) the source text, marked as a fallback, as the pages do.
 */
export function docPreview(
  state: DocState,
  wanted: Record<string, FieldValue>,
): Record<string, Localized<string | string[]> | null> {
  const out: Record<string, Localized<string | string[]> | null> = {};
  for (const item of state.items) {
    const unchanged = item.fields.every((f) => sameValue(wanted[f.name], state.current.fields[f.name]));
    const outdated =
      unchanged &&
      !!item.row &&
      !!item.sourceRow &&
      item.row.sourceVersion != null &&
      item.sourceRow.version > item.row.sourceVersion;
    for (const f of item.fields) {
      const own = normaliseValue(wanted[f.name]);
      const source = normaliseValue(state.source[f.name]);
      const value = own ?? source;
      out[f.name] =
        value === null || typeof value === "boolean"
          ? null
          : {
              value,
              lang: own !== null ? state.lang : isLang(item.sourceLang) ? item.sourceLang : state.lang,
              isFallback: own === null,
              isOutdated: own !== null && outdated,
            };
    }
  }
  return out;
}

// ---- saving ------------------------------------------------------------------------------------

export type DocSaveOutcome =
  | { status: "saved"; version: number }
  | { status: "unchanged" }
  | { status: "conflict"; conflict: ConflictInfo; version: number };

export async function saveDocEdit(args: {
  editor: Editor;
  ipAddress: string | null;
  doc: OrgDoc;
  lang: Lang;
  input: DocInput;
}): Promise<DocSaveOutcome> {
  const { editor, ipAddress, doc, lang, input } = args;
  // Role rights or ownership of the document (page-ownership.server.ts).
  if (!(await mayEditPage(editor, docPage(doc)))) throw new NotAllowedError();
  const key = docKey(doc, lang);
  try {
    const outcome = await prisma.$transaction(async (tx) => {
      const state = await loadDoc(doc, lang, tx);
      let current = state.version;
      let base = input.version;
      if (current === 0 && hasContent(state.current)) {
        // Texts from before history was kept: record them as version 1, which is what a form
        // based on "no history yet" (0) was looking at.
        await insertRevision(tx, {
          ...key,
          version: 1,
          snapshot: state.current,
          changeNote: BASELINE_NOTE,
          authorId: null,
        });
        current = 1;
        if (base === 0) base = 1;
      }
      const wanted = docValues(state, input);
      const baseSnapshot = base === current ? state.current : await snapshotAt(tx, key, base);
      const edited = state.fields.filter(
        (f) =>
          !sameValue(wanted[f.name], baseSnapshot?.fields[f.name]) &&
          !sameValue(wanted[f.name], state.current.fields[f.name]),
      );
      if (edited.length === 0) return { status: "unchanged" as const };
      if (base !== current) return { status: "conflict" as const };

      const editedItems = state.items.filter((item) => item.fields.some((f) => edited.includes(f)));
      const sourceVersions = { ...state.current.sourceVersions };
      for (const item of editedItems) {
        const isSource = item.sourceLang === lang;
        const parts: ItemWrite = Object.fromEntries(item.fields.map((f) => [f.part, wanted[f.name]]));
        const empty = Object.values(parts).every((v) => v == null);
        const sourceVersion = isSource ? null : (item.sourceRow?.version ?? null);
        await adapters[doc].write(tx, lang, item, empty && !isSource ? null : parts, sourceVersion);
        if (empty && !isSource) delete sourceVersions[item.key];
        else sourceVersions[item.key] = sourceVersion;
      }
      const version = current + 1;
      await insertRevision(tx, {
        ...key,
        version,
        snapshot: { fields: wanted, sourceVersions },
        changeNote: String(input.changeNote ?? ""),
        isMajor: input.isMajor,
        authorId: editor.id,
      });
      await recordAudit(
        {
          action: "content.update",
          actor: editor,
          ipAddress,
          targetType: doc,
          targetId: lang,
          details: {
            document: doc,
            lang,
            fromVersion: current,
            toVersion: version,
            fields: edited.map((f) => f.name),
            changeNote: input.changeNote,
            isMajor: input.isMajor,
          },
        },
        tx,
      );
      // A saved edit counts as a review of the document.
      await recordReview(tx, { page: docPage(doc), reviewer: editor, kind: "edit" });
      return { status: "saved" as const, version };
    });
    if (outcome.status !== "conflict") return outcome;
  } catch (error) {
    if (!(error instanceof VersionConflictError)) throw error;
  }
  const state = await loadDoc(doc, lang);
  const conflict = await describeConflict(key, input.version, docFieldOrder(state));
  return { status: "conflict", conflict, version: conflict.currentVersion };
}

function hasContent(snapshot: Snapshot): boolean {
  return Object.values(snapshot.fields).some((v) => normaliseValue(v) !== null);
}

// ---- restoring ---------------------------------------------------------------------------------

export type DocRestoreOutcome =
  | { status: "restored"; version: number }
  | { status: "unchanged" }
  | { status: "notFound" }
  | { status: "conflict"; currentVersion: number };

export async function restoreDocRevision(args: {
  editor: Editor;
  ipAddress: string | null;
  doc: OrgDoc;
  revisionId: number;
  baseVersion: number;
  changeNote: string;
}): Promise<DocRestoreOutcome> {
  const { editor, ipAddress, doc, revisionId, baseVersion, changeNote } = args;
  if (!canEditOrganisationTexts(editor)) throw new NotAllowedError();
  try {
    return await prisma.$transaction(async (tx): Promise<DocRestoreOutcome> => {
      const old = await tx.revision.findFirst({ where: { id: revisionId, entityType: doc, entityId: 0 } });
      if (!old) return { status: "notFound" };
      const lang = old.scope as Lang;
      const state = await loadDoc(doc, lang, tx);
      if (state.version !== baseVersion) return { status: "conflict", currentVersion: state.version };
      const snapshot = parseSnapshot(old.data);
      const restoredFields = { ...state.current.fields };
      const sourceVersions = { ...state.current.sourceVersions };
      let changed = false;
      for (const item of state.items) {
        // Items created after the old version (no field in it) stay as they are.
        const known = item.fields.filter((f) => f.name in snapshot.fields);
        if (known.length === 0) continue;
        const isSource = item.sourceLang === lang;
        const parts: ItemWrite = Object.fromEntries(
          item.fields.map((f) => [f.part, normaliseValue(snapshot.fields[f.name])]),
        );
        const same = item.fields.every((f) => sameValue(parts[f.part], state.current.fields[f.name]));
        const empty = Object.values(parts).every((v) => v == null);
        if (same || (empty && isSource)) continue;
        const sourceVersion = isSource
          ? null
          : (snapshot.sourceVersions?.[item.key] ?? item.row?.sourceVersion ?? null);
        await adapters[doc].write(tx, lang, item, empty ? null : parts, sourceVersion);
        for (const f of item.fields) restoredFields[f.name] = normaliseValue(parts[f.part]);
        if (empty) delete sourceVersions[item.key];
        else sourceVersions[item.key] = sourceVersion;
        changed = true;
      }
      if (!changed) return { status: "unchanged" };
      const version = state.version + 1;
      await insertRevision(tx, {
        entityType: doc,
        entityId: 0,
        scope: lang,
        version,
        snapshot: { fields: restoredFields, sourceVersions },
        changeNote,
        restoredFromVersion: old.version,
        authorId: editor.id,
      });
      await recordAudit(
        {
          action: "content.restore",
          actor: editor,
          ipAddress,
          targetType: doc,
          targetId: lang,
          details: {
            document: doc,
            lang,
            restoredFromVersion: old.version,
            fromVersion: state.version,
            toVersion: version,
            changeNote,
          },
        },
        tx,
      );
      return { status: "restored", version };
    });
  } catch (error) {
    if (!(error instanceof VersionConflictError)) throw error;
    return { status: "conflict", currentVersion: -1 };
  }
}

// ---- seed --------------------------------------------------------------------------------------

/** Version 1 of each document in each language that has content, so history starts at the seed. */
export async function recordInitialDocumentRevisions(db: Db): Promise<number> {
  let created = 0;
  for (const doc of ORG_DOCS) {
    for (const lang of ["fi", "sv", "en"] as const) {
      const state = await loadDoc(doc, lang, db);
      if (state.version > 0 || !hasContent(state.current)) continue;
      await insertRevision(db, {
        ...docKey(doc, lang),
        version: 1,
        snapshot: state.current,
        changeNote: SEED_NOTE,
        authorId: null,
      });
      created += 1;
    }
  }
  return created;
}
