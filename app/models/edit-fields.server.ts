// zod pieces shared by the editing forms (units and organisation texts). Messages are message
// keys (app/utils/forms.ts); every text is trimmed, blank optional texts become null.
import { z } from "zod";
import { issue, message, type FormFields } from "~/utils/forms";

export const NOTE_MAX = 500;

/** A required text field. */
export const requiredText = (max: number) =>
  z.preprocess((v) => v ?? "", z.string().trim().min(1, message("error.required")).max(max, message("error.tooLong")));

/** An optional text field: blank becomes null. */
export const optionalText = (max: number) =>
  z.preprocess(
    (v) => v ?? "",
    z
      .string()
      .trim()
      .max(max, message("error.tooLong"))
      .transform((v) => (v === "" ? null : v)),
  );

/** Text that keeps its inner line breaks (Markdown); only trailing space is trimmed. */
export const markdownText = (max: number, required: boolean) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.replace(/\r\n?/g, "\n").trimEnd() : ""),
    z
      .string()
      .max(max, message("error.tooLong"))
      .refine((v) => !required || v.trim() !== "", message("error.required")),
  );

/** A textarea with one item per line: a list of non-empty lines. */
export const lineList = (maxTotal: number, maxLine: number, required = false) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v : ""),
    z
      .string()
      .max(maxTotal, message("error.tooLong"))
      .transform((v) =>
        v
          .split(/\r?\n/)
          .map((line) => line.trim())
          .filter(Boolean),
      )
      .refine((lines) => lines.every((l) => l.length <= maxLine), issue("edit.lineTooLong", { max: maxLine }))
      .refine((lines) => !required || lines.length > 0, message("error.required")),
  );

/** An unchecked checkbox is simply absent from the form. */
export const checkbox = z.preprocess((v) => v === "on" || v === "true", z.boolean());

/** A version number carried by the form (0: the text does not exist yet). */
export const versionField = z.preprocess(
  (v) => Number(v ?? "-1"),
  z.number(message("edit.staleForm")).int(message("edit.staleForm")).min(0, message("edit.staleForm")),
);

export const changeNote = requiredText(NOTE_MAX);

/** Every string value of a submitted form, to show it again exactly as typed. */
export function formValues(formData: FormFields): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of formData.entries()) {
    if (typeof value === "string") values[name] = value;
  }
  return values;
}
