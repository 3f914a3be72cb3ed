// The lighter onboarding plan: one primary action per step ("Mark as done", or "Read and
// acknowledge" where reading is confirmed on the page itself), "In progress" and "Cannot start
// yet" as secondary actions (the reason field only inside the latter's disclosure), completed
// steps folded into one line per phase, and undo. Every action is a plain form; with JavaScript
// a fetcher submits it so the page stays where it is.
import { Form, Link, useFetcher } from "@remix-run/react";
import { useEffect, useState, type ReactNode } from "react";
import { formatDate } from "~/i18n";
import { DUE_RULES } from "~/models/onboarding-dates";
import type { StepStatus } from "~/models/onboarding-rules";
import type { FieldError, FormErrors } from "~/utils/forms";
import { useLang, useT } from "~/utils/use-lang";
import { FieldErrors } from "./forms";
import { OverdueTag, StatusTag, StepTitle, type PlanItemView, type StatusFormState } from "./onboarding";

type FetcherResult =
  | { ok: true; stepId: number; status: StepStatus; previous: StepStatus }
  | { ok: false; stepId?: number; errors: FormErrors; values: Record<string, string> };

/** True once the page runs JavaScript (never during server rendering, so no hydration mismatch). */
function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

/** What "undo" goes back to: the status before completing ("cannot start yet" lost its reason). */
export function undoStatus(previous: StepStatus | null): StepStatus {
  return previous === "in_progress" ? "in_progress" : "not_started";
}

export function LightPlan({
  items,
  saved,
  was,
  failed,
}: {
  items: PlanItemView[];
  /** The step just changed (no-JavaScript redirect), and its status before. */
  saved: number | null;
  was: StepStatus | null;
  /** A failed no-JavaScript submission. */
  failed?: StatusFormState;
}) {
  const t = useT();
  // Steps completed on this page stay in place (with "Undo") until the next visit.
  const [justDone, setJustDone] = useState<Map<number, StepStatus>>(
    () => new Map(saved ? [[saved, was ?? "not_started"]] : []),
  );
  const markDone = (stepId: number, previous: StepStatus) =>
    setJustDone((current) => (current.get(stepId) === previous ? current : new Map(current).set(stepId, previous)));
  const groups = DUE_RULES.map((rule) => ({ rule, items: items.filter((i) => i.dueRule === rule) })).filter(
    (g) => g.items.length,
  );
  return (
    <>
      {groups.map((group) => {
        const open = group.items.filter((i) => i.status !== "completed" || justDone.has(i.stepId));
        const done = group.items.filter((i) => i.status === "completed" && !justDone.has(i.stepId));
        return (
          <section key={group.rule} aria-labelledby={`due-${group.rule}`} className="plan-phase">
            <h2 id={`due-${group.rule}`}>{t(`onboarding.due.${group.rule}`)}</h2>
            {open.length ? (
              <ol className="onboarding-tasks">
                {open.map((item) => (
                  <StepCard
                    key={item.stepId}
                    item={item}
                    savedNow={saved === item.stepId}
                    previous={justDone.get(item.stepId) ?? null}
                    failed={failed?.stepId === item.stepId ? failed : undefined}
                    onCompleted={markDone}
                  />
                ))}
              </ol>
            ) : null}
            {done.length ? (
              <details className="phase-done">
                <summary>{t("plan.completedSummary", { completed: done.length, total: group.items.length })}</summary>
                <ul className="phase-done__list">
                  {done.map((item) => (
                    <CompletedStep key={item.stepId} item={item} />
                  ))}
                </ul>
              </details>
            ) : null}
          </section>
        );
      })}
    </>
  );
}

/** The hidden fields of every status form; `js` tells the action to answer with data. */
function StatusFields({ stepId, hydrated }: { stepId: number; hydrated: boolean }) {
  return (
    <>
      <input type="hidden" name="intent" value="status" />
      <input type="hidden" name="stepId" value={stepId} />
      {hydrated ? <input type="hidden" name="js" value="1" /> : null}
    </>
  );
}

