// Under a unit page or organisation document: who owns it and when it was checked, a notice when
// its review is overdue, links for its owner and editors, and the "Suggest a correction" form (a
// plain form: works without JavaScript).
import { Form, Link, useLocation, useSearchParams } from "@remix-run/react";
import { formatDate } from "~/i18n";
import type { ReaderPageCare } from "~/models/page-ownership.server";
import { useLang, useT } from "~/utils/use-lang";

export function PageCareInfo({ care }: { care: ReaderPageCare }) {
  const t = useT();
  const lang = useLang();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const owner = care.ownerName ? t("care.owner", { name: care.ownerName }) : t("care.noOwner");
  const checked = care.lastReviewedOn
    ? t("care.checked", { date: formatDate(lang, care.lastReviewedOn) })
    : t("care.neverChecked");
  return (
    <aside className="page-care" aria-label={t("care.statusHeading")}>
      {care.overdue && care.dueOn ? (
        <p className="notice notice--outdated">{t("care.overdue", { date: formatDate(lang, care.dueOn) })}</p>
      ) : null}
      {searchParams.get("suggested") ? (
        <p className="notice notice--success" role="status">
          {t("suggest.sent")} <Link to={`/${lang}/suggestions`}>{t("suggestions.navLink")}</Link>
        </p>
      ) : null}
      <p className="meta">{`${owner} · ${checked}`}</p>
      {care.editAsOwner || care.carePath ? (
        <ul className="edit-links">
          {care.editAsOwner ? (
            <li>
              <Link to={care.editPath}>{t("care.editAsOwner")}</Link>
            </li>
          ) : null}
          {care.carePath ? (
            <li>
              <Link to={care.carePath}>
                {care.openSuggestions ? t("care.linkWithOpen", { count: care.openSuggestions }) : t("care.link")}
              </Link>
            </li>
          ) : null}
        </ul>
      ) : null}
      {care.signedIn ? (
        <details className="suggest">
          <summary>{t("suggest.summary")}</summary>
          <Form method="post" action={`/${lang}/suggestions`} className="form">
            <input type="hidden" name="page" value={care.pageKey} />
            <p className="field__hint">{t("suggest.privacy")}</p>
            <div className="field">
              <label htmlFor="suggest-what">{t("suggest.whatIsWrong")}</label>
              <textarea id="suggest-what" name="whatIsWrong" rows={4} required maxLength={2000} />
            </div>
            <div className="field">
              <label htmlFor="suggest-should">{t("suggest.shouldSay")}</label>
              <textarea id="suggest-should" name="suggestedText" rows={3} maxLength={2000} />
            </div>
            <button type="submit" className="button">
              {t("suggest.submit")}
            </button>
          </Form>
        </details>
      ) : (
        <p>
          <Link to={`/${lang}/login?${new URLSearchParams({ redirectTo: location.pathname })}`}>
            {t("suggest.signIn")}
          </Link>
        </p>
      )}
    </aside>
  );
}
