import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDate, isLang } from "~/i18n";
import { listSummariesFor, type SummaryListItem } from "~/models/summary.server";
import { langParam } from "~/utils/lang-param.server";
import { titleMeta } from "~/utils/meta";
import { useLang, useT } from "~/utils/use-lang";
import { canComposeSummaries } from "~/models/permissions.server";
import { requireUser } from "~/models/auth.server";

export const meta = titleMeta("summaries.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  langParam(params);
  const user = await requireUser(request);
  const [lists, canCompose] = await Promise.all([listSummariesFor(user), canComposeSummaries(user)]);
  return { ...lists, canCompose, deleted: new URL(request.url).searchParams.has("deleted") };
}

export default function Summaries() {
  const { mine, forMe, all, canCompose, deleted } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  return (
    <>
      <h1>{t("summaries.title")}</h1>
      <p className="lead">{t("summaries.lead")}</p>
      <div role="status">{deleted ? <p className="notice notice--success">{t("summaries.deleted")}</p> : null}</div>
      {canCompose ? (
        <p>
          <Link to={`/${lang}/summaries/new`} className="button">
            {t("summaries.new")}
          </Link>
        </p>
      ) : null}

      {/* A supervisor comes here mostly for their own summaries; a team member for their supervisor's. */}
      {canCompose ? (
        <>
          <MineSection items={mine} />
          <ForMeSection items={forMe} />
        </>
      ) : (
        <>
          <ForMeSection items={forMe} />
          {mine.length ? <MineSection items={mine} /> : null}
        </>
      )}

      {all ? (
        <section aria-labelledby="all">
          <h2 id="all">{t("summaries.all")}</h2>
          {all.length ? (
            <SummaryTable items={all} columns={["author", "lang", "updated"]} />
          ) : (
            <p>{t("summaries.allEmpty")}</p>
          )}
        </section>
      ) : null}
    </>
  );
}

function ForMeSection({ items }: { items: SummaryListItem[] }) {
  const t = useT();
  return (
    <section aria-labelledby="for-me">
      <h2 id="for-me">{t("summaries.forMe")}</h2>
      <p>{t("summaries.forMeLead")}</p>
      {items.length ? (
        <SummaryTable items={items} columns={["author", "updated"]} />
      ) : (
        <p>{t("summaries.forMeEmpty")}</p>
      )}
    </section>
  );
}

function MineSection({ items }: { items: SummaryListItem[] }) {
  const t = useT();
  return (
    <section aria-labelledby="mine">
      <h2 id="mine">{t("summaries.mine")}</h2>
      {items.length ? (
        <SummaryTable items={items} columns={["status", "lang", "updated", "views"]} />
      ) : (
        <p>{t("summaries.mineEmpty")}</p>
      )}
    </section>
  );
}

type Column = "author" | "status" | "lang" | "updated" | "views";

function SummaryTable({ items, columns }: { items: SummaryListItem[]; columns: Column[] }) {
  const t = useT();
  const lang = useLang();
  const heads: Record<Column, string> = {
    author: t("summaries.colAuthor"),
    status: t("summaries.colStatus"),
    lang: t("summaries.colLang"),
    updated: t("summaries.colUpdated"),
    views: t("summaries.colViews"),
  };
  const cell = (item: SummaryListItem, column: Column) => {
    switch (column) {
      case "author":
        return item.authorName;
      case "status":
        return item.status === "published" ? t("summaries.status.published") : t("summaries.status.draft");
      case "lang":
        return isLang(item.lang) ? t(`summaries.langOption.${item.lang}`) : item.lang;
      case "updated":
        return formatDate(lang, item.updatedAt);
      case "views":
        return String(item.viewCount);
    }
  };
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t("summaries.colTitle")}</th>
            {columns.map((c) => (
              <th key={c} scope="col">
                {heads[c]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <th scope="row">
                <Link to={`/${lang}/summaries/${item.id}`} lang={item.lang !== lang ? item.lang : undefined}>
                  {item.title}
                </Link>
              </th>
              {columns.map((c) => (
                <td key={c}>{cell(item, c)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
