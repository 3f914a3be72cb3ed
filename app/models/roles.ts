// Roles and what they allow, shared by server checks and the UI (which only hides what the
// server already forbids).
export const ROLES = ["employee", "unit_editor", "hr_editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export interface Actor {
  id: number;
  role: Role;
  /** Units a unit editor may edit. */
  editableUnitIds: number[];
}

export function canEditUnit(actor: Actor | null, unitId: number): boolean {
  if (!actor) return false;
  if (actor.role === "admin" || actor.role === "hr_editor") return true;
  return actor.role === "unit_editor" && actor.editableUnitIds.includes(unitId);
}

export function canEditOrganisationTexts(actor: Actor | null): boolean {
  return actor?.role === "admin" || actor?.role === "hr_editor";
}

export function canAdminister(actor: Actor | null): boolean {
  return actor?.role === "admin";
}
