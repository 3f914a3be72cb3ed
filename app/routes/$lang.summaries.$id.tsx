import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { CopyLink } from "~/components/copy-link";
import { ErrorSummary, Field } from "~/components/forms";
import { SummaryArticle } from "~/components/summary-article";
import { formatDate, translate, type Lang } from "~/i18n";
import {
  canManageSummary,
  canReadSummary,
  countView,
  createShareLink,
  findSummary,
  listShareLinks,
  presentSummary,
  revokeShareLink,
  shareFormSchema,
  summaryIdParam,
  todayInHelsinki,
  type ShareLinkView,
} from "~/models/summary.server";
import type { loader as rootLoader } from "~/root";
import { clientIp, forbidden, requireUser } from "~/utils/auth.server";
import { parseForm, readForm } from "~/utils/forms";
import { langParam } from "~/utils/lang-param.server";
import { titleMeta } from "~/utils/meta";
import { useLang, useT } from "~/utils/use-lang";
import { formBodyLimit } from "~/utils/form-limits.server";

export const meta = titleMeta("summaries.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  langParam(params);
  const user = await requireUser(request);
  const summary = await findSummary(summaryIdParam(params.id));
  if (!summary) throw new Response("Not found", { status: 404 });
  if (!(await canReadSummary(user, summary))) throw forbidden();
  await countView(summary, user);
  const manage = canManageSummary(user, summary);
  const query = new URL(request.url).searchParams;
  return {
    title: summary.title,
    summary: await presentSummary(summary),
    manage,
    links: manage ? await listShareLinks(summary.id) : [],
    today: todayInHelsinki(),
    notice: query.has("published") ? ("published" as const) : query.has("saved") ? ("saved" as const) : null,
  };
}

export const bodyLimit = () => formBodyLimit(shareFormSchema);

export async function action({ request, params, context }: ActionFunctionArgs) {
  langParam(params);
  const user = await requireUser(request);
  const summary = await findSummary(summaryIdParam(params.id));
  if (!summary) throw new Response("Not found", { status: 404 });
  // Sharing and revoking are the author's (and admins') alone.
  if (!canManageSummary(user, summary)) throw forbidden();
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent === "share") {
    if (summary.status !== "published") return data({ notice: null, errors: null, values: null }, { status: 409 });
    const parsed = parseForm(shareFormSchema, form);
    if (!parsed.ok) return data({ notice: null, errors: parsed.errors, values: parsed.values }, { status: 400 });
    await createShareLink(summary, user, parsed.data.expiresOn, clientIp(context));
    return { notice: "shareCreated" as const, errors: null, values: null };
  }
  if (intent === "revoke") {
    const linkId = Number(form.get("linkId"));
    if (!Number.isSafeInteger(linkId)) throw new Response("Bad request", { status: 400 });
    const revoked = await revokeShareLink(summary.id, linkId, user, clientIp(context));
    if (!revoked) throw new Response("Not found", { status: 404 });
    return { notice: "revoked" as const, errors: null, values: null };
  }
  throw new Response("Bad request", { status: 400 });
}

