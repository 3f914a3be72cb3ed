// Editing units against this worker's real database: versions per language, conflicts, the race
// of two simultaneous saves, restore, audit, and translations that fall behind.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { editorFor, TEST_IP } from "../../tests/support/routes";
import { listOutdatedTranslations } from "./translations.server";
import { NotAllowedError, type Actor } from "./permissions";
import { getUnit } from "./unit.server";
import {
  getUnitForEditing,
  recordInitialUnitRevisions,
  restoreUnitRevision,
  saveUnitEdit,
  unitEditSchema,
  type UnitEditInput,
} from "./unit-editing.server";

let hr: Actor;
let otherHr: Actor;
let unitEditor: Actor;

/** A unit of our own (English source text, seeded revisions), so tests never share state. */
async function newUnit(slug: string) {
  const unit = await prisma.unit.create({
    data: {
      slug,
      kind: "unit",
      sourceLang: "en",
      needsReview: true,
      texts: {
        create: {
          lang: "en",
          name: `Unit ${slug}`,
          summary: "Original summary.",
          description: "Original description.",
          duties: '["One duty"]',
        },
      },
    },
  });
  await recordInitialUnitRevisions(prisma);
  return unit;
}

/** The form as the edit page would submit it, with changes. */
async function input(
  slug: string,
  lang: "fi" | "sv" | "en",
  changes: Partial<Record<string, string>> = {},
): Promise<UnitEditInput> {
  const unit = await getUnitForEditing(slug, lang);
  const values: Record<string, string> = {
    ...unit!.values,
    textVersion: String(unit!.versions.text),
    sharedVersion: String(unit!.versions.shared),
    changeNote: "A test change",
    ...changes,
  };
  if (values.needsReview !== "on") delete values.needsReview;
  return unitEditSchema.parse(values);
}

const save = (editor: Actor, unitId: number, lang: "fi" | "sv" | "en", data: UnitEditInput) =>
  saveUnitEdit({ editor, ipAddress: TEST_IP, unitId, lang, input: data });

beforeAll(async () => {
  hr = await editorFor("hr@migri.example");
  otherHr = await editorFor("admin@migri.example");
  unitEditor = await editorFor("editor@migri.example");
});

describe("saving a unit text", () => {
  it("raises the language's version, records a revision with the note, and audits who, where and what", async () => {
    const unit = await newUnit("save-test-unit");
    const outcome = await save(
      hr,
      unit.id,
      "en",
      await input(unit.slug, "en", {
        description: "A **new** description.",
        changeNote: "Rewrote the description",
        isMajor: "on",
      }),
    );
    expect(outcome).toMatchObject({
      status: "saved",
      versions: { text: 2, shared: 1 },
      saved: [{ scope: "en", version: 2 }],
    });

    const text = await prisma.unitText.findUniqueOrThrow({ where: { unitId_lang: { unitId: unit.id, lang: "en" } } });
    expect(text).toMatchObject({ version: 2, description: "A **new** description.", sourceVersion: null });
    const revision = await prisma.revision.findUniqueOrThrow({
      where: { entityType_entityId_scope_version: { entityType: "unit", entityId: unit.id, scope: "en", version: 2 } },
    });
    expect(revision).toMatchObject({ changeNote: "Rewrote the description", isMajor: true, authorId: hr.id });
    expect(JSON.parse(revision.data).fields.description).toBe("A **new** description.");

    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "content.update", targetType: "unit", targetId: String(unit.id) },
    });
    expect(audit).toMatchObject({ actorId: hr.id, actorEmail: "hr@migri.example", ipAddress: TEST_IP });
    expect(JSON.parse(audit.details)).toMatchObject({
      unit: unit.slug,
      lang: "en",
      saved: [{ scope: "en", fromVersion: 1, toVersion: 2 }],
      changeNote: "Rewrote the description",
      isMajor: true,
    });
    // The shared facts were not touched: no new version, no revision.
    expect((await prisma.unit.findUniqueOrThrow({ where: { id: unit.id } })).version).toBe(1);
  });

  it("saves nothing when nothing changed", async () => {
    const unit = await newUnit("unchanged-test-unit");
    expect(await save(hr, unit.id, "en", await input(unit.slug, "en"))).toEqual({ status: "unchanged" });
    expect(await prisma.revision.count({ where: { entityType: "unit", entityId: unit.id } })).toBe(2);
  });

  it("refuses an editor of another unit", async () => {
    const unit = await newUnit("not-yours-unit");
    await expect(
      save(unitEditor, unit.id, "en", await input(unit.slug, "en", { summary: "Mine now" })),
    ).rejects.toBeInstanceOf(NotAllowedError);
    expect((await prisma.unitText.findFirstOrThrow({ where: { unitId: unit.id } })).summary).toBe("Original summary.");
  });
});

