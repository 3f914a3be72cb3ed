// Schema helpers that need zod at run time (./forms.ts has only its types).
import { z } from "zod";

/** A field that may be sent any number of times (checkboxes): always a list. */
export function listOf<T extends z.ZodType>(item: T) {
  return z.preprocess((v) => (v == null ? [] : Array.isArray(v) ? v : [v]), z.array(item));
}
