// Onboarding plans (issue 6). Steps are templates (agency-wide, a unit's, or personal); a person's
// plan is the steps that apply to them now plus any step they completed earlier, joined with their
// progress rows. Editing a template changes it in place for every plan that has not completed it;
// removing one archives it, so no recorded progress is ever erased
// (docs/decisions/0007-onboarding-plans.md).
import { z } from "zod";
import type { Prisma } from "~/generated/prisma/client";
import { languages, type Lang } from "~/i18n";
import { localize, type Localized } from "~/i18n/content";
import { prisma } from "~/utils/db.server";
import { message, parseForm, type FormErrors, type FormFields } from "~/utils/forms";
import { getAcknowledgementState, recordAcknowledgement } from "./acknowledgement.server";
import { recordAudit } from "./audit.server";
import { DUE_RULES, dueDate, helsinkiToday, isDueRule, isOverdue, type DueRule } from "./onboarding-dates";
import {
  canManageStep,
  canUpdateProgress,
  compareSteps,
  DOCUMENTS,
  isAcknowledgementCurrent,
  isDocument,
  isStepStatus,
  STEP_STATUSES,
  summarisePlan,
  type OrgDocument,
  type PlanSummary,
  type StepScope,
  type StepStatus,
} from "./onboarding-rules";
import type { Actor } from "./roles";
import { idField } from "~/utils/ids";

/** Thrown when the actor may not do this; routes answer 403. */
export class NotAllowedError extends Error {
  constructor() {
    super("not allowed");
  }
}

export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 2000;
export const REASON_MAX = 500;

// ---- reading plans ----------------------------------------------------------------------------

export interface PlanPerson {
  id: number;
  name: string;
  email: string;
  startDate: string | null;
  supervisorId: number | null;
  homeUnitId: number | null;
}

export const personSelect = {
  id: true,
  name: true,
  email: true,
  startDate: true,
  supervisorId: true,
  homeUnitId: true,
} as const;

const stepInclude = { texts: true } as const;
type StepRow = Prisma.OnboardingStepGetPayload<{ include: typeof stepInclude }>;
type ProgressRow = Pick<
  Prisma.OnboardingProgressGetPayload<object>,
  "userId" | "stepId" | "status" | "blockedReason" | "completedAt"
>;

export interface PlanItem {
  stepId: number;
  scope: StepScope;
  unitId: number | null;
  forUserId: number | null;
  dueRule: DueRule;
  /** Null when the person's start date is not recorded. */
  dueDate: string | null;
  position: number;
  contentPath: string | null;
  acknowledges: OrgDocument | null;
  archived: boolean;
  title: Localized<string> | null;
  description: Localized<string> | null;
  status: StepStatus;
  blockedReason: string | null;
  completedAt: string | null;
  overdue: boolean;
}

export interface Plan {
  person: PlanPerson;
  items: PlanItem[];
  summary: PlanSummary;
  today: string;
}

/** Does the template apply to the person today (before looking at what they completed)? */
function appliesNow(step: StepRow, person: PlanPerson): boolean {
  if (step.archivedAt) return false;
  if (step.scope === "agency") return true;
  if (step.scope === "unit") return step.unitId !== null && step.unitId === person.homeUnitId;
  return step.scope === "personal" && step.forUserId === person.id;
}

/** A plan from loaded rows: the steps that apply now, and every step the person completed. */
export function buildPlan(
  person: PlanPerson,
  steps: readonly StepRow[],
  progress: readonly ProgressRow[],
  lang: Lang,
  today: string,
): Plan {
  const byStep = new Map(progress.filter((p) => p.userId === person.id).map((p) => [p.stepId, p]));
  const items: PlanItem[] = steps
    .filter((step) => appliesNow(step, person) || byStep.get(step.id)?.status === "completed")
    .map((step) => {
      const row = byStep.get(step.id);
      const status: StepStatus = isStepStatus(row?.status) ? row.status : "not_started";
      const rule: DueRule = isDueRule(step.dueRule) ? step.dueRule : "first_month";
      const due = person.startDate ? dueDate(person.startDate, rule) : null;
      const withDescription = step.texts.filter((t) => t.description);
      return {
        stepId: step.id,
        scope: step.scope as StepScope,
        unitId: step.unitId,
        forUserId: step.forUserId,
        dueRule: rule,
        dueDate: due,
        position: step.position,
        contentPath: step.contentPath,
        acknowledges: isDocument(step.acknowledges) ? step.acknowledges : null,
        archived: step.archivedAt !== null,
        title: localize(step.texts, lang, step.sourceLang, (t) => t.title),
        description: localize(withDescription, lang, step.sourceLang, (t) => t.description ?? ""),
        status,
        blockedReason: status === "blocked" ? (row?.blockedReason ?? null) : null,
        completedAt: status === "completed" ? (row?.completedAt?.toISOString() ?? null) : null,
        overdue: isOverdue(due, today, status),
      };
    })
    .sort(compareSteps);
  return { person, items, summary: summarisePlan(items, today), today };
}

