import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { LocalizedBlock, LocalizedInline } from "~/components/localized";
import { getUnit } from "~/models/unit.server";
import { langParam } from "~/utils/lang-param.server";
import { titleMeta } from "~/utils/meta";
import { useLang, useT } from "~/utils/use-lang";

export const meta = titleMeta("units.title");

export async function loader({ params }: LoaderFunctionArgs) {
  const unit = await getUnit(langParam(params), params.slug ?? "");
  if (!unit) throw new Response("Unit not found", { status: 404 });
  return { unit, title: unit.content?.value.name ?? unit.slug };
}

export default function UnitPage() {
  const { unit } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const notPublic = <span className="muted">{t("unit.notPublic")}</span>;
  return (
    <article>
      <nav aria-label={t("breadcrumb.label")} className="breadcrumbs">
        <ol>
          <li>{t("unit.directorGeneral")}</li>
          {unit.parent ? (
            <li>
              <Link to={`/${lang}/units/${unit.parent.slug}`}>
                <LocalizedInline text={unit.parent.name} />
              </Link>
            </li>
          ) : null}
          <li aria-current="page">
            <LocalizedInline text={unit.content && { ...unit.content, value: unit.content.value.name }} />
          </li>
        </ol>
      </nav>
      {unit.content ? (
        <LocalizedBlock text={unit.content}>
          {(c) => (
            <>
              <h1>{c.name}</h1>
              <p className="kind">{t(`units.kind.${unit.kind}`)}</p>
              {unit.needsReview ? (
                <p className="notice notice--review" lang={lang}>
                  {t("unit.needsReview")}
                </p>
              ) : null}
              <section aria-labelledby="summary">
                <h2 id="summary">{t("unit.summaryHeading")}</h2>
                <p>{c.summary}</p>
              </section>
              <section aria-labelledby="description">
                <h2 id="description">{t("unit.descriptionHeading")}</h2>
                <div className="prose" dangerouslySetInnerHTML={{ __html: c.descriptionHtml }} />
              </section>
              <section aria-labelledby="duties">
                <h2 id="duties">{t("unit.dutiesHeading")}</h2>
                {c.duties.length ? (
                  <ul>
                    {c.duties.map((d) => (
                      <li key={d}>{d}</li>
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
        <h1>{unit.slug}</h1>
      )}
      <section aria-labelledby="contact">
        <h2 id="contact">{t("unit.contactHeading")}</h2>
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
    </article>
  );
}
