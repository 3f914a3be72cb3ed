// The editors' page: what this person may edit, and the translations that fell behind their
// source text (the list the languages issue asks for).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { LocalizedInline } from "~/components/localized";
import { ORG_DOCS } from "~/models/organisation-editing.server";
import { listOutdatedTranslations } from "~/models/translations.server";
import { listEditableUnits } from "~/models/unit-editing.server";
import { langParam } from "~/utils/lang-param.server";
import { titleMeta } from "~/utils/meta";
import { useLang, useT } from "~/utils/use-lang";
import { canEditOrganisationTexts, canOpenEditorDesk } from "~/models/permissions";
import { forbidden } from "~/models/permissions.server";
import { requireUser } from "~/models/auth.server";

export const meta = titleMeta("editor.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = langParam(params);
  const user = await requireUser(request);
  if (!canOpenEditorDesk(user)) throw forbidden();
  const [units, outdated] = await Promise.all([listEditableUnits(user, lang), listOutdatedTranslations(user)]);
  return { units, outdated, docs: canEditOrganisationTexts(user) ? [...ORG_DOCS] : [] };
}

export default function EditorHome() {
  const { units, outdated, docs } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  return (
    <>
      <h1>{t("editor.title")}</h1>
      <p className="lead">{t("editor.lead")}</p>

      <section aria-labelledby="outdated-title">
        <h2 id="outdated-title">{t("editor.outdatedHeading")}</h2>
        {outdated.length === 0 ? (
          <p>{t("editor.noOutdated")}</p>
        ) : (
          <ul className="task-list">
            {outdated.map((o) => (
              <li key={`${o.kind}:${o.slug}:${o.label?.key}:${o.label?.n}:${o.lang}`}>
                <Link to={o.editPath}>
                  {o.kind === "unit" ? (
                    <span lang={o.sourceLang}>{o.unitName}</span>
                  ) : (
                    `${t(`edit.${o.kind}.docName`)}: ${o.label ? t(o.label.key, o.label.n === undefined ? undefined : { n: o.label.n }) : ""}`
                  )}{" "}
                  ({t(`content.languageName.${o.lang}`)})
                </Link>
                <span className="muted">
                  {" "}
                  {t("editor.outdatedDetail", {
                    language: t(`content.languageName.${o.sourceLang}`),
                    from: o.translatedFromVersion,
                    to: o.sourceVersion,
                  })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {docs.length ? (
        <section aria-labelledby="docs-title">
          <h2 id="docs-title">{t("editor.docsHeading")}</h2>
          <ul className="task-list">
            {docs.map((doc) => (
              <li key={doc}>
                <Link to={`/${lang}/${doc}/edit`}>{t(`edit.${doc}.docName`)}</Link>
                {" · "}
                <Link to={`/${lang}/${doc}/history`}>
                  {t("history.link")}
                  <span className="visually-hidden"> ({t(`edit.${doc}.docName`)})</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="units-title">
        <h2 id="units-title">{t("editor.unitsHeading")}</h2>
        {units.length === 0 ? (
          <p>{t("editor.noUnits")}</p>
        ) : (
          <ul className="task-list">
            {units.map((u) => (
              <li key={u.slug}>
                <Link to={`/${lang}/units/${u.slug}/edit`}>
                  <LocalizedInline text={u.name} />
                </Link>
                {" · "}
                <Link to={`/${lang}/units/${u.slug}/history`}>
                  {t("history.link")}
                  <span className="visually-hidden">
                    {" "}
                    (<LocalizedInline text={u.name} />)
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