/** Steps that may appear in the plans of these people (active ones, and any they completed). */
async function candidateSteps(userIds: readonly number[]): Promise<StepRow[]> {
  return prisma.onboardingStep.findMany({
    where: {
      OR: [
        { archivedAt: null, scope: { in: ["agency", "unit"] } },
        { archivedAt: null, scope: "personal", forUserId: { in: [...userIds] } },
        { progress: { some: { userId: { in: [...userIds] }, status: "completed" } } },
      ],
    },
    include: stepInclude,
  });
}

export async function getPerson(userId: number): Promise<PlanPerson | null> {
  return prisma.user.findUnique({ where: { id: userId }, select: personSelect });
}

/** Plans of several people in three queries (the supervisor and HR views). */
export async function getPlans(people: readonly PlanPerson[], lang: Lang, today = helsinkiToday()): Promise<Plan[]> {
  const ids = people.map((p) => p.id);
  const [steps, progress] = await Promise.all([
    candidateSteps(ids),
    prisma.onboardingProgress.findMany({ where: { userId: { in: ids } } }),
  ]);
  return people.map((person) => buildPlan(person, steps, progress, lang, today));
}

export async function getPlan(userId: number, lang: Lang, today = helsinkiToday()): Promise<Plan | null> {
  const person = await getPerson(userId);
  return person ? (await getPlans([person], lang, today))[0] : null;
}

// ---- changing progress ------------------------------------------------------------------------

export const statusFormSchema = z
  .object({
    stepId: idField,
    status: z.enum(STEP_STATUSES, message("onboarding.error.status")),
    blockedReason: z.preprocess(
      (v) => (typeof v === "string" ? v.trim() : ""),
      z.string().max(REASON_MAX, message("error.tooLong")),
    ),
  })
  .refine((v) => v.status !== "blocked" || v.blockedReason !== "", {
    message: message("onboarding.error.reasonRequired"),
    path: ["blockedReason"],
  });

export type StatusChange = z.output<typeof statusFormSchema>;

export type StatusResult = { ok: true; previous: StepStatus } | { ok: false; error: "acknowledgeFirst" | "notInPlan" };

/**
 * Sets one step's status in a person's plan. Completing a step that asks to acknowledge a
 * document needs a current acknowledgement: the record is the proof of reading.
 */
export async function updateStepStatus(actor: Actor, personId: number, change: StatusChange): Promise<StatusResult> {
  const person = await getPerson(personId);
  if (!person || !canUpdateProgress(actor, person)) throw new NotAllowedError();
  const plan = await getPlan(personId, "en");
  const item = plan?.items.find((i) => i.stepId === change.stepId);
  // Archived steps stay visible as a record but no longer change.
  if (!item || item.archived) return { ok: false, error: "notInPlan" };
  if (change.status === "completed" && item.status !== "completed" && item.acknowledges) {
    const ack = await getAcknowledgementState(personId, item.acknowledges);
    if (!ack?.current) return { ok: false, error: "acknowledgeFirst" };
  }
  await saveProgress(personId, change.stepId, change.status, change.blockedReason || null, actor.id);
  return { ok: true, previous: item.status };
}

export type StatusFormResult =
  | { ok: true; stepId: number; status: StepStatus; previous: StepStatus }
  | { ok: false; stepId?: number; errors: FormErrors; values: Record<string, string> };