function Hidden({ children }: { children: ReactNode }) {
  return <span className="visually-hidden">{children}</span>;
}

function StepCard({
  item,
  savedNow,
  previous,
  failed,
  onCompleted,
}: {
  item: PlanItemView;
  savedNow: boolean;
  previous: StepStatus | null;
  failed?: StatusFormState;
  onCompleted: (stepId: number, previous: StepStatus) => void;
}) {
  const t = useT();
  const lang = useLang();
  const fetcher = useFetcher<FetcherResult>();
  const hydrated = useHydrated();
  const result = fetcher.data;
  useEffect(() => {
    if (result?.ok && result.status === "completed") onCompleted(item.stepId, result.previous);
  }, [result, item.stepId, onCompleted]);

  const fetcherFailed = result && !result.ok ? result : undefined;
  const errors = fetcherFailed?.errors ?? failed?.errors;
  const values = fetcherFailed?.values ?? failed?.values;
  const reasonErrors = errors?.blockedReason;
  const formErrors = [...(errors?.form ?? []), ...(errors?.status ?? [])];
  const busy = fetcher.state !== "idle";
  const changedHere = savedNow || (result?.ok ?? false);
  const title = (
    <Hidden>
      : <StepTitle item={item} />
    </Hidden>
  );

  if (item.status === "completed") {
    // Just completed on this page: stays in place with "Undo" (folded away on the next visit).
    return (
      <li id={`step-${item.stepId}`} className="task task--done-now">
        <h3 className="task__title">
          <StepTitle item={item} />
        </h3>
        <p role="status" className="task__saved">
          {t("plan.markedDone")}
        </p>
        {!item.acknowledges ? (
          <fetcher.Form method="post" className="task__actions" preventScrollReset>
            <StatusFields stepId={item.stepId} hydrated={hydrated} />
            <input type="hidden" name="status" value={undoStatus(previous)} />
            <button type="submit" className="button button--secondary" disabled={busy}>
              {t("plan.undo")}
              {title}
            </button>
          </fetcher.Form>
        ) : null}
      </li>
    );
  }

  return (
    <li id={`step-${item.stepId}`} className={`task${item.overdue ? " task--overdue" : ""}`}>
      <h3 className="task__title">
        <StepTitle item={item} />
      </h3>
      <p className="task__meta">
        <StatusTag status={item.status} /> {item.overdue ? <OverdueTag /> : null}{" "}
        <span>{t(`onboarding.scope.${item.scope}`)}</span>
        {item.dueDate ? <> · {t("onboarding.dueOn", { date: formatDate(lang, item.dueDate) })}</> : null}
      </p>
      {item.description ? (
        <p className="task__description" lang={item.description.lang !== lang ? item.description.lang : undefined}>
          {item.description.value}
        </p>
      ) : null}
      {item.status === "blocked" && item.blockedReason ? (
        <p className="task__reason">{t("onboarding.blockedBecause", { reason: item.blockedReason })}</p>
      ) : null}
      {changedHere && !errors ? (
        <p role="status" className="task__saved">
          {t("plan.saved", { status: t(`onboarding.status.${item.status}`) })}
        </p>
      ) : null}
      <FieldErrors announce id={`status-errors-${item.stepId}`} errors={formErrors} />
      <div className="task__actions">
        {item.acknowledges && item.contentPath ? (
          <Link className="button" to={`/${lang}${item.contentPath}`}>
            {t("onboarding.readAndAcknowledge")}
            {title}
          </Link>
        ) : (
          <fetcher.Form method="post" preventScrollReset>
            <StatusFields stepId={item.stepId} hydrated={hydrated} />
            <button type="submit" name="status" value="completed" className="button" disabled={busy}>
              {t("plan.markDone")}
              {title}
            </button>
          </fetcher.Form>
        )}
        {item.contentPath && !item.acknowledges ? (
          <Link to={`/${lang}${item.contentPath}`} className="task__link">
            {t("onboarding.openPage")}
            {title}
          </Link>
        ) : null}
        {item.status !== "in_progress" ? (
          <fetcher.Form method="post" preventScrollReset>
            <StatusFields stepId={item.stepId} hydrated={hydrated} />
            <button
              type="submit"
              name="status"
              value="in_progress"
              className="button button--secondary"
              disabled={busy}
            >
              {t("plan.inProgress")}
              {title}
            </button>
          </fetcher.Form>
        ) : null}
        <details className="task__blocked" open={reasonErrors?.length ? true : undefined}>
          <summary>
            {t(item.status === "blocked" ? "plan.changeReason" : "plan.cannotStart")}
            {title}
          </summary>
          <fetcher.Form method="post" preventScrollReset className="task__blocked-form">
            <StatusFields stepId={item.stepId} hydrated={hydrated} />
            <input type="hidden" name="status" value="blocked" />
            <BlockedReasonField
              stepId={item.stepId}
              errors={reasonErrors}
              defaultValue={values?.blockedReason ?? item.blockedReason ?? ""}
            />
            <button type="submit" className="button button--secondary" disabled={busy}>
              {t("plan.saveCannotStart")}
              {title}
            </button>
          </fetcher.Form>
        </details>
      </div>
    </li>
  );
}

