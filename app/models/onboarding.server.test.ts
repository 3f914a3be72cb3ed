// Onboarding plans against this worker's real, migrated and seeded database. Each test makes its
// own people (and uses unit or personal steps) so that it does not depend on other test files.
import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { getAcknowledgementState } from "./acknowledgement.server";
import { addDays } from "./onboarding-dates";
import {
  acknowledgeDocument,
  archiveStep,
  changeStatusFromForm,
  createStep,
  getPlan,
  getStepForEditing,
  NotAllowedError,
  restoreStep,
  StepVersionConflictError,
  stepFormSchema,
  updateStep,
  updateStepStatus,
  type StepForm,
} from "./onboarding.server";
import type { Role } from "./roles";

async function makeUser(
  opts: { role?: Role; unit?: string; supervisorId?: number; startDate?: string; editable?: string[] } = {},
) {
  const unitId = async (slug: string) => (await prisma.unit.findUniqueOrThrow({ where: { slug } })).id;
  const user = await prisma.user.create({
    data: {
      email: `t-${crypto.randomUUID()}@test.example`,
      name: `Test ${crypto.randomUUID().slice(0, 6)}`,
      passwordHash: "not-a-real-hash",
      role: opts.role ?? "employee",
      homeUnitId: opts.unit ? await unitId(opts.unit) : null,
      supervisorId: opts.supervisorId ?? null,
      startDate: opts.startDate ?? null,
      editableUnits: {
        create: await Promise.all((opts.editable ?? []).map(async (slug) => ({ unitId: await unitId(slug) }))),
      },
    },
  });
  return { ...user, role: user.role as Role, editableUnitIds: await Promise.all((opts.editable ?? []).map(unitId)) };
}

function stepForm(fields: Record<string, string>): StepForm {
  const parsed = stepFormSchema.safeParse({ dueRule: "first_week", version: "0", ...fields });
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
  return parsed.data;
}

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};

const statusOf = async (userId: number, stepId: number) =>
  (await getPlan(userId, "en"))!.items.find((i) => i.stepId === stepId);

let hr: Awaited<ReturnType<typeof makeUser>>;
beforeAll(async () => {
  hr = await makeUser({ role: "hr_editor", unit: "human-resources-unit" });
});

describe("a plan", () => {
  it("is the agency steps, the home unit's steps and personal steps, with due dates from the start date", async () => {
    const supervisor = await makeUser({ unit: "digital-services-unit" });
    const person = await makeUser({
      unit: "digital-services-unit",
      supervisorId: supervisor.id,
      startDate: "2026-01-31",
    });
    const personal = await createStep(
      supervisor,
      { scope: "personal", forUserId: person.id },
      stepForm({ title_en: "Meet the team", dueRule: "first_month" }),
      "en",
    );
    const plan = (await getPlan(person.id, "en", "2026-02-10"))!;
    const agency = await prisma.onboardingStep.count({ where: { scope: "agency", archivedAt: null } });
    const unit = await prisma.onboardingStep.count({
      where: { scope: "unit", archivedAt: null, unit: { slug: "digital-services-unit" } },
    });
    expect(plan.items).toHaveLength(agency + unit + 1);
    const mine = plan.items.find((i) => i.stepId === personal.id)!;
    expect(mine).toMatchObject({ scope: "personal", dueDate: "2026-02-28", status: "not_started", overdue: false });
    const firstWeek = plan.items.filter((i) => i.dueRule === "first_week");
    expect(firstWeek.every((i) => i.dueDate === "2026-02-06" && i.overdue)).toBe(true);
    // Plan order follows the due periods.
    const rules = plan.items.map((i) => i.dueRule);
    expect(rules).toEqual(
      [...rules].sort(
        (a, b) =>
          ["first_day", "first_week", "first_month", "trial_period"].indexOf(a) -
          ["first_day", "first_week", "first_month", "trial_period"].indexOf(b),
      ),
    );
    // Another person does not get the personal step.
    const other = await makeUser({ unit: "digital-services-unit", startDate: "2026-01-31" });
    expect((await getPlan(other.id, "en"))!.items.some((i) => i.stepId === personal.id)).toBe(false);
  });

  it("shows step texts in the reader's language, falling back honestly", async () => {
    const person = await makeUser({ unit: "security-unit" });
    const step = await createStep(
      hr,
      { scope: "unit", unitId: (await prisma.unit.findUniqueOrThrow({ where: { slug: "security-unit" } })).id },
      stepForm({ title_fi: "Turvallisuusperehdytys" }),
      "fi",
    );
    const sv = (await getPlan(person.id, "sv"))!.items.find((i) => i.stepId === step.id)!;
    expect(sv.title).toMatchObject({ value: "Turvallisuusperehdytys", lang: "fi", isFallback: true });
    await archiveStep(hr, step.id);
  });
});