/** The status form of the plan pages: parse, check, save. Throws NotAllowedError for 403. */
export async function changeStatusFromForm(
  actor: Actor,
  personId: number,
  formData: FormFields,
): Promise<StatusFormResult> {
  const form = parseForm(statusFormSchema, formData);
  const stepId = Number(formData.get("stepId")) || undefined;
  if (!form.ok) return { ok: false, stepId, errors: form.errors, values: form.values };
  const result = await updateStepStatus(actor, personId, form.data);
  if (!result.ok) {
    const values = { status: form.data.status, blockedReason: form.data.blockedReason };
    return { ok: false, stepId, errors: { form: [{ key: `onboarding.error.${result.error}` }] }, values };
  }
  return { ok: true, stepId: form.data.stepId, status: form.data.status, previous: result.previous };
}

async function saveProgress(
  userId: number,
  stepId: number,
  status: StepStatus,
  blockedReason: string | null,
  updatedById: number | null,
) {
  const existing = await prisma.onboardingProgress.findUnique({ where: { userId_stepId: { userId, stepId } } });
  // Keep the first completion date when "completed" is saved again.
  const completedAt =
    status === "completed" ? (existing?.status === "completed" ? existing.completedAt : new Date()) : null;
  const fields = { status, blockedReason: status === "blocked" ? blockedReason : null, completedAt, updatedById };
  await prisma.onboardingProgress.upsert({
    where: { userId_stepId: { userId, stepId } },
    create: { userId, stepId, ...fields },
    update: fields,
  });
}

/**
 * "I have read and understood": records the acknowledgement and completes the matching steps of
 * the reader's plan.
 */
export async function acknowledgeDocument(userId: number, document: OrgDocument, lang: Lang) {
  const result = await recordAcknowledgement(userId, document, lang);
  const plan = await getPlan(userId, lang);
  const steps = plan?.items.filter((i) => i.acknowledges === document && !i.archived && i.status !== "completed") ?? [];
  for (const step of steps) await saveProgress(userId, step.stepId, "completed", null, userId);
  return { ...result, completedSteps: steps.length };
}

/**
 * A new or changed step that asks for an acknowledgement is completed at once for the people in
 * whose plan it is and who have already acknowledged that document (and it is still current).
 */
async function completeForCurrentAcknowledgements(stepId: number) {
  const step = await prisma.onboardingStep.findUnique({ where: { id: stepId }, include: stepInclude });
  if (!step || step.archivedAt || !isDocument(step.acknowledges)) return;
  const document = step.acknowledges;
  const [acks, major] = await Promise.all([
    prisma.acknowledgement.findMany({ where: { document }, orderBy: { acknowledgedAt: "asc" } }),
    prisma.revision.findFirst({ where: { entityType: document, isMajor: true }, orderBy: { createdAt: "desc" } }),
  ]);
  const latest = new Map(acks.map((a) => [a.userId, a]));
  const current = [...latest.values()].filter((a) =>
    isAcknowledgementCurrent(a.acknowledgedAt, major?.createdAt ?? null),
  );
  if (current.length === 0) return;
  const people = await prisma.user.findMany({
    where: { id: { in: current.map((a) => a.userId) } },
    select: personSelect,
  });
  const done = await prisma.onboardingProgress.findMany({
    where: { stepId, status: "completed" },
    select: { userId: true },
  });
  const completed = new Set(done.map((d) => d.userId));
  for (const person of people) {
    if (completed.has(person.id) || !appliesNow(step, person)) continue;
    await saveProgress(person.id, stepId, "completed", null, person.id);
  }
}

// ---- templates --------------------------------------------------------------------------------

/** A portal path without the language prefix ("/values", "/units/security-unit"). */
const contentPathSchema = z.preprocess(
  (v) => (typeof v === "string" ? v.trim() : ""),
  z
    .string()
    .max(300, message("error.tooLong"))
    .refine(
      (v) => v === "" || (/^\/[a-z0-9\-/]*$/.test(v) && !v.includes("//") && !/^\/(fi|sv|en)(\/|$)/.test(v)),
      message("onboarding.error.contentPath"),
    )
    .transform((v) => (v === "" ? null : v)),
);

