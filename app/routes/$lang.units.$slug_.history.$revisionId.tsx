// One revision of a unit: its content (Markdown rendered as readers would see it), what changed
// from the version before, and "restore", which saves the old content as a new revision.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { RevisionView } from "~/components/history";
import { translator } from "~/i18n";
import { diffSnapshots, displaySnapshot, getRevision } from "~/models/revision.server";
import { restoreUnitRevision, unitFieldOrder } from "~/models/unit-editing.server";
import { UNIT_FIELD_LABELS } from "~/models/unit-fields";
import { clientIp } from "~/utils/auth.server";
import { authoriseUnitEditor, restoreSchema, revisionIdParam } from "~/utils/editing.server";
import { formValues } from "~/models/edit-fields.server";
import { parseForm, readForm } from "~/utils/forms";
import { langParam } from "~/utils/lang-param.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { titleMeta } from "~/utils/meta";
import { useLang } from "~/utils/use-lang";
import { formBodyLimit } from "~/utils/form-limits.server";

export const meta = titleMeta("history.revisionTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = langParam(params);
  const { ref } = await authoriseUnitEditor(request, params.slug);
  const revision = await getRevision("unit", ref.id, revisionIdParam(params.revisionId));
  if (!revision) throw new Response("Revision not found", { status: 404 });
  const order = unitFieldOrder(revision.scope);
  const { snapshot, previous, latestVersion, ...summary } = revision;
  const t = translator(lang);
  return {
    slug: ref.slug,
    revision: summary,
    fields: displaySnapshot(snapshot, order, { fields: ["description"], render: renderMarkdown }),
    diff: previous ? diffSnapshots(previous, snapshot, order) : null,
    isLatest: revision.version === latestVersion,
    latestVersion,
    labels: UNIT_FIELD_LABELS,
    title: t("history.revisionHeading", {
      version: revision.version,
      scope: t(`history.scope.${revision.scope}`),
      name: ref.nameFor(lang),
    }),
  };
}

export const bodyLimit = () => formBodyLimit(restoreSchema);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = langParam(params);
  const { ref, editor } = await authoriseUnitEditor(request, params.slug);
  const formData = await readForm(request);
  const form = parseForm(restoreSchema, formData);
  if (!form.ok)
    return data({ status: "invalid" as const, errors: form.errors, values: formValues(formData) }, { status: 400 });
  const outcome = await restoreUnitRevision({
    editor,
    ipAddress: clientIp(context),
    unitId: ref.id,
    revisionId: revisionIdParam(params.revisionId),
    baseVersion: form.data.baseVersion,
    changeNote: form.data.changeNote,
  });
  if (outcome.status === "notFound") throw new Response("Revision not found", { status: 404 });
  if (outcome.status === "conflict") return data({ status: "conflict" as const }, { status: 409 });
  if (outcome.status === "unchanged") return data({ status: "unchanged" as const }, { status: 200 });
  return redirect(`/${lang}/units/${ref.slug}/history?restored=${outcome.version}`);
}

export default function UnitRevision() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const lang = useLang();
  return (
    <RevisionView
      title={loaded.title}
      data={loaded}
      historyPath={`/${lang}/units/${loaded.slug}/history`}
      result={result}
    />
  );
}
