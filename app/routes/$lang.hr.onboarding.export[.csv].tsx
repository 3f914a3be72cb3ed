// The HR table as a CSV download (same filters as the page), for spreadsheet software.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getNewcomerReport, newcomersCsv, parseNewcomerFilter } from "~/models/onboarding-report.server";
import { langParam } from "~/utils/lang-param.server";
import { requireUserWithPermission } from "~/models/permissions.server";
import { todayInHelsinki } from "~/utils/helsinki-time";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = langParam(params);
  await requireUserWithPermission(request, "read:plan:any");
  const today = todayInHelsinki();
  const { rows } = await getNewcomerReport(parseNewcomerFilter(new URL(request.url)), lang, today);
  return new Response(newcomersCsv(rows, lang), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="onboarding-${today}.csv"`,
      // Personal data: never kept by shared caches.
      "Cache-Control": "private, no-store",
    },
  });
}
