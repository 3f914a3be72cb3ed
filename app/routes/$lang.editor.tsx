// The editor's desk: what needs this person's attention (reviews due or overdue, open corrections
// on the pages they own or edit), what they may edit, and the translations that fell behind their
// source text; for HR and admins also every page with filters and a CSV export.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { formatDate } from "~/i18n";
import { allPagesFor, attentionFor, parsePageFilter } from "~/models/editor-desk.server";
import { LocalizedInline } from "~/components/localized";
import { ORG_DOCS } from "~/models/organisation-editing.server";
import { canEditOrganisationTexts } from "~/models/roles";
import { listOutdatedTranslations } from "~/models/translations.server";
import { ownsAnyPage } from "~/models/page-ownership.server";
import { listEditableUnits } from "~/models/unit-editing.server";
import { forbidden, requireUser } from "~/utils/auth.server";
import { langParam } from "~/utils/lang-param.server";
import { titleMeta } from "~/utils/meta";
import { useLang, useT } from "~/utils/use-lang";

export const meta = titleMeta("editor.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = langParam(params);
  const user = await requireUser(request);
  const filter = parsePageFilter(new URL(request.url));
  const [units, outdated, attention, all] = await Promise.all([
    listEditableUnits(user, lang),
    listOutdatedTranslations(user),
    attentionFor(user, lang),
    allPagesFor(user, lang, filter),
  ]);
  // An employee comes here only for the pages they own.
  if (user.role === "employee" && attention.length === 0 && !(await ownsAnyPage(user.id))) throw forbidden();
  return { units, outdated, attention, all, filter, docs: canEditOrganisationTexts(user) ? [...ORG_DOCS] : [] };
}

export default function EditorHome() {
  const { units, outdated, attention, all, filter, docs } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  return (
    <>
      <h1>{t("editor.title")}</h1>
      <p className="lead">{t("editor.lead")}</p>

      <section aria-labelledby="attention-title">
        <h2 id="attention-title">{t("desk.attentionHeading")}</h2>
        {attention.length === 0 ? (
          <p>{t("desk.nothing")}</p>
        ) : (
          <ul className="task-list">
            {attention.map((p) => (
              <li key={p.key}>
                <Link to={`/${lang}/editor/pages/${p.key}`}>{p.title}</Link>
                {p.state === "overdue" && p.dueOn ? (
                  <strong> · {t("desk.reviewOverdue", { date: formatDate(lang, p.dueOn) })}</strong>
                ) : p.state === "due_soon" && p.dueOn ? (
                  <span> · {t("desk.reviewDue", { date: formatDate(lang, p.dueOn) })}</span>
                ) : null}
                {p.openSuggestions ? <span> · {t("desk.openSuggestions", { count: p.openSuggestions })}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </section>

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
      {all ? <AllPages all={all} filter={filter} /> : null}
    </>
  );
}

type AllPagesData = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["all"]>;

/** HR and admins: every page, filtered by a plain GET form (works without JavaScript). */
function AllPages({ all, filter }: { all: AllPagesData; filter: { page?: string; owner?: string; state?: string } }) {
  const t = useT();
  const lang = useLang();
  const query = new URLSearchParams(
    Object.entries(filter).filter((e): e is [string, string] => typeof e[1] === "string"),
  ).toString();
  return (
    <section aria-labelledby="all-pages-title">
      <h2 id="all-pages-title">{t("desk.allPagesHeading")}</h2>
      <Form method="get" className="filters" aria-label={t("desk.filter")}>
        <div className="field">
          <label htmlFor="filter-page">{t("desk.unit")}</label>
          <select id="filter-page" name="page" defaultValue={filter.page ?? ""}>
            <option value="">{t("desk.allPages")}</option>
            {all.options.pages.map((p) => (
              <option key={p.key} value={p.key}>
                {p.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-owner">{t("desk.owner")}</label>
          <select id="filter-owner" name="owner" defaultValue={filter.owner ?? ""}>
            <option value="">{t("desk.anyOwner")}</option>
            <option value="none">{t("desk.noOwnerQueue")}</option>
            {all.options.owners.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-state">{t("desk.state")}</label>
          <select id="filter-state" name="state" defaultValue={filter.state ?? ""}>
            <option value="">{t("desk.anyState")}</option>
            <option value="overdue">{t("care.state.overdue")}</option>
            <option value="due_soon">{t("care.state.due_soon")}</option>
            <option value="ok">{t("care.state.ok")}</option>
          </select>
        </div>
        <button type="submit" className="button">
          {t("desk.apply")}
        </button>
      </Form>
      <p role="status">{t("desk.count", { count: all.pages.length })}</p>
      <p>
        <a href={`/${lang}/editor/pages.csv${query ? `?${query}` : ""}`} download>
          {t("desk.download")}
        </a>
      </p>
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">{t("desk.allPagesHeading")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("desk.col.page")}</th>
              <th scope="col">{t("desk.col.owner")}</th>
              <th scope="col">{t("desk.col.checked")}</th>
              <th scope="col">{t("desk.col.due")}</th>
              <th scope="col">{t("desk.col.state")}</th>
              <th scope="col">{t("desk.col.suggestions")}</th>
            </tr>
          </thead>
          <tbody>
            {all.pages.map((p) => (
              <tr key={p.key}>
                <th scope="row">
                  <Link to={`/${lang}/editor/pages/${p.key}`}>{p.title}</Link>
                </th>
                <td>{p.ownerName ?? t("care.noOwner")}</td>
                <td>{p.lastReviewedOn ? formatDate(lang, p.lastReviewedOn) : "—"}</td>
                <td>{p.dueOn ? formatDate(lang, p.dueOn) : "—"}</td>
                <td>{t(`care.state.${p.state ?? "none"}`)}</td>
                <td>{p.openSuggestions}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