function BlockedReasonField({
  stepId,
  errors,
  defaultValue,
}: {
  stepId: number;
  errors?: FieldError[];
  defaultValue: string;
}) {
  const t = useT();
  const id = `reason-${stepId}`;
  const invalid = !!errors?.length;
  return (
    <div className={`field field--compact${invalid ? " field--invalid" : ""}`}>
      <label htmlFor={id}>{t("onboarding.reasonLabel")}</label>
      <FieldErrors announce id={`${id}-errors`} errors={errors} />
      <textarea
        id={id}
        name="blockedReason"
        rows={2}
        maxLength={500}
        defaultValue={defaultValue}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-errors` : undefined}
      />
    </div>
  );
}

/** A completed step in its phase's folded list, with "Mark as not done" (not for reading steps). */
function CompletedStep({ item }: { item: PlanItemView }) {
  const t = useT();
  const lang = useLang();
  const fetcher = useFetcher<FetcherResult>();
  const hydrated = useHydrated();
  return (
    <li id={`step-${item.stepId}`} className="phase-done__item">
      <span>
        <StepTitle item={item} />
        {item.completedAt ? <> – {t("onboarding.completedOn", { date: formatDate(lang, item.completedAt) })}</> : null}
        {item.archived ? <> ({t("onboarding.archivedNote")})</> : null}
      </span>
      {!item.acknowledges && !item.archived ? (
        <fetcher.Form method="post" preventScrollReset className="phase-done__undo">
          <StatusFields stepId={item.stepId} hydrated={hydrated} />
          <input type="hidden" name="status" value="not_started" />
          <button type="submit" className="button-link" disabled={fetcher.state !== "idle"}>
            {t("plan.markNotDone")}
            <Hidden>
              : <StepTitle item={item} />
            </Hidden>
          </button>
        </fetcher.Form>
      ) : null}
    </li>
  );
}

/**
 * The front page's one-click "Mark as done": a plain form posting to the plan, which sends the
 * browser back to the front page (with or without JavaScript).
 */
export function HomeStepForm({
  stepId,
  status,
  label,
  className,
  children,
}: {
  stepId: number;
  status: StepStatus;
  label: string;
  className: string;
  children?: ReactNode;
}) {
  const lang = useLang();
  return (
    <Form method="post" action={`/${lang}/onboarding`} preventScrollReset className="home-step__form">
      <input type="hidden" name="intent" value="status" />
      <input type="hidden" name="stepId" value={stepId} />
      <input type="hidden" name="status" value={status} />
      <input type="hidden" name="returnTo" value="home" />
      <button type="submit" className={className}>
        {label}
        {children}
      </button>
    </Form>
  );
}
