// Parts shared by the editing forms (units and organisation texts): a checkbox field, the
// "about this change" fieldset, and the preview / save buttons.
import { useEffect } from "react";
import type { InputHTMLAttributes, ReactNode } from "react";
import { Field } from "~/components/forms";
import type { FieldError } from "~/utils/forms";
import { useT } from "~/utils/use-lang";

export function CheckboxField({
  name,
  label,
  hint,
  ...input
}: { name: string; label: string; hint?: string } & InputHTMLAttributes<HTMLInputElement>) {
  const id = `field-${name}`;
  return (
    <div className="field field--checkbox">
      <input type="checkbox" id={id} name={name} aria-describedby={hint ? `${id}-hint` : undefined} {...input} />
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** The required change note, and the "major change" flag where it means something. */
export function ChangeFields({
  values,
  errors,
  offerMajor,
}: {
  values: Record<string, string>;
  errors?: Record<string, FieldError[]>;
  offerMajor: boolean;
}) {
  const t = useT();
  return (
    <fieldset className="fieldset">
      <legend>{t("edit.aboutChange")}</legend>
      <Field
        name="changeNote"
        label={t("edit.changeNote")}
        // Readers see change notes on their front page ("changed since your last visit").
        hint={`${t("edit.changeNoteHint")} ${t("edit.changeNoteReaders")}`}
        defaultValue={values.changeNote}
        required
        maxLength={500}
        errors={errors?.changeNote}
      />
      {offerMajor ? (
        <CheckboxField
          name="isMajor"
          label={t("edit.isMajor")}
          hint={t("edit.isMajorHint")}
          defaultChecked={values.isMajor === "on"}
        />
      ) : null}
    </fieldset>
  );
}

/** Preview first (Enter in a text field previews, never saves by accident), then save. */
export function EditButtons({
  conflict,
  busy,
  editPath,
  pagePath,
}: {
  conflict: boolean;
  busy: boolean;
  /** This edit page: "discard mine" loads it afresh. */
  editPath: string;
  /** The page being edited: "cancel" returns there. */
  pagePath: string;
}) {
  const t = useT();
  return (
    <div className="form-actions">
      <button type="submit" name="intent" value="preview" className="button button--secondary" disabled={busy}>
        {t("edit.preview")}
      </button>
      <button type="submit" name="intent" value="save" className="button" disabled={busy}>
        {conflict ? t("conflict.saveMine") : t("edit.save")}
      </button>
      {conflict ? (
        // A full page load: the form starts again from the current version.
        <a href={editPath} className="form-actions__link">
          {t("conflict.discardMine")}
        </a>
      ) : (
        <a href={pagePath} className="form-actions__link">
          {t("edit.cancel")}
        </a>
      )}
    </div>
  );
}

/** After a failed save, move focus to what explains it (error summary or conflict). */
export function useFocusOnResult(result: { status: string } | undefined) {
  useEffect(() => {
    const target = {
      invalid: ".error-summary",
      conflict: ".conflict",
      preview: ".preview",
      unchanged: ".notice--unchanged",
    }[result?.status ?? ""];
    if (target) document.querySelector<HTMLElement>(target)?.focus();
  }, [result]);
}

/** What an edit form shows after "preview" or a save that changed nothing (units and documents alike). */
export function EditResultNotices({ status, preview }: { status?: string; preview: () => ReactNode }) {
  const t = useT();
  if (status === "unchanged") {
    return (
      <p className="notice notice--unchanged" role="status" tabIndex={-1}>
        {t("edit.noChanges")}
      </p>
    );
  }
  if (status !== "preview") return null;
  return (
    <section className="preview" aria-labelledby="preview-title" tabIndex={-1}>
      <h2 id="preview-title">{t("edit.previewHeading")}</h2>
      <p className="muted">{t("edit.previewLead")}</p>
      <div className="preview__page">{preview()}</div>
    </section>
  );
}