describe("statuses", () => {
  it("the person and their supervisor change them; HR, admins and others may not", async () => {
    const supervisor = await makeUser();
    const person = await makeUser({ supervisorId: supervisor.id, startDate: "2026-11-01" });
    const step = (await getPlan(person.id, "en"))!.items.find((i) => !i.acknowledges)!;
    expect(
      await updateStepStatus(person, person.id, { stepId: step.stepId, status: "in_progress", blockedReason: "" }),
    ).toEqual({ ok: true, previous: "not_started" });
    expect(
      await updateStepStatus(supervisor, person.id, { stepId: step.stepId, status: "completed", blockedReason: "" }),
    ).toEqual({ ok: true, previous: "in_progress" });
    const done = await prisma.onboardingProgress.findUniqueOrThrow({
      where: { userId_stepId: { userId: person.id, stepId: step.stepId } },
    });
    expect(done).toMatchObject({ status: "completed", updatedById: supervisor.id });
    expect(done.completedAt).toBeInstanceOf(Date);
    const admin = await makeUser({ role: "admin" });
    const stranger = await makeUser();
    for (const who of [hr, admin, stranger]) {
      await expect(
        updateStepStatus(who, person.id, { stepId: step.stepId, status: "not_started", blockedReason: "" }),
      ).rejects.toThrow(NotAllowedError);
    }
    // Saving "completed" again keeps the first completion time.
    await updateStepStatus(person, person.id, { stepId: step.stepId, status: "completed", blockedReason: "" });
    const again = await prisma.onboardingProgress.findUniqueOrThrow({
      where: { userId_stepId: { userId: person.id, stepId: step.stepId } },
    });
    expect(again.completedAt).toEqual(done.completedAt);
  });

  it('"cannot start yet" needs a reason, which is kept only while blocked', async () => {
    const person = await makeUser({ startDate: "2026-11-01" });
    const step = (await getPlan(person.id, "en"))!.items.find((i) => !i.acknowledges)!;
    const missing = await changeStatusFromForm(
      person,
      person.id,
      form({ stepId: String(step.stepId), status: "blocked", blockedReason: "  " }),
    );
    expect(missing).toMatchObject({
      ok: false,
      stepId: step.stepId,
      errors: { blockedReason: [{ key: "onboarding.error.reasonRequired" }] },
    });
    const ok = await changeStatusFromForm(
      person,
      person.id,
      form({ stepId: String(step.stepId), status: "blocked", blockedReason: "No laptop yet" }),
    );
    expect(ok).toMatchObject({ ok: true });
    expect(await statusOf(person.id, step.stepId)).toMatchObject({ status: "blocked", blockedReason: "No laptop yet" });
    await changeStatusFromForm(
      person,
      person.id,
      form({ stepId: String(step.stepId), status: "in_progress", blockedReason: "No laptop yet" }),
    );
    expect(await statusOf(person.id, step.stepId)).toMatchObject({ status: "in_progress", blockedReason: null });
    const bogus = await changeStatusFromForm(person, person.id, form({ stepId: String(step.stepId), status: "done" }));
    expect(bogus).toMatchObject({ ok: false, errors: { status: [{ key: "onboarding.error.status" }] } });
  });

  it("a step not in the person's plan cannot be set", async () => {
    const person = await makeUser({ unit: "digital-services-unit" });
    const boss = await makeUser();
    const other = await makeUser({ supervisorId: boss.id });
    const personal = await createStep(
      boss,
      { scope: "personal", forUserId: other.id },
      stepForm({ title_en: "Only for the other" }),
      "en",
    );
    expect(
      await updateStepStatus(person, person.id, { stepId: personal.id, status: "completed", blockedReason: "" }),
    ).toEqual({ ok: false, error: "notInPlan" });
    expect(await prisma.onboardingProgress.count({ where: { stepId: personal.id } })).toBe(0);
  });
});

