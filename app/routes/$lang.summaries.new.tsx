import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { SummaryForm } from "~/components/summary-form";
import {
  canComposeSummaries,
  createSummary,
  emptyFormState,
  listAgencyPoints,
  readSummaryForm,
  validateSummaryForm,
} from "~/models/summary.server";
import { clientIp, forbidden, requireUser } from "~/utils/auth.server";
import { langParam } from "~/utils/lang-param.server";
import { titleMeta } from "~/utils/meta";
import { useT } from "~/utils/use-lang";
import { readForm } from "~/utils/forms";
import { summaryBodyLimit } from "~/models/summary-limits.server";

export const meta = titleMeta("summaries.newTitle");

async function requireComposer(request: Request) {
  const user = await requireUser(request);
  if (!(await canComposeSummaries(user))) throw forbidden();
  return user;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = langParam(params);
  await requireComposer(request);
  const points = await listAgencyPoints(lang);
  return { points, state: emptyFormState(points, lang) };
}

export const bodyLimit = summaryBodyLimit;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = langParam(params);
  const user = await requireComposer(request);
  const points = await listAgencyPoints(lang);
  const form = await readForm(request);
  const publish = form.get("intent") === "publish";
  const state = readSummaryForm(form, points);
  const result = validateSummaryForm(state, points, publish);
  if (!result.ok) return data({ state, errors: result.errors, formKey: String(Date.now()) }, { status: 400 });
  const summary = await createSummary(user, result.data, publish, clientIp(context));
  return redirect(
    publish ? `/${lang}/summaries/${summary.id}?published=1` : `/${lang}/summaries/${summary.id}/edit?saved=draft`,
  );
}

export default function NewSummary() {
  const { points, state } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      <h1>{t("summaries.newTitle")}</h1>
      <p className="lead">{t("summaries.composeLead")}</p>
      <SummaryForm
        points={points}
        state={result?.state ?? state}
        errors={result?.errors}
        status="new"
        formKey={result?.formKey ?? "new"}
      />
    </>
  );
}
