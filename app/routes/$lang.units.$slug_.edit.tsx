// Editing a unit page in one language (/fi/units/:slug/edit edits the Finnish text) plus its
// language-independent facts. Works without JavaScript: preview, validation errors and the
// conflict page are all answers to a plain form post.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ChangeFields, CheckboxField, EditButtons, EditResultNotices, useFocusOnResult } from "~/components/edit-form";
import { ErrorSummary, Field, TextareaField } from "~/components/forms";
import { ConflictPanel, type FieldLabels } from "~/components/revisions";
import { UnitContent } from "~/components/unit-content";
import { translator } from "~/i18n";
import { formValues } from "~/models/edit-fields.server";
import { UNIT_FIELD_LABELS, UNIT_LIMITS } from "~/models/unit-fields";
import {
  getUnitForEditing,
  previewUnit,
  saveUnitEdit,
  unitEditSchema,
  unitPreviewSchema,
} from "~/models/unit-editing.server";
import { clientIp } from "~/utils/auth.server";
import { authoriseUnitEditor } from "~/utils/editing.server";
import { parseForm, readForm } from "~/utils/forms";
import { langParam } from "~/utils/lang-param.server";
import { titleMeta } from "~/utils/meta";
import { useLang, useT } from "~/utils/use-lang";
import { formBodyLimit } from "~/utils/form-limits.server";

export const meta = titleMeta("edit.unit.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = langParam(params);
  const { ref } = await authoriseUnitEditor(request, params.slug);
  const unit = await getUnitForEditing(ref.slug, lang);
  if (!unit) throw new Response("Unit not found", { status: 404 });
  return { unit, title: translator(lang)("edit.unit.heading", { name: unit.name }) };
}

export const bodyLimit = () => formBodyLimit(unitEditSchema, unitPreviewSchema);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = langParam(params);
  const { ref, editor } = await authoriseUnitEditor(request, params.slug);
  const formData = await readForm(request);
  const values = formValues(formData);

  if (formData.get("intent") === "preview") {
    const form = parseForm(unitPreviewSchema, formData);
    if (!form.ok) return data({ status: "invalid" as const, errors: form.errors, values }, { status: 400 });
    const preview = await previewUnit(lang, ref.slug, form.data);
    if (!preview) throw new Response("Unit not found", { status: 404 });
    return data({ status: "preview" as const, values, preview }, { status: 200 });
  }

  const form = parseForm(unitEditSchema, formData);
  if (!form.ok) return data({ status: "invalid" as const, errors: form.errors, values }, { status: 400 });
  const outcome = await saveUnitEdit({ editor, ipAddress: clientIp(context), unitId: ref.id, lang, input: form.data });
  if (outcome.status === "conflict") {
    // The editor's text comes back untouched; only the base versions of the conflicting parts
    // move on, so "save mine" is a conscious overwrite of exactly what was shown.
    const next = {
      ...values,
      textVersion: String(outcome.versions.text),
      sharedVersion: String(outcome.versions.shared),
    };
    return data({ status: "conflict" as const, values: next, conflicts: outcome.conflicts }, { status: 409 });
  }
  if (outcome.status === "unchanged") return data({ status: "unchanged" as const, values }, { status: 200 });
  return redirect(`/${lang}/units/${ref.slug}?saved=1`);
}

const fieldLabels: FieldLabels = UNIT_FIELD_LABELS;

