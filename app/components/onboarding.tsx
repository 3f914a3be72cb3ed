// Onboarding UI (issue 6): a plain task list with honest statuses (GOV.UK task-list pattern),
// status changes as ordinary forms (no JavaScript needed), the progress bar with its numbers in
// text, the read-acknowledgement panel, the step form and the server-rendered progress chart.
import { Form, Link } from "@remix-run/react";
import { Fragment } from "react";
import { formatDate, languageNames, languages, formatNumber, type Lang } from "~/i18n";
import type { Localized } from "~/i18n/content";
import { DUE_RULES, type DueRule } from "~/models/onboarding-dates";
import type { AcknowledgementState } from "~/models/acknowledgement.server";
import type { OrgDocument, PlanSummary, StepStatus } from "~/models/onboarding-rules";
import type { FormErrors } from "~/utils/forms";
import { FieldErrors } from "./forms";
import { LocalizedInline } from "./localized";
import { useLang, useT } from "~/utils/use-lang";

/** What the pages get from the loaders (serialised PlanItem). */
export interface PlanItemView {
  stepId: number;
  scope: "agency" | "unit" | "personal";
  dueRule: DueRule;
  dueDate: string | null;
  contentPath: string | null;
  acknowledges: OrgDocument | null;
  archived: boolean;
  title: Localized<string> | null;
  description: Localized<string> | null;
  status: StepStatus;
  blockedReason: string | null;
  completedAt: string | null;
  overdue: boolean;
}

export interface StatusFormState {
  stepId?: number;
  errors?: FormErrors;
  values?: Record<string, string>;
}

export function StatusTag({ status }: { status: StepStatus }) {
  const t = useT();
  return <strong className={`tag tag--${status.replace("_", "-")}`}>{t(`onboarding.status.${status}`)}</strong>;
}

export function OverdueTag() {
  const t = useT();
  return <strong className="tag tag--overdue">{t("onboarding.overdue")}</strong>;
}

/** The accessible progress bar: a labelled <progress>, with the same numbers as text. */
export function PlanProgress({ summary, id = "plan-progress" }: { summary: PlanSummary; id?: string }) {
  const t = useT();
  const lang = useLang();
  return (
    <div className="plan-progress">
      <label htmlFor={id}>{t("onboarding.progressLabel")}</label>
      <progress id={id} max={Math.max(summary.total, 1)} value={summary.completed} aria-describedby={`${id}-text`}>
        {summary.percent} %
      </progress>
      <p id={`${id}-text`} className="plan-progress__text">
        {t("onboarding.progressText", {
          completed: summary.completed,
          total: summary.total,
          percent: formatNumber(lang, summary.percent),
        })}
        {summary.overdue > 0 ? <> {t("onboarding.overdueCount", { count: summary.overdue })}</> : null}
      </p>
    </div>
  );
}

export function StepTitle({ item }: { item: Pick<PlanItemView, "title" | "stepId"> }) {
  const t = useT();
  return item.title ? <LocalizedInline text={item.title} /> : <>{t("onboarding.untitled", { id: item.stepId })}</>;
}

/** The next step to do, or a note that everything is done. */
export function DueNext({ item, total }: { item: PlanItemView | null; total: number }) {
  const t = useT();
  const lang = useLang();
  return (
    <section aria-labelledby="due-next" className="due-next">
      <h2 id="due-next">{t("onboarding.nextHeading")}</h2>
      {item ? (
        <p>
          <a href={`#step-${item.stepId}`}>
            <StepTitle item={item} />
          </a>
          {item.dueDate ? <> – {t("onboarding.dueOn", { date: formatDate(lang, item.dueDate) })}</> : null}{" "}
          {item.overdue ? <OverdueTag /> : null}
        </p>
      ) : (
        <p>{total === 0 ? t("onboarding.emptyPlan") : t("onboarding.nextNone")}</p>
      )}
    </section>
  );
}

/**
 * The plan as a task list grouped by due period. With `canEdit`, each step has a status form that
 * posts to the current page.
 */
