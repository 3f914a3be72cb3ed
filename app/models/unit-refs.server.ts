// Unit ids chosen in a form must name existing units: a message next to the field, rather than a
// foreign-key failure when the row is written.
import { prisma } from "~/utils/db.server";
import type { FormErrors } from "~/utils/forms";

export async function unknownUnitErrors(
  fields: Record<string, number | number[] | null | undefined>,
): Promise<FormErrors> {
  const wanted = [...new Set(Object.values(fields).flatMap((v) => (v == null ? [] : [v].flat())))];
  if (!wanted.length) return {};
  const found = new Set(
    (await prisma.unit.findMany({ where: { id: { in: wanted } }, select: { id: true } })).map((u) => u.id),
  );
  const errors: FormErrors = {};
  for (const [field, value] of Object.entries(fields)) {
    if (value == null) continue;
    if ([value].flat().some((id) => !found.has(id))) errors[field] = [{ key: "admin.unknownUnit" }];
  }
  return errors;
}
