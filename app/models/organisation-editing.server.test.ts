// Editing the organisation documents (strategy texts, values, goals) against the real database:
// versions per language, conflicts, the race, translations falling behind, restore, validation.
import { beforeAll, describe, expect, it } from "vitest";
import type { Lang } from "~/i18n";
import { prisma } from "~/utils/db.server";
import { editorFor, TEST_IP } from "../../tests/support/routes";
import { getGoals, getOrganisation, getValues } from "./organisation.server";
import {
  docSchema,
  getDocForEditing,
  loadDoc,
  recordInitialDocumentRevisions,
  restoreDocRevision,
  saveDocEdit,
  type DocInput,
  type OrgDoc,
} from "./organisation-editing.server";
import { listOutdatedTranslations } from "./translations.server";
import { NotAllowedError, type Actor } from "./permissions";

let hr: Actor;
let admin: Actor;

/** The document's form as the edit page submits it, with changes; parsed like the action does. */
async function docForm(doc: OrgDoc, lang: Lang, changes: Record<string, string> = {}) {
  const editing = await getDocForEditing(doc, lang);
  const values = { ...editing.values, version: String(editing.version), changeNote: "Test change", ...changes };
  return docSchema(await loadDoc(doc, lang), "save").safeParse(values);
}

async function input(doc: OrgDoc, lang: Lang, changes: Record<string, string> = {}): Promise<DocInput> {
  const parsed = await docForm(doc, lang, changes);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
  return parsed.data as DocInput;
}

const save = (editor: Actor, doc: OrgDoc, lang: Lang, data: DocInput) =>
  saveDocEdit({ editor, ipAddress: TEST_IP, doc, lang, input: data });

beforeAll(async () => {
  hr = await editorFor("hr@migri.example");
  admin = await editorFor("admin@migri.example");
});

describe("history starts at the seed", () => {
  it("each document has version 1 in the languages it was seeded in, and seeding again adds nothing", async () => {
    const revisions = await prisma.revision.findMany({
      where: { entityId: 0 },
      orderBy: [{ entityType: "asc" }, { scope: "asc" }],
    });
    expect(revisions.map((r) => [r.entityType, r.scope, r.version, r.authorId])).toEqual([
      ["goals", "en", 1, null],
      ["goals", "fi", 1, null],
      ["strategy", "en", 1, null],
      ["strategy", "fi", 1, null],
      ["values", "en", 1, null],
      ["values", "fi", 1, null],
    ]);
    expect(await recordInitialDocumentRevisions(prisma)).toBe(0);
  });
});

describe("saving a document", () => {
  it("a source-language save raises the changed texts' versions, so their translations are flagged and listed", async () => {
    const before = await prisma.goalText.findMany({ where: { lang: "en" }, orderBy: { goalId: "asc" } });
    const outcome = await save(
      hr,
      "goals",
      "en",
      await input("goals", "en", {
        quality__text: "Our work is of high quality.",
        changeNote: "Shorter",
        isMajor: "on",
      }),
    );
    expect(outcome).toEqual({ status: "saved", version: 2 });

    const after = await prisma.goalText.findMany({ where: { lang: "en" }, orderBy: { goalId: "asc" } });
    expect(after.map((t) => t.version)).toEqual(before.map((t, i) => (i === 0 ? t.version + 1 : t.version)));
    const fi = await getGoals("fi");
    expect(fi.map((g) => g.text?.isOutdated)).toEqual([true, false, false, false, false]);
    expect((await listOutdatedTranslations()).filter((o) => o.kind === "goals")).toEqual([
      expect.objectContaining({
        lang: "fi",
        sourceLang: "en",
        label: { key: "edit.goals.item", n: 1 },
        translatedFromVersion: 1,
        sourceVersion: 2,
      }),
    ]);

    const revision = await prisma.revision.findFirstOrThrow({
      where: { entityType: "goals", entityId: 0, scope: "en", version: 2 },
    });
    expect(revision).toMatchObject({ isMajor: true, changeNote: "Shorter", authorId: hr.id });
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "content.update", targetType: "goals" },
    });
    expect(audit).toMatchObject({ targetId: "en", ipAddress: TEST_IP, actorId: hr.id });
    expect(JSON.parse(audit.details)).toMatchObject({
      document: "goals",
      lang: "en",
      fromVersion: 1,
      toVersion: 2,
      fields: ["quality__text"],
    });
  });

  it("a translation records the source version it was made from; an emptied translation falls back to the source", async () => {
    const created = await save(
      admin,
      "strategy",
      "sv",
      await input("strategy", "sv", { missionLine: "för kunderna och för samhället" }),
    );
    expect(created).toEqual({ status: "saved", version: 1 });
    const [sourceRow, row] = await Promise.all([
      prisma.organisationText.findUniqueOrThrow({ where: { key_lang: { key: "missionLine", lang: "en" } } }),
      prisma.organisationText.findUniqueOrThrow({ where: { key_lang: { key: "missionLine", lang: "sv" } } }),
    ]);
    expect(row).toMatchObject({ body: "för kunderna och för samhället", version: 1, sourceVersion: sourceRow.version });
    expect(await prisma.organisationText.count({ where: { lang: "sv", key: { not: "agencyName" } } })).toBe(1);
    expect((await getOrganisation("sv")).missionLine).toMatchObject({ lang: "sv", isFallback: false });

    expect(await save(admin, "strategy", "sv", await input("strategy", "sv", { missionLine: "" }))).toEqual({
      status: "saved",
      version: 2,
    });
    expect((await getOrganisation("sv")).missionLine).toMatchObject({ lang: "en", isFallback: true });
  });

  it("is refused to anyone but HR editors and admins", async () => {
    const editor = await editorFor("editor@migri.example");
    await expect(
      save(editor, "values", "en", await input("values", "en", { reliable__description: "x" })),
    ).rejects.toBeInstanceOf(NotAllowedError);
  });

  it("validates: source texts are required; a translated description needs a translated name", async () => {
    const source = await docForm("strategy", "en", { missionLine: "  " });
    expect(source.success).toBe(false);
    expect(source.error?.issues.map((i) => [i.path[0], i.message])).toEqual([["missionLine", "error.required"]]);
    const translation = await docForm("values", "sv", { reliable__description: "Vi håller vad vi lovar." });
    expect(translation.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["reliable__name", "error.required"],
    ]);
  });
});

