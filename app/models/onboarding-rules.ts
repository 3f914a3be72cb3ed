// Onboarding rules that need no database: statuses, who may see or change what, plan summaries
// and when an acknowledgement is still current. Shared by the server models and the pages.
import type { Actor } from "./roles";
import { canEditOrganisationTexts, canEditUnit } from "./roles";
import { isOverdue, type DueRule, DUE_RULES } from "./onboarding-dates";

export const STEP_STATUSES = ["not_started", "in_progress", "completed", "blocked"] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];
export function isStepStatus(value: unknown): value is StepStatus {
  return typeof value === "string" && (STEP_STATUSES as readonly string[]).includes(value);
}

export const STEP_SCOPES = ["agency", "unit", "personal"] as const;
export type StepScope = (typeof STEP_SCOPES)[number];

/** Documents a reader acknowledges ("I have read and understood"). */
export const DOCUMENTS = ["values", "goals", "strategy"] as const;
export type OrgDocument = (typeof DOCUMENTS)[number];
export function isDocument(value: unknown): value is OrgDocument {
  return typeof value === "string" && (DOCUMENTS as readonly string[]).includes(value);
}

/** The HR view's status filter: a plan status, or plans with overdue or blocked steps. */
export const STATUS_FILTERS = ["not_started", "in_progress", "completed", "overdue", "blocked"] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

/** A person's plan status, for filters and summaries. */
export const PLAN_STATUSES = ["not_started", "in_progress", "completed"] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

// ---- permissions ------------------------------------------------------------------------------

export interface PlanOwner {
  id: number;
  supervisorId: number | null;
}

type RoleActor = Pick<Actor, "id" | "role">;

/** Only the person, their supervisor, HR editors and admins see a person's plan. */
export function canViewPlan(actor: RoleActor | null, person: PlanOwner): boolean {
  if (!actor) return false;
  return (
    actor.id === person.id || person.supervisorId === actor.id || actor.role === "hr_editor" || actor.role === "admin"
  );
}

/** The person keeps their own plan up to date; their supervisor may too (e.g. "meet your supervisor"). */
export function canUpdateProgress(actor: RoleActor | null, person: PlanOwner): boolean {
  if (!actor) return false;
  return actor.id === person.id || person.supervisorId === actor.id;
}

/** Personal steps are added by the person's immediate supervisor, who is responsible for onboarding. */
export function canManagePersonalSteps(actor: RoleActor | null, person: PlanOwner): boolean {
  return !!actor && person.supervisorId === actor.id && actor.id !== person.id;
}

export interface StepOwnership {
  scope: string;
  unitId: number | null;
  /** For a personal step: the supervisor of the person it is for. */
  forUserSupervisorId?: number | null;
  forUserId?: number | null;
}

/** HR editors manage agency steps, unit editors their unit's steps, supervisors personal steps. */
export function canManageStep(actor: Actor | null, step: StepOwnership): boolean {
  if (!actor) return false;
  if (step.scope === "agency") return canEditOrganisationTexts(actor);
  if (step.scope === "unit") return step.unitId !== null && canEditUnit(actor, step.unitId);
  if (step.scope === "personal") {
    return (
      step.forUserId != null &&
      canManagePersonalSteps(actor, { id: step.forUserId, supervisorId: step.forUserSupervisorId ?? null })
    );
  }
  return false;
}

/** Who may open the templates page: HR editors, admins and unit editors. */
export function canManageTemplates(actor: Actor | null): boolean {
  return (
    !!actor && (canEditOrganisationTexts(actor) || (actor.role === "unit_editor" && actor.editableUnitIds.length > 0))
  );
}

// ---- acknowledgements ------------------------------------------------------------------------

/**
 * An acknowledgement is current when no major revision of the document was made after it. Minor
 * changes (typos) never ask again.
 */
export function isAcknowledgementCurrent(acknowledgedAt: Date, latestMajorRevisionAt: Date | null): boolean {
  return latestMajorRevisionAt === null || latestMajorRevisionAt.getTime() <= acknowledgedAt.getTime();
}

// ---- plans --------------------------------------------------------------------------------------

export interface PlanStepState {
  stepId: number;
  dueRule: DueRule;
  dueDate: string | null;
  status: StepStatus;
  scope: StepScope;
  position: number;
}

const SCOPE_ORDER: Record<StepScope, number> = { agency: 0, unit: 1, personal: 2 };

/** Plan order: by due rule, then agency before unit before personal steps, then position. */
export function compareSteps(a: PlanStepState, b: PlanStepState): number {
  return (
    DUE_RULES.indexOf(a.dueRule) - DUE_RULES.indexOf(b.dueRule) ||
    SCOPE_ORDER[a.scope] - SCOPE_ORDER[b.scope] ||
    a.position - b.position ||
    a.stepId - b.stepId
  );
}

export interface PlanSummary {
  total: number;
  completed: number;
  inProgress: number;
  blocked: number;
  overdue: number;
  /** Whole percent completed (0 for an empty plan). */
  percent: number;
  status: PlanStatus;
  /** The step to do next: the earliest due that is not completed (overdue ones first by date). */
  nextStepId: number | null;
}

/** The steps not yet completed, in the order to do them: earliest due date first. */
export function openStepsInOrder<T extends PlanStepState>(steps: readonly T[]): T[] {
  return steps
    .filter((s) => s.status !== "completed")
    .sort((a, b) => {
      // Unknown due dates (no start date recorded) go after known ones.
      const da = a.dueDate ?? "9999-12-31";
      const db = b.dueDate ?? "9999-12-31";
      return da < db ? -1 : da > db ? 1 : compareSteps(a, b);
    });
}

export function summarisePlan(steps: readonly PlanStepState[], today: string): PlanSummary {
  const count = (s: StepStatus) => steps.filter((step) => step.status === s).length;
  const completed = count("completed");
  const overdue = steps.filter((s) => isOverdue(s.dueDate, today, s.status)).length;
  const open = openStepsInOrder(steps);
  // "Cannot start yet" is not a start.
  const started = steps.some((s) => s.status === "in_progress" || s.status === "completed");
  return {
    total: steps.length,
    completed,
    inProgress: count("in_progress"),
    blocked: count("blocked"),
    overdue,
    percent: steps.length === 0 ? 0 : Math.floor((completed / steps.length) * 100),
    status: steps.length > 0 && completed === steps.length ? "completed" : started ? "in_progress" : "not_started",
    nextStepId: open[0]?.stepId ?? null,
  };
}
