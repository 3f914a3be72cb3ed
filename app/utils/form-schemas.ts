// Schema helpers that need zod at run time (./forms.ts has only its types, so that a page that
// merely shows a form does not download zod).
import { z } from "zod";
import { LIST_MARK } from "./forms";

/** A field that may be sent any number of times (checkboxes): always a list. */
export function listOf<T extends z.ZodType>(item: T) {
  const schema = z.preprocess((v) => (v == null ? [] : Array.isArray(v) ? v : [v]), z.array(item));
  Object.defineProperty(schema, LIST_MARK, { value: true });
  return schema;
}
