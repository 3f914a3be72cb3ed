// Guards and small parsers shared by the editing and history routes. Every loader and action of
// those routes starts here: signed-out visitors go to the sign-in page and come back, others
// without the permission get 403.
import { data, redirect } from "@remix-run/node";
import { z } from "zod";
import { changeNote, formValues, versionField } from "~/models/edit-fields.server";
import type { OrgDoc } from "~/models/organisation-editing.server";
import { docPage, unitPage } from "~/models/page-ownership.server";
import { getUnitRef } from "~/models/unit-editing.server";
import { forbidden, mayEditPage, requireHrEditor, requirePageEditor } from "~/models/permissions.server";
import { requireUser } from "~/models/auth.server";
import { parseForm, readForm } from "~/utils/forms";
import { parseId } from "~/utils/ids";

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
  return doc ? requirePageEditor(request, docPage(doc)) : requireHrEditor(request);
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

/**
 * The restore form of a unit's or a document's history: 400 with what was typed, 404 for an
 * unknown revision, 409 when someone saved since the page was read, 200 when the old version is
 * what is there already; otherwise back to the history, which names the new version.
 */
export async function restoreAction(
  request: Request,
  restore: (
    form: z.output<typeof restoreSchema>,
  ) => Promise<{ status: "restored"; version: number } | { status: "unchanged" | "notFound" | "conflict" }>,
  historyPath: string,
) {
  const formData = await readForm(request);
  const form = parseForm(restoreSchema, formData);
  if (!form.ok)
    return data({ status: "invalid" as const, errors: form.errors, values: formValues(formData) }, { status: 400 });
  const outcome = await restore(form.data);
  if (outcome.status === "restored") return redirect(`${historyPath}?restored=${outcome.version}`);
  if (outcome.status === "notFound") throw new Response("Revision not found", { status: 404 });
  if (outcome.status === "conflict") return data({ status: "conflict" as const }, { status: 409 });
  return data({ status: "unchanged" as const }, { status: 200 });
}