describe("no lost updates", () => {
  it("a second save of the same language based on the old version is a conflict: who, when, what, and nothing written", async () => {
    const unit = await newUnit("conflict-test-unit");
    const base = await input(unit.slug, "en");
    await save(hr, unit.id, "en", { ...base, summary: "Summary by HR.", changeNote: "HR wording" });
    const loser = await save(otherHr, unit.id, "en", { ...base, summary: "Summary by admin." });

    expect(loser.status).toBe("conflict");
    if (loser.status !== "conflict") return;
    expect(loser.versions).toEqual({ text: 2, shared: 1 });
    const [conflict] = loser.conflicts;
    expect(conflict).toMatchObject({ scope: "en", baseVersion: 1, currentVersion: 2 });
    expect(conflict.changes).toEqual([
      expect.objectContaining({ version: 2, authorName: "Demo HR Editor", changeNote: "HR wording" }),
    ]);
    const summaryDiff = conflict.diff.find((d) => d.field === "summary");
    expect(
      summaryDiff?.type === "text" && summaryDiff.parts.filter((p) => p.kind !== "same").map((p) => p.value),
    ).toEqual(["Original summary", "Summary by HR"]);
    expect((await prisma.unitText.findFirstOrThrow({ where: { unitId: unit.id } })).summary).toBe("Summary by HR.");

    // Saving again on the new base version is the loser's conscious choice, and it wins.
    const again = await save(otherHr, unit.id, "en", { ...base, summary: "Summary by admin.", textVersion: 2 });
    expect(again).toMatchObject({ status: "saved", versions: { text: 3 } });
  });

  it("a Finnish and an English edit of the same unit never conflict", async () => {
    const unit = await newUnit("two-languages-unit");
    const en = await input(unit.slug, "en", { summary: "English summary, edited." });
    const fi = await input(unit.slug, "fi", { name: "Testiyksikkö", summary: "Suomenkielinen tiivistelmä." });
    expect(fi.textVersion).toBe(0); // creating the Finnish translation
    expect((await save(hr, unit.id, "en", en)).status).toBe("saved");
    expect((await save(otherHr, unit.id, "fi", fi)).status).toBe("saved");
    const texts = await prisma.unitText.findMany({ where: { unitId: unit.id }, orderBy: { lang: "asc" } });
    expect(texts.map((t) => [t.lang, t.version, t.sourceVersion])).toEqual([
      ["en", 2, null],
      ["fi", 1, 2], // made from version 2 of the English text
    ]);
  });

  it("shared facts conflict only when both changed them; otherwise an edit leaves them alone", async () => {
    const unit = await newUnit("shared-facts-unit");
    const base = await input(unit.slug, "en");
    await save(hr, unit.id, "en", { ...base, location: "Pasila, Helsinki", changeNote: "Moved" });

    // Text-only edit on the old shared version: saved, and the new location stays.
    const textOnly = await save(otherHr, unit.id, "en", { ...base, summary: "New summary." });
    expect(textOnly).toMatchObject({ status: "saved", saved: [{ scope: "en", version: 2 }] });
    expect(await prisma.unit.findUniqueOrThrow({ where: { id: unit.id } })).toMatchObject({
      location: "Pasila, Helsinki",
      version: 2,
    });

    // Changing the shared facts on the old version: a conflict in the shared scope only.
    const sharedEdit = await save(otherHr, unit.id, "en", {
      ...base,
      textVersion: 2,
      summary: "New summary.",
      head: "Someone",
    });
    expect(sharedEdit.status).toBe("conflict");
    if (sharedEdit.status === "conflict") {
      expect(sharedEdit.conflicts.map((c) => c.scope)).toEqual(["shared"]);
      expect(sharedEdit.versions).toEqual({ text: 2, shared: 2 });
    }
  });

  it("two simultaneous saves of the same version: exactly one wins", async () => {
    const unit = await newUnit("race-unit");
    const base = await input(unit.slug, "en");
    const results = await Promise.all([
      save(hr, unit.id, "en", { ...base, description: "Racer one." }),
      save(otherHr, unit.id, "en", { ...base, description: "Racer two." }),
      save(hr, unit.id, "en", { ...base, description: "Racer three." }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["conflict", "conflict", "saved"]);
    const text = await prisma.unitText.findFirstOrThrow({ where: { unitId: unit.id } });
    expect(text.version).toBe(2);
    expect(await prisma.revision.count({ where: { entityType: "unit", entityId: unit.id, scope: "en" } })).toBe(2);
    const winner = results.findIndex((r) => r.status === "saved");
    expect(text.description).toBe(["Racer one.", "Racer two.", "Racer three."][winner]);
  });
});

describe("restore", () => {
  it("creates a new revision with the old content; history is never rewritten; audited", async () => {
    const unit = await newUnit("restore-unit");
    await save(hr, unit.id, "en", await input(unit.slug, "en", { description: "Changed once." }));
    await save(hr, unit.id, "en", await input(unit.slug, "en", { description: "Changed twice." }));
    const before = await prisma.revision.findMany({
      where: { entityType: "unit", entityId: unit.id },
      orderBy: { id: "asc" },
    });
    const first = before.find((r) => r.scope === "en" && r.version === 1)!;

    const stale = await restoreUnitRevision({
      editor: hr,
      ipAddress: TEST_IP,
      unitId: unit.id,
      revisionId: first.id,
      baseVersion: 2,
      changeNote: "Back",
    });
    expect(stale).toEqual({ status: "conflict", currentVersion: 3 });

    const outcome = await restoreUnitRevision({
      editor: hr,
      ipAddress: TEST_IP,
      unitId: unit.id,
      revisionId: first.id,
      baseVersion: 3,
      changeNote: "Back to the original",
    });
    expect(outcome).toEqual({ status: "restored", scope: "en", version: 4 });
    expect((await prisma.unitText.findFirstOrThrow({ where: { unitId: unit.id } })).description).toBe(
      "Original description.",
    );

    const after = await prisma.revision.findMany({
      where: { entityType: "unit", entityId: unit.id },
      orderBy: { id: "asc" },
    });
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.at(-1)).toMatchObject({
      scope: "en",
      version: 4,
      restoredFromVersion: 1,
      changeNote: "Back to the original",
      authorId: hr.id,
    });
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "content.restore", targetId: String(unit.id) },
    });
    expect(JSON.parse(audit.details)).toMatchObject({
      scope: "en",
      restoredFromVersion: 1,
      fromVersion: 3,
      toVersion: 4,
    });
    expect(audit.ipAddress).toBe(TEST_IP);
  });

  it("restores the shared facts too, and a restored translation keeps the source version it was made from", async () => {
    const unit = await newUnit("restore-translation-unit");
    await save(hr, unit.id, "fi", await input(unit.slug, "fi", { name: "Yksikkö", summary: "Ensimmäinen käännös." }));
    await save(hr, unit.id, "en", await input(unit.slug, "en", { summary: "Source moved on." }));
    await save(hr, unit.id, "fi", await input(unit.slug, "fi", { summary: "Toinen käännös." }));
    expect((await getUnit("fi", unit.slug))?.content?.isOutdated).toBe(false);

    const firstFi = await prisma.revision.findFirstOrThrow({
      where: { entityType: "unit", entityId: unit.id, scope: "fi", version: 1 },
    });
    await restoreUnitRevision({
      editor: hr,
      ipAddress: null,
      unitId: unit.id,
      revisionId: firstFi.id,
      baseVersion: 2,
      changeNote: "Old wording",
    });
    const page = await getUnit("fi", unit.slug);
    expect(page?.content).toMatchObject({ value: { summary: "Ensimmäinen käännös." }, isOutdated: true });

    await save(hr, unit.id, "en", await input(unit.slug, "en", { location: "Helsinki" }));
    const sharedV1 = await prisma.revision.findFirstOrThrow({
      where: { entityType: "unit", entityId: unit.id, scope: "shared", version: 1 },
    });
    expect(
      await restoreUnitRevision({
        editor: hr,
        ipAddress: null,
        unitId: unit.id,
        revisionId: sharedV1.id,
        baseVersion: 2,
        changeNote: "Undo",
      }),
    ).toMatchObject({
      status: "restored",
      scope: "shared",
      version: 3,
    });
    expect((await prisma.unit.findUniqueOrThrow({ where: { id: unit.id } })).location).toBeNull();
  });
});