export function PlanSteps({
  items,
  canEdit,
  form,
}: {
  items: PlanItemView[];
  canEdit: boolean;
  form?: StatusFormState;
}) {
  const t = useT();
  const groups = DUE_RULES.map((rule) => ({ rule, items: items.filter((i) => i.dueRule === rule) })).filter(
    (g) => g.items.length,
  );
  return (
    <>
      {groups.map((group) => (
        <section key={group.rule} aria-labelledby={`due-${group.rule}`}>
          <h2 id={`due-${group.rule}`}>{t(`onboarding.due.${group.rule}`)}</h2>
          <ol className="onboarding-tasks">
            {group.items.map((item) => (
              <PlanStep
                key={item.stepId}
                item={item}
                canEdit={canEdit && !item.archived}
                form={form?.stepId === item.stepId ? form : undefined}
              />
            ))}
          </ol>
        </section>
      ))}
    </>
  );
}

function PlanStep({ item, canEdit, form }: { item: PlanItemView; canEdit: boolean; form?: StatusFormState }) {
  const t = useT();
  const lang = useLang();
  const titleId = `step-${item.stepId}-title`;
  return (
    <li id={`step-${item.stepId}`} className={`task${item.overdue ? " task--overdue" : ""}`}>
      <h3 id={titleId} className="task__title">
        <StepTitle item={item} />
      </h3>
      <p className="task__meta">
        <StatusTag status={item.status} /> {item.overdue ? <OverdueTag /> : null}{" "}
        <span>{t(`onboarding.scope.${item.scope}`)}</span>
        {item.dueDate ? <> · {t("onboarding.dueOn", { date: formatDate(lang, item.dueDate) })}</> : null}
        {item.completedAt ? <> · {t("onboarding.completedOn", { date: formatDate(lang, item.completedAt) })}</> : null}
      </p>
      {item.description ? (
        <p className="task__description" lang={item.description.lang !== lang ? item.description.lang : undefined}>
          {item.description.value}
        </p>
      ) : null}
      {item.contentPath ? (
        <p>
          <Link to={`/${lang}${item.contentPath}`}>
            {t(item.acknowledges ? "onboarding.readAndAcknowledge" : "onboarding.openPage")}
            <span className="visually-hidden">
              : <StepTitle item={item} />
            </span>
          </Link>
        </p>
      ) : null}
      {item.status === "blocked" && item.blockedReason ? (
        <p className="task__reason">{t("onboarding.blockedBecause", { reason: item.blockedReason })}</p>
      ) : null}
      {item.archived ? <p className="muted">{t("onboarding.archivedNote")}</p> : null}
      {canEdit ? <StatusForm item={item} form={form} /> : null}
    </li>
  );
}

function StatusForm({ item, form }: { item: PlanItemView; form?: StatusFormState }) {
  const t = useT();
  const id = (s: string) => `status-${item.stepId}-${s}`;
  const reasonId = `reason-${item.stepId}`;
  const reasonErrors = form?.errors?.blockedReason;
  const formErrors = [...(form?.errors?.form ?? []), ...(form?.errors?.status ?? [])];
  const chosen = form?.values?.status ?? item.status;
  // Completing a reading step happens by acknowledging the page (the record is the proof).
  const statuses: StepStatus[] =
    item.acknowledges && item.status !== "completed"
      ? ["not_started", "in_progress", "blocked"]
      : ["not_started", "in_progress", "completed", "blocked"];
  return (
    <Form method="post" className="task__form" preventScrollReset>
      <input type="hidden" name="intent" value="status" />
      <input type="hidden" name="stepId" value={item.stepId} />
      <FieldErrors announce id={`status-errors-${item.stepId}`} errors={formErrors} />
      <fieldset className="status-choice">
        <legend>
          {t("onboarding.statusLegend")}
          <span className="visually-hidden">
            : <StepTitle item={item} />
          </span>
        </legend>
        {statuses.map((status) => (
          <div className="status-choice__option" key={status}>
            <input type="radio" id={id(status)} name="status" value={status} defaultChecked={chosen === status} />
            <label htmlFor={id(status)}>{t(`onboarding.status.${status}`)}</label>
          </div>
        ))}
      </fieldset>
      {item.acknowledges && item.status !== "completed" ? (
        <p className="field__hint">{t("onboarding.ackHint")}</p>
      ) : null}
      <div className={`field field--compact${reasonErrors?.length ? " field--invalid" : ""}`}>
        <label htmlFor={reasonId}>{t("onboarding.reasonLabel")}</label>
        <FieldErrors announce id={`${reasonId}-errors`} errors={reasonErrors} />
        <textarea
          id={reasonId}
          name="blockedReason"
          rows={2}
          maxLength={500}
          defaultValue={form?.values?.blockedReason ?? item.blockedReason ?? ""}
          aria-invalid={reasonErrors?.length ? true : undefined}
          aria-describedby={reasonErrors?.length ? `${reasonId}-errors` : undefined}
        />
      </div>
      <button type="submit" className="button button--secondary">
        {t("onboarding.save")}
        <span className="visually-hidden">
          : <StepTitle item={item} />
        </span>
      </button>
    </Form>
  );
}

