// Loaders and actions of the organisation documents' editing and history pages. The strategy,
// values and goals routes are one line each around these, so the three behave the same.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { defaultLang, isLang, translator } from "~/i18n";
import { formValues } from "~/models/edit-fields.server";
import {
  docPreview,
  docSchema,
  docValues,
  getDocForEditing,
  loadDoc,
  restoreDocRevision,
  saveDocEdit,
  docFieldOrder,
  type DocInput,
  type OrgDoc,
} from "~/models/organisation-editing.server";
import { docPage, listReviews } from "~/models/page-ownership.server";
import { diffSnapshots, displaySnapshot, getHistory, getRevision } from "~/models/revision.server";
import type { FieldLabels } from "~/components/revisions";
import { authoriseOrgEditor, historyQuery, restoreAction, restoreSchema, revisionIdParam } from "./__editing.server";
import { parseForm, readForm } from "~/utils/forms";
import { langParam } from "~/utils/lang-param.server";
import { clientIp } from "~/utils/client-ip.server";
import { formBodyLimit } from "~/utils/form-limits.server";

async function labelsFor(doc: OrgDoc, lang: Parameters<typeof loadDoc>[1]) {
  const state = await loadDoc(doc, lang);
  const labels: FieldLabels = Object.fromEntries(state.fields.map((f) => [f.name, { key: f.labelKey, n: f.n }]));
  return { state, labels };
}

export async function docEditLoader(doc: OrgDoc, { request, params }: LoaderFunctionArgs) {
  const lang = langParam(params);
  await authoriseOrgEditor(request, doc);
  const editing = await getDocForEditing(doc, lang);
  const t = translator(lang);
  return { ...editing, title: t(`edit.${doc}.heading`, { language: t(`content.languageName.${lang}`) }) };
}

export async function docEditAction(doc: OrgDoc, { request, params, context }: ActionFunctionArgs) {
  const lang = langParam(params);
  const editor = await authoriseOrgEditor(request, doc);
  const formData = await readForm(request);
  const values = formValues(formData);
  const state = await loadDoc(doc, lang);
  const previewing = formData.get("intent") === "preview";
  const form = parseForm(docSchema(state, previewing ? "preview" : "save"), formData);
  if (!form.ok) return data({ status: "invalid" as const, errors: form.errors, values }, { status: 400 });
  const input = form.data as DocInput;
  if (previewing) {
    return data(
      { status: "preview" as const, values, preview: docPreview(state, docValues(state, input)) },
      { status: 200 },
    );
  }
  const outcome = await saveDocEdit({ editor, ipAddress: clientIp(context), doc, lang, input });
  if (outcome.status === "conflict") {
    const next = { ...values, version: String(outcome.version) };
    return data({ status: "conflict" as const, values: next, conflicts: [outcome.conflict] }, { status: 409 });
  }
  if (outcome.status === "unchanged") return data({ status: "unchanged" as const, values }, { status: 200 });
  return redirect(`/${lang}/${doc}?saved=1`);
}

/** The edit form's body limit: its fields are the document's texts in the database. */
export function docEditBodyLimit(doc: OrgDoc) {
  return async ({ lang }: { lang?: string }) =>
    formBodyLimit(docSchema(await loadDoc(doc, isLang(lang) ? lang : defaultLang), "save"));
}

/** The restore form: a change note and the version it was made from. */
export const docRestoreBodyLimit = formBodyLimit(restoreSchema);

export async function docHistoryLoader(doc: OrgDoc, { request, params }: LoaderFunctionArgs) {
  const lang = langParam(params);
  await authoriseOrgEditor(request, doc);
  const { state, labels } = await labelsFor(doc, lang);
  const [history, reviews] = await Promise.all([
    getHistory(doc, 0, historyQuery(request), () => docFieldOrder(state)),
    listReviews(docPage(doc)),
  ]);
  const t = translator(lang);
  return { ...history, reviews, labels, doc, title: t("history.heading", { name: t(`edit.${doc}.docName`) }) };
}

export async function docRevisionLoader(doc: OrgDoc, { request, params }: LoaderFunctionArgs) {
  const lang = langParam(params);
  await authoriseOrgEditor(request, doc);
  const revision = await getRevision(doc, 0, revisionIdParam(params.revisionId));
  if (!revision) throw new Response("Revision not found", { status: 404 });
  const { labels, state } = await labelsFor(doc, lang);
  const order = docFieldOrder(state).filter((f) => f in revision.snapshot.fields);
  const { snapshot, previous, latestVersion, ...summary } = revision;
  const t = translator(lang);
  return {
    doc,
    revision: summary,
    fields: displaySnapshot(snapshot, order, { fields: [], render: (s) => s }),
    diff: previous ? diffSnapshots(previous, snapshot, order) : null,
    isLatest: revision.version === latestVersion,
    latestVersion,
    labels,
    title: t("history.revisionHeading", {
      version: revision.version,
      scope: t(`history.scope.${revision.scope}`),
      name: t(`edit.${doc}.docName`),
    }),
  };
}

export async function docRestoreAction(doc: OrgDoc, { request, params, context }: ActionFunctionArgs) {
  const lang = langParam(params);
  const editor = await authoriseOrgEditor(request, doc);
  const revisionId = revisionIdParam(params.revisionId);
  return restoreAction(
    request,
    (form) => restoreDocRevision({ editor, ipAddress: clientIp(context), doc, revisionId, ...form }),
    `/${lang}/${doc}/history`,
  );
}
