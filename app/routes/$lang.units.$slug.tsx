import type { LoaderFunctionArgs } from "@remix-run/node";
import { PageCareInfo } from "~/components/page-care";
import { pageCareForReader, unitPage } from "~/models/page-ownership.server";
import { getOptionalUser } from "~/models/auth.server";
import { Link, useLoaderData } from "@remix-run/react";
import { LocalizedInline } from "~/components/localized";
import { getUnitAncestors } from "~/models/directory.server";
import { getUnit } from "~/models/unit.server";
import { getUnitPageMeta } from "~/models/unit-editing.server";
import { UnitPageMeta } from "~/components/revisions";
import { UnitContent } from "~/components/unit-content";
import { langParam } from "~/utils/lang-param.server";
import { titleMeta } from "~/utils/meta";
import { useLang, useT } from "~/utils/use-lang";
import { sharedPage } from "~/utils/shared-page";

export const meta = titleMeta("units.title");
export const handle = sharedPage;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = langParam(params);
  const [unit, ancestors, editing] = await Promise.all([
    getUnit(lang, params.slug ?? ""),
    getUnitAncestors(lang, params.slug ?? ""),
    getUnitPageMeta(lang, params.slug ?? ""),
  ]);
  if (!unit || !editing) throw new Response("Unit not found", { status: 404 });
  const care = await pageCareForReader(await getOptionalUser(request), unitPage(editing.unitId), unit.slug, lang);
  return {
    unit,
    ancestors,
    editing,
    care,
    title: unit.content?.value.name ?? unit.slug,
    description: unit.content?.value.summary,
  };
}

export default function UnitPage() {
  const { unit, ancestors, editing, care } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  return (
    <article>
      <nav aria-label={t("breadcrumb.label")} className="breadcrumbs">
        <ol>
          <li>
            <Link to={`/${lang}/units/chart`}>{t("unit.directorGeneral")}</Link>
          </li>
          {ancestors.map((a) => (
            <li key={a.slug}>
              <Link to={`/${lang}/units/${a.slug}`}>
                <LocalizedInline text={a.name} />
              </Link>
            </li>
          ))}
          <li aria-current="page">
            <LocalizedInline text={unit.content && { ...unit.content, value: unit.content.value.name }} />
          </li>
        </ol>
      </nav>
      <UnitContent unit={unit} />
      <UnitPageMeta unitId={editing.unitId} slug={unit.slug} lastUpdated={editing.lastUpdated} />
      <PageCareInfo care={care} />
      {unit.children.length ? (
        <section aria-labelledby="children">
          <h2 id="children">{t("unit.childrenHeading")}</h2>
          <ul>
            {unit.children.map((child) => (
              <li key={child.slug}>
                <Link to={`/${lang}/units/${child.slug}`}>
                  <LocalizedInline text={child.name} />
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p className="unit-chart-link">
        <Link to={`/${lang}/units/chart#unit-${unit.slug}`}>{t("unit.placeInChart")}</Link>
      </p>
    </article>
  );
}
