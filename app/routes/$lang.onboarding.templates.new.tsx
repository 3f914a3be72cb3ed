// Add an agency-wide step (HR editors, admins) or a unit's step (that unit's editors).
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/forms";
import { StepFields, useStepFieldLabels } from "~/components/onboarding";
import { translator, type Lang } from "~/i18n";
import { canManageStep } from "~/models/onboarding-rules";
import { createStep, NotAllowedError, stepFormSchema, type StepTarget } from "~/models/onboarding.server";
import { listUnits } from "~/models/unit.server";
import { clientIp, forbidden, requireUser, type CurrentUser } from "~/utils/auth.server";
import { type FormErrors, parseForm, readForm } from "~/utils/forms";
import { langParam } from "~/utils/lang-param.server";
import { titleMeta } from "~/utils/meta";
import { useLang, useT } from "~/utils/use-lang";
import { formBodyLimit } from "~/utils/form-limits.server";

export const meta = titleMeta("onboarding.templates.newTitle");

/** What the new step is for, from ?scope=agency or ?scope=unit&unit=<slug>; 403 if not allowed. */
async function resolveTarget(request: Request, user: CurrentUser, lang: Lang) {
  const url = new URL(request.url);
  const scope = url.searchParams.get("scope");
  if (scope === "agency") {
    if (!canManageStep(user, { scope, unitId: null })) throw forbidden();
    return {
      target: { scope: "agency" } as StepTarget,
      context: translator(lang)("onboarding.scope.agency"),
      unitSlug: null,
    };
  }
  if (scope === "unit") {
    const unit = (await listUnits(lang)).find((u) => u.slug === url.searchParams.get("unit"));
    if (!unit) throw new Response("Not found", { status: 404 });
    if (!canManageStep(user, { scope, unitId: unit.id })) throw forbidden();
    const context = translator(lang)("onboarding.templates.unitHeading", { unit: unit.name?.value ?? unit.slug });
    return { target: { scope: "unit", unitId: unit.id } as StepTarget, context, unitSlug: unit.slug };
  }
  throw new Response("Not found", { status: 404 });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = langParam(params);
  const user = await requireUser(request);
  const { context, unitSlug } = await resolveTarget(request, user, lang);
  return { context, unitSlug };
}

export const bodyLimit = () => formBodyLimit(stepFormSchema);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = langParam(params);
  const user = await requireUser(request);
  const { target, unitSlug } = await resolveTarget(request, user, lang);
  const form = parseForm(stepFormSchema, await readForm(request));
  if (!form.ok) return data({ errors: form.errors as FormErrors, values: form.values }, { status: 400 });
  try {
    await createStep(user, target, form.data, lang, clientIp(context));
  } catch (error) {
    if (error instanceof NotAllowedError) throw forbidden();
    throw error;
  }
  return redirect(`/${lang}/onboarding/templates?${unitSlug ? `unit=${unitSlug}&` : ""}done=saved`);
}

export default function NewStep() {
  const { context, unitSlug } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const labels = useStepFieldLabels();
  const t = useT();
  const lang = useLang();
  return (
    <>
      <h1>{t("onboarding.templates.newTitle")}</h1>
      <p className="lead">{context}</p>
      <Form method="post" className="form" noValidate>
        <ErrorSummary errors={result?.errors} labels={labels} />
        <StepFields values={result?.values ?? {}} errors={result?.errors} />
        <button type="submit" className="button">
          {t("onboarding.templates.save")}
        </button>{" "}
        <Link to={`/${lang}/onboarding/templates${unitSlug ? `?unit=${unitSlug}` : ""}`}>
          {t("onboarding.templates.cancel")}
        </Link>
      </Form>
    </>
  );
}
