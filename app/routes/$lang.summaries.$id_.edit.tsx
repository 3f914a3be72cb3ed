import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useFocusOnResult } from "~/components/edit-form";
import { SummaryForm } from "~/components/summary-form";
import { formatDateTime, translator } from "~/i18n";
import {
  canManageSummary,
  deleteSummary,
  findSummary,
  formStateOf,
  listAgencyPoints,
  readSummaryForm,
  summaryIdParam,
  updateSummary,
  validateSummaryForm,
} from "~/models/summary.server";
import { clientIp, forbidden, requireUser } from "~/utils/auth.server";
import { langParam } from "~/utils/lang-param.server";
import { titleMeta } from "~/utils/meta";
import { useLang, useT } from "~/utils/use-lang";
import { readForm } from "~/utils/forms";
import { summaryBodyLimit } from "~/models/summary-limits.server";

export const meta = titleMeta("summaries.editTitle");

/** The summary, for its author or an admin only. */
async function requireManagedSummary(request: Request, id: string | undefined) {
  const user = await requireUser(request);
  const summary = await findSummary(summaryIdParam(id));
  if (!summary) throw new Response("Not found", { status: 404 });
  if (!canManageSummary(user, summary)) throw forbidden();
  return { user, summary };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = langParam(params);
  const { summary } = await requireManagedSummary(request, params.id);
  const points = await listAgencyPoints(lang);
  return {
    title: translator(lang)("summaries.editTitle"),
    id: summary.id,
    summaryTitle: summary.title,
    summaryLang: summary.lang,
    updatedAt: summary.updatedAt.toISOString(),
    status: summary.status === "published" ? ("published" as const) : ("draft" as const),
    points,
    state: formStateOf(summary, points),
    saved: new URL(request.url).searchParams.get("saved") === "draft",
  };
}

export const bodyLimit = summaryBodyLimit;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = langParam(params);
  const { user, summary } = await requireManagedSummary(request, params.id);
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent === "delete") {
    await deleteSummary(summary.id, user, clientIp(context));
    return redirect(`/${lang}/summaries?deleted=1`);
  }
  const points = await listAgencyPoints(lang);
  const publish = intent === "publish";
  const state = readSummaryForm(form, points);
  const result = validateSummaryForm(state, points, publish || summary.status === "published");
  if (!result.ok) return data({ state, errors: result.errors, formKey: String(Date.now()) }, { status: 400 });
  const outcome = await updateSummary(summary.id, user, result.data, publish, clientIp(context), state.version);
  if (outcome.status === "conflict") {
    // The user's text comes back as typed; the form's base moves to the version that won, so
    // saving again is a conscious overwrite.
    const conflict = { updatedAt: outcome.updatedAt };
    const next = { ...state, version: outcome.currentVersion };
    return data(
      { status: "conflict" as const, state: next, errors: undefined, conflict, formKey: String(Date.now()) },
      { status: 409 },
    );
  }
  const saved = outcome.summary;
  if (saved.status !== "published") return redirect(`/${lang}/summaries/${summary.id}/edit?saved=draft`);
  return redirect(`/${lang}/summaries/${summary.id}?${summary.status === "published" ? "saved" : "published"}=1`);
}

export default function EditSummary() {
  const { id, summaryTitle, summaryLang, updatedAt, status, points, state, saved } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  useFocusOnResult(result && "conflict" in result ? result : undefined);
  const t = useT();
  const lang = useLang();
  return (
    <>
      <nav aria-label={t("breadcrumb.label")} className="breadcrumbs">
        <ol>
          <li>
            <Link to={`/${lang}/summaries`}>{t("summaries.title")}</Link>
          </li>
          <li>
            <Link to={`/${lang}/summaries/${id}`} lang={summaryLang !== lang ? summaryLang : undefined}>
              {summaryTitle}
            </Link>
          </li>
          <li aria-current="page">{t("summaries.edit")}</li>
        </ol>
      </nav>
      <h1>{t("summaries.editTitle")}</h1>
      {saved && !result ? (
        <p className="notice notice--success" role="status">
          {t("summaries.savedDraft")}
        </p>
      ) : null}
      {result && "conflict" in result ? (
        <section className="conflict" aria-labelledby="conflict-title" tabIndex={-1}>
          <h2 id="conflict-title">{t("summaries.conflictTitle")}</h2>
          <p>{t("summaries.conflictLead", { time: formatDateTime(lang, result.conflict.updatedAt) })}</p>
          <p>
            <Link to={`/${lang}/summaries/${id}`} target="_blank">
              {t("summaries.conflictTheirs")}
            </Link>
          </p>
        </section>
      ) : null}
      <p className="lead">{t("summaries.composeLead")}</p>
      <SummaryForm
        points={points}
        state={result?.state ?? state}
        errors={result?.errors}
        status={status}
        formKey={result?.formKey ?? updatedAt}
      />
      {/* A details element asks for confirmation without JavaScript. */}
      <details className="summary-delete">
        <summary>{t("summaries.deleteHeading")}</summary>
        <p>{t("summaries.deleteText")}</p>
        <Form method="post">
          <button type="submit" name="intent" value="delete" className="button button--danger">
            {t("summaries.delete")}
          </button>
        </Form>
      </details>
    </>
  );
}
