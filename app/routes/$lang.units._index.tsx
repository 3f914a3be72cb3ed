import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FallbackNotice, LocalizedInline } from "~/components/localized";
import { fallbackLanguages } from "~/i18n/content";
import { listUnits } from "~/models/unit.server";
import { langParam } from "~/utils/lang-param.server";
import { titleMeta } from "~/utils/meta";
import { useLang, useT } from "~/utils/use-lang";

export const meta = titleMeta("units.title");

export async function loader({ params }: LoaderFunctionArgs) {
  return { units: await listUnits(langParam(params)) };
}

export default function Units() {
  const { units } = useLoaderData<typeof loader>();
  const t = useT();
  const departments = units.filter((u) => u.kind === "department");
  const plainUnits = units.filter((u) => u.kind === "unit");
  return (
    <>
      <h1>{t("units.title")}</h1>
      <p className="lead">{t("units.lead", { departments: departments.length, units: plainUnits.length })}</p>
      <FallbackNotice langs={fallbackLanguages(units.flatMap((u) => [u.name, u.summary]))} />
      <UnitGroup id="departments" title={t("units.departments")} units={departments} />
      <UnitGroup id="units" title={t("units.units")} units={plainUnits} />
    </>
  );
}

function UnitGroup({ id, title, units }: { id: string; title: string; units: ReturnType<typeof useLoaderData<typeof loader>>["units"] }) {
  const lang = useLang();
  const t = useT();
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ul className="unit-list">
        {units.map((u) => (
          <li key={u.slug} className="unit-card">
            <h3>
              <Link to={`/${lang}/units/${u.slug}`}>
                <LocalizedInline text={u.name} />
              </Link>
            </h3>
            <p>
              <LocalizedInline text={u.summary} />
            </p>
            {u.needsReview ? <p className="badge badge--review">{t("unit.needsReviewShort")}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