describe("read acknowledgements", () => {
  async function majorOrMinor(document: "values" | "goals" | "strategy", isMajor: boolean, createdAt: Date) {
    // entityId 999: a revision of its own, so the editing history of the real document is untouched.
    const last = await prisma.revision.findFirst({
      where: { entityType: document, entityId: 999, scope: "en" },
      orderBy: { version: "desc" },
    });
    await prisma.revision.create({
      data: {
        entityType: document,
        entityId: 999,
        scope: "en",
        version: (last?.version ?? 0) + 1,
        data: "{}",
        changeNote: "test",
        isMajor,
        createdAt,
      },
    });
  }

  it("acknowledging completes the matching step and records the version read", async () => {
    const person = await makeUser({ startDate: "2026-11-01" });
    const step = (await getPlan(person.id, "en"))!.items.find((i) => i.acknowledges === "strategy")!;
    expect(step.status).not.toBe("completed");
    // Completing it by hand needs the acknowledgement first: the record is the proof of reading.
    expect(
      await updateStepStatus(person, person.id, { stepId: step.stepId, status: "completed", blockedReason: "" }),
    ).toEqual({ ok: false, error: "acknowledgeFirst" });
    const result = await acknowledgeDocument(person.id, "strategy", "fi");
    expect(result).toMatchObject({ created: true, completedSteps: 1 });
    expect(await statusOf(person.id, step.stepId)).toMatchObject({ status: "completed" });
    const state = await getAcknowledgementState(person.id, "strategy");
    expect(state).toMatchObject({ lang: "fi", current: true });
    expect(state!.contentVersion).toBeGreaterThanOrEqual(1);
    // Confirming again while current records nothing new.
    expect(await acknowledgeDocument(person.id, "strategy", "fi")).toMatchObject({ created: false, completedSteps: 0 });
    expect(await prisma.acknowledgement.count({ where: { userId: person.id, document: "strategy" } })).toBe(1);
  });

  it("a minor change does not ask again; a major change does, and a new acknowledgement answers it", async () => {
    const person = await makeUser();
    const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
    await prisma.acknowledgement.create({
      data: { userId: person.id, document: "goals", lang: "en", contentVersion: 1, acknowledgedAt: minutesAgo(10) },
    });
    expect(await getAcknowledgementState(person.id, "goals")).toMatchObject({ current: true });

    await majorOrMinor("goals", false, minutesAgo(8));
    expect(await getAcknowledgementState(person.id, "goals")).toMatchObject({ current: true });

    await majorOrMinor("goals", true, minutesAgo(5));
    const asked = await getAcknowledgementState(person.id, "goals");
    expect(asked).toMatchObject({ current: false });
    // Other documents are not affected.
    await prisma.acknowledgement.create({
      data: { userId: person.id, document: "values", lang: "en", contentVersion: 1, acknowledgedAt: minutesAgo(10) },
    });
    expect(await getAcknowledgementState(person.id, "values")).toMatchObject({ current: true });

    expect(await acknowledgeDocument(person.id, "goals", "sv")).toMatchObject({ created: true });
    expect(await getAcknowledgementState(person.id, "goals")).toMatchObject({ current: true, lang: "sv" });
    // Both records are kept: the history of what was read when.
    expect(await prisma.acknowledgement.count({ where: { userId: person.id, document: "goals" } })).toBe(2);
  });

  it("a new step that asks for an acknowledgement is completed at once for people who already acknowledged", async () => {
    const unit = await prisma.unit.findUniqueOrThrow({ where: { slug: "management-support" } });
    const reader = await makeUser({ unit: "management-support" });
    const notYet = await makeUser({ unit: "management-support" });
    await acknowledgeDocument(reader.id, "values", "en");
    const step = await createStep(
      hr,
      { scope: "unit", unitId: unit.id },
      stepForm({ title_en: "Values in our unit", acknowledges: "values" }),
      "en",
    );
    expect(await statusOf(reader.id, step.id)).toMatchObject({ status: "completed" });
    expect(await statusOf(notYet.id, step.id)).toMatchObject({ status: "not_started" });
    expect((await prisma.onboardingStep.findUniqueOrThrow({ where: { id: step.id } })).contentPath).toBe("/values");
    await archiveStep(hr, step.id);
  });
});

