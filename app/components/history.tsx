// The history pages of units and organisation texts: every revision, a compare form (GET, so it
// works without JavaScript) with a word diff, one revision's content and the restore form.
import { Form, Link, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useEffect } from "react";
import { ErrorSummary, Field } from "~/components/forms";
import { PageReviews, type PageReviewItem } from "~/components/page-reviews";
import {
  authorLabel,
  FieldDiffs,
  labelOf,
  noteLabel,
  RevisionFacts,
  scopeLabel,
  type FieldLabels,
} from "~/components/revisions";
import { formatDateTime } from "~/i18n";
import type { CompareError, DisplayField, FieldDiff, RevisionSummary, Scope } from "~/models/revision.server";
import type { FormErrors } from "~/utils/forms";
import { useLang, useT } from "~/utils/use-lang";

const ref = (r: { scope: Scope; version: number }) => `${r.scope}:${r.version}`;

export interface HistoryData {
  revisions: RevisionSummary[];
  comparison: { scope: Scope; fromVersion: number; toVersion: number; diff: FieldDiff[] } | null;
  compareError: CompareError | null;
  selected: { from: string | null; to: string | null };
  labels: FieldLabels;
  /** The page's reviews: a "still accurate" changes no text, so it shows here, not as a version. */
  reviews: PageReviewItem[];
}

