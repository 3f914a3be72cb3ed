import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Pagination } from "~/components/pagination";
import { formatDateTime } from "~/i18n";
import { AUDIT_PAGE_SIZE, listAuditEvents } from "~/models/audit.server";
import { requireAdmin } from "~/utils/auth.server";
import { langParam } from "~/utils/lang-param.server";
import { titleMeta } from "~/utils/meta";
import { useLang, useT } from "~/utils/use-lang";

export const meta = titleMeta("admin.auditTitle");

const ACTION_GROUPS = [
  "auth.sign_in",
  "auth.sign_in_failed",
  "auth.sign_out",
  "auth.sign_in_refused",
  "auth.break_glass",
  "content.",
  "user.",
  "onboarding.",
  "summary.",
] as const;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);
const filterSchema = z.object({
  action: z.enum(ACTION_GROUPS).optional().catch(undefined),
  actor: z.string().trim().max(320).optional().catch(undefined),
  from: day,
  to: day,
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  langParam(params);
  await requireAdmin(request);
  const url = new URL(request.url);
  const filter = filterSchema.parse(Object.fromEntries(url.searchParams));
  // Dates are calendar days in Helsinki; "to" includes the whole day.
  const helsinkiMidnight = (d: string) => new Date(`${d}T00:00:00+02:00`);
  const result = await listAuditEvents(
    {
      action: filter.action,
      actor: filter.actor || undefined,
      from: filter.from ? helsinkiMidnight(filter.from) : undefined,
      to: filter.to ? new Date(helsinkiMidnight(filter.to).getTime() + 86_400_000) : undefined,
    },
    filter.page,
  );
  return { ...result, filter, pages: Math.max(1, Math.ceil(result.total / AUDIT_PAGE_SIZE)) };
}

export default function AuditLog() {
  const { events, total, filter, pages } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const pageLink = (page: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...filter, page })) if (v) params.set(k, String(v));
    return `?${params}`;
  };
  return (
    <>
      <h1>{t("admin.auditTitle")}</h1>
      <p>{t("admin.auditLead")}</p>
      <Form method="get" className="filter-form">
        <div className="field">
          <label htmlFor="audit-action">{t("admin.auditAction")}</label>
          <select id="audit-action" name="action" defaultValue={filter.action ?? ""}>
            <option value="">{t("admin.auditAllActions")}</option>
            {ACTION_GROUPS.map((a) => (
              <option key={a} value={a}>
                {a.endsWith(".") ? `${a}*` : a}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-actor">{t("admin.auditActor")}</label>
          <input id="audit-actor" name="actor" type="search" defaultValue={filter.actor ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="audit-from">{t("admin.auditFrom")}</label>
          <input id="audit-from" name="from" type="date" defaultValue={filter.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="audit-to">{t("admin.auditTo")}</label>
          <input id="audit-to" name="to" type="date" defaultValue={filter.to ?? ""} />
        </div>
        <button type="submit" className="button">
          {t("admin.auditFilter")}
        </button>
      </Form>
      <p role="status">{t("admin.auditCount", { count: total })}</p>
      {events.length === 0 ? (
        <p>{t("admin.auditNone")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("admin.auditTime")}</th>
                <th scope="col">{t("admin.auditAction")}</th>
                <th scope="col">{t("admin.auditWho")}</th>
                <th scope="col">{t("admin.auditWhere")}</th>
                <th scope="col">{t("admin.auditTarget")}</th>
                <th scope="col">{t("admin.auditDetails")}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id}>
                  <td>{formatDateTime(lang, e.createdAt)}</td>
                  <td>
                    <code>{e.action}</code>
                  </td>
                  <td>{e.actorEmail ?? "–"}</td>
                  <td>{e.ipAddress ?? "–"}</td>
                  <td>{e.targetType ? `${e.targetType} ${e.targetId ?? ""}` : "–"}</td>
                  <td>
                    <code className="audit-details">{e.details === "{}" ? "" : e.details}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 ? <Pagination page={filter.page} pages={pages} href={pageLink} /> : null}
    </>
  );
}