describe("template changes never erase progress", () => {
  it("an edit reaches the plans that have not completed the step and leaves every progress row as it was", async () => {
    const unit = await prisma.unit.findUniqueOrThrow({ where: { slug: "security-unit" } });
    const editor = await makeUser({ role: "unit_editor", editable: ["security-unit"] });
    const [done, doing, waiting] = await Promise.all(
      [1, 2, 3].map(() => makeUser({ unit: "security-unit", startDate: "2026-11-02" })),
    );
    const step = await createStep(
      editor,
      { scope: "unit", unitId: unit.id },
      stepForm({ title_en: "Security briefing", dueRule: "first_day" }),
      "en",
    );
    await updateStepStatus(done, done.id, { stepId: step.id, status: "completed", blockedReason: "" });
    await updateStepStatus(doing, doing.id, { stepId: step.id, status: "in_progress", blockedReason: "" });
    await updateStepStatus(waiting, waiting.id, {
      stepId: step.id,
      status: "blocked",
      blockedReason: "Room booked for next week",
    });
    const before = await prisma.onboardingProgress.findMany({ where: { stepId: step.id }, orderBy: { userId: "asc" } });

    const editing = (await getStepForEditing(step.id, "en"))!;
    await updateStep(
      editor,
      step.id,
      stepForm({
        ...editing.values,
        title_en: "Security briefing and access badge",
        title_fi: "Turvallisuusperehdytys ja kulkukortti",
        dueRule: "first_week",
      }),
      "en",
    );

    const after = await prisma.onboardingProgress.findMany({ where: { stepId: step.id }, orderBy: { userId: "asc" } });
    expect(after.map(({ updatedAt: _, ...row }) => row)).toEqual(before.map(({ updatedAt: _, ...row }) => row));
    const doingItem = await statusOf(doing.id, step.id);
    expect(doingItem).toMatchObject({
      status: "in_progress",
      dueRule: "first_week",
      dueDate: addDays("2026-11-02", 6),
    });
    expect(doingItem!.title!.value).toBe("Security briefing and access badge");
    expect(await statusOf(waiting.id, step.id)).toMatchObject({
      status: "blocked",
      blockedReason: "Room booked for next week",
    });
    expect(await statusOf(done.id, step.id)).toMatchObject({ status: "completed" });
    // The English source text has version 2; the new Finnish text was made from it.
    const texts = await prisma.onboardingStepText.findMany({ where: { stepId: step.id }, orderBy: { lang: "asc" } });
    expect(texts.map((t) => [t.lang, t.version, t.sourceVersion])).toEqual([
      ["en", 2, null],
      ["fi", 1, 2],
    ]);
    expect(
      await prisma.auditEvent.count({ where: { action: "onboarding.step_update", targetId: String(step.id) } }),
    ).toBe(1);

    // Two editors on one version: the second save is refused, not silently applied.
    await expect(
      updateStep(editor, step.id, stepForm({ ...editing.values, title_en: "Stale edit" }), "en"),
    ).rejects.toThrow(StepVersionConflictError);
  });

  it("removing a step archives it: kept in plans that completed it, hidden (not deleted) elsewhere, and restorable", async () => {
    const unit = await prisma.unit.findUniqueOrThrow({ where: { slug: "security-unit" } });
    const [done, doing] = await Promise.all(
      [1, 2].map(() => makeUser({ unit: "security-unit", startDate: "2026-11-02" })),
    );
    const step = await createStep(
      hr,
      { scope: "unit", unitId: unit.id },
      stepForm({ title_en: "Read the security guidelines" }),
      "en",
    );
    await updateStepStatus(done, done.id, { stepId: step.id, status: "completed", blockedReason: "" });
    await updateStepStatus(doing, doing.id, { stepId: step.id, status: "in_progress", blockedReason: "" });

    await archiveStep(hr, step.id);
    expect(await statusOf(done.id, step.id)).toMatchObject({ status: "completed", archived: true });
    expect(await statusOf(doing.id, step.id)).toBeUndefined();
    expect(await prisma.onboardingProgress.count({ where: { stepId: step.id } })).toBe(2);
    // An archived step no longer changes.
    expect(
      await updateStepStatus(done, done.id, { stepId: step.id, status: "not_started", blockedReason: "" }),
    ).toEqual({ ok: false, error: "notInPlan" });

    await restoreStep(hr, step.id);
    expect(await statusOf(doing.id, step.id)).toMatchObject({ status: "in_progress", archived: false });
    expect(await statusOf(done.id, step.id)).toMatchObject({ status: "completed" });
    await archiveStep(hr, step.id);
  });

  it("a completed unit step stays in the plan after the person moves to another unit; a new step starts as not started", async () => {
    const unit = await prisma.unit.findUniqueOrThrow({ where: { slug: "finance-and-administration-unit" } });
    const mover = await makeUser({ unit: "finance-and-administration-unit" });
    const step = await createStep(
      hr,
      { scope: "unit", unitId: unit.id },
      stepForm({ title_en: "Finance systems" }),
      "en",
    );
    await updateStepStatus(mover, mover.id, { stepId: step.id, status: "completed", blockedReason: "" });
    await prisma.user.update({
      where: { id: mover.id },
      data: { homeUnitId: (await prisma.unit.findUniqueOrThrow({ where: { slug: "security-unit" } })).id },
    });
    expect(await statusOf(mover.id, step.id)).toMatchObject({ status: "completed" });
    const added = await createStep(
      hr,
      { scope: "unit", unitId: unit.id },
      stepForm({ title_en: "Later addition" }),
      "en",
    );
    const stayer = await makeUser({ unit: "finance-and-administration-unit" });
    expect(await statusOf(stayer.id, added.id)).toMatchObject({ status: "not_started" });
    expect(await statusOf(mover.id, added.id)).toBeUndefined();
    await archiveStep(hr, step.id);
    await archiveStep(hr, added.id);
  });

  it("only those allowed may manage templates", async () => {
    const unit = await prisma.unit.findUniqueOrThrow({ where: { slug: "security-unit" } });
    const otherEditor = await makeUser({ role: "unit_editor", editable: ["communications-unit"] });
    const employee = await makeUser();
    await expect(
      createStep(otherEditor, { scope: "unit", unitId: unit.id }, stepForm({ title_en: "x" }), "en"),
    ).rejects.toThrow(NotAllowedError);
    await expect(createStep(otherEditor, { scope: "agency" }, stepForm({ title_en: "x" }), "en")).rejects.toThrow(
      NotAllowedError,
    );
    await expect(
      createStep(employee, { scope: "personal", forUserId: hr.id }, stepForm({ title_en: "x" }), "en"),
    ).rejects.toThrow(NotAllowedError);
    const agencyStep = await prisma.onboardingStep.findFirstOrThrow({ where: { scope: "agency" } });
    await expect(archiveStep(otherEditor, agencyStep.id)).rejects.toThrow(NotAllowedError);
    await expect(archiveStep(employee, agencyStep.id)).rejects.toThrow(NotAllowedError);
    expect((await prisma.onboardingStep.findUniqueOrThrow({ where: { id: agencyStep.id } })).archivedAt).toBeNull();
  });

  it("the step form wants a title in some language and a portal path without a language", () => {
    expect(stepFormSchema.safeParse({ dueRule: "first_week" }).success).toBe(false);
    expect(stepFormSchema.safeParse({ dueRule: "first_week", title_sv: "Välkommen" }).success).toBe(true);
    for (const bad of ["https://evil.example", "/en/values", "//evil.example", "values", "/Values"]) {
      expect(stepFormSchema.safeParse({ dueRule: "first_week", title_en: "x", contentPath: bad }).success, bad).toBe(
        false,
      );
    }
    expect(
      stepFormSchema.safeParse({ dueRule: "first_week", title_en: "x", contentPath: "/units/security-unit" }).success,
    ).toBe(true);
    expect(stepFormSchema.safeParse({ dueRule: "someday", title_en: "x" }).success).toBe(false);
    expect(
      stepFormSchema.safeParse({ dueRule: "first_week", description_fi: "Kuvaus ilman otsikkoa", title_en: "x" })
        .success,
    ).toBe(false);
  });
});
