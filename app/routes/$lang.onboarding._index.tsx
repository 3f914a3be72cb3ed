// My onboarding: the signed-in person's own plan. One primary action per step, the rest
// secondary; completed steps fold into one line per phase. Every change is a plain form (works
// without JavaScript, answered with a redirect back to the step); with JavaScript a fetcher
// keeps the page where it is.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { DueNext, PlanProgress, StatusErrorSummary } from "~/components/onboarding";
import { LightPlan } from "~/components/onboarding-plan";
import { FallbackNotice } from "~/components/localized";
import { formatDate } from "~/i18n";
import { fallbackLanguages } from "~/i18n/content";
import { isStepStatus } from "~/models/onboarding-rules";
import { changeStatusFromForm, getPlan } from "~/models/onboarding.server";
import { getSupervisor } from "~/models/team.server";
import { requireUser } from "~/utils/auth.server";
import { langParam } from "~/utils/lang-param.server";
import { titleMeta } from "~/utils/meta";
import { useLang, useT } from "~/utils/use-lang";
import { readForm } from "~/utils/forms";
import { formBodyLimit } from "~/utils/form-limits.server";
import { statusFormSchema } from "~/models/onboarding.server";

export const meta = titleMeta("onboarding.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = langParam(params);
  const user = await requireUser(request);
  const plan = (await getPlan(user.id, lang))!;
  const supervisor = await getSupervisor(user.id);
  const url = new URL(request.url);
  const saved = Number(url.searchParams.get("saved")) || null;
  const was = url.searchParams.get("was");
  return { plan, supervisorName: supervisor?.name ?? null, saved, was: isStepStatus(was) ? was : null };
}

export const bodyLimit = () => formBodyLimit(statusFormSchema);

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = langParam(params);
  const user = await requireUser(request);
  const formData = await readForm(request);
  const result = await changeStatusFromForm(user, user.id, formData);
  // The front page's one-click "Mark as done" posts here too and goes back there.
  const home = formData.get("returnTo") === "home";
  if (!result.ok) {
    if (home) throw new Response("The step could not be changed.", { status: 400 });
    return data(result, { status: 400 });
  }
  // A fetcher (JavaScript) stays on the page: the answer is data, and the page revalidates.
  if (formData.get("js") === "1" && !home) return result;
  const query = `saved=${result.stepId}&was=${result.previous}`;
  if (home) return redirect(`/${lang}?${query}#home-plan`);
  return redirect(`/${lang}/onboarding?${query}#step-${result.stepId}`);
}

export default function MyOnboarding() {
  const { plan, supervisorName, saved, was } = useLoaderData<typeof loader>();
  const form = useActionData<typeof action>();
  const t = useT();
  const lang = useLang();
  const next = plan.items.find((i) => i.stepId === plan.summary.nextStepId) ?? null;
  const failed = form && !form.ok ? form : undefined;
  return (
    <>
      <h1>{t("onboarding.title")}</h1>
      <StatusErrorSummary form={failed} items={plan.items} />
      <p className="lead">{t("onboarding.lead")}</p>
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
      <LightPlan items={plan.items} saved={saved} was={was} failed={failed} />
      <p className="plan-footer">
        {t("onboarding.law")}{" "}
        {plan.person.startDate ? <Link to={`/${lang}/onboarding/calendar`}>{t("calendar.pageLink")}</Link> : null}
      </p>
    </>
  );
}
