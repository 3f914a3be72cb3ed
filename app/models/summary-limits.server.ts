// The body limit of the goal summary form: its fields depend on the agency's goals and vision
// points, so the limit is computed from them when a summary is posted.
import { defaultLang, isLang } from "~/i18n";
import { formBodyLimit, type FieldMaxima } from "~/utils/form-limits.server";
import { listAgencyPoints, MAX_TARGETS_PER_ITEM } from "./summary.server";
import { SUMMARY_LIMITS } from "./summary-rules";

export async function summaryBodyLimit({ lang }: { lang?: string }): Promise<number> {
  const points = await listAgencyPoints(isLang(lang) ? lang : defaultLang);
  const fields: FieldMaxima = { title: SUMMARY_LIMITS.title, lang: 2, intro: SUMMARY_LIMITS.intro, intent: 10 };
  for (const point of points) {
    fields[`${point.key}.selected`] = 2;
    fields[`${point.key}.teamText`] = SUMMARY_LIMITS.teamText;
    for (let i = 0; i < MAX_TARGETS_PER_ITEM; i++) {
      fields[`${point.key}.targets.${i}.text`] = SUMMARY_LIMITS.targetText;
      fields[`${point.key}.targets.${i}.owner`] = SUMMARY_LIMITS.owner;
      fields[`${point.key}.targets.${i}.dueDate`] = 10;
    }
  }
  return formBodyLimit(fields);
}
