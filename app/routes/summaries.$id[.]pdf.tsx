// /summaries/:id.pdf — the summary as a PDF download (a resource route, no language prefix: the
// PDF is written in the summary's own language). Readers of the summary may download it, and so
// may anyone signed in who holds a working share link for it (?share=<token>).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { renderSummaryPdf } from "~/models/summary-pdf.server";
import { findSummary, presentSummary, shareLinkOpens, summaryIdParam } from "~/models/summary.server";
import { canReadSummary, forbidden } from "~/models/permissions.server";
import { requireUser } from "~/models/auth.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const summary = await findSummary(summaryIdParam(params.id));
  if (!summary) throw new Response("Not found", { status: 404 });
  const share = new URL(request.url).searchParams.get("share");
  const allowed = (share && (await shareLinkOpens(share, summary.id))) || (await canReadSummary(user, summary));
  if (!allowed) throw forbidden();
  const pdf = await renderSummaryPdf(await presentSummary(summary));
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="goal-summary-${summary.id}.pdf"`,
      "Content-Length": String(pdf.length),
      "Cache-Control": "private, no-store",
    },
  });
}
