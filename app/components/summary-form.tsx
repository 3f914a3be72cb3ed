// The compose form of a goal summary (new and edit). Every agency goal and vision point has its
// own fieldset: a checkbox, the team's text and a fixed number of target rows, so the form works
// without JavaScript; saving the draft brings more empty rows.
import { Form, useNavigation } from "@remix-run/react";
import { useEffect } from "react";
import { ErrorSummary, Field, FieldErrors, TextareaField } from "~/components/forms";
import { languages, type Translator } from "~/i18n";
import { SUMMARY_LIMITS } from "~/models/summary-rules";
import type { AgencyPoint, ItemInput, SummaryFormState } from "~/models/summary.server";
import type { FormErrors } from "~/utils/forms";
import { useLang, useT } from "~/utils/use-lang";

const LIMITS = SUMMARY_LIMITS;

function pointLabel(t: Translator, point: AgencyPoint) {
  return point.kind === "goal"
    ? t("summaries.goalLabel", { number: point.number })
    : t("summaries.visionLabel", { number: point.number });
}

export function SummaryForm({
  points,
  state,
  errors,
  status,
  formKey,
}: {
  points: AgencyPoint[];
  state: SummaryFormState;
  errors?: FormErrors;
  status: "new" | "draft" | "published";
  formKey: string;
}) {
  const t = useT();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";

  useEffect(() => {
    if (errors && Object.keys(errors).length) document.querySelector<HTMLElement>(".error-summary")?.focus();
  }, [errors]);

  const labels: Record<string, string> = {
    title: t("summaries.fieldTitle"),
    lang: t("summaries.fieldLang"),
    intro: t("summaries.fieldIntro"),
    items: t("summaries.goalsHeading"),
  };
  for (const point of points) {
    const base = pointLabel(t, point);
    labels[`${point.key}.teamText`] = `${base}: ${t("summaries.teamText")}`;
    (state.items[point.key]?.targets ?? []).forEach((_, i) => {
      labels[`${point.key}.targets.${i}.text`] = `${base}: ${t("summaries.targetText", { number: i + 1 })}`;
      labels[`${point.key}.targets.${i}.owner`] = `${base}: ${t("summaries.targetOwner", { number: i + 1 })}`;
      labels[`${point.key}.targets.${i}.dueDate`] = `${base}: ${t("summaries.targetDue", { number: i + 1 })}`;
    });
  }

  const goals = points.filter((p) => p.kind === "goal");
  const vision = points.filter((p) => p.kind === "vision");

  return (
    <Form method="post" className="form summary-form" noValidate key={formKey}>
      <ErrorSummary errors={errors} labels={labels} />
      {/* The version this form was read at: a save based on an older one is a conflict, not an overwrite. */}
      <input type="hidden" name="version" value={state.version} />
      <Field
        name="title"
        label={labels.title}
        defaultValue={state.title}
        errors={errors?.title}
        required
        maxLength={LIMITS.title}
        autoComplete="off"
      />
      <div className={`field${errors?.lang ? " field--invalid" : ""}`}>
        <label htmlFor="field-lang">{labels.lang}</label>
        <p id="field-lang-hint" className="field__hint">
          {t("summaries.fieldLangHint")}
        </p>
        <select id="field-lang" name="lang" defaultValue={state.lang} aria-describedby="field-lang-hint">
          {languages.map((l) => (
            <option key={l} value={l}>
              {t(`summaries.langOption.${l}`)}
            </option>
          ))}
        </select>
      </div>
      <TextareaField
        name="intro"
        label={labels.intro}
        hint={t("summaries.markdownHint")}
        defaultValue={state.intro}
        errors={errors?.intro}
        rows={5}
        maxLength={LIMITS.intro}
      />

      <div id="field-items" tabIndex={-1} className="summary-form__points">
        <h2>{t("summaries.goalsHeading")}</h2>
        <p className="field__hint">{t("summaries.goalsHint")}</p>
        <FieldErrors errors={errors?.items} />
        {goals.map((point) => (
          <PointFieldset key={point.key} point={point} item={state.items[point.key]} errors={errors} />
        ))}
        {vision.length ? (
          <>
            <h2>{t("summaries.visionHeading")}</h2>
            {vision.map((point) => (
              <PointFieldset key={point.key} point={point} item={state.items[point.key]} errors={errors} />
            ))}
          </>
        ) : null}
      </div>

      {status === "published" ? null : <p className="field__hint">{t("summaries.publishHint")}</p>}
      <div className="summary-actions">
        {status === "published" ? (
          <button type="submit" name="intent" value="save" className="button" disabled={busy}>
            {t("summaries.saveChanges")}
          </button>
        ) : (
          <>
            <button type="submit" name="intent" value="save" className="button button--secondary" disabled={busy}>
              {t("summaries.saveDraft")}
            </button>
            <button type="submit" name="intent" value="publish" className="button" disabled={busy}>
              {t("summaries.publish")}
            </button>
          </>
        )}
      </div>
    </Form>
  );
}

function PointFieldset({
  point,
  item,
  errors,
}: {
  point: AgencyPoint;
  item: ItemInput | undefined;
  errors?: FormErrors;
}) {
  const t = useT();
  const pageLang = useLang();
  const current: ItemInput = item ?? { selected: false, teamText: "", targets: [] };
  const legendId = `legend-${point.key}`;
  return (
    <fieldset className="summary-point">
      <legend id={legendId}>
        <span className="summary-point__label">{pointLabel(t, point)}</span>{" "}
        {point.text ? (
          <span className="summary-point__wording" lang={point.text.lang !== pageLang ? point.text.lang : undefined}>
            {point.text.value}
          </span>
        ) : null}
      </legend>
      <div className="checkbox">
        <input
          type="checkbox"
          id={`field-${point.key}.selected`}
          name={`${point.key}.selected`}
          defaultChecked={current.selected}
        />
        <label htmlFor={`field-${point.key}.selected`}>{t("summaries.include")}</label>
      </div>
      <TextareaField
        name={`${point.key}.teamText`}
        label={t("summaries.teamText")}
        hint={t("summaries.markdownHint")}
        defaultValue={current.teamText}
        errors={errors?.[`${point.key}.teamText`]}
        rows={4}
        maxLength={LIMITS.teamText}
      />
      <fieldset className="summary-targets-fieldset">
        <legend>{t("summaries.targetsLegend")}</legend>
        <p className="field__hint">{t("summaries.targetsHint")}</p>
        {current.targets.map((target, i) => {
          const name = `${point.key}.targets.${i}`;
          return (
            <div className="summary-target-row" key={i}>
              <Field
                name={`${name}.text`}
                label={t("summaries.targetText", { number: i + 1 })}
                defaultValue={target.text}
                errors={errors?.[`${name}.text`]}
                maxLength={LIMITS.targetText}
                autoComplete="off"
              />
              <Field
                name={`${name}.owner`}
                label={t("summaries.targetOwner", { number: i + 1 })}
                defaultValue={target.owner}
                errors={errors?.[`${name}.owner`]}
                maxLength={LIMITS.owner}
                autoComplete="off"
              />
              <Field
                name={`${name}.dueDate`}
                type="date"
                label={t("summaries.targetDue", { number: i + 1 })}
                defaultValue={target.dueDate}
                errors={errors?.[`${name}.dueDate`]}
              />
            </div>
          );
        })}
      </fieldset>
    </fieldset>
  );
}
