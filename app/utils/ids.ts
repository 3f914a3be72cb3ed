// Row ids from URLs and forms. The database's ids are 32-bit integers (Prisma's Int), so a longer
// number cannot name a row: it is "not found" (or a message next to its field), never handed to
// the database, where it would fail as a server error.
import { z } from "zod";

export const MAX_ID = 2_147_483_647;

/** A positive id written in plain decimal digits, or null. */
export function parseId(value: unknown): number | null {
  if (typeof value !== "string" || !/^[1-9]\d{0,9}$/.test(value)) return null;
  const id = Number(value);
  return id <= MAX_ID ? id : null;
}

/** A form field holding an id (a select or checkbox value). */
export const idField = z.coerce.number().int().positive().max(MAX_ID);

/** A select holding an id or nothing ("" becomes null). */
export const optionalIdField = z.preprocess((v) => (v === "" || v == null ? null : v), idField.nullable());
