// HR's view of onboarding: every newcomer, filtered by unit and status (GET, so a filtered view
// can be bookmarked and works without JavaScript), overdue first; progress by unit as an SVG chart
// with the same figures in a table; the table as a CSV download.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { LocalizedInline } from "~/components/localized";
import { OverdueTag, ProgressChart } from "~/components/onboarding";
import { formatDate, formatNumber } from "~/i18n";
import { getNewcomerReport, parseNewcomerFilter } from "~/models/onboarding-report.server";
import { STATUS_FILTERS } from "~/models/onboarding-rules";
import { langParam } from "~/utils/lang-param.server";
import { titleMeta } from "~/utils/meta";
import { useLang, useT } from "~/utils/use-lang";
import { requireUserWithPermission } from "~/models/permissions.server";

export const meta = titleMeta("onboarding.hr.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = langParam(params);
  await requireUserWithPermission(request, "read:plan:any");
  const url = new URL(request.url);
  const filter = parseNewcomerFilter(url);
  const report = await getNewcomerReport(filter, lang);
  return { ...report, filter, query: url.search };
}

export default function HrOnboarding() {
  const { rows, byUnit, units, filter, query } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  return (
    <>
      <h1>{t("onboarding.hr.title")}</h1>
      <p className="lead">{t("onboarding.hr.lead")}</p>
      <p>
        <Link to={`/${lang}/onboarding/templates`}>{t("onboarding.hr.templatesLink")}</Link>
      </p>

      <section aria-labelledby="chart-heading">
        <h2 id="chart-heading">{t("onboarding.hr.chartHeading")}</h2>
        <p id="chart-desc">{t("onboarding.hr.chartDesc")}</p>
        {byUnit.length === 0 ? (
          <p>{t("onboarding.hr.none")}</p>
        ) : (
          <>
            <figure className="chart-figure">
              <ProgressChart rows={byUnit} titleId="chart-heading" descId="chart-desc" />
            </figure>
            <div className="table-wrap">
              <table>
                <caption>{t("onboarding.hr.chartTableCaption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("onboarding.col.unit")}</th>
                    <th scope="col">{t("onboarding.hr.col.people")}</th>
                    <th scope="col">{t("onboarding.hr.col.steps")}</th>
                    <th scope="col">{t("onboarding.col.percent")}</th>
                  </tr>
                </thead>
                <tbody>
                  {byUnit.map((u) => (
                    <tr key={u.slug ?? "none"}>
                      <th scope="row">{u.name ? <LocalizedInline text={u.name} /> : t("onboarding.hr.noUnit")}</th>
                      <td>{formatNumber(lang, u.people)}</td>
                      <td>{t("onboarding.hr.stepsOf", { completed: u.completed, total: u.total })}</td>
                      <td>{formatNumber(lang, u.percent)} %</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>

      <section aria-labelledby="newcomers-heading">
        <h2 id="newcomers-heading">{t("onboarding.hr.tableHeading")}</h2>
        <Form method="get" className="filter-form" aria-label={t("onboarding.hr.filter")}>
          <div className="field">
            <label htmlFor="filter-unit">{t("onboarding.hr.unit")}</label>
            <select id="filter-unit" name="unit" defaultValue={filter.unit ?? ""}>
              <option value="">{t("onboarding.hr.allUnits")}</option>
              {units.map((u) => (
                <option key={u.slug} value={u.slug} lang={u.name && u.name.lang !== lang ? u.name.lang : undefined}>
                  {u.name?.value ?? u.slug}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-status">{t("onboarding.hr.status")}</label>
            <select id="filter-status" name="status" defaultValue={filter.status ?? ""}>
              <option value="">{t("onboarding.hr.allStatuses")}</option>
              {STATUS_FILTERS.map((s) => (
                <option key={s} value={s}>
                  {t(`onboarding.filter.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button--secondary">
            {t("onboarding.hr.apply")}
          </button>
        </Form>
        <p role="status">{t("onboarding.hr.count", { count: rows.length })}</p>
        <p>
          <a href={`/${lang}/hr/onboarding/export.csv${query}`} download>
            {t("onboarding.hr.download")}
          </a>{" "}
          <span className="muted">{t("onboarding.hr.downloadHint")}</span>
        </p>
        {rows.length === 0 ? (
          <p>{t("onboarding.hr.none")}</p>
        ) : (
          <div className="table-wrap">
            <table className="newcomers-table">
              <caption className="visually-hidden">{t("onboarding.hr.tableHeading")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("onboarding.col.name")}</th>
                  <th scope="col">{t("onboarding.col.unit")}</th>
                  <th scope="col">{t("onboarding.col.supervisor")}</th>
                  <th scope="col">{t("onboarding.col.startDate")}</th>
                  <th scope="col">{t("onboarding.col.status")}</th>
                  <th scope="col">{t("onboarding.col.progress")}</th>
                  <th scope="col">{t("onboarding.col.overdue")}</th>
                  <th scope="col">{t("onboarding.col.nextStep")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id}>
                    <th scope="row">
                      <Link to={`/${lang}/team/${row.id}`}>{row.name}</Link>
                    </th>
                    <td>{row.unitName ? <LocalizedInline text={row.unitName} /> : t("onboarding.hr.noUnit")}</td>
                    <td>{row.supervisorName ?? t("onboarding.notRecorded")}</td>
                    <td>{row.startDate ? formatDate(lang, row.startDate) : "–"}</td>
                    <td>{t(`onboarding.planStatus.${row.summary.status}`)}</td>
                    <td>
                      {t("onboarding.progressShort", {
                        completed: row.summary.completed,
                        total: row.summary.total,
                        percent: row.summary.percent,
                      })}
                    </td>
                    <td>
                      {row.summary.overdue > 0 ? (
                        <>
                          <OverdueTag /> {row.summary.overdue}
                        </>
                      ) : (
                        "0"
                      )}
                    </td>
                    <td>
                      {row.nextStep?.title ? <LocalizedInline text={row.nextStep.title} /> : "–"}
                      {row.nextStep?.dueDate ? <> ({formatDate(lang, row.nextStep.dueDate)})</> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
