// The one way forms are read and validated. `readForm` reads a posted form once (only the
// encoding the portal's forms use, strict UTF-8, a bounded number of fields); `parseForm` checks it
// against a zod schema in one pass over the fields, ignoring names the schema does not know and
// refusing a name sent twice where one value is expected. Schema messages are message keys; their
// parameters come from the zod issue itself (the `maximum` of a too-long text) or from the
// `params` of a custom issue, so the page shows each message, translated, next to its field.
// Types only: a page that merely shows a form must not download zod (listOf, which needs zod at
// run time, is in ./form-schemas.ts).
import type { z } from "zod";
import { catalogues, type MessageKey } from "~/i18n";

export interface FieldError {
  key: MessageKey;
  params?: Record<string, string | number>;
}

export type FormErrors = Record<string, FieldError[]>;

/** `values`: the first value of each field as sent, to show the form again as the user typed it. */
export type FormResult<T> =
  | { ok: true; data: T; values: Record<string, string> }
  | { ok: false; errors: FormErrors; values: Record<string, string> };

/** What `readForm` returns; FormData is accepted too (tests, code that built a form itself). */
export type FormFields = URLSearchParams | FormData;

/** More fields than any of the portal's forms has (the goal summary form, the largest, has about 1,000). */
export const MAX_FORM_FIELDS = 2000;

/** Set by listOf (./form-schemas.ts) on a field that may be sent any number of times. */
export const LIST_MARK = "portalList";

export const FORM_ENCODING = "application/x-www-form-urlencoded";

function refuse(status: number, text: string): Response {
  return new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/**
 * The posted form of a request, read once. Throws a 4xx Response (shown by the error boundary)
 * for another encoding (415), a body that is not UTF-8 or holds a NUL (400), or too many fields (413).
 */
export async function readForm(request: Request): Promise<URLSearchParams> {
  const type = (request.headers.get("Content-Type") ?? "").split(";")[0].trim().toLowerCase();
  if (type !== FORM_ENCODING) throw refuse(415, `Send the form as ${FORM_ENCODING}.`);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(await request.arrayBuffer());
  } catch {
    throw refuse(400, "The form is not valid UTF-8.");
  }
  const form = parseUrlEncoded(text);
  // NUL never belongs in a form (no keyboard types it) and some storage cuts text at it.
  for (const value of form.values())
    if (value.includes("\u0000")) throw refuse(400, "The form contains a NUL character.");
  return form;
}

/** application/x-www-form-urlencoded, strictly: a percent sequence that is not UTF-8 is refused. */
export function parseUrlEncoded(text: string): URLSearchParams {
  const fields = new URLSearchParams();
  if (text === "") return fields;
  let count = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("&", start);
    if (end === -1) end = text.length;
    if (end > start) {
      if (++count > MAX_FORM_FIELDS) throw refuse(413, `A form has at most ${MAX_FORM_FIELDS} fields.`);
      const pair = text.slice(start, end);
      const eq = pair.indexOf("=");
      fields.append(decode(eq === -1 ? pair : pair.slice(0, eq)), eq === -1 ? "" : decode(pair.slice(eq + 1)));
    }
    start = end + 1;
  }
  return fields;
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part.replace(/\+/g, " "));
  } catch {
    throw refuse(400, "The form is not valid UTF-8.");
  }
}

/** A list field, also when a transform follows it (e.g. removing repeated ids). */
function isList(schema: z.ZodType | undefined): boolean {
  if (!schema) return false;
  if ((schema as { [LIST_MARK]?: boolean })[LIST_MARK]) return true;
  const def = (schema as unknown as { _zod: { def: { type: string; in?: z.ZodType } } })._zod.def;
  return def.type === "pipe" && isList(def.in);
}

/** The field names an object schema knows (null: not an object schema, every name is passed on). */
function knownFields(schema: z.ZodType): Map<string, z.ZodType> | null {
  const def = (
    schema as unknown as { _zod: { def: { type: string; shape?: Record<string, z.ZodType>; in?: z.ZodType } } }
  )._zod.def;
  if (def.type === "object" && def.shape) return new Map(Object.entries(def.shape));
  if (def.type === "pipe" && def.in) return knownFields(def.in);
  return null;
}

/** Control characters other than tab and line breaks never belong in a form field. */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function parseForm<S extends z.ZodType>(schema: S, form: FormFields): FormResult<z.output<S>> {
  const known = knownFields(schema);
  const input: Record<string, string | string[]> = {};
  const values: Record<string, string> = {};
  const errors: FormErrors = {};
  for (const [name, value] of form.entries()) {
    if (typeof value !== "string") continue;
    values[name] ??= value;
    if (known && !known.has(name)) continue;
    if (CONTROL_CHARACTERS.test(value)) {
      errors[name] = [{ key: "error.controlCharacters" }];
      continue;
    }
    const previous = input[name];
    if (previous === undefined) {
      input[name] = known && isList(known.get(name)) ? [value] : value;
    } else if (Array.isArray(previous)) {
      previous.push(value);
    } else if (known) {
      errors[name] = [{ key: "error.repeated" }];
    } else {
      input[name] = [previous, value];
    }
  }
  if (Object.keys(errors).length) return { ok: false, errors, values };
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data, values };
  return { ok: false, errors: fieldErrors(result.error.issues), values };
}

/** The field messages of zod issues, grouped by the issue's path ("items.3.text"; "form" for the whole). */
export function fieldErrors(issues: readonly z.core.$ZodIssue[]): FormErrors {
  const errors: FormErrors = {};
  for (const issue of issues) {
    const field = issue.path.length ? issue.path.map(String).join(".") : "form";
    (errors[field] ??= []).push(fieldError(issue));
  }
  return errors;
}

function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(catalogues.en ?? {}, value);
}

/** A zod issue as a message next to its field: the schema's key, or one chosen by the issue's kind. */
export function fieldError(issue: z.core.$ZodIssue): FieldError {
  const own = isMessageKey(issue.message) ? issue.message : null;
  switch (issue.code) {
    case "too_big":
      return { key: own ?? "error.tooLong", params: { max: Number(issue.maximum) } };
    case "too_small":
      return {
        key: own ?? (Number(issue.minimum) <= 1 ? "error.required" : "error.tooShort"),
        params: { min: Number(issue.minimum) },
      };
    case "custom":
      return { key: own ?? "error.invalid", params: issue.params as FieldError["params"] };
    case "invalid_value":
      return { key: own ?? "error.invalidChoice" };
    case "invalid_format":
      return { key: own ?? (issue.format === "email" ? "error.email" : "error.invalid") };
    default:
      return { key: own ?? "error.invalid" };
  }
}

/** A schema message: a message key (the type checker knows it exists in every language). */
export function message(key: MessageKey): MessageKey {
  return key;
}

/** A refinement's message with parameters, e.g. `.refine(ok, issue("edit.lineTooLong", { max }))`. */
export function issue(key: MessageKey, params?: Record<string, string | number>) {
  return { message: key, params };
}
