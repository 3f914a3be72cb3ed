// A unit's content as readers see it: used by the unit page and by the editor's preview, so the
// preview is exactly what will be published.
import { Link } from "@remix-run/react";
import type { Localized } from "~/i18n/content";
import { LocalizedBlock, LocalizedInline } from "~/components/localized";
import { useLang, useT } from "~/utils/use-lang";

export interface UnitView {
  slug: string;
  kind: "department" | "unit";
  contactEmail: string | null;
  location: string | null;
  head: string | null;
  needsReview: boolean;
  content: Localized<{ name: string; summary: string; descriptionHtml: string; duties: string[] }> | null;
  parent: { slug: string; name: Localized<string> | null } | null;
}

const headings = ["h1", "h2", "h3", "h4"] as const;

/**
 * `level` 1 on the unit page; deeper inside another page (the editor's preview), which shifts
 * every heading down so that page keeps a single h1. `idPrefix` keeps ids unique there.
 */
export function UnitContent({
  unit,
  level = 1,
  idPrefix = "",
}: {
  unit: UnitView;
  level?: 1 | 2 | 3;
  idPrefix?: string;
}) {
  const t = useT();
  const lang = useLang();
  const Title = headings[level - 1];
  const Heading = headings[level];
  const id = (name: string) => `${idPrefix}${name}`;
  const notPublic = <span className="muted">{t("unit.notPublic")}</span>;
  return (
    <>
      {unit.content ? (
        <LocalizedBlock text={unit.content}>
          {(c) => (
            <>
              <Title className="unit-title">{c.name}</Title>
              <p className="kind">{t(`units.kind.${unit.kind}`)}</p>
              {unit.needsReview ? (
                <p className="notice notice--review" lang={lang}>
                  {t("unit.needsReview")}
                </p>
              ) : null}
              <section aria-labelledby={id("summary")}>
                <Heading id={id("summary")}>{t("unit.summaryHeading")}</Heading>
                <p>{c.summary}</p>
              </section>
              <section aria-labelledby={id("description")}>
                <Heading id={id("description")}>{t("unit.descriptionHeading")}</Heading>
                {/* Sanitised when rendered on the server (app/utils/markdown.server.ts). */}
                <div className="prose" dangerouslySetInnerHTML={{ __html: c.descriptionHtml }} />
              </section>
              <section aria-labelledby={id("duties")}>
                <Heading id={id("duties")}>{t("unit.dutiesHeading")}</Heading>
                {c.duties.length ? (
                  <ul>
                    {c.duties.map((d, i) => (
                      <li key={i}>{d}</li>
                    ))}
                  </ul>
                ) : (
                  <p lang={lang}>{t("unit.noDuties")}</p>
                )}
              </section>
            </>
          )}
        </LocalizedBlock>
      ) : (
        <Title>{unit.slug}</Title>
      )}
      <section aria-labelledby={id("contact")}>
        <Heading id={id("contact")}>{t("unit.contactHeading")}</Heading>
        <dl className="facts">
          <dt>{t("unit.email")}</dt>
          <dd>{unit.contactEmail ? <a href={`mailto:${unit.contactEmail}`}>{unit.contactEmail}</a> : notPublic}</dd>
          <dt>{t("unit.location")}</dt>
          <dd>{unit.location ?? notPublic}</dd>
          <dt>{t("unit.head")}</dt>
          <dd>{unit.head ?? notPublic}</dd>
          <dt>{t("unit.parent")}</dt>
          <dd>
            {unit.parent ? (
              <Link to={`/${lang}/units/${unit.parent.slug}`}>
                <LocalizedInline text={unit.parent.name} />
              </Link>
            ) : (
              t("unit.directorGeneral")
            )}
          </dd>
        </dl>
      </section>
    </>
  );
}
