// The fields of a unit's two revision scopes: a language's texts, and the facts shared by all
// languages. Shared by the server (snapshots, diffs) and the pages (labels).
import type { MessageKey } from "~/i18n";

export const UNIT_TEXT_FIELDS = ["name", "summary", "description", "duties"] as const;
export const UNIT_SHARED_FIELDS = ["contactEmail", "location", "head", "needsReview"] as const;

export const UNIT_FIELD_LABELS: Record<string, { key: MessageKey }> = Object.fromEntries(
  [...UNIT_TEXT_FIELDS, ...UNIT_SHARED_FIELDS].map((f) => [f, { key: `edit.unit.${f}` as MessageKey }]),
);

/** Length limits: checked on the server, and given to the browser as maxLength. */
export const UNIT_LIMITS = {
  name: 200,
  summary: 1000,
  description: 20000,
  duties: 5000,
  dutyLine: 300,
  email: 320,
  location: 300,
  head: 200,
};
