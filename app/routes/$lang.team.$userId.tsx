// One person's plan, for the person, their supervisor, HR editors and admins (everyone else: 403).
// The supervisor can change statuses and add personal steps; HR and admins read.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import {
  AcknowledgementList,
  DueNext,
  PlanProgress,
  PlanSteps,
  StatusErrorSummary,
  StepScheduleFields,
  StepTitle,
  type StatusFormState,
} from "~/components/onboarding";
import { FieldErrors } from "~/components/forms";
import { FallbackNotice, LocalizedInline } from "~/components/localized";
import { formatDate, translator } from "~/i18n";
import { fallbackLanguages } from "~/i18n/content";
import { getAcknowledgementStates } from "~/models/acknowledgement.server";
import { canManagePersonalSteps, canUpdateProgress, canViewPlan } from "~/models/onboarding-rules";
import {
  changeStatusFromForm,
  createStep,
  getPerson,
  getPlan,
  listTemplates,
  NotAllowedError,
  stepFormSchema,
} from "~/models/onboarding.server";
import { getSupervisor } from "~/models/team.server";
import { clientIp, forbidden, requireUser, type CurrentUser } from "~/utils/auth.server";
import { type FormErrors, parseForm, readForm } from "~/utils/forms";
import { langParam } from "~/utils/lang-param.server";
import { titleMeta } from "~/utils/meta";
import { useLang, useT } from "~/utils/use-lang";
import { parseId } from "~/utils/ids";
import { formBodyLimit } from "~/utils/form-limits.server";
import { statusFormSchema } from "~/models/onboarding.server";

export const meta = titleMeta("onboarding.team.title");

/** The person whose plan this is, if the signed-in user may see it; otherwise a 403 (or 404). */
async function requirePlanAccess(user: CurrentUser, rawId: string | undefined) {
  const id = parseId(rawId);
  const person = id === null ? null : await getPerson(id);
  // Only those who could see any plan learn whether an id exists.
  if (!person)
    throw user.role === "admin" || user.role === "hr_editor" ? new Response("Not found", { status: 404 }) : forbidden();
  if (!canViewPlan(user, person)) throw forbidden();
  return person;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = langParam(params);
  const user = await requireUser(request);
  const person = await requirePlanAccess(user, params.userId);
  const canAddSteps = canManagePersonalSteps(user, person);
  const [plan, acks, supervisor, personalSteps] = await Promise.all([
    getPlan(person.id, lang),
    getAcknowledgementStates([person.id]),
    getSupervisor(person.id),
    canAddSteps ? listTemplates({ scope: "personal", forUserId: person.id }, lang) : Promise.resolve([]),
  ]);
  const url = new URL(request.url);
  return {
    title: translator(lang)("onboarding.person.title", { name: person.name }),
    plan: plan!,
    acknowledgements: acks.get(person.id)!,
    supervisorName: supervisor?.name ?? null,
    canUpdate: canUpdateProgress(user, person),
    canAddSteps,
    isSupervisor: person.supervisorId === user.id,
    personalSteps,
    saved: Number(url.searchParams.get("saved")) || null,
    added: url.searchParams.has("added"),
  };
}

type ActionResult =
  (StatusFormState & { intent: "status" }) | { intent: "addStep"; errors: FormErrors; values: Record<string, string> };

export const bodyLimit = () => formBodyLimit(stepFormSchema, statusFormSchema);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = langParam(params);
  const user = await requireUser(request);
  const person = await requirePlanAccess(user, params.userId);
  const formData = await readForm(request);
  try {
    if (formData.get("intent") === "addStep") {
      const form = parseForm(stepFormSchema, formData);
      if (!form.ok)
        return data<ActionResult>({ intent: "addStep", errors: form.errors, values: form.values }, { status: 400 });
      await createStep(user, { scope: "personal", forUserId: person.id }, form.data, lang, clientIp(context));
      return redirect(`/${lang}/team/${person.id}?added=1#personal-steps`);
    }
    const result = await changeStatusFromForm(user, person.id, formData);
    if (!result.ok) return data<ActionResult>({ intent: "status", ...result }, { status: 400 });
    return redirect(`/${lang}/team/${person.id}?saved=${result.stepId}#step-${result.stepId}`);
  } catch (error) {
    if (error instanceof NotAllowedError) throw forbidden();
    throw error;
  }
}

