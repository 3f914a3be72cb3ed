// Onboarding dates in one's calendar: download the file, or create, see and revoke a personal
// subscription address. The secret is shown once, right after it is created: only its hash is kept.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { formatDateTime } from "~/i18n";
import { createCalendarFeed, getActiveCalendarFeed, publicOrigin, revokeCalendarFeeds } from "~/models/calendar.server";
import { recordAudit } from "~/models/audit.server";
import { requireUser, clientIp } from "~/utils/auth.server";
import { langParam } from "~/utils/lang-param.server";
import { titleMeta } from "~/utils/meta";
import { useLang, useT } from "~/utils/use-lang";
import { readForm } from "~/utils/forms";

export const meta = titleMeta("calendar.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  langParam(params);
  const user = await requireUser(request);
  const feed = await getActiveCalendarFeed(user.id);
  return {
    feed: feed && { createdAt: feed.createdAt.toISOString(), lastUsedAt: feed.lastUsedAt?.toISOString() ?? null },
    revoked: new URL(request.url).searchParams.has("revoked"),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = langParam(params);
  const user = await requireUser(request);
  const intent = (await readForm(request)).get("intent");
  const ipAddress = clientIp(context);
  if (intent === "create") {
    const token = await createCalendarFeed(user.id);
    await recordAudit({
      action: "calendar.feed_create",
      actor: user,
      ipAddress,
      targetType: "user",
      targetId: user.id,
    });
    // Shown in this response only (never in a redirect URL, which could end up in a log).
    return { url: `${publicOrigin(request)}/${lang}/onboarding/calendar/${token}.ics` };
  }
  if (intent === "revoke") {
    await revokeCalendarFeeds(user.id);
    await recordAudit({
      action: "calendar.feed_revoke",
      actor: user,
      ipAddress,
      targetType: "user",
      targetId: user.id,
    });
    return redirect(`/${lang}/onboarding/calendar?revoked=1`);
  }
  throw new Response("Unknown action", { status: 400 });
}

export default function CalendarPage() {
  const { feed, revoked } = useLoaderData<typeof loader>();
  const created = useActionData<typeof action>();
  const t = useT();
  const lang = useLang();
  return (
    <>
      <h1>{t("calendar.title")}</h1>
      <p className="lead">{t("calendar.lead")}</p>
      <section aria-labelledby="calendar-download">
        <h2 id="calendar-download">{t("calendar.downloadHeading")}</h2>
        <p>{t("calendar.downloadText")}</p>
        <p>
          <a href={`/${lang}/onboarding/calendar.ics`} className="button button--secondary" download>
            {t("calendar.download")}
          </a>
        </p>
      </section>
      <section aria-labelledby="calendar-subscribe">
        <h2 id="calendar-subscribe">{t("calendar.subscribeHeading")}</h2>
        <p>{t("calendar.subscribeText")}</p>
        <p className="notice notice--review">{t("calendar.intranetOnly")}</p>
        {revoked ? (
          <p className="notice notice--success" role="status">
            {t("calendar.revokedNotice")}
          </p>
        ) : null}
        {created?.url ? (
          <div className="notice notice--success" role="status">
            <div className="field">
              <label htmlFor="calendar-url">{t("calendar.urlLabel")}</label>
              <p className="field__hint" id="calendar-url-hint">
                {t("calendar.urlHint")}
              </p>
              <input
                id="calendar-url"
                type="text"
                readOnly
                value={created.url}
                aria-describedby="calendar-url-hint"
                className="calendar-url"
              />
            </div>
          </div>
        ) : feed ? (
          <p>
            {t("calendar.active", { date: formatDateTime(lang, feed.createdAt) })}{" "}
            {feed.lastUsedAt
              ? t("calendar.lastUsed", { date: formatDateTime(lang, feed.lastUsedAt) })
              : t("calendar.neverUsed")}
          </p>
        ) : (
          <p>{t("calendar.none")}</p>
        )}
        <div className="form-actions">
          <Form method="post">
            <input type="hidden" name="intent" value="create" />
            <button type="submit" className="button">
              {t(feed || created?.url ? "calendar.replace" : "calendar.create")}
            </button>
          </Form>
          {feed || created?.url ? (
            <Form method="post">
              <input type="hidden" name="intent" value="revoke" />
              <button type="submit" className="button button--secondary">
                {t("calendar.revoke")}
              </button>
            </Form>
          ) : null}
        </div>
      </section>
      <p>
        <Link to={`/${lang}/onboarding`}>{t("calendar.back")}</Link>
      </p>
    </>
  );
}