const optionalTitle = z.preprocess(
  (v) => (typeof v === "string" ? v.trim() : ""),
  z.string().max(TITLE_MAX, message("error.tooLong")),
);
const optionalDescription = z.preprocess(
  (v) => (typeof v === "string" ? v.replace(/\r\n?/g, "\n").trim() : ""),
  z.string().max(DESCRIPTION_MAX, message("error.tooLong")),
);

/** The step form: texts in any of the three languages (at least one title), due rule, link. */
export const stepFormSchema = z
  .object({
    dueRule: z.enum(DUE_RULES, message("error.required")),
    contentPath: contentPathSchema,
    acknowledges: z.preprocess((v) => (v === "" || v == null ? null : v), z.enum(DOCUMENTS).nullable()),
    position: z.preprocess((v) => (v === "" || v == null ? 0 : v), z.coerce.number().int().min(0).max(999)),
    version: z.preprocess((v) => (v === "" || v == null ? 0 : v), z.coerce.number().int().min(0)),
    title_fi: optionalTitle,
    title_sv: optionalTitle,
    title_en: optionalTitle,
    description_fi: optionalDescription,
    description_sv: optionalDescription,
    description_en: optionalDescription,
  })
  .superRefine((v, ctx) => {
    if (!v.title_fi && !v.title_sv && !v.title_en) {
      ctx.addIssue({ code: "custom", message: message("onboarding.error.titleRequired"), path: ["title"] });
    }
    for (const lang of languages) {
      if (v[`description_${lang}`] && !v[`title_${lang}`]) {
        ctx.addIssue({
          code: "custom",
          message: message("onboarding.error.titleForDescription"),
          path: [`title_${lang}`],
        });
      }
    }
  });

export type StepForm = z.output<typeof stepFormSchema>;

export interface StepTarget {
  scope: StepScope;
  unitId?: number | null;
  forUserId?: number | null;
}

export class StepVersionConflictError extends Error {
  constructor() {
    super("step changed meanwhile");
  }
}

function textsOf(form: StepForm): Partial<Record<Lang, { title: string; description: string | null }>> {
  const texts: Partial<Record<Lang, { title: string; description: string | null }>> = {};
  for (const lang of languages) {
    const title = form[`title_${lang}`];
    if (title) texts[lang] = { title, description: form[`description_${lang}`] || null };
  }
  return texts;
}

/** The language a step is written in: the current one if it still has a text, else the page's. */
function chooseSourceLang(texts: Partial<Record<Lang, unknown>>, preferred: readonly string[]): Lang {
  for (const lang of preferred) if (lang in texts) return lang as Lang;
  return languages.find((l) => l in texts) ?? "en";
}

type Tx = Prisma.TransactionClient;

/** Writes the texts: changed ones get a new version; translations record the source version. */
async function saveTexts(tx: Tx, stepId: number, sourceLang: Lang, form: StepForm) {
  const texts = textsOf(form);
  const existing = await tx.onboardingStepText.findMany({ where: { stepId } });
  const byLang = new Map(existing.map((t) => [t.lang, t]));
  const order = [sourceLang, ...languages.filter((l) => l !== sourceLang)];
  let sourceVersion = byLang.get(sourceLang)?.version ?? 1;
  for (const lang of order) {
    const text = texts[lang];
    const old = byLang.get(lang);
    if (!text) {
      if (old) await tx.onboardingStepText.delete({ where: { id: old.id } });
      continue;
    }
    const isSource = lang === sourceLang;
    if (!old) {
      await tx.onboardingStepText.create({
        data: {
          stepId,
          lang,
          title: text.title,
          description: text.description,
          sourceVersion: isSource ? null : sourceVersion,
        },
      });
      if (isSource) sourceVersion = 1;
    } else if (
      old.title !== text.title ||
      (old.description ?? null) !== text.description ||
      (isSource && old.sourceVersion !== null)
    ) {
      const version = old.version + 1;
      await tx.onboardingStepText.update({
        where: { id: old.id },
        data: {
          title: text.title,
          description: text.description,
          version,
          sourceVersion: isSource ? null : sourceVersion,
        },
      });
      if (isSource) sourceVersion = version;
    }
  }
}

