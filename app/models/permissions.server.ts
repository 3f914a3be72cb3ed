// Guards for loaders and actions, in the style of the Epic Stack's requireUserWithPermission:
// signed-out visitors are sent to sign in (requireUser), signed-in people without the
// permission get 403. The rules themselves are in permissions.ts; what needs the database
// (is this person a supervisor?) is looked up here.
import { requireUser, type CurrentUser } from "./auth.server";
import {
  canAdminister,
  canEditByRole,
  isPageOwner,
  canOpenEditorDesk,
  canEditOrganisationTexts,
  canEditUnit,
  hasPermission,
  mayComposeSummaries,
  mayReadSummary,
  type Actor,
  type PageOfSite,
  type Permission,
} from "./permissions";
import { ownsAnyPage, pageOwnerId } from "./page-ownership.server";
import { prisma } from "~/utils/db.server";
import type { Db } from "./revision.server";
import { isSupervisor, isSupervisorOf } from "./team.server";

export function forbidden(): Response {
  return new Response("Forbidden", { status: 403 });
}

/** The signed-in user, who must hold a role permission (see ROLE_PERMISSIONS). */
export async function requireUserWithPermission(request: Request, permission: Permission): Promise<CurrentUser> {
  const user = await requireUser(request);
  if (!hasPermission(user, permission)) throw forbidden();
  return user;
}

export async function requireUnitEditor(request: Request, unitId: number): Promise<CurrentUser> {
  const user = await requireUser(request);
  if (!canEditUnit(user, unitId)) throw forbidden();
  return user;
}

export async function requireHrEditor(request: Request): Promise<CurrentUser> {
  const user = await requireUser(request);
  if (!canEditOrganisationTexts(user)) throw forbidden();
  return user;
}

export async function requireAdmin(request: Request): Promise<CurrentUser> {
  const user = await requireUser(request);
  if (!canAdminister(user)) throw forbidden();
  return user;
}

/** Supervisors (anyone with a report), HR editors and admins compose goal summaries. */
export async function canComposeSummaries(actor: Pick<Actor, "id" | "role">): Promise<boolean> {
  return mayComposeSummaries(actor, hasPermission(actor, "compose:summary") || (await isSupervisor(actor.id)));
}

/** A published summary is read by its author's reports too; a draft only by who manages it. */
export async function canReadSummary(
  actor: Pick<Actor, "id" | "role">,
  summary: { authorId: number; status: string },
): Promise<boolean> {
  if (mayReadSummary(actor, summary, false)) return true;
  return mayReadSummary(actor, summary, await isSupervisorOf(summary.authorId, actor.id));
}

/** The editor's desk, given how many pages wait for the person; ownership is looked up only if it decides. */
export async function mayOpenEditorDesk(actor: Pick<Actor, "id" | "role">, waiting: number): Promise<boolean> {
  if (canOpenEditorDesk(actor, { waiting })) return true;
  return canOpenEditorDesk(actor, { owned: await ownsAnyPage(actor.id) });
}

/** The server-side check of every edit of a page (inside the edit's transaction when given one): role rights or ownership. */
export async function mayEditPage(
  actor: Omit<Actor, "email"> | null,
  page: PageOfSite,
  db: Db = prisma,
): Promise<boolean> {
  if (!actor) return false;
  return canEditByRole(actor, page) || isPageOwner(actor, await pageOwnerId(page, db));
}

/** The signed-in user, who must be allowed to edit the page (by role or as its owner). */
export async function requirePageEditor(request: Request, page: PageOfSite): Promise<CurrentUser> {
  const user = await requireUser(request);
  if (!(await mayEditPage(user, page))) throw forbidden();
  return user;
}

/** Who may edit a page also sees who suggested a correction to it, and resolves it. */
export const mayResolveSuggestions = mayEditPage;
