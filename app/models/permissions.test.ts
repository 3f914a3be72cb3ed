// The whole who-may-do-what matrix in one table: every rule against every kind of person. The
// route and HTTP tests check the same answers through the pages (403s, hidden links).
import { describe, expect, it } from "vitest";
import {
  canAdminister,
  canConfirmReview,
  canEditByRole,
  canEditOrganisationTexts,
  canEditPage,
  canEditUnit,
  canManagePersonalSteps,
  canManageStep,
  canManageSummary,
  canManageOwnership,
  canManageTemplates,
  canOpenEditorDesk,
  canUpdateProgress,
  canViewOnboardingOverview,
  canViewPlan,
  hasPermission,
  isTheirPage,
  mayComposeSummaries,
  mayReadSummary,
  ROLE_PERMISSIONS,
  type Actor,
} from "./permissions";

const people = {
  visitor: null,
  employee: { id: 1, email: "employee@x", role: "employee", editableUnitIds: [] },
  /** The newcomer whose plan the rows are about. */
  newcomer: { id: 10, email: "newcomer@x", role: "employee", editableUnitIds: [] },
  /** The newcomer's supervisor (an employee by role) and author of the summaries. */
  supervisor: { id: 20, email: "supervisor@x", role: "employee", editableUnitIds: [] },
  /** Edits unit 5 only. */
  unitEditor: { id: 30, email: "unit-editor@x", role: "unit_editor", editableUnitIds: [5] },
  hr: { id: 40, email: "hr@x", role: "hr_editor", editableUnitIds: [] },
  admin: { id: 50, email: "admin@x", role: "admin", editableUnitIds: [] },
} satisfies Record<string, Actor | null>;
type Person = keyof typeof people;
const everyone = Object.keys(people) as Person[];

const newcomer = { id: 10, supervisorId: 20 };
const published = { authorId: 20, status: "published" };
const draft = { authorId: 20, status: "draft" };
/** Pages: unit 5's page and the strategy document, both owned by the employee (id 1). */
const unitFive = { type: "unit", id: 5 };
const strategy = { type: "strategy", id: 0 };
const owner = people.employee.id;

/** Rule → the people it allows; everyone else is refused. */
const matrix: [string, (actor: Actor | null) => boolean, Person[]][] = [
  ["administer users and read the audit log", canAdminister, ["admin"]],
  ["edit strategy, values and goals", canEditOrganisationTexts, ["hr", "admin"]],
  ["edit unit 5", (a) => canEditUnit(a, 5), ["unitEditor", "hr", "admin"]],
  ["edit unit 6", (a) => canEditUnit(a, 6), ["hr", "admin"]],
  ["open the editor's desk", (a) => canOpenEditorDesk(a), ["unitEditor", "hr", "admin"]],
  [
    "open the editor's desk (with a page waiting, or owning one)",
    (a) => canOpenEditorDesk(a, { waiting: 1 }) && canOpenEditorDesk(a, { owned: true }),
    everyone.filter((p) => p !== "visitor"),
  ],
  ["manage page owners and review intervals", canManageOwnership, ["hr", "admin"]],
  ["edit unit 5's page by role", (a) => canEditByRole(a, unitFive), ["unitEditor", "hr", "admin"]],
  [
    "edit unit 5's page (role or owner)",
    (a) => canEditPage(a, unitFive, owner),
    ["employee", "unitEditor", "hr", "admin"],
  ],
  ["edit the strategy (role or owner)", (a) => canEditPage(a, strategy, owner), ["employee", "hr", "admin"]],
  ["edit the strategy with no owner", (a) => canEditPage(a, strategy, null), ["hr", "admin"]],
  ["confirm unit 5's page is still accurate", (a) => canConfirmReview(a, owner), ["employee", "hr", "admin"]],
  ["have unit 5's page on their desk", (a) => !!a && isTheirPage(a, unitFive, owner), ["employee", "unitEditor"]],
  ["view the newcomer's plan", (a) => canViewPlan(a, newcomer), ["newcomer", "supervisor", "hr", "admin"]],
  ["update the newcomer's progress", (a) => canUpdateProgress(a, newcomer), ["newcomer", "supervisor"]],
  ["add personal steps for the newcomer", (a) => canManagePersonalSteps(a, newcomer), ["supervisor"]],
  ["see the HR onboarding overview", canViewOnboardingOverview, ["hr", "admin"]],
  ["open the step templates", canManageTemplates, ["unitEditor", "hr", "admin"]],
  ["manage an agency step", (a) => canManageStep(a, { scope: "agency", unitId: null }), ["hr", "admin"]],
  ["manage a step of unit 5", (a) => canManageStep(a, { scope: "unit", unitId: 5 }), ["unitEditor", "hr", "admin"]],
  [
    "manage the newcomer's personal step",
    (a) => canManageStep(a, { scope: "personal", unitId: null, forUserId: 10, forUserSupervisorId: 20 }),
    ["supervisor"],
  ],
  ["compose goal summaries (as nobody's supervisor)", (a) => mayComposeSummaries(a, false), ["hr", "admin"]],
  [
    "compose goal summaries (as a supervisor)",
    (a) => mayComposeSummaries(a, true),
    everyone.filter((p) => p !== "visitor"),
  ],
  ["edit, share and delete the supervisor's summary", (a) => canManageSummary(a, published), ["supervisor", "admin"]],
  [
    "read the supervisor's published summary",
    (a) => mayReadSummary(a, published, a?.id === newcomer.id),
    ["newcomer", "supervisor", "hr", "admin"],
  ],
  ["read the supervisor's draft", (a) => mayReadSummary(a, draft, a?.id === newcomer.id), ["supervisor", "admin"]],
];

describe("who may do what", () => {
  for (const [action, rule, allowed] of matrix) {
    it(`${action}: ${allowed.join(", ")}`, () => {
      const answers = Object.fromEntries(everyone.map((p) => [p, rule(people[p])]));
      expect(answers).toEqual(Object.fromEntries(everyone.map((p) => [p, allowed.includes(p)])));
    });
  }

  it("every role permission is granted to admins, and none to employees", () => {
    for (const permission of Object.keys(ROLE_PERMISSIONS) as (keyof typeof ROLE_PERMISSIONS)[]) {
      expect(hasPermission(people.admin, permission), permission).toBe(true);
      expect(hasPermission(people.employee, permission), permission).toBe(false);
      expect(hasPermission(null, permission), permission).toBe(false);
    }
  });
});
