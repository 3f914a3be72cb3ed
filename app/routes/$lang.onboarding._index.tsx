// My onboarding: the signed-in person's own plan, with status forms that work without JavaScript.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { DueNext, PlanProgress, PlanSteps, StatusErrorSummary, StepTitle } from "~/components/onboarding";
import { FallbackNotice } from "~/components/localized";
import { formatDate } from "~/i18n";
import { fallbackLanguages } from "~/i18n/content";
import { changeStatusFromForm, getPlan } from "~/models/onboarding.server";
import { getSupervisor } from "~/models/team.server";
import { requireUser } from "~/utils/auth.server";
import { langParam } from "~/utils/lang-param.server";
import { titleMeta } from "~/utils/meta";
import { useLang, useT } from "~/utils/use-lang";
import { readForm } from "~/utils/forms";
import { formBodyLimit } from "~/utils/form-limits";
import { statusFormSchema } from "~/models/onboarding.server";

export const meta = titleMeta("onboarding.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = langParam(params);
  const user = await requireUser(request);
  const plan = (await getPlan(user.id, lang))!;
  const supervisor = await getSupervisor(user.id);
  const saved = Number(new URL(request.url).searchParams.get("saved")) || null;
  return { plan, supervisorName: supervisor?.name ?? null, saved };
}

export const bodyLimit = formBodyLimit(statusFormSchema);

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = langParam(params);
  const user = await requireUser(request);
  const result = await changeStatusFromForm(user, user.id, await readForm(request));
  if (!result.ok) return data(result, { status: 400 });
  return redirect(`/${lang}/onboarding?saved=${result.stepId}#step-${result.stepId}`);
}

export default function MyOnboarding() {
  const { plan, supervisorName, saved } = useLoaderData<typeof loader>();
  const form = useActionData<typeof action>();
  const t = useT();
  const lang = useLang();
  const savedItem = saved ? plan.items.find((i) => i.stepId === saved) : undefined;
  const next = plan.items.find((i) => i.stepId === plan.summary.nextStepId) ?? null;
  return (
    <>
      <h1>{t("onboarding.title")}</h1>
      <StatusErrorSummary form={form && !form.ok ? form : undefined} items={plan.items} />
      {savedItem ? (
        <p className="notice notice--success" role="status">
          {t("onboarding.savedPrefix")} <StepTitle item={savedItem} /> – {t(`onboarding.status.${savedItem.status}`)}
        </p>
      ) : null}
      <p className="lead">{t("onboarding.lead")}</p>
      <p>{t("onboarding.law")}</p>
      <dl className="facts">
        <dt>{t("onboarding.startDate")}</dt>
        <dd>{plan.person.startDate ? formatDate(lang, plan.person.startDate) : t("onboarding.notRecorded")}</dd>
        <dt>{t("onboarding.supervisor")}</dt>
        <dd>{supervisorName ?? t("onboarding.notRecorded")}</dd>
      </dl>
      {!plan.person.startDate ? <p className="notice">{t("onboarding.noStartDate")}</p> : null}
      <PlanProgress summary={plan.summary} />
      <DueNext item={next} total={plan.summary.total} />
      <FallbackNotice langs={fallbackLanguages(plan.items.flatMap((i) => [i.title, i.description]))} />
      <PlanSteps items={plan.items} canEdit form={form && !form.ok ? form : undefined} />
    </>
  );
}
