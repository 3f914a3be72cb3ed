// The editing core against this worker's real database: a lost race is a typed conflict that
// rolls the whole edit back; any other database error is not called a conflict.
import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { isVersionConflict, runEdit, versionConflict, writeAtVersion } from "./editing-core.server";

async function newText(key: string) {
  return prisma.organisationText.create({ data: { key, lang: "en", body: "first", version: 1 } });
}

describe("editing core", () => {
  it("a conditioned update that finds another version is a conflict, and nothing of the edit stays", async () => {
    await newText("core-update");
    const outcome = await runEdit(async (tx) => {
      await tx.organisationText.create({ data: { key: "core-update-side", lang: "en", body: "x", version: 1 } });
      await writeAtVersion("en", 7, {
        update: (from) =>
          tx.organisationText.updateMany({
            where: { key: "core-update", lang: "en", version: from },
            data: { body: "mine", version: 8 },
          }),
      });
      return { status: "saved" as const };
    });
    expect(outcome).toEqual({ status: "conflict", scopes: ["en"] });
    expect(isVersionConflict(outcome)).toBe(true);
    const rows = await prisma.organisationText.findMany({ where: { key: { startsWith: "core-update" } } });
    expect(rows.map((r) => [r.key, r.body, r.version])).toEqual([["core-update", "first", 1]]);
  });

  it("a conditioned update at the version read saves", async () => {
    await newText("core-save");
    const outcome = await runEdit(async (tx) => {
      await writeAtVersion("en", 1, {
        update: (from) =>
          tx.organisationText.updateMany({
            where: { key: "core-save", lang: "en", version: from },
            data: { body: "mine", version: 2 },
          }),
      });
      return { status: "saved" as const };
    });
    expect(outcome).toEqual({ status: "saved" });
    const row = await prisma.organisationText.findUniqueOrThrow({
      where: { key_lang: { key: "core-save", lang: "en" } },
    });
    expect([row.body, row.version]).toEqual(["mine", 2]);
  });

  it("creating a row someone else created first is a conflict", async () => {
    await newText("core-create");
    const outcome = await runEdit(async (tx) => {
      await writeAtVersion("en", 0, {
        update: () => Promise.resolve({ count: 0 }),
        create: () =>
          tx.organisationText.create({ data: { key: "core-create", lang: "en", body: "mine", version: 1 } }),
      });
      return { status: "saved" as const };
    });
    expect(outcome).toEqual({ status: "conflict", scopes: ["en"] });
  });

  it("any other database error propagates instead of being reported as someone else's edit", async () => {
    const failing = runEdit(async (tx) => {
      await writeAtVersion("en", 0, {
        update: () => Promise.resolve({ count: 0 }),
        // No such goal: a foreign key failure, not a duplicate.
        create: () => tx.goalText.create({ data: { goalId: 987_654, lang: "en", text: "x", version: 1 } }),
      });
      return { status: "saved" as const };
    });
    await expect(failing).rejects.toThrow();
    await expect(failing).rejects.not.toMatchObject({ name: "VersionConflictError" });
    const broken = runEdit(async () => {
      await writeAtVersion("en", 0, {
        update: () => Promise.resolve({ count: 0 }),
        create: () => Promise.reject(new Error("disk I/O error")),
      });
      return { status: "saved" as const };
    });
    await expect(broken).rejects.toThrow("disk I/O error");
  });

  it("a conflict seen up front is returned as is", async () => {
    expect(await runEdit(async () => versionConflict("shared", "fi"))).toEqual({
      status: "conflict",
      scopes: ["shared", "fi"],
    });
  });
});