describe("translations that fall behind", () => {
  it("saving the source text marks older translations as outdated, listed for editors until updated", async () => {
    const unit = await newUnit("outdated-unit");
    await save(
      hr,
      unit.id,
      "sv",
      await input(unit.slug, "sv", { name: "Testenhet", summary: "Svensk sammanfattning." }),
    );
    expect((await getUnit("sv", unit.slug))?.content?.isOutdated).toBe(false);

    await save(hr, unit.id, "en", await input(unit.slug, "en", { summary: "The source changed." }));
    expect((await getUnit("sv", unit.slug))?.content).toMatchObject({ lang: "sv", isOutdated: true });
    const listed = (await listOutdatedTranslations()).filter((o) => o.slug === unit.slug);
    expect(listed).toEqual([
      expect.objectContaining({
        kind: "unit",
        lang: "sv",
        sourceLang: "en",
        translatedFromVersion: 1,
        sourceVersion: 2,
        editPath: `/sv/units/${unit.slug}/edit`,
      }),
    ]);
    // A unit editor sees only the units they may edit.
    expect((await listOutdatedTranslations(unitEditor)).some((o) => o.slug === unit.slug)).toBe(false);

    await save(hr, unit.id, "sv", await input(unit.slug, "sv", { summary: "Uppdaterad sammanfattning." }));
    expect((await getUnit("sv", unit.slug))?.content?.isOutdated).toBe(false);
    expect((await listOutdatedTranslations()).some((o) => o.slug === unit.slug)).toBe(false);
  });

  it("a text changed outside the editor gets a baseline revision before the next save", async () => {
    const unit = await newUnit("baseline-unit");
    await prisma.unitText.updateMany({
      where: { unitId: unit.id },
      data: { summary: "Changed by a script.", version: 5 },
    });
    const outcome = await save(hr, unit.id, "en", await input(unit.slug, "en", { summary: "Edited." }));
    expect(outcome).toMatchObject({ status: "saved", versions: { text: 6 } });
    const versions = await prisma.revision.findMany({
      where: { entityType: "unit", entityId: unit.id, scope: "en" },
      orderBy: { version: "asc" },
    });
    expect(versions.map((r) => [r.version, r.authorId])).toEqual([
      [1, null],
      [5, null],
      [6, hr.id],
    ]);
  });
});

describe("seed", () => {
  it("every seeded unit text starts its history at the seeded content, once", async () => {
    const digital = await prisma.unit.findUniqueOrThrow({ where: { slug: "digital-services-unit" } });
    const revisions = await prisma.revision.findMany({
      where: { entityType: "unit", entityId: digital.id },
      orderBy: { scope: "asc" },
    });
    expect(revisions.map((r) => [r.scope, r.version, r.authorId, r.changeNote])).toEqual([
      ["en", 1, null, "Seeded from the agency's public facts"],
      ["shared", 1, null, "Seeded from the agency's public facts"],
    ]);
    expect(await recordInitialUnitRevisions(prisma)).toBe(0);
  });
});
