import { describe, expect, it } from "vitest";
import { isAcknowledgementCurrent, summarisePlan, type PlanStepState } from "./onboarding-rules";
import { canManageStep, canManageTemplates, canUpdateProgress, canViewPlan, type Actor } from "./permissions";

const person = { id: 10, supervisorId: 20 };
const actor = (id: number, role: Actor["role"] = "employee", editableUnitIds: number[] = []): Actor => ({
  id,
  email: `person${id}@migri.example`,
  role,
  editableUnitIds,
});

describe("who sees and changes a plan", () => {
  it("only the person, their supervisor, HR editors and admins see it", () => {
    expect(canViewPlan(actor(10), person)).toBe(true);
    expect(canViewPlan(actor(20), person)).toBe(true);
    expect(canViewPlan(actor(1, "hr_editor"), person)).toBe(true);
    expect(canViewPlan(actor(2, "admin"), person)).toBe(true);
    expect(canViewPlan(actor(30), person)).toBe(false); // another supervisor
    expect(canViewPlan(actor(31, "unit_editor", [1, 2, 3]), person)).toBe(false);
    expect(canViewPlan(null, person)).toBe(false);
  });

  it("the person and their supervisor change statuses; HR only reads", () => {
    expect(canUpdateProgress(actor(10), person)).toBe(true);
    expect(canUpdateProgress(actor(20), person)).toBe(true);
    expect(canUpdateProgress(actor(1, "hr_editor"), person)).toBe(false);
    expect(canUpdateProgress(actor(2, "admin"), person)).toBe(false);
    expect(canUpdateProgress(actor(30), person)).toBe(false);
  });

  it("templates: HR the agency's, unit editors their unit's, the supervisor a report's personal steps", () => {
    const hr = actor(1, "hr_editor");
    const editor = actor(3, "unit_editor", [7]);
    expect(canManageStep(hr, { scope: "agency", unitId: null })).toBe(true);
    expect(canManageStep(editor, { scope: "agency", unitId: null })).toBe(false);
    expect(canManageStep(actor(20), { scope: "agency", unitId: null })).toBe(false);
    expect(canManageStep(editor, { scope: "unit", unitId: 7 })).toBe(true);
    expect(canManageStep(editor, { scope: "unit", unitId: 8 })).toBe(false);
    expect(canManageStep(hr, { scope: "unit", unitId: 8 })).toBe(true);
    const personal = { scope: "personal", unitId: null, forUserId: 10, forUserSupervisorId: 20 };
    expect(canManageStep(actor(20), personal)).toBe(true);
    expect(canManageStep(actor(30), personal)).toBe(false);
    expect(canManageStep(actor(10), personal)).toBe(false); // not one's own
    expect(canManageStep(hr, personal)).toBe(false);
    expect(canManageTemplates(editor)).toBe(true);
    expect(canManageTemplates(actor(3, "unit_editor"))).toBe(false);
    expect(canManageTemplates(actor(20))).toBe(false);
  });
});

describe("acknowledgements and major changes", () => {
  const at = (iso: string) => new Date(iso);
  it("stay current until a major revision is made after them", () => {
    expect(isAcknowledgementCurrent(at("2026-11-20T10:00:00Z"), null)).toBe(true);
    expect(isAcknowledgementCurrent(at("2026-11-20T10:00:00Z"), at("2026-11-19T10:00:00Z"))).toBe(true);
    expect(isAcknowledgementCurrent(at("2026-11-20T10:00:00Z"), at("2026-11-21T10:00:00Z"))).toBe(false);
  });
});

describe("plan summary", () => {
  const step = (
    stepId: number,
    status: PlanStepState["status"],
    dueDate: string | null,
    dueRule: PlanStepState["dueRule"] = "first_week",
  ): PlanStepState => ({
    stepId,
    status,
    dueDate,
    dueRule,
    scope: "agency",
    position: stepId,
  });

  it("counts, percent (rounded down, so 100 % means done), overdue and what is due next", () => {
    const summary = summarisePlan(
      [
        step(1, "completed", "2026-11-20", "first_day"),
        step(2, "in_progress", "2026-11-26"),
        step(3, "blocked", "2026-11-26"),
        step(4, "not_started", "2026-12-20", "first_month"),
        step(5, "not_started", "2026-11-25", "first_week"),
        step(6, "completed", "2026-11-26"),
        step(7, "not_started", "2027-05-20", "trial_period"),
      ],
      "2026-11-27",
    );
    expect(summary).toMatchObject({
      total: 7,
      completed: 2,
      inProgress: 1,
      blocked: 1,
      overdue: 3,
      percent: 28,
      status: "in_progress",
    });
    expect(summary.nextStepId).toBe(5); // the earliest due date among open steps
  });

  it("a plan is not started until something is in progress or done; complete when every step is", () => {
    expect(summarisePlan([step(1, "blocked", null), step(2, "not_started", null)], "2026-11-27").status).toBe(
      "not_started",
    );
    const done = summarisePlan([step(1, "completed", null), step(2, "completed", null)], "2026-11-27");
    expect(done).toMatchObject({ status: "completed", percent: 100, nextStepId: null });
    expect(summarisePlan([], "2026-11-27")).toMatchObject({ total: 0, percent: 0, status: "not_started" });
  });
});
