// How many bytes a form's body can legitimately take, derived from its fields' maxima: the server
// refuses larger bodies before the app reads them (scripts/lib/request-limits.mjs reads the
// `bodyLimit` a route module exports). Worst case per character: a character of the Basic
// Multilingual Plane takes up to three UTF-8 bytes ("–", "€", "”"), each sent as "%XX"; "ä" takes
// six; a character outside it counts as two in a length and takes twelve, six per unit again.
import { z } from "zod";

export const ENCODED_BYTES_PER_CHAR = 9;
/** Room for fields no schema names (intent, language, the submit button) and for rounding. */
export const MARGIN_BYTES = 4096;
/** A field whose schema gives no length (numbers, ids, flags, dates): this many characters. */
const SCALAR_CHARS = 40;
/** A repeated field whose schema gives no count (checkbox lists): this many values. */
const LIST_ITEMS = 1000;

/** Field name → most characters, or a repeated field's characters per value and number of values. */
export type FieldMaxima = Record<string, number | { chars: number; repeat: number }>;

export function urlencodedBytes(fields: FieldMaxima): number {
  let bytes = 0;
  for (const [name, spec] of Object.entries(fields)) {
    const { chars, repeat } = typeof spec === "number" ? { chars: spec, repeat: 1 } : spec;
    // "name=value&": the name as sent, "=" and "&", the value at its worst.
    bytes += repeat * (encodeURIComponent(name).length + 2 + chars * ENCODED_BYTES_PER_CHAR);
  }
  return bytes;
}

interface JsonSchema {
  type?: string;
  maxLength?: number;
  maxItems?: number;
  enum?: unknown[];
  const?: unknown;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
}

function maxChars(schema: JsonSchema | undefined): number {
  if (!schema) return SCALAR_CHARS;
  if (typeof schema.maxLength === "number") return schema.maxLength;
  const values = schema.enum ?? (schema.const !== undefined ? [schema.const] : null);
  if (values) return Math.max(1, ...values.map((v) => String(v).length));
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return Math.max(...options.map(maxChars));
  return SCALAR_CHARS;
}

/** The maxima a zod object schema declares for each of its fields (its input side). */
export function schemaMaxima(schema: z.ZodType): FieldMaxima {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  const maxima: FieldMaxima = {};
  for (const [name, field] of Object.entries(json.properties ?? {})) {
    const list = field.type === "array" ? field : field.anyOf?.find((o) => o.type === "array");
    maxima[name] = list ? { chars: maxChars(list.items), repeat: list.maxItems ?? LIST_ITEMS } : maxChars(field);
  }
  return maxima;
}

/**
 * The body limit of a route whose action accepts any of these forms (a schema, or the maxima of
 * a form read without one): the largest of them, plus a margin of 10% and MARGIN_BYTES.
 */
export function formBodyLimit(...forms: (z.ZodType | FieldMaxima)[]): number {
  const largest = Math.max(
    0,
    ...forms.map((form) => urlencodedBytes(form instanceof z.ZodType ? schemaMaxima(form) : form)),
  );
  return Math.ceil(largest * 1.1) + MARGIN_BYTES;
}
