// A goal summary as the team reads it. The summary is written in its own language, so the whole
// article (its headings too) is in that language, whatever the page's language; the agency's
// goal wording comes from the database in that language, or is marked as a fallback.
import type { ReactNode } from "react";
import { formatDate, translator, type Lang, type Translator } from "~/i18n";
import type { Localized } from "~/i18n/content";
import type { SummaryItemView, SummaryView } from "~/models/summary.server";
import { useLang } from "~/utils/use-lang";

export function SummaryArticle({ summary, children }: { summary: SummaryView; children?: ReactNode }) {
  const pageLang = useLang();
  const t = translator(summary.lang);
  return (
    <article className="summary" lang={summary.lang !== pageLang ? summary.lang : undefined}>
      <div className="summary__header">
        <h1>{summary.title}</h1>
        <p className="meta">
          {t("summaries.byline", { name: summary.authorName, date: formatDate(summary.lang, summary.updatedAt) })}
        </p>
      </div>
      {/* Page tools (PDF, edit, views) speak the page's language. */}
      {children ? <div lang={summary.lang !== pageLang ? pageLang : undefined}>{children}</div> : null}
      {summary.introHtml ? (
        <div className="prose summary__intro" dangerouslySetInnerHTML={{ __html: summary.introHtml }} />
      ) : null}
      {summary.items.map((item, i) => (
        <SummaryItem key={i} id={`summary-item-${i}`} item={item} lang={summary.lang} t={t} />
      ))}
    </article>
  );
}

function SummaryItem({ id, item, lang, t }: { id: string; item: SummaryItemView; lang: Lang; t: Translator }) {
  const label =
    item.kind === "goal"
      ? t("summaries.goalLabel", { number: item.number })
      : t("summaries.visionLabel", { number: item.number });
  return (
    <section className="summary-item" aria-labelledby={id}>
      <h2 id={id}>
        <span className="summary-item__label">{label}</span> <AgencyWording text={item.agencyText} lang={lang} />
      </h2>
      {item.agencyText?.isFallback ? (
        <p className="notice notice--fallback">
          {t("content.fallback", { language: t(`content.languageName.${item.agencyText.lang}`) })}
        </p>
      ) : null}
      {item.agencyText?.isOutdated ? <p className="notice notice--outdated">{t("content.outdated")}</p> : null}
      {item.teamTextHtml ? (
        <>
          <h3>{t("summaries.teamHeading")}</h3>
          <div className="prose" dangerouslySetInnerHTML={{ __html: item.teamTextHtml }} />
        </>
      ) : null}
      {item.targets.length ? (
        <>
          <h3 id={`${id}-targets`}>{t("summaries.targetsHeading")}</h3>
          <div className="table-wrap">
            <table className="summary-targets" aria-labelledby={`${id}-targets`}>
              <thead>
                <tr>
                  <th scope="col">{t("summaries.target")}</th>
                  <th scope="col">{t("summaries.owner")}</th>
                  <th scope="col">{t("summaries.due")}</th>
                </tr>
              </thead>
              <tbody>
                {item.targets.map((target, i) => (
                  <tr key={i}>
                    <td>{target.text}</td>
                    <td>{target.owner}</td>
                    <td>{target.dueDate ? formatDate(lang, target.dueDate) : t("summaries.noDue")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}

function AgencyWording({ text, lang }: { text: Localized<string> | null; lang: Lang }) {
  if (!text) return null;
  return (
    <span className="summary-item__wording" lang={text.lang !== lang ? text.lang : undefined}>
      {text.value}
    </span>
  );
}
