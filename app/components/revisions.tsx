// Showing history: word diffs (marked with <ins>/<del> and spoken "added"/"removed", never by
// colour alone), who saved what and when, the conflict explanation, and the unit page's
// "last updated" line with editors' links.
import { Link, useSearchParams } from "@remix-run/react";
import { formatDate, formatDateTime, type Lang, type MessageKey, type Translator } from "~/i18n";
import { BASELINE_NOTE, SEED_NOTE } from "~/models/revision-notes";
import type { ConflictInfo, DiffPart, FieldDiff, RevisionSummary, Scope } from "~/models/revision.server";
import { useLang, useT } from "~/utils/use-lang";
import { canEditOrganisationTexts, canEditUnit } from "~/models/permissions";
import { useOptionalUser } from "./use-user";

/** How a page names a field: a message key and, for values and goals, their number. */
export type FieldLabels = Record<string, { key: MessageKey; n?: number }>;

export function labelOf(t: Translator, labels: FieldLabels, field: string): string {
  const label = labels[field];
  return label ? t(label.key, label.n === undefined ? undefined : { n: label.n }) : field;
}

export function scopeLabel(t: Translator, scope: Scope): string {
  return t(`history.scope.${scope}`);
}

export function authorLabel(t: Translator, name: string | null): string {
  return name ?? t("history.system");
}

/** The portal's own notes are stored in English and shown in the reader's language. */
export function noteLabel(t: Translator, revision: Pick<RevisionSummary, "changeNote" | "authorName">): string {
  if (revision.authorName === null && revision.changeNote === SEED_NOTE) return t("history.note.seed");
  if (revision.authorName === null && revision.changeNote === BASELINE_NOTE) return t("history.note.baseline");
  return revision.changeNote;
}

export function DiffText({ parts }: { parts: DiffPart[] }) {
  const t = useT();
  if (parts.length === 0) return <span className="muted">{t("diff.empty")}</span>;
  return (
    <span className="diff">
      {parts.map((part, i) =>
        part.kind === "added" ? (
          <ins key={i}>
            <span className="visually-hidden">[{t("diff.added")}: </span>
            {part.value}
            <span className="visually-hidden">]</span>
          </ins>
        ) : part.kind === "removed" ? (
          <del key={i}>
            <span className="visually-hidden">[{t("diff.removed")}: </span>
            {part.value}
            <span className="visually-hidden">]</span>
          </del>
        ) : (
          <span key={i}>{part.value}</span>
        ),
      )}
    </span>
  );
}

