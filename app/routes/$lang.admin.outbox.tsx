// The mail queue for admins: in evaluation mode (no SMTP_URL) this is where mail ends up, so the
// whole flow can be tried without a mail server.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { formatDateTime } from "~/i18n";
import { listOutbox } from "~/models/mail.server";
import { requireAdmin } from "~/utils/auth.server";
import { titleMeta } from "~/utils/meta";
import { useLang, useT } from "~/utils/use-lang";

export const meta = titleMeta("outbox.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return { mail: await listOutbox() };
}

export default function Outbox() {
  const { mail } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  return (
    <>
      <h1>{t("outbox.title")}</h1>
      <p className="lead">{t("outbox.lead")}</p>
      {mail.length === 0 ? (
        <p>{t("outbox.none")}</p>
      ) : (
        <ul className="task-list">
          {mail.map((m) => (
            <li key={m.id}>
              <details>
                <summary>
                  {m.subject} · {m.to} ·{" "}
                  {m.sentAt
                    ? m.deliveredVia === "outbox"
                      ? t("outbox.state.outbox")
                      : t("outbox.state.smtp", { date: formatDateTime(lang, m.sentAt) })
                    : t("outbox.state.pending", { count: m.attempts })}
                </summary>
                <dl>
                  <dt>{t("outbox.col.to")}</dt>
                  <dd>{m.to}</dd>
                  <dt>{t("outbox.col.subject")}</dt>
                  <dd lang={m.lang}>{m.subject}</dd>
                  <dt>{t("outbox.col.queued")}</dt>
                  <dd>{formatDateTime(lang, m.createdAt)}</dd>
                </dl>
                <pre className="pre-wrap" lang={m.lang}>
                  {m.body}
                </pre>
              </details>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
