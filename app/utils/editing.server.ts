// Guards and small parsers shared by the editing and history routes. Every loader and action of
// those routes starts here: signed-out visitors go to the sign-in page and come back, others
// without the permission get 403.
import { z } from "zod";
import { changeNote, versionField } from "~/models/edit-fields.server";
import type { OrgDoc } from "~/models/organisation-editing.server";
import { docPage, mayEditPage, unitPage } from "~/models/page-ownership.server";
import { getUnitRef } from "~/models/unit-editing.server";
import { forbidden, requireHrEditor, requireUser } from "./auth.server";
import { parseId } from "./ids";

/** The unit editor (or HR editor, admin, or the page's owner) of the unit with this slug; 404 for an unknown unit. */
export async function authoriseUnitEditor(request: Request, slug: string | undefined) {
  const editor = await requireUser(request);
  const ref = await getUnitRef(slug ?? "");
  if (!ref) throw new Response("Unit not found", { status: 404 });
  if (!(await mayEditPage(editor, unitPage(ref.id)))) throw forbidden();
  return { ref, editor };
}

/** An HR editor or admin: the organisation texts are theirs to edit; with a document, also its owner. */
export async function authoriseOrgEditor(request: Request, doc?: OrgDoc) {
  if (!doc) return requireHrEditor(request);
  const editor = await requireUser(request);
  if (!(await mayEditPage(editor, docPage(doc)))) throw forbidden();
  return editor;
}

export const restoreSchema = z.object({ changeNote, baseVersion: versionField });

export function revisionIdParam(value: string | undefined): number {
  const id = parseId(value);
  if (id === null) throw new Response("Revision not found", { status: 404 });
  return id;
}

export function historyQuery(request: Request) {
  const url = new URL(request.url);
  return { from: url.searchParams.get("from"), to: url.searchParams.get("to") };
}
