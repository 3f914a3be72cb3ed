// Under a unit page or organisation document: who owns it and when it was checked, a notice when
// its review is overdue, links for its owner and editors, and the "Suggest a correction" form (a
// plain form: works without JavaScript).
import { Form, Link, useLocation, useSearchParams } from "@remix-run/react";
import { formatDate } from "~/i18n";
import { SUGGESTION_MAX } from "~/models/correction-limits";
import type { ReaderPageCare } from "~/models/page-ownership.server";
import type { FormErrors } from "~/utils/forms";
import { TextareaField } from "./forms";
import { useLang, useT } from "~/utils/use-lang";

/**
 * The fields of a correction suggestion and its submit button, on the page itself and, after a
 * refused submit, on the suggestions page with the reader's text and the messages.
 */
export function SuggestionFields({
  pageKey,
  values = {},
  errors = {},
}: {
  pageKey: string;
  values?: Record<string, string | undefined>;
  errors?: FormErrors;
}) {
  const t = useT();
  return (
    <>
      <input type="hidden" name="page" value={pageKey} />
      <p className="field__hint">{t("suggest.privacy")}</p>
      <TextareaField
        name="whatIsWrong"
        label={t("suggest.whatIsWrong")}
        rows={4}
        required
        maxLength={SUGGESTION_MAX}
        defaultValue={values.whatIsWrong ?? ""}
        errors={errors.whatIsWrong}
      />
      <TextareaField
        name="suggestedText"
        label={t("suggest.shouldSay")}
        rows={3}
        maxLength={SUGGESTION_MAX}
        defaultValue={values.suggestedText ?? ""}
        errors={errors.suggestedText}
      />
      <button type="submit" className="button">
        {t("suggest.submit")}
      </button>
    </>
  );
}

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
            <SuggestionFields pageKey={care.pageKey} />
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