/** A page-level summary after a failed status change, linking to the step's form. */
export function StatusErrorSummary({ form, items }: { form?: StatusFormState; items: PlanItemView[] }) {
  const t = useT();
  if (!form?.errors || !form.stepId) return null;
  const item = items.find((i) => i.stepId === form.stepId);
  const target = form.errors.blockedReason ? `#reason-${form.stepId}` : `#step-${form.stepId}`;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{t("a11y.form.errorSummary")}</h2>
      <ul>
        {Object.values(form.errors)
          .flat()
          .map((e) => (
            <li key={e.key}>
              <a href={target}>
                {item ? <StepTitle item={item} /> : null}: {t(e.key, e.params)}
              </a>
            </li>
          ))}
      </ul>
    </div>
  );
}

// ---- acknowledgements --------------------------------------------------------------------------

/** "I have read and understood" on the values, goals and strategy pages (signed-in readers). */
export function AcknowledgementPanel({
  state,
  justAcknowledged,
  stepCompleted,
}: {
  state: AcknowledgementState | null;
  justAcknowledged: boolean;
  stepCompleted: boolean;
}) {
  const t = useT();
  const lang = useLang();
  return (
    <section aria-labelledby="acknowledgement" className="acknowledgement">
      <h2 id="acknowledgement">{t("onboarding.ack.heading")}</h2>
      {justAcknowledged ? (
        <div className="notice notice--success" role="status">
          <p>{t("onboarding.ack.thanks")}</p>
          {stepCompleted ? (
            <p>
              {t("onboarding.ack.stepCompleted")} <Link to={`/${lang}/onboarding`}>{t("onboarding.nav.mine")}</Link>
            </p>
          ) : null}
        </div>
      ) : null}
      {state?.current ? (
        <p>{t("onboarding.ack.done", { date: formatDate(lang, state.acknowledgedAt) })}</p>
      ) : (
        <>
          {state ? (
            <p className="notice notice--review">
              {t("onboarding.ack.askedAgain", { date: formatDate(lang, state.acknowledgedAt) })}
            </p>
          ) : (
            <p>{t("onboarding.ack.intro")}</p>
          )}
          <Form method="post">
            <input type="hidden" name="intent" value="acknowledge" />
            <button type="submit" className="button">
              {t("onboarding.ack.button")}
            </button>
          </Form>
        </>
      )}
    </section>
  );
}

/** One person's three acknowledgements, as a short list. */
export function AcknowledgementList({ states }: { states: Record<OrgDocument, AcknowledgementState | null> }) {
  const t = useT();
  const lang = useLang();
  return (
    <ul className="ack-list">
      {(["values", "goals", "strategy"] as const).map((doc) => {
        const state = states[doc];
        return (
          <li key={doc}>
            {t(`onboarding.ack.doc.${doc}`)}:{" "}
            {!state
              ? t("onboarding.ack.none")
              : state.current
                ? formatDate(lang, state.acknowledgedAt)
                : t("onboarding.ack.askedAgainShort")}
          </li>
        );
      })}
    </ul>
  );
}