async function supervisorOf(userId: number | null | undefined): Promise<number | null> {
  if (userId == null) return null;
  return (
    (await prisma.user.findUnique({ where: { id: userId }, select: { supervisorId: true } }))?.supervisorId ?? null
  );
}

async function assertCanManage(
  actor: Actor,
  target: { scope: string; unitId: number | null; forUserId: number | null },
) {
  const forUserSupervisorId = await supervisorOf(target.forUserId);
  if (!canManageStep(actor, { ...target, forUserSupervisorId })) throw new NotAllowedError();
}

interface ActorRef extends Actor {
  email: string;
}

export async function createStep(
  actor: ActorRef,
  target: StepTarget,
  form: StepForm,
  pageLang: Lang,
  ipAddress?: string | null,
) {
  const scoped = {
    scope: target.scope,
    unitId: target.scope === "unit" ? (target.unitId ?? null) : null,
    forUserId: target.scope === "personal" ? (target.forUserId ?? null) : null,
  };
  if (
    (scoped.scope === "unit" && scoped.unitId === null) ||
    (scoped.scope === "personal" && scoped.forUserId === null)
  ) {
    throw new NotAllowedError();
  }
  await assertCanManage(actor, scoped);
  const sourceLang = chooseSourceLang(textsOf(form), [pageLang]);
  const step = await prisma.$transaction(async (tx) => {
    const created = await tx.onboardingStep.create({
      data: {
        ...scoped,
        createdById: actor.id,
        dueRule: form.dueRule,
        position: form.position,
        contentPath: form.contentPath ?? (form.acknowledges ? `/${form.acknowledges}` : null),
        acknowledges: form.acknowledges,
        sourceLang,
      },
    });
    await saveTexts(tx, created.id, sourceLang, form);
    await recordAudit(
      {
        action: "onboarding.step_create",
        actor,
        targetType: "onboarding_step",
        targetId: created.id,
        ipAddress,
        details: { ...scoped, texts: textsOf(form) },
      },
      tx,
    );
    return created;
  });
  await completeForCurrentAcknowledgements(step.id);
  return step;
}

/** A step with what its edit form needs: texts as form values, and whose step it is. */
export async function getStepForEditing(stepId: number, lang: Lang) {
  const step = await prisma.onboardingStep.findUnique({
    where: { id: stepId },
    include: {
      texts: true,
      unit: { select: { slug: true, sourceLang: true, texts: true } },
      forUser: { select: { id: true, name: true, supervisorId: true } },
    },
  });
  if (!step) return null;
  const values: Record<string, string> = {
    dueRule: step.dueRule,
    contentPath: step.contentPath ?? "",
    acknowledges: step.acknowledges ?? "",
    position: String(step.position),
    version: String(step.version),
  };
  for (const text of step.texts) {
    values[`title_${text.lang}`] = text.title;
    values[`description_${text.lang}`] = text.description ?? "";
  }
  return {
    id: step.id,
    scope: step.scope as StepScope,
    unitId: step.unitId,
    forUserId: step.forUserId,
    forUserSupervisorId: step.forUser?.supervisorId ?? null,
    forUserName: step.forUser?.name ?? null,
    unitSlug: step.unit?.slug ?? null,
    unitName: step.unit ? localize(step.unit.texts, lang, step.unit.sourceLang, (t) => t.name) : null,
    archived: step.archivedAt !== null,
    version: step.version,
    values,
  };
}

/**
 * Changes a template in place: every plan that has not completed it sees the change, and the
 * progress rows are not touched. `form.version` is the version the editor started from.
 */
