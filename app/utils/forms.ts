// The one way forms are validated: a zod schema whose messages are message keys, parsed on the
// server; the page shows each key, translated, next to its field, with what the user typed.
// Types only: a page that merely shows a form must not download zod (listOf, which needs it, is in
// ./form-schemas.ts).
import type { z } from "zod";
import type { MessageKey } from "~/i18n";

export interface FieldError {
  key: MessageKey;
  params?: Record<string, string | number>;
}

export type FormErrors = Record<string, FieldError[]>;

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FormErrors; values: Record<string, string> };

export function parseForm<S extends z.ZodType>(schema: S, formData: FormData): FormResult<z.output<S>> {
  // A name sent more than once (checkboxes) becomes a list; see `listOf`.
  const input: Record<string, string | string[]> = {};
  const values: Record<string, string> = {};
  for (const [name, value] of formData.entries()) {
    if (typeof value !== "string") continue;
    const previous = input[name];
    input[name] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
    values[name] ??= value;
  }
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const errors: FormErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "form");
    const { key, params } = decodeMessage(issue.message);
    (errors[field] ??= []).push({ key, params });
  }
  return { ok: false, errors, values };
}

/** Schema messages are "key" or "key|{json params}", e.g. tooLong(2000). */
export function message(key: MessageKey, params?: Record<string, string | number>): string {
  return params ? `${key}|${JSON.stringify(params)}` : key;
}

function decodeMessage(raw: string): FieldError {
  const [key, json] = raw.split("|", 2);
  return { key: key as MessageKey, params: json ? JSON.parse(json) : undefined };
}