// ---- the step form ----------------------------------------------------------------------------

/** Texts in the three languages, due rule, link and acknowledgement of one step. */
export function StepFields({
  values,
  errors,
  allowAcknowledges = true,
}: {
  values: Record<string, string>;
  errors?: FormErrors;
  allowAcknowledges?: boolean;
}) {
  const t = useT();
  const pageLang = useLang();
  const order: Lang[] = [pageLang, ...languages.filter((l) => l !== pageLang)];
  const invalid = (name: string) => (errors?.[name]?.length ? true : undefined);
  return (
    <>
      <p className="field__hint" id="texts-hint">
        {t("onboarding.form.textsHint")}
      </p>
      <FieldErrors announce id="field-title" errors={errors?.title} />
      {order.map((lang) => (
        <fieldset key={lang} className="step-texts" lang={lang}>
          <legend>{languageNames[lang]}</legend>
          <div className={`field${invalid(`title_${lang}`) ? " field--invalid" : ""}`}>
            <label htmlFor={`field-title_${lang}`} lang={pageLang}>
              {t("onboarding.form.title")}
            </label>
            <FieldErrors announce id={`field-title_${lang}-errors`} errors={errors?.[`title_${lang}`]} />
            <input
              id={`field-title_${lang}`}
              name={`title_${lang}`}
              defaultValue={values[`title_${lang}`] ?? ""}
              maxLength={200}
              aria-invalid={invalid(`title_${lang}`)}
              aria-describedby={invalid(`title_${lang}`) ? `field-title_${lang}-errors` : "texts-hint"}
            />
          </div>
          <div className={`field${invalid(`description_${lang}`) ? " field--invalid" : ""}`}>
            <label htmlFor={`field-description_${lang}`} lang={pageLang}>
              {t("onboarding.form.description")}
            </label>
            <FieldErrors announce id={`field-description_${lang}-errors`} errors={errors?.[`description_${lang}`]} />
            <textarea
              id={`field-description_${lang}`}
              name={`description_${lang}`}
              rows={3}
              maxLength={2000}
              defaultValue={values[`description_${lang}`] ?? ""}
              aria-invalid={invalid(`description_${lang}`)}
              aria-describedby={invalid(`description_${lang}`) ? `field-description_${lang}-errors` : undefined}
            />
          </div>
        </fieldset>
      ))}
      <StepScheduleFields values={values} errors={errors} allowAcknowledges={allowAcknowledges} />
    </>
  );
}