describe("no lost updates in documents", () => {
  it("two saves of the same language based on one version conflict; another language does not", async () => {
    const base = await input("values", "en");
    const fiBase = await input("values", "fi");
    expect(await save(hr, "values", "en", { ...base, reliable__description: "We keep our promises." })).toEqual({
      status: "saved",
      version: 2,
    });
    expect(await save(admin, "values", "fi", { ...fiBase, reliable__description: "Pidämme lupauksemme." })).toEqual({
      status: "saved",
      version: 2,
    });

    const loser = await save(admin, "values", "en", { ...base, reliable__description: "We do what we say." });
    expect(loser.status).toBe("conflict");
    if (loser.status !== "conflict") return;
    expect(loser.version).toBe(2);
    expect(loser.conflict).toMatchObject({ scope: "en", baseVersion: 1, currentVersion: 2 });
    expect(loser.conflict.changes.map((c) => c.authorName)).toEqual(["Demo HR Editor"]);
    expect(loser.conflict.diff.map((d) => d.field)).toEqual(["reliable__description"]);
    expect((await getValues("en"))[0].description?.value).toBe("We keep our promises.");
  });

  it("two simultaneous saves of the same version: exactly one wins", async () => {
    const base = await input("goals", "fi");
    const results = await Promise.all(
      ["Ensimmäinen", "Toinen", "Kolmas"].map((word, i) =>
        save(i % 2 ? admin : hr, "goals", "fi", { ...base, networks__text: `${word} muotoilu.` }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual(["conflict", "conflict", "saved"]);
    expect(await prisma.revision.count({ where: { entityType: "goals", entityId: 0, scope: "fi" } })).toBe(2);
  });
});

describe("restoring a document", () => {
  it("saves the old texts as a new version, audited; nothing in the history changes", async () => {
    const first = await prisma.revision.findFirstOrThrow({
      where: { entityType: "goals", entityId: 0, scope: "en", version: 1 },
    });
    const before = await prisma.revision.findMany({ where: { entityType: "goals" }, orderBy: { id: "asc" } });
    const current = (await loadDoc("goals", "en")).version;

    const outcome = await restoreDocRevision({
      editor: hr,
      ipAddress: TEST_IP,
      doc: "goals",
      revisionId: first.id,
      baseVersion: current,
      changeNote: "Original wording",
    });
    expect(outcome).toEqual({ status: "restored", version: current + 1 });
    expect((await getGoals("en"))[0].text?.value).toBe(
      "Our work is of good quality, our processes are smooth and efficient and the way we work is predictable.",
    );
    const after = await prisma.revision.findMany({ where: { entityType: "goals" }, orderBy: { id: "asc" } });
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.at(-1)).toMatchObject({
      version: current + 1,
      restoredFromVersion: 1,
      changeNote: "Original wording",
    });
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "content.restore", targetType: "goals" },
    });
    expect(JSON.parse(audit.details)).toMatchObject({
      document: "goals",
      lang: "en",
      restoredFromVersion: 1,
      toVersion: current + 1,
    });

    // The restore was a new version of the source: the Finnish translation is still behind it.
    expect((await getGoals("fi"))[0].text?.isOutdated).toBe(true);
    // Restoring the same content again changes nothing.
    expect(
      await restoreDocRevision({
        editor: hr,
        ipAddress: TEST_IP,
        doc: "goals",
        revisionId: first.id,
        baseVersion: current + 1,
        changeNote: "Again",
      }),
    ).toEqual({ status: "unchanged" });
  });
});