export default function EditUnit() {
  const { unit } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const lang = useLang();
  useFocusOnResult(result);

  const values: Record<string, string> = result?.values ?? unit.values;
  const errors = result?.status === "invalid" ? result.errors : undefined;
  const language = t(`content.languageName.${lang}`);
  const labels = Object.fromEntries(
    Object.entries(fieldLabels).map(([field, label]) => [field, t(label.key)]),
  ) as Record<string, string>;
  labels.changeNote = t("edit.changeNote");
  labels.textVersion = labels.sharedVersion = t("edit.formVersion");
  const unitPath = `/${lang}/units/${unit.slug}`;
  const sourceLanguage = unit.source ? t(`content.languageName.${unit.source.lang as "fi" | "sv" | "en"}`) : "";

  return (
    <>
      <h1>{t("edit.unit.heading", { name: unit.name })}</h1>
      <p className="lead">{t("edit.unit.lead", { language })}</p>
      <ul className="edit-links">
        <li>
          <Link to={unitPath}>{t("edit.viewPage")}</Link>
        </li>
        <li>
          <Link to={`${unitPath}/history`}>{t("history.link")}</Link>
        </li>
      </ul>

      {unit.versions.text === 0 ? <p className="notice">{t("edit.newTranslation", { language })}</p> : null}
      {unit.isOutdated && unit.source ? (
        <p className="notice notice--outdated">
          {t("edit.outdatedTranslation", {
            language: sourceLanguage,
            from: unit.translatedFromVersion ?? 0,
            to: unit.source.version,
          })}{" "}
          <Link
            to={`${unitPath}/history?${new URLSearchParams({
              from: `${unit.source.lang}:${unit.translatedFromVersion}`,
              to: `${unit.source.lang}:${unit.source.version}`,
            })}#comparison`}
          >
            {t("edit.seeSourceChanges")}
          </Link>
        </p>
      ) : null}
      {unit.source ? (
        <details className="source-text">
          <summary>{t("edit.sourceText", { language: sourceLanguage, version: unit.source.version })}</summary>
          <dl lang={unit.source.lang}>
            <dt lang={lang}>{labels.name}</dt>
            <dd>{unit.source.name}</dd>
            <dt lang={lang}>{labels.summary}</dt>
            <dd>{unit.source.summary}</dd>
            <dt lang={lang}>{labels.description}</dt>
            <dd className="pre-wrap">{unit.source.description}</dd>
            <dt lang={lang}>{labels.duties}</dt>
            <dd className="pre-wrap">{unit.source.duties.join("\n")}</dd>
          </dl>
        </details>
      ) : null}

      {result?.status === "conflict" ? (
        <ConflictPanel conflicts={result.conflicts} labels={fieldLabels} title={unit.name} />
      ) : null}
      <EditResultNotices
        status={result?.status}
        preview={() =>
          result?.status === "preview" && <UnitContent unit={result.preview} level={3} idPrefix="preview-" />
        }
      />

      <Form method="post" noValidate className="form form--wide">
        <ErrorSummary errors={errors} labels={labels} />
        <input type="hidden" name="textVersion" value={values.textVersion ?? String(unit.versions.text)} />
        <input type="hidden" name="sharedVersion" value={values.sharedVersion ?? String(unit.versions.shared)} />
        <fieldset className="fieldset">
          <legend>{t("edit.unit.textLegend", { language })}</legend>
          <Field
            name="name"
            label={labels.name}
            defaultValue={values.name}
            required
            maxLength={UNIT_LIMITS.name}
            errors={errors?.name}
          />
          <TextareaField
            name="summary"
            label={labels.summary}
            defaultValue={values.summary}
            rows={3}
            required
            maxLength={UNIT_LIMITS.summary}
            errors={errors?.summary}
          />
          <TextareaField
            name="description"
            label={labels.description}
            hint={t("edit.markdownHint")}
            defaultValue={values.description}
            rows={12}
            maxLength={UNIT_LIMITS.description}
            errors={errors?.description}
          />
          <TextareaField
            name="duties"
            label={labels.duties}
            hint={t("edit.listHint")}
            defaultValue={values.duties}
            rows={6}
            maxLength={UNIT_LIMITS.duties}
            errors={errors?.duties}
          />
        </fieldset>
        <fieldset className="fieldset">
          <legend>{t("edit.unit.sharedLegend")}</legend>
          <p className="field__hint">{t("edit.unit.sharedHint")}</p>
          <Field
            name="contactEmail"
            type="email"
            label={labels.contactEmail}
            defaultValue={values.contactEmail}
            maxLength={UNIT_LIMITS.email}
            errors={errors?.contactEmail}
          />
          <Field
            name="location"
            label={labels.location}
            defaultValue={values.location}
            maxLength={UNIT_LIMITS.location}
            errors={errors?.location}
          />
          <Field
            name="head"
            label={labels.head}
            defaultValue={values.head}
            maxLength={UNIT_LIMITS.head}
            errors={errors?.head}
          />
          <CheckboxField
            name="needsReview"
            label={labels.needsReview}
            hint={t("edit.unit.needsReviewHint")}
            defaultChecked={values.needsReview === "on"}
          />
        </fieldset>
        <ChangeFields values={values} errors={errors} offerMajor={unit.isSource} />
        <EditButtons
          conflict={result?.status === "conflict"}
          busy={navigation.state === "submitting"}
          editPath={`${unitPath}/edit`}
          pagePath={unitPath}
        />
      </Form>
    </>
  );
}