export default function PersonPlan() {
  const { plan, acknowledgements, supervisorName, canUpdate, canAddSteps, isSupervisor, personalSteps, saved, added } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const lang = useLang();
  const statusForm = result?.intent === "status" ? result : undefined;
  const stepForm = result?.intent === "addStep" ? result : undefined;
  const savedItem = saved ? plan.items.find((i) => i.stepId === saved) : undefined;
  const next = plan.items.find((i) => i.stepId === plan.summary.nextStepId) ?? null;
  const titleErrors = [...(stepForm?.errors?.title ?? []), ...(stepForm?.errors?.[`title_${lang}`] ?? [])];
  return (
    <>
      {isSupervisor ? (
        <p className="back-link">
          <Link to={`/${lang}/team`}>{t("onboarding.person.back")}</Link>
        </p>
      ) : null}
      <h1>{t("onboarding.person.title", { name: plan.person.name })}</h1>
      <StatusErrorSummary form={statusForm} items={plan.items} />
      {savedItem ? (
        <p className="notice notice--success" role="status">
          {t("onboarding.savedPrefix")} <StepTitle item={savedItem} /> – {t(`onboarding.status.${savedItem.status}`)}
        </p>
      ) : null}
      <dl className="facts">
        <dt>{t("onboarding.col.email")}</dt>
        <dd>{plan.person.email}</dd>
        <dt>{t("onboarding.startDate")}</dt>
        <dd>{plan.person.startDate ? formatDate(lang, plan.person.startDate) : t("onboarding.notRecorded")}</dd>
        <dt>{t("onboarding.supervisor")}</dt>
        <dd>{supervisorName ?? t("onboarding.notRecorded")}</dd>
      </dl>
      <PlanProgress summary={plan.summary} />
      <DueNext item={next} total={plan.summary.total} />
      <section aria-labelledby="acks">
        <h2 id="acks">{t("onboarding.col.acks")}</h2>
        <AcknowledgementList states={acknowledgements} />
      </section>
      <FallbackNotice langs={fallbackLanguages(plan.items.flatMap((i) => [i.title, i.description]))} />
      <PlanSteps items={plan.items} canEdit={canUpdate} form={statusForm} />
      {canAddSteps ? (
        <section aria-labelledby="personal-steps" className="form--separate">
          <h2 id="personal-steps">{t("onboarding.personal.heading")}</h2>
          {added ? (
            <p className="notice notice--success" role="status">
              {t("onboarding.personal.added")}
            </p>
          ) : null}
          {personalSteps.length > 0 ? (
            <>
              <h3>{t("onboarding.personal.listHeading")}</h3>
              <ul className="template-list">
                {personalSteps.map((step) => (
                  <li key={step.id}>
                    <span>
                      {step.title ? <LocalizedInline text={step.title} /> : step.id} (
                      {t(`onboarding.due.${step.dueRule}`)})
                      {step.archived ? <> – {t("onboarding.templates.archived")}</> : null}
                    </span>{" "}
                    <Link to={`/${lang}/onboarding/templates/${step.id}`}>
                      {t("onboarding.templates.edit")}
                      <span className="visually-hidden">: {step.title?.value}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <p>{t("onboarding.personal.intro", { name: plan.person.name })}</p>
          <Form method="post" className="form" noValidate>
            <input type="hidden" name="intent" value="addStep" />
            <div className={`field${titleErrors.length ? " field--invalid" : ""}`}>
              <label htmlFor={`field-title_${lang}`}>{t("onboarding.form.title")}</label>
              <FieldErrors announce id="personal-title-errors" errors={titleErrors} />
              <input
                id={`field-title_${lang}`}
                name={`title_${lang}`}
                maxLength={200}
                required
                defaultValue={stepForm?.values[`title_${lang}`] ?? ""}
                aria-invalid={titleErrors.length ? true : undefined}
                aria-describedby={titleErrors.length ? "personal-title-errors" : undefined}
              />
            </div>
            <div className="field">
              <label htmlFor={`field-description_${lang}`}>{t("onboarding.form.description")}</label>
              <textarea
                id={`field-description_${lang}`}
                name={`description_${lang}`}
                rows={3}
                maxLength={2000}
                defaultValue={stepForm?.values[`description_${lang}`] ?? ""}
              />
            </div>
            <StepScheduleFields values={stepForm?.values ?? {}} errors={stepForm?.errors} allowAcknowledges={false} />
            <button type="submit" className="button">
              {t("onboarding.personal.add")}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
