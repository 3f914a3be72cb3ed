// All pages with owner and review state as a CSV download (same filters as the desk), for HR.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { formatDate, translator } from "~/i18n";
import { allPagesFor, parsePageFilter } from "~/models/editor-desk.server";
import { helsinkiDate } from "~/models/review-dates";
import { forbidden, requireUser } from "~/utils/auth.server";
import { toCsv } from "~/utils/csv";
import { langParam } from "~/utils/lang-param.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = langParam(params);
  const user = await requireUser(request);
  const all = await allPagesFor(user, lang, parsePageFilter(new URL(request.url)));
  if (!all) throw forbidden();
  const t = translator(lang);
  const rows = [
    [
      t("desk.col.page"),
      t("desk.col.owner"),
      t("desk.col.checked"),
      t("desk.col.due"),
      t("desk.col.state"),
      t("desk.col.suggestions"),
    ],
    ...all.pages.map((p) => [
      p.title,
      p.ownerName ?? t("care.noOwner"),
      p.lastReviewedOn ? formatDate(lang, p.lastReviewedOn) : "",
      p.dueOn ? formatDate(lang, p.dueOn) : "",
      t(`care.state.${p.state ?? "none"}`),
      p.openSuggestions,
    ]),
  ];
  return new Response(toCsv(rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="pages-${helsinkiDate(new Date())}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
