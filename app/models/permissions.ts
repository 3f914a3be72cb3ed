// Who may do what, in one place, shared by server checks and the UI (which only hides what the
// server already forbids). Two kinds of rule: permissions a role grants everywhere (the table
// below), and relations to one thing: being the person, their supervisor, the editor of a unit,
// the author of a summary. Guards for loaders and actions are in permissions.server.ts.
// docs/decisions/0018-editing-core-and-permissions.md
export const ROLES = ["employee", "unit_editor", "hr_editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Who did something, as the audit trail and the records of an edit name them. */
export type ActorRef = Pick<Actor, "id" | "email">;

/** The signed-in person as every rule sees them; the email names them in the audit trail. */
export interface Actor {
  id: number;
  email: string;
  role: Role;
  /** Units a unit editor may edit. */
  editableUnitIds: number[];
}

/** Thrown by a model function asked to do what the actor may not (a route answers 403 first). */
export class NotAllowedError extends Error {}

/** What a rule needs to know of the actor; most rules need less than the whole Actor. */
type Who = Pick<Actor, "id" | "role">;

/** Permissions that a role grants over everything of a kind. */
export const ROLE_PERMISSIONS = {
  /** Users, roles and the audit log. */
  "administer:users": ["admin"],
  /** Strategy, values and goals texts; the agency's onboarding steps. */
  "edit:organisation": ["hr_editor", "admin"],
  /** Every unit page (a unit editor edits only their own units). */
  "edit:unit:any": ["hr_editor", "admin"],
  /** Everyone's onboarding plan and the HR overview. */
  "read:plan:any": ["hr_editor", "admin"],
  /** Every published goal summary. */
  "read:summary:any": ["hr_editor", "admin"],
  /** Composing goal summaries without being anyone's supervisor. */
  "compose:summary": ["hr_editor", "admin"],
  /** Editing, sharing and deleting anyone's goal summary, drafts included. */
  "manage:summary:any": ["admin"],
  /** Page owners and review intervals; every page on the editor's desk. */
  "manage:pages": ["hr_editor", "admin"],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof ROLE_PERMISSIONS;

/** A role as stored (a string); one that is not in ROLES holds no permission. */
export function hasPermission(actor: { role: string } | null | undefined, permission: Permission): boolean {
  return !!actor && (ROLE_PERMISSIONS[permission] as readonly string[]).includes(actor.role);
}

// ---- content ------------------------------------------------------------------------------------

export function canEditUnit(actor: Pick<Actor, "role" | "editableUnitIds"> | null, unitId: number): boolean {
  if (!actor) return false;
  if (hasPermission(actor, "edit:unit:any")) return true;
  return actor.role === "unit_editor" && actor.editableUnitIds.includes(unitId);
}

export function canEditOrganisationTexts(actor: Pick<Actor, "role"> | null): boolean {
  return hasPermission(actor, "edit:organisation");
}

export function canAdminister(actor: { role: string } | null): boolean {
  return hasPermission(actor, "administer:users");
}

/**
 * The editor's desk (units and documents one may edit, translations behind, pages waiting for
 * review): every role above employee, and an employee who owns a page or has one waiting.
 */
export function canOpenEditorDesk(
  actor: Pick<Actor, "role"> | null,
  pages: { waiting?: number; owned?: boolean } = {},
): boolean {
  if (!actor) return false;
  return actor.role !== "employee" || (pages.waiting ?? 0) > 0 || !!pages.owned;
}

// ---- pages and their owners --------------------------------------------------------------------
// A page (a unit page or an organisation document) may have an owner, set by HR. The owner may
// edit and confirm their page whatever their role; HR and admins manage owners and intervals; the
// owner and the page's editors see and resolve correction suggestions. Who owns a page lives in
// the database: permissions.server.ts looks it up (mayEditPage).

/** A page as the rules see it: a unit (id: the unit's id) or an organisation document (id 0). */
export interface PageOfSite {
  type: string;
  id: number;
}

export function canManageOwnership(actor: Pick<Actor, "role"> | null): boolean {
  return hasPermission(actor, "manage:pages");
}

/** Editing rights that come from the role (unit editor of that unit, HR, admin). */
export function canEditByRole(actor: Pick<Actor, "role" | "editableUnitIds"> | null, page: PageOfSite): boolean {
  return page.type === "unit" ? canEditUnit(actor, page.id) : canEditOrganisationTexts(actor);
}

export function isPageOwner(actor: Pick<Actor, "id"> | null, ownerId: number | null | undefined): boolean {
  return !!actor && ownerId != null && ownerId === actor.id;
}

/** Owner or editor: may edit the page, see who suggested a correction, and resolve it. */
export function canEditPage(actor: Omit<Actor, "email"> | null, page: PageOfSite, ownerId: number | null | undefined) {
  return canEditByRole(actor, page) || isPageOwner(actor, ownerId);
}

/** "Still accurate": the owner, or HR. */
export function canConfirmReview(actor: Pick<Actor, "id" | "role"> | null, ownerId: number | null | undefined) {
  return isPageOwner(actor, ownerId) || canManageOwnership(actor);
}

/** "Their pages" on the editor's desk: the ones they own, and for a unit editor the units they edit. */
export function isTheirPage(actor: Omit<Actor, "email">, page: PageOfSite, ownerId: number | null | undefined) {
  return (
    isPageOwner(actor, ownerId) || (actor.role === "unit_editor" && page.type === "unit" && canEditUnit(actor, page.id))
  );
}

// ---- onboarding plans ---------------------------------------------------------------------------

export interface PlanOwner {
  id: number;
  supervisorId: number | null;
}

/** Only the person, their supervisor, HR editors and admins see a person's plan. */
export function canViewPlan(actor: Who | null, person: PlanOwner): boolean {
  if (!actor) return false;
  return actor.id === person.id || person.supervisorId === actor.id || hasPermission(actor, "read:plan:any");
}

/** The person keeps their own plan up to date; their supervisor may too (e.g. "meet your supervisor"). */
export function canUpdateProgress(actor: Who | null, person: PlanOwner): boolean {
  if (!actor) return false;
  return actor.id === person.id || person.supervisorId === actor.id;
}

/** Personal steps are added by the person's immediate supervisor, who is responsible for onboarding. */
export function canManagePersonalSteps(actor: Who | null, person: PlanOwner): boolean {
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
export function canManageStep(actor: Omit<Actor, "email"> | null, step: StepOwnership): boolean {
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
export function canManageTemplates(actor: Pick<Actor, "role" | "editableUnitIds"> | null): boolean {
  return (
    !!actor && (canEditOrganisationTexts(actor) || (actor.role === "unit_editor" && actor.editableUnitIds.length > 0))
  );
}

/** The HR onboarding overview. */
export function canViewOnboardingOverview(actor: Pick<Actor, "role"> | null): boolean {
  return hasPermission(actor, "read:plan:any");
}

// ---- goal summaries -----------------------------------------------------------------------------
// Composing is for supervisors (anyone with a report), HR editors and admins; editing, sharing
// and deleting for the author and admins; reading a published summary also for the author's
// reports and HR editors. A draft is the author's (and admins') alone. Whether someone is a
// supervisor lives in the database: the server's wrappers in permissions.server.ts look it up.

export function mayComposeSummaries(actor: Who | null, isSupervisor: boolean): boolean {
  return !!actor && (isSupervisor || hasPermission(actor, "compose:summary"));
}

export function canManageSummary(actor: Who | null, summary: { authorId: number }): boolean {
  return !!actor && (actor.id === summary.authorId || hasPermission(actor, "manage:summary:any"));
}

export function mayReadSummary(
  actor: Who | null,
  summary: { authorId: number; status: string },
  authorIsSupervisor: boolean,
): boolean {
  if (!actor) return false;
  if (canManageSummary(actor, summary)) return true;
  if (summary.status !== "published") return false;
  return hasPermission(actor, "read:summary:any") || authorIsSupervisor;
}