export function HistoryView({
  title,
  data,
  pagePath,
  editPath,
  historyPath,
  restored,
}: {
  title: string;
  data: HistoryData;
  pagePath: string;
  editPath: string;
  historyPath: string;
  restored: string | null;
}) {
  const t = useT();
  const lang = useLang();
  const { revisions, comparison, compareError, selected, labels, reviews } = data;
  const scopes = [...new Set(revisions.map((r) => r.scope))];
  // Default comparison: the newest change of the most recently edited text.
  const newest = revisions[0];
  const previous = newest && revisions.find((r) => r.scope === newest.scope && r.version < newest.version);
  const defaultFrom = selected.from ?? (previous ? ref(previous) : newest ? ref(newest) : "");
  const defaultTo = selected.to ?? (newest ? ref(newest) : "");
  const options = (
    <>
      {scopes.map((scope) => (
        <optgroup key={scope} label={scopeLabel(t, scope)}>
          {revisions
            .filter((r) => r.scope === scope)
            .map((r) => (
              <option key={r.id} value={ref(r)}>
                {t("history.option", {
                  scope: scopeLabel(t, r.scope),
                  version: r.version,
                  time: formatDateTime(lang, r.createdAt),
                })}
              </option>
            ))}
        </optgroup>
      ))}
    </>
  );

  return (
    <>
      <h1>{title}</h1>
      <ul className="edit-links">
        <li>
          <Link to={pagePath}>{t("edit.viewPage")}</Link>
        </li>
        <li>
          <Link to={editPath}>{t("edit.editThisPage")}</Link>
        </li>
      </ul>
      {restored ? (
        <p className="notice notice--success" role="status">
          {t("history.restored", { version: restored })}
        </p>
      ) : null}

      <section aria-labelledby="compare-title">
        <h2 id="compare-title">{t("history.compareHeading")}</h2>
        {revisions.length < 2 ? (
          <p>{t("history.nothingToCompare")}</p>
        ) : (
          <Form method="get" className="compare-form" key={`${defaultFrom}-${defaultTo}`}>
            <div className="field">
              <label htmlFor="compare-from">{t("history.compareFrom")}</label>
              <select id="compare-from" name="from" defaultValue={defaultFrom}>
                {options}
              </select>
            </div>
            <div className="field">
              <label htmlFor="compare-to">{t("history.compareTo")}</label>
              <select id="compare-to" name="to" defaultValue={defaultTo}>
                {options}
              </select>
            </div>
            <button type="submit" className="button button--secondary">
              {t("history.compare")}
            </button>
          </Form>
        )}
        {compareError ? (
          <p className="notice notice--review" role="alert">
            {t(compareError === "sameScope" ? "history.compareSameScope" : "history.compareNotFound")}
          </p>
        ) : null}
        {comparison ? (
          <div id="comparison" className="comparison">
            <h3>
              {t("history.comparisonHeading", {
                scope: scopeLabel(t, comparison.scope),
                from: comparison.fromVersion,
                to: comparison.toVersion,
              })}
            </h3>
            <FieldDiffs diffs={comparison.diff} labels={labels} />
          </div>
        ) : null}
      </section>

      <section aria-labelledby="versions-title">
        <h2 id="versions-title">{t("history.versionsHeading")}</h2>
        {revisions.length === 0 ? (
          <p>{t("history.empty")}</p>
        ) : (
          <div className="table-scroll">
            <table className="history-table">
              <caption className="visually-hidden">{t("history.tableCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("history.scope")}</th>
                  <th scope="col">{t("history.version")}</th>
                  <th scope="col">{t("history.savedAt")}</th>
                  <th scope="col">{t("history.author")}</th>
                  <th scope="col">{t("history.note")}</th>
                </tr>
              </thead>
              <tbody>
                {revisions.map((r) => (
                  <tr key={r.id}>
                    <td>{scopeLabel(t, r.scope)}</td>
                    <td>
                      <Link to={`${historyPath}/${r.id}`}>
                        {t("history.viewVersion", { version: r.version })}
                        <span className="visually-hidden"> ({scopeLabel(t, r.scope)})</span>
                      </Link>
                      {r.isMajor ? <span className="badge"> {t("history.major")}</span> : null}
                    </td>
                    <td>{formatDateTime(lang, r.createdAt)}</td>
                    <td>{authorLabel(t, r.authorName)}</td>
                    <td>
                      {noteLabel(t, r)}
                      {r.restoredFromVersion ? (
                        <span className="muted">
                          {" "}
                          ({t("history.restoredFrom", { version: r.restoredFromVersion })})
                        </span>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="reviews-title">
        <h2 id="reviews-title">{t("care.historyHeading")}</h2>
        <PageReviews reviews={reviews} historyPath={historyPath} />
      </section>
    </>
  );
}

export interface RevisionData {
  revision: RevisionSummary;
  fields: DisplayField[];
  diff: FieldDiff[] | null;
  isLatest: boolean;
  latestVersion: number;
  labels: FieldLabels;
}

export type RestoreResult =
  | { status: "invalid"; errors: FormErrors; values: Record<string, string> }
  | { status: "conflict" }
  | { status: "unchanged" };

export function RevisionView({
  title,
  data,
  historyPath,
  result,
}: {
  title: string;
  data: RevisionData;
  historyPath: string;
  result: RestoreResult | undefined;
}) {
  const t = useT();
  const pageLang = useLang();
  const navigation = useNavigation();
  const { revision, fields, diff, isLatest, latestVersion, labels } = data;
  const invalid = result?.status === "invalid" ? result : null;
  useEffect(() => {
    if (result) document.querySelector<HTMLElement>(".restore-result")?.focus();
  }, [result]);
  const contentLang = revision.scope === "shared" ? undefined : revision.scope;

  return (
    <>
      <h1>{title}</h1>
      <p>
        <Link to={historyPath}>{t("history.backToHistory")}</Link>
      </p>
      <RevisionFacts revision={revision} />

      <section aria-labelledby="content-title">
        <h2 id="content-title">{t("history.contentHeading")}</h2>
        <dl className="revision-content" lang={contentLang}>
          {fields.map((f) => (
            <div key={f.field}>
              <dt lang={pageLang}>{labelOf(t, labels, f.field)}</dt>
              <dd>
                {f.kind === "empty" ? (
                  <span className="muted" lang={pageLang}>
                    {t("diff.empty")}
                  </span>
                ) : f.kind === "html" ? (
                  <div className="prose" dangerouslySetInnerHTML={{ __html: f.html }} />
                ) : f.kind === "list" ? (
                  <ul>
                    {f.items.map((item, i) => (
                      <li key={i}>{item}</li>
                    ))}
                  </ul>
                ) : f.kind === "flag" ? (
                  <span lang={pageLang}>{f.flag ? t("diff.yes") : t("diff.no")}</span>
                ) : (
                  <span className="pre-wrap">{f.text}</span>
                )}
              </dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="changes-title">
        <h2 id="changes-title">
          {revision.version > 1
            ? t("history.changesFrom", { version: revision.version - 1 })
            : t("history.firstVersion")}
        </h2>
        {diff ? <FieldDiffs diffs={diff} labels={labels} onlyChanged /> : <p>{t("history.firstVersionText")}</p>}
      </section>

      <section aria-labelledby="restore-title">
        <h2 id="restore-title">{t("history.restoreHeading")}</h2>
        {isLatest ? (
          <p>{t("history.isCurrent")}</p>
        ) : (
          <>
            {result?.status === "conflict" ? (
              <p className="notice notice--review restore-result" role="alert" tabIndex={-1}>
                {t("history.restoreConflict")} <Link to={historyPath}>{t("history.backToHistory")}</Link>
              </p>
            ) : result?.status === "unchanged" ? (
              <p className="notice restore-result" role="status" tabIndex={-1}>
                {t("history.restoreUnchanged")}
              </p>
            ) : null}
            <p>{t("history.restoreLead", { version: revision.version, latest: latestVersion })}</p>
            <Form method="post" noValidate className="form">
              {invalid ? (
                <div className="restore-result" tabIndex={-1}>
                  <ErrorSummary errors={invalid.errors} labels={{ changeNote: t("edit.changeNote") }} />
                </div>
              ) : null}
              <input type="hidden" name="baseVersion" value={latestVersion} />
              <Field
                name="changeNote"
                label={t("edit.changeNote")}
                hint={t("history.restoreNoteHint")}
                required
                maxLength={500}
                defaultValue={invalid?.values.changeNote ?? ""}
                errors={invalid?.errors.changeNote}
              />
              <button type="submit" className="button" disabled={navigation.state === "submitting"}>
                {t("history.restoreButton", { version: revision.version })}
              </button>
            </Form>
          </>
        )}
      </section>
    </>
  );
}

/** The history page of one organisation document (strategy, values or goals). */
export function OrgDocHistoryPage({ doc }: { doc: "strategy" | "values" | "goals" }) {
  const data = useLoaderData<HistoryData & { title: string }>();
  const lang = useLang();
  const [searchParams] = useSearchParams();
  const path = `/${lang}/${doc}`;
  return (
    <HistoryView
      title={data.title}
      data={data}
      pagePath={path}
      editPath={`${path}/edit`}
      historyPath={`${path}/history`}
      restored={searchParams.get("restored")}
    />
  );
}
