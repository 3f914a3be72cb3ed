// Form fields: label, input, hint and errors tied together for screen readers.
import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from "react";
import type { FieldError, FormErrors } from "~/utils/forms";
import { useT } from "~/utils/use-lang";

/**
 * The messages next to one field: the one way a field's errors are shown. `id` is what the
 * control's aria-describedby names; `announce` wraps the list in an alert (on the list itself the
 * role would hide the list semantics), for errors that appear without a page load.
 */
export function FieldErrors({
  id,
  errors,
  announce = false,
}: {
  id?: string;
  errors?: FieldError[];
  announce?: boolean;
}) {
  const t = useT();
  if (!errors?.length) return null;
  const list = (
    <ul id={announce ? undefined : id} className="field__errors">
      {errors.map((e, i) => (
        <li key={`${e.key}-${i}`}>{t(e.key, e.params)}</li>
      ))}
    </ul>
  );
  return announce ? (
    <div id={id} role="alert">
      {list}
    </div>
  ) : (
    list
  );
}

type FieldProps = {
  name: string;
  label: string;
  errors?: FieldError[];
  hint?: string;
};

/** Label, hint and errors around one control, tied together with aria-describedby. */
function FieldFrame({
  id,
  label,
  hint,
  errors,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  errors?: FieldError[];
  children: (aria: { "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode;
}) {
  const described = [hint ? `${id}-hint` : null, errors?.length ? `${id}-errors` : null].filter(Boolean).join(" ");
  return (
    <div className={`field${errors?.length ? " field--invalid" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      <FieldErrors id={`${id}-errors`} errors={errors} />
      {children({ "aria-invalid": errors?.length ? true : undefined, "aria-describedby": described || undefined })}
    </div>
  );
}

export function Field({ name, label, errors, hint, ...input }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const id = input.id ?? `field-${name}`;
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={errors}>
      {(aria) => <input id={id} name={name} {...aria} {...input} />}
    </FieldFrame>
  );
}

export function TextareaField({
  name,
  label,
  errors,
  hint,
  ...input
}: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = input.id ?? `field-${name}`;
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={errors}>
      {(aria) => <textarea id={id} name={name} {...aria} {...input} />}
    </FieldFrame>
  );
}

/** A summary of all errors at the top of a form, focused after a failed submit. */
export function ErrorSummary({ errors, labels }: { errors?: FormErrors; labels: Record<string, string> }) {
  const t = useT();
  if (!errors || Object.keys(errors).length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{t("a11y.form.errorSummary")}</h2>
      <ul>
        {Object.entries(errors).map(([field, list]) => (
          <li key={field}>
            <a href={`#field-${field}`}>
              {labels[field] ?? field}: {list.map((e) => t(e.key, e.params)).join(" ")}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