/** Due rule, order, link and acknowledgement: the language-independent part of a step. */
export function StepScheduleFields({
  values,
  errors,
  allowAcknowledges = true,
}: {
  values: Record<string, string>;
  errors?: FormErrors;
  allowAcknowledges?: boolean;
}) {
  const t = useT();
  const invalid = (name: string) => (errors?.[name]?.length ? true : undefined);
  return (
    <>
      <div className={`field${invalid("dueRule") ? " field--invalid" : ""}`}>
        <label htmlFor="field-dueRule">{t("onboarding.form.dueRule")}</label>
        <p className="field__hint" id="field-dueRule-hint">
          {t("onboarding.form.dueRuleHint")}
        </p>
        <FieldErrors announce id="field-dueRule-errors" errors={errors?.dueRule} />
        <select
          id="field-dueRule"
          name="dueRule"
          defaultValue={values.dueRule ?? "first_week"}
          aria-describedby="field-dueRule-hint"
        >
          {DUE_RULES.map((rule) => (
            <option key={rule} value={rule}>
              {t(`onboarding.due.${rule}`)}
            </option>
          ))}
        </select>
      </div>
      <div className={`field${invalid("contentPath") ? " field--invalid" : ""}`}>
        <label htmlFor="field-contentPath">{t("onboarding.form.contentPath")}</label>
        <p className="field__hint" id="field-contentPath-hint">
          {t("onboarding.form.contentPathHint")}
        </p>
        <FieldErrors announce id="field-contentPath-errors" errors={errors?.contentPath} />
        <input
          id="field-contentPath"
          name="contentPath"
          defaultValue={values.contentPath ?? ""}
          maxLength={300}
          aria-invalid={invalid("contentPath")}
          aria-describedby={`field-contentPath-hint${invalid("contentPath") ? " field-contentPath-errors" : ""}`}
        />
      </div>
      {allowAcknowledges ? (
        <div className={`field${invalid("acknowledges") ? " field--invalid" : ""}`}>
          <label htmlFor="field-acknowledges">{t("onboarding.form.acknowledges")}</label>
          <FieldErrors announce id="field-acknowledges-errors" errors={errors?.acknowledges} />
          <select
            id="field-acknowledges"
            name="acknowledges"
            defaultValue={values.acknowledges ?? ""}
            aria-invalid={invalid("acknowledges")}
            aria-describedby={invalid("acknowledges") ? "field-acknowledges-errors" : undefined}
          >
            <option value="">{t("onboarding.form.acknowledgesNone")}</option>
            {(["values", "goals", "strategy"] as const).map((doc) => (
              <option key={doc} value={doc}>
                {t(`onboarding.ack.doc.${doc}`)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className={`field field--narrow${invalid("position") ? " field--invalid" : ""}`}>
        <label htmlFor="field-position">{t("onboarding.form.position")}</label>
        <FieldErrors announce id="field-position-errors" errors={errors?.position} />
        <input
          id="field-position"
          name="position"
          type="number"
          min={0}
          max={999}
          inputMode="numeric"
          defaultValue={values.position ?? "0"}
        />
      </div>
    </>
  );
}

/** Labels of the step form's fields, for the error summary. */
export function useStepFieldLabels(): Record<string, string> {
  const t = useT();
  const labels: Record<string, string> = {
    title: t("onboarding.form.title"),
    dueRule: t("onboarding.form.dueRule"),
    contentPath: t("onboarding.form.contentPath"),
    position: t("onboarding.form.position"),
  };
  for (const lang of languages) {
    labels[`title_${lang}`] = `${t("onboarding.form.title")} (${languageNames[lang]})`;
    labels[`description_${lang}`] = `${t("onboarding.form.description")} (${languageNames[lang]})`;
  }
  return labels;
}

// ---- the chart ----------------------------------------------------------------------------------

export interface UnitProgressView {
  slug: string | null;
  name: Localized<string> | null;
  people: number;
  completed: number;
  total: number;
  percent: number;
}

/**
 * Progress by unit as a server-rendered SVG bar chart (no script, no inline styles). Screen
 * readers get a summary name here and the full figures in the table that follows it.
 */
export function ProgressChart({
  rows,
  titleId,
  descId,
}: {
  rows: UnitProgressView[];
  titleId: string;
  descId: string;
}) {
  const t = useT();
  const lang = useLang();
  const width = 640;
  const rowHeight = 52;
  const barX = 0;
  const barWidth = 560;
  const height = Math.max(rows.length, 1) * rowHeight + 8;
  return (
    <svg
      className="progress-chart"
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      role="img"
      aria-labelledby={titleId}
      aria-describedby={descId}
      focusable="false"
    >
      {rows.map((row, i) => {
        const y = i * rowHeight;
        const name = row.name?.value ?? t("onboarding.hr.noUnit");
        const filled = Math.round((barWidth * row.percent) / 100);
        return (
          <Fragment key={row.slug ?? "none"}>
            <text
              x={barX}
              y={y + 16}
              className="progress-chart__label"
              lang={row.name && row.name.lang !== lang ? row.name.lang : undefined}
            >
              {name} ({t("onboarding.hr.peopleCount", { count: row.people })})
            </text>
            <rect x={barX} y={y + 24} width={barWidth} height={18} className="progress-chart__track" />
            <rect x={barX} y={y + 24} width={filled} height={18} className="progress-chart__bar" />
            <text x={barX + barWidth + 8} y={y + 38} className="progress-chart__value">
              {formatNumber(lang, row.percent)} %
            </text>
          </Fragment>
        );
      })}
    </svg>
  );
}