export async function updateStep(
  actor: ActorRef,
  stepId: number,
  form: StepForm,
  pageLang: Lang,
  ipAddress?: string | null,
) {
  const step = await prisma.onboardingStep.findUnique({ where: { id: stepId }, include: stepInclude });
  if (!step) throw new NotAllowedError();
  await assertCanManage(actor, step);
  const texts = textsOf(form);
  const sourceLang = chooseSourceLang(texts, [step.sourceLang, pageLang]);
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.onboardingStep.updateMany({
      where: { id: stepId, version: form.version },
      data: {
        dueRule: form.dueRule,
        position: form.position,
        contentPath: form.contentPath ?? (form.acknowledges ? `/${form.acknowledges}` : null),
        acknowledges: form.acknowledges,
        sourceLang,
        version: { increment: 1 },
      },
    });
    if (count === 0) throw new StepVersionConflictError();
    await saveTexts(tx, stepId, sourceLang, form);
    await recordAudit(
      {
        action: "onboarding.step_update",
        actor,
        targetType: "onboarding_step",
        targetId: stepId,
        ipAddress,
        details: {
          before: {
            dueRule: step.dueRule,
            contentPath: step.contentPath,
            acknowledges: step.acknowledges,
            texts: step.texts.map((t) => ({ lang: t.lang, title: t.title })),
          },
          after: { dueRule: form.dueRule, contentPath: form.contentPath, acknowledges: form.acknowledges, texts },
        },
      },
      tx,
    );
  });
  await completeForCurrentAcknowledgements(stepId);
}

/** Removes a template from plans that have not completed it; completed ones keep it as a record. */
export async function archiveStep(actor: ActorRef, stepId: number, ipAddress?: string | null) {
  await setArchived(actor, stepId, true, ipAddress);
}

/** Brings an archived template back, with everyone's progress as it was. */
export async function restoreStep(actor: ActorRef, stepId: number, ipAddress?: string | null) {
  await setArchived(actor, stepId, false, ipAddress);
}

async function setArchived(actor: ActorRef, stepId: number, archived: boolean, ipAddress?: string | null) {
  const step = await prisma.onboardingStep.findUnique({ where: { id: stepId } });
  if (!step) throw new NotAllowedError();
  await assertCanManage(actor, step);
  if ((step.archivedAt !== null) === archived) return;
  await prisma.$transaction(async (tx) => {
    await tx.onboardingStep.update({
      where: { id: stepId },
      data: { archivedAt: archived ? new Date() : null, version: { increment: 1 } },
    });
    await recordAudit(
      {
        action: archived ? "onboarding.step_archive" : "onboarding.step_restore",
        actor,
        targetType: "onboarding_step",
        targetId: stepId,
        ipAddress,
      },
      tx,
    );
  });
  if (!archived) await completeForCurrentAcknowledgements(stepId);
}

export interface TemplateListItem {
  id: number;
  scope: StepScope;
  unitId: number | null;
  forUserId: number | null;
  dueRule: DueRule;
  position: number;
  contentPath: string | null;
  acknowledges: OrgDocument | null;
  archived: boolean;
  title: Localized<string> | null;
  /** People who have completed it (an archived step stays in their plans). */
  completedCount: number;
}

/** Templates of one scope (agency; a unit's; one person's personal steps), in plan order. */
export async function listTemplates(target: StepTarget, lang: Lang): Promise<TemplateListItem[]> {
  const steps = await prisma.onboardingStep.findMany({
    where: {
      scope: target.scope,
      ...(target.scope === "unit" ? { unitId: target.unitId ?? -1 } : {}),
      ...(target.scope === "personal" ? { forUserId: target.forUserId ?? -1 } : {}),
    },
    include: { texts: true, _count: { select: { progress: { where: { status: "completed" } } } } },
  });
  return steps
    .map((s) => ({
      id: s.id,
      scope: s.scope as StepScope,
      unitId: s.unitId,
      forUserId: s.forUserId,
      dueRule: (isDueRule(s.dueRule) ? s.dueRule : "first_month") as DueRule,
      position: s.position,
      contentPath: s.contentPath,
      acknowledges: isDocument(s.acknowledges) ? s.acknowledges : null,
      archived: s.archivedAt !== null,
      title: localize(s.texts, lang, s.sourceLang, (t) => t.title),
      completedCount: s._count.progress,
    }))
    .sort(
      (a, b) =>
        Number(a.archived) - Number(b.archived) ||
        compareSteps(
          {
            stepId: a.id,
            dueRule: a.dueRule,
            dueDate: null,
            status: "not_started",
            scope: a.scope,
            position: a.position,
          },
          {
            stepId: b.id,
            dueRule: b.dueRule,
            dueDate: null,
            status: "not_started",
            scope: b.scope,
            position: b.position,
          },
        ),
    );
}
