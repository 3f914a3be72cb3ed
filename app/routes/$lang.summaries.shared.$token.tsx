// A share link: any signed-in employee may read the summary through it (signed-out visitors
// sign in first and come back, so a leaked link shows nothing without an account). A revoked
// or expired link answers 410 with a page that says so; an unknown one 404.
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { SummaryArticle } from "~/components/summary-article";
import { formatDate, translator } from "~/i18n";
import { countView, openShareLink, presentSummary } from "~/models/summary.server";
import { langParam } from "~/utils/lang-param.server";
import { titleMeta } from "~/utils/meta";
import { useLang, useT } from "~/utils/use-lang";
import { requireUser } from "~/models/auth.server";

export const meta = titleMeta("summaries.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = langParam(params);
  const user = await requireUser(request);
  const token = params.token ?? "";
  const shared = await openShareLink(token);
  if (shared.status === "unknown") throw new Response("Not found", { status: 404 });
  if (shared.status === "revoked" || shared.status === "expired") {
    const gone =
      shared.status === "revoked"
        ? { reason: shared.status, date: shared.revokedAt.toISOString() }
        : { reason: shared.status, date: shared.expiresAt.toISOString() };
    return data({ title: translator(lang)("summaries.goneTitle"), gone, summary: null, token }, { status: 410 });
  }
  await countView(shared.summary, user);
  return { title: shared.summary.title, gone: null, summary: await presentSummary(shared.summary), token };
}

export default function SharedSummary() {
  const { gone, summary, token } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  if (gone || !summary) {
    return (
      <>
        <h1>{t("summaries.goneTitle")}</h1>
        <p>
          {gone?.reason === "expired"
            ? t("summaries.goneExpired", { date: formatDate(lang, gone.date) })
            : t("summaries.goneRevoked")}
        </p>
        <p>{t("summaries.goneHelp")}</p>
        <p>
          <Link to={`/${lang}/summaries`}>{t("summaries.backToList")}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <p className="notice">{t("summaries.sharedNotice", { name: summary.authorName })}</p>
      <SummaryArticle summary={summary}>
        <ul className="summary-toolbar" aria-label={t("summaries.actions")}>
          <li>
            <a
              href={`/summaries/${summary.id}.pdf?share=${encodeURIComponent(token)}`}
              className="button button--secondary"
            >
              {t("summaries.downloadPdf")}
            </a>
          </li>
        </ul>
      </SummaryArticle>
    </>
  );
}
