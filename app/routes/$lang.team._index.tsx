// My team: the onboarding of everyone who reports to the signed-in person (a supervisor is anyone
// with a report). Others see an honest empty page.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AcknowledgementList, OverdueTag } from "~/components/onboarding";
import { LocalizedInline } from "~/components/localized";
import { formatDate } from "~/i18n";
import { getTeamReport } from "~/models/onboarding-report.server";
import { langParam } from "~/utils/lang-param.server";
import { titleMeta } from "~/utils/meta";
import { useLang, useT } from "~/utils/use-lang";
import { requireUser } from "~/models/auth.server";

export const meta = titleMeta("onboarding.team.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = langParam(params);
  const user = await requireUser(request);
  return getTeamReport(user.id, lang);
}

export default function Team() {
  const { rows } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  return (
    <>
      <h1>{t("onboarding.team.title")}</h1>
      <p className="lead">{t("onboarding.team.lead")}</p>
      {rows.length === 0 ? (
        <p>{t("onboarding.team.none")}</p>
      ) : (
        <div className="table-wrap">
          <table className="team-table">
            <caption className="visually-hidden">{t("onboarding.team.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("onboarding.col.name")}</th>
                <th scope="col">{t("onboarding.col.startDate")}</th>
                <th scope="col">{t("onboarding.col.progress")}</th>
                <th scope="col">{t("onboarding.col.overdue")}</th>
                <th scope="col">{t("onboarding.col.acks")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row">
                    <Link to={`/${lang}/team/${row.id}`}>{row.name}</Link>
                  </th>
                  <td>{row.startDate ? formatDate(lang, row.startDate) : t("onboarding.notRecorded")}</td>
                  <td>
                    {t("onboarding.progressShort", {
                      completed: row.summary.completed,
                      total: row.summary.total,
                      percent: row.summary.percent,
                    })}
                  </td>
                  <td>
                    {row.overdueSteps.length === 0 ? (
                      t("onboarding.none")
                    ) : (
                      <>
                        <OverdueTag /> {row.overdueSteps.length}
                        <ul className="compact-list">
                          {row.overdueSteps.map((title, i) => (
                            <li key={i}>
                              <LocalizedInline text={title} />
                            </li>
                          ))}
                        </ul>
                      </>
                    )}
                  </td>
                  <td>
                    <AcknowledgementList states={row.acknowledgements} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