/** Field by field differences; unchanged fields are listed as such unless `onlyChanged`. */
export function FieldDiffs({
  diffs,
  labels,
  onlyChanged = false,
}: {
  diffs: FieldDiff[];
  labels: FieldLabels;
  onlyChanged?: boolean;
}) {
  const t = useT();
  const shown = onlyChanged ? diffs.filter((d) => d.changed) : diffs;
  if (!shown.some((d) => d.changed)) return <p>{t("diff.noDifferences")}</p>;
  const flag = (value: boolean | null) => (value === null ? t("diff.empty") : value ? t("diff.yes") : t("diff.no"));
  return (
    <dl className="diff-list">
      {shown.map((d) => (
        <div key={d.field} className="diff-list__item">
          <dt>
            {labelOf(t, labels, d.field)}
            {d.changed ? null : <span className="muted"> ({t("diff.unchanged")})</span>}
          </dt>
          <dd>
            {d.type === "flag" ? (
              d.changed ? (
                <span className="diff">
                  <del>
                    <span className="visually-hidden">[{t("diff.removed")}: </span>
                    {flag(d.before)}
                    <span className="visually-hidden">]</span>
                  </del>{" "}
                  <ins>
                    <span className="visually-hidden">[{t("diff.added")}: </span>
                    {flag(d.after)}
                    <span className="visually-hidden">]</span>
                  </ins>
                </span>
              ) : (
                flag(d.after)
              )
            ) : (
              <DiffText parts={d.parts} />
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** What happened while the editor was editing: who saved, when, why, and what changed. */
export function ConflictPanel({
  conflicts,
  labels,
  title,
}: {
  conflicts: ConflictInfo[];
  labels: FieldLabels;
  title: string;
}) {
  const t = useT();
  const lang = useLang();
  return (
    <section className="conflict" aria-labelledby="conflict-title" tabIndex={-1}>
      <h2 id="conflict-title">{t("conflict.title")}</h2>
      <p>{t("conflict.lead", { title })}</p>
      {conflicts.map((c) => (
        <div key={c.scope} className="conflict__scope">
          <h3>
            {t("conflict.scopeHeading", { scope: scopeLabel(t, c.scope), from: c.baseVersion, to: c.currentVersion })}
          </h3>
          <ul className="conflict__changes">
            {c.changes.map((r) => (
              <li key={r.id}>
                {t("conflict.savedBy", {
                  name: authorLabel(t, r.authorName),
                  time: formatDateTime(lang, r.createdAt),
                  version: r.version,
                })}{" "}
                {noteLabel(t, r) ? <q>{noteLabel(t, r)}</q> : null}
              </li>
            ))}
          </ul>
          <h4>{t("conflict.theirChanges")}</h4>
          <FieldDiffs diffs={c.diff} labels={labels} onlyChanged />
        </div>
      ))}
      <p>{t("conflict.choose")}</p>
    </section>
  );
}

/** One revision's facts: version, when, who, why, and whether it restored an older one. */
export function RevisionFacts({ revision }: { revision: RevisionSummary }) {
  const t = useT();
  const lang = useLang();
  return (
    <dl className="facts">
      <dt>{t("history.version")}</dt>
      <dd>
        {revision.version}
        {revision.isMajor ? <span className="badge"> {t("history.major")}</span> : null}
      </dd>
      <dt>{t("history.scope")}</dt>
      <dd>{scopeLabel(t, revision.scope)}</dd>
      <dt>{t("history.savedAt")}</dt>
      <dd>{formatDateTime(lang, revision.createdAt)}</dd>
      <dt>{t("history.author")}</dt>
      <dd>{authorLabel(t, revision.authorName)}</dd>
      <dt>{t("history.note")}</dt>
      <dd>
        {noteLabel(t, revision)}
        {revision.restoredFromVersion ? (
          <span className="muted"> ({t("history.restoredFrom", { version: revision.restoredFromVersion })})</span>
        ) : null}
      </dd>
    </dl>
  );
}

/** Under a unit's content: when it was last updated and by whom; links for its editors. */
export function UnitPageMeta({
  unitId,
  slug,
  lastUpdated,
}: {
  unitId: number;
  slug: string;
  lastUpdated: { at: string; by: string | null } | null;
}) {
  const t = useT();
  const lang = useLang();
  const actor = useOptionalUser();
  const [searchParams] = useSearchParams();
  return (
    <div className="page-meta">
      {searchParams.get("saved") ? (
        <p className="notice notice--success" role="status">
          {t("edit.saved")}
        </p>
      ) : null}
      {lastUpdated ? (
        <p className="meta">
          {lastUpdated.by
            ? t("unit.lastUpdatedBy", { date: formatDate(lang, lastUpdated.at), name: lastUpdated.by })
            : t("unit.lastUpdated", { date: formatDate(lang, lastUpdated.at) })}
        </p>
      ) : null}
      {canEditUnit(actor, unitId) ? (
        <ul className="edit-links">
          <li>
            <Link to={`/${lang}/units/${slug}/edit`}>{t("edit.editThisPage")}</Link>
          </li>
          <li>
            <Link to={`/${lang}/units/${slug}/history`}>{t("history.link")}</Link>
          </li>
        </ul>
      ) : null}
    </div>
  );
}

/** On the strategy, values and goals pages: links for HR editors, and a saved notice. */
export function OrgDocEditLinks({ doc }: { doc: "strategy" | "values" | "goals" }) {
  const t = useT();
  const lang: Lang = useLang();
  const actor = useOptionalUser();
  const [searchParams] = useSearchParams();
  return (
    <>
      {searchParams.get("saved") ? (
        <p className="notice notice--success" role="status">
          {t("edit.saved")}
        </p>
      ) : null}
      {canEditOrganisationTexts(actor) ? (
        <ul className="edit-links">
          <li>
            <Link to={`/${lang}/${doc}/edit`}>{t("edit.editThisPage")}</Link>
          </li>
          <li>
            <Link to={`/${lang}/${doc}/history`}>{t("history.link")}</Link>
          </li>
        </ul>
      ) : null}
    </>
  );
}