export default function SummaryPage() {
  const { summary, manage, links, today, notice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const lang = useLang();
  const shown = result?.notice ?? notice;
  const notices = {
    published: t("summaries.publishedNotice"),
    saved: t("summaries.saved"),
    shareCreated: t("summaries.shareCreated"),
    revoked: t("summaries.revokedNotice"),
  };
  return (
    <>
      <nav aria-label={t("breadcrumb.label")} className="breadcrumbs summary-breadcrumbs">
        <ol>
          <li>
            <Link to={`/${lang}/summaries`}>{t("summaries.title")}</Link>
          </li>
          <li aria-current="page" lang={summary.lang !== lang ? summary.lang : undefined}>
            {summary.title}
          </li>
        </ol>
      </nav>
      <div role="status" className="summary-status">
        {shown ? <p className="notice notice--success">{notices[shown]}</p> : null}
      </div>
      {summary.status === "draft" ? <p className="notice notice--review">{t("summaries.draftNotice")}</p> : null}
      <SummaryArticle summary={summary}>
        <ul className="summary-toolbar" aria-label={t("summaries.actions")}>
          <li>
            {/* A plain link: the PDF is a download, not a page of this app. */}
            <a href={`/summaries/${summary.id}.pdf`} className="button button--secondary">
              {t("summaries.downloadPdf")}
            </a>
          </li>
          {manage ? (
            <>
              <li>
                <Link to={`/${lang}/summaries/${summary.id}/edit`} className="button button--secondary">
                  {t("summaries.edit")}
                </Link>
              </li>
              <li className="meta">{t("summaries.views", { count: summary.viewCount })}</li>
            </>
          ) : null}
        </ul>
      </SummaryArticle>
      {manage ? (
        <SharePanel
          summaryLang={summary.lang}
          title={summary.title}
          published={summary.status === "published"}
          links={links}
          today={today}
          result={result}
        />
      ) : null}
    </>
  );
}

function SharePanel({
  summaryLang,
  title,
  published,
  links,
  today,
  result,
}: {
  summaryLang: Lang;
  title: string;
  published: boolean;
  links: ShareLinkView[];
  today: string;
  result: ReturnType<typeof useActionData<typeof action>>;
}) {
  const t = useT();
  const lang = useLang();
  const origin = useRouteLoaderData<typeof rootLoader>("root")?.origin ?? "";
  const errors = result?.errors ?? undefined;
  return (
    <section className="summary-share" aria-labelledby="share-heading">
      <h2 id="share-heading">{t("summaries.shareHeading")}</h2>
      {!published ? (
        <p>{t("summaries.shareDraft")}</p>
      ) : (
        <>
          <p>{t("summaries.shareLead")}</p>
          <h3>{t("summaries.shareLinks")}</h3>
          {links.length === 0 ? <p>{t("summaries.shareNone")}</p> : null}
          <ul className="share-links">
            {links.map((link, i) => {
              const number = links.length - i;
              const label = t("summaries.shareLinkLabel", { number });
              // The link opens the summary in its own language.
              const url = `${origin}/${summaryLang}/summaries/shared/${link.token}`;
              const subject = translate(summaryLang, "summaries.emailSubject", { title });
              const body = translate(summaryLang, "summaries.emailBody", { title, url }).replace(/\n/g, "\r\n");
              return (
                <li key={link.id} className={`share-link share-link--${link.state}`}>
                  {link.state === "active" ? (
                    <>
                      <CopyLink id={`share-link-${link.id}`} url={url} label={label} />
                      <p className="meta">
                        {link.expiresAt
                          ? t("summaries.shareActiveUntil", { date: formatDate(lang, link.expiresAt) })
                          : t("summaries.shareActive")}
                      </p>
                      <div className="summary-actions">
                        <a
                          className="button button--secondary"
                          aria-label={`${t("summaries.emailLink")}: ${label}`}
                          href={`mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`}
                        >
                          {t("summaries.emailLink")}
                        </a>
                        <Form method="post">
                          <input type="hidden" name="linkId" value={link.id} />
                          <button
                            type="submit"
                            name="intent"
                            value="revoke"
                            className="button button--secondary"
                            aria-label={`${t("summaries.revoke")}: ${label}`}
                          >
                            {t("summaries.revoke")}
                          </button>
                        </Form>
                      </div>
                    </>
                  ) : (
                    <p>
                      <strong>{label}</strong>:{" "}
                      {link.state === "revoked"
                        ? t("summaries.shareRevoked", { date: formatDate(lang, link.revokedAt!) })
                        : t("summaries.shareExpired", { date: formatDate(lang, link.expiresAt!) })}
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
          <Form method="post" className="form form--separate" noValidate key={result?.notice ?? "share"}>
            <ErrorSummary errors={errors} labels={{ expiresOn: t("summaries.shareExpires") }} />
            <Field
              name="expiresOn"
              type="date"
              label={t("summaries.shareExpires")}
              hint={t("summaries.shareExpiresHint")}
              min={today}
              defaultValue={result?.values?.expiresOn ?? ""}
              errors={errors?.expiresOn}
            />
            <button type="submit" name="intent" value="share" className="button">
              {t("summaries.shareCreate")}
            </button>
          </Form>
        </>
      )}
    </section>
  );
}
