import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FieldErrors } from "~/components/forms";
import { Pagination } from "~/components/pagination";
import { formatDateTime } from "~/i18n";
import { AUDIT_PAGE_SIZE, listAuditEvents } from "~/models/audit.server";
import { requireAdmin } from "~/utils/auth.server";
import { isCalendarDate } from "~/utils/calendar-date";
import type { FormErrors } from "~/utils/forms";
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

// A day as typed: checked in the loader, so that an impossible one gets a message, not a filter.
const day = z.string().trim().max(40).optional().catch(undefined);
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
  const errors: FormErrors = {};
  for (const field of ["from", "to"] as const) {
    const value = filter[field];
    if (value && !isCalendarDate(value)) errors[field] = [{ key: "error.date" }];
  }
  const valid = (d: string | undefined) => (d && isCalendarDate(d) ? d : undefined);
  // Dates are calendar days in Helsinki; "to" includes the whole day.
  const helsinkiMidnight = (d: string) => new Date(`${d}T00:00:00+02:00`);
  const from = valid(filter.from);
  const to = valid(filter.to);
  const result = await listAuditEvents(
    {
      action: filter.action,
      actor: filter.actor || undefined,
      from: from ? helsinkiMidnight(from) : undefined,
      to: to ? new Date(helsinkiMidnight(to).getTime() + 86_400_000) : undefined,
    },
    filter.page,
  );
  const page = { ...result, filter, errors, pages: Math.max(1, Math.ceil(result.total / AUDIT_PAGE_SIZE)) };
  return data(page, { status: Object.keys(errors).length ? 400 : 200 });
}

export default function AuditLog() {
  const { events, total, filter, pages, errors } = useLoaderData<typeof loader>();
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
        {(["from", "to"] as const).map((field) => (
          <div key={field} className={`field${errors[field] ? " field--invalid" : ""}`}>
            <label htmlFor={`audit-${field}`}>{t(field === "from" ? "admin.auditFrom" : "admin.auditTo")}</label>
            <FieldErrors id={`audit-${field}-errors`} errors={errors[field]} />
            <input
              id={`audit-${field}`}
              name={field}
              type="date"
              defaultValue={filter[field] ?? ""}
              aria-invalid={errors[field] ? true : undefined}
              aria-describedby={errors[field] ? `audit-${field}-errors` : undefined}
            />
          </div>
        ))}
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
