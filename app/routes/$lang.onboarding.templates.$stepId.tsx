// Edit, remove (archive) or restore one step template. The change reaches every plan that has not
// completed the step; recorded progress is never touched (docs/decisions/0007-onboarding-plans.md).
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/forms";
import { StepFields, useStepFieldLabels } from "~/components/onboarding";
import { translator, type Lang } from "~/i18n";
import { canManageStep } from "~/models/onboarding-rules";
import {
  archiveStep,
  getStepForEditing,
  NotAllowedError,
  restoreStep,
  StepVersionConflictError,
  stepFormSchema,
  updateStep,
} from "~/models/onboarding.server";
import { clientIp, forbidden, requireUser, type CurrentUser } from "~/utils/auth.server";
import { type FormErrors, parseForm, readForm } from "~/utils/forms";
import { langParam } from "~/utils/lang-param.server";
import { titleMeta } from "~/utils/meta";
import { useLang, useT } from "~/utils/use-lang";
import { parseId } from "~/utils/ids";
import { formBodyLimit } from "~/utils/form-limits.server";

export const meta = titleMeta("onboarding.templates.editTitle");

async function requireStep(user: CurrentUser, rawId: string | undefined, lang: Lang) {
  const id = parseId(rawId);
  const step = id === null ? null : await getStepForEditing(id, lang);
  if (!step) throw new Response("Not found", { status: 404 });
  if (!canManageStep(user, step)) throw forbidden();
  return step;
}

type Step = Awaited<ReturnType<typeof requireStep>>;

/** Where the step is listed: the person's plan page, or the templates page. */
function backPath(lang: Lang, step: Step, done?: string) {
  if (step.scope === "personal") return `/${lang}/team/${step.forUserId}#personal-steps`;
  const params = new URLSearchParams();
  if (step.unitSlug) params.set("unit", step.unitSlug);
  if (done) params.set("done", done);
  const query = params.toString();
  return `/${lang}/onboarding/templates${query ? `?${query}` : ""}`;
}

function contextOf(lang: Lang, step: Step) {
  const t = translator(lang);
  if (step.scope === "personal") return t("onboarding.templates.personalFor", { name: step.forUserName ?? "" });
  if (step.scope === "unit")
    return t("onboarding.templates.unitHeading", { unit: step.unitName?.value ?? step.unitSlug ?? "" });
  return t("onboarding.scope.agency");
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = langParam(params);
  const user = await requireUser(request);
  const step = await requireStep(user, params.stepId, lang);
  return { step, context: contextOf(lang, step), back: backPath(lang, step) };
}

export const bodyLimit = () => formBodyLimit(stepFormSchema);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = langParam(params);
  const user = await requireUser(request);
  const step = await requireStep(user, params.stepId, lang);
  const formData = await readForm(request);
  const intent = formData.get("intent");
  try {
    if (intent === "archive" || intent === "restore") {
      await (intent === "archive" ? archiveStep : restoreStep)(user, step.id, clientIp(context));
      return redirect(backPath(lang, step, intent === "archive" ? "archived" : "restored"));
    }
    const form = parseForm(stepFormSchema, formData);
    if (!form.ok)
      return data({ errors: form.errors as FormErrors, values: form.values, conflict: false }, { status: 400 });
    await updateStep(user, step.id, form.data, lang, clientIp(context));
    return redirect(backPath(lang, step, "saved"));
  } catch (error) {
    if (error instanceof NotAllowedError) throw forbidden();
    if (error instanceof StepVersionConflictError) {
      // Show the step as it is now; the editor's text is not silently saved over someone else's.
      const fresh = (await getStepForEditing(step.id, lang))!;
      return data(
        {
          errors: { form: [{ key: "onboarding.error.conflict" }] } as FormErrors,
          values: fresh.values,
          conflict: true,
        },
        { status: 409 },
      );
    }
    throw error;
  }
}

export function shouldRevalidate() {
  // After a 409 the page must show the step's current version (Remix skips revalidation on 4xx).
  return true;
}

export default function EditStep() {
  const { step, context, back } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const labels = useStepFieldLabels();
  const t = useT();
  const values = result?.values ?? step.values;
  return (
    <>
      <h1>{t("onboarding.templates.editTitle")}</h1>
      <p className="lead">{context}</p>
      {step.archived ? <p className="notice notice--review">{t("onboarding.templates.archivedNotice")}</p> : null}
      <Form method="post" className="form" noValidate key={values.version}>
        <ErrorSummary errors={result?.errors} labels={{ ...labels, form: t("onboarding.templates.editTitle") }} />
        <input type="hidden" name="intent" value="save" />
        <input type="hidden" name="version" value={values.version} />
        <StepFields values={values} errors={result?.errors} allowAcknowledges={step.scope !== "personal"} />
        <button type="submit" className="button">
          {t("onboarding.templates.save")}
        </button>{" "}
        <Link to={back}>{t("onboarding.templates.cancel")}</Link>
      </Form>
      <Form method="post" className="form--separate">
        <input type="hidden" name="intent" value={step.archived ? "restore" : "archive"} />
        <p>{t(step.archived ? "onboarding.templates.restoreHint" : "onboarding.templates.archiveHint")}</p>
        <button type="submit" className="button button--secondary">
          {t(step.archived ? "onboarding.templates.restore" : "onboarding.templates.archive")}
        </button>
      </Form>
    </>
  );
}
