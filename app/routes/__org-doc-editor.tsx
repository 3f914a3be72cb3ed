// The edit page of an organisation document (strategy texts, values, goals) in one language:
// the same form, preview, conflict and history rules as a unit page.
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { ChangeFields, EditButtons, EditResultNotices, useFocusOnResult } from "~/components/edit-form";
import { ErrorSummary, Field, TextareaField } from "~/components/forms";
import { FallbackNotice, LocalizedBlock, LocalizedInline } from "~/components/localized";
import { ConflictPanel, type FieldLabels } from "~/components/revisions";
import type { Lang } from "~/i18n";
import { fallbackLanguages, type Localized } from "~/i18n/content";
import type { docEditAction, docEditLoader } from "./__org-doc-routes.server";
import { useLang, useT } from "~/utils/use-lang";

type Preview = Record<string, Localized<string | string[]> | null>;

export function DocEditPage() {
  const loaded = useLoaderData<typeof docEditLoader>();
  const result = useActionData<typeof docEditAction>();
  const navigation = useNavigation();
  const t = useT();
  const lang = useLang();
  useFocusOnResult(result);

  const { doc, fields } = loaded;
  const values: Record<string, string> = result?.values ?? loaded.values;
  const errors = result?.status === "invalid" ? result.errors : undefined;
  const language = t(`content.languageName.${lang}`);
  const fieldLabels: FieldLabels = Object.fromEntries(fields.map((f) => [f.name, { key: f.labelKey, n: f.n }]));
  const labels: Record<string, string> = Object.fromEntries(
    fields.map((f) => [f.name, t(f.labelKey, f.n === undefined ? undefined : { n: f.n })]),
  );
  labels.changeNote = t("edit.changeNote");
  labels.version = t("edit.formVersion");
  const pagePath = `/${lang}/${doc}`;
  const translated = fields.filter((f) => f.sourceText !== null);
  const sourceLang = translated[0]?.sourceLang as Lang | undefined;

  return (
    <>
      <h1>{loaded.title}</h1>
      <p className="lead">{t("edit.doc.lead", { language })}</p>
      <ul className="edit-links">
        <li>
          <Link to={pagePath}>{t("edit.viewPage")}</Link>
        </li>
        <li>
          <Link to={`${pagePath}/history`}>{t("history.link")}</Link>
        </li>
      </ul>
      {loaded.outdatedItems.length ? <p className="notice notice--outdated">{t("edit.doc.outdated")}</p> : null}
      {sourceLang && translated.length ? (
        <details className="source-text">
          <summary>{t("edit.doc.sourceTexts", { language: t(`content.languageName.${sourceLang}`) })}</summary>
          <dl lang={sourceLang}>
            {translated.map((f) => (
              <div key={f.name}>
                <dt lang={lang}>{labels[f.name]}</dt>
                <dd className="pre-wrap">{f.sourceText}</dd>
              </div>
            ))}
          </dl>
        </details>
      ) : null}

      {result?.status === "conflict" ? (
        <ConflictPanel conflicts={result.conflicts} labels={fieldLabels} title={loaded.title} />
      ) : null}
      <EditResultNotices
        status={result?.status}
        preview={() =>
          result?.status === "preview" && <DocPreview doc={doc} preview={result.preview} fields={fields} />
        }
      />

      <Form method="post" noValidate className="form form--wide">
        <ErrorSummary errors={errors} labels={labels} />
        <input type="hidden" name="version" value={values.version ?? String(loaded.version)} />
        <fieldset className="fieldset">
          <legend>{t("edit.doc.textLegend", { language })}</legend>
          {fields.map((f) => {
            const outdated = loaded.outdatedItems.includes(f.item) ? t("edit.doc.fieldOutdated") : undefined;
            const hint = [
              f.kind === "list" ? t("edit.listHint") : null,
              !f.required && f.isSource === false ? t("edit.doc.optionalTranslation") : null,
              outdated,
            ]
              .filter(Boolean)
              .join(" ");
            const field = {
              name: f.name,
              label: labels[f.name],
              hint: hint || undefined,
              defaultValue: values[f.name],
              required: f.required,
              maxLength: f.max,
              errors: errors?.[f.name],
            };
            return f.kind === "line" ? (
              <Field key={f.name} {...field} />
            ) : (
              <TextareaField key={f.name} {...field} rows={f.kind === "list" ? 6 : 4} />
            );
          })}
        </fieldset>
        <ChangeFields values={values} errors={errors} offerMajor={loaded.isSource} />
        <EditButtons
          conflict={result?.status === "conflict"}
          busy={navigation.state === "submitting"}
          editPath={`${pagePath}/edit`}
          pagePath={pagePath}
        />
      </Form>
    </>
  );
}

/** The document as its pages show it (same markup and fallbacks), headings one level down. */
function DocPreview({
  doc,
  preview,
  fields,
}: {
  doc: "strategy" | "values" | "goals";
  preview: Preview;
  fields: { name: string; item: string; part: string }[];
}) {
  const t = useT();
  const text = (name: string) => preview[name] as Localized<string> | null;
  const list = (name: string) => preview[name] as Localized<string[]> | null;
  const block = (name: string, heading: string | null, render: (v: string) => ReactNode) => {
    const value = text(name);
    if (!value) return null;
    return (
      <section key={name}>
        {heading ? <h3>{heading}</h3> : null}
        <LocalizedBlock text={value}>{render}</LocalizedBlock>
      </section>
    );
  };
  const bullets = (name: string, heading: string) => {
    const value = list(name);
    if (!value) return null;
    return (
      <section key={name}>
        <h3>{heading}</h3>
        <LocalizedBlock text={value}>
          {(items) => (
            <ul>
              {items.map((item, i) => (
                <li key={i}>{item}</li>
              ))}
            </ul>
          )}
        </LocalizedBlock>
      </section>
    );
  };
  if (doc === "strategy") {
    return (
      <>
        {block("missionLine", t("home.missionHeading"), (v) => (
          <p className="mission-line">{v}</p>
        ))}
        {block("whatWeDo", t("home.whatWeDoHeading"), (v) => (
          <p>{v}</p>
        ))}
        {block("ambition", t("home.ambitionHeading"), (v) => (
          <blockquote className="quote">
            <p>{v}</p>
          </blockquote>
        ))}
        {block("strategyTitle", t("nav.strategy"), (v) => (
          <p className="lead">{v}</p>
        ))}
        {block("strategySummary", null, (v) => (
          <p>{v}</p>
        ))}
        {bullets("strategyVision", t("strategy.visionHeading"))}
        {bullets("agencyDuties", t("strategy.dutiesHeading"))}
      </>
    );
  }
  const items = [...new Set(fields.map((f) => f.item))];
  const field = (item: string, part: string) => fields.find((f) => f.item === item && f.part === part)?.name ?? "";
  return (
    <>
      <FallbackNotice langs={fallbackLanguages(Object.values(preview))} />
      <ol className="numbered-cards">
        {items.map((item) =>
          doc === "values" ? (
            <li key={item}>
              <h3>
                <LocalizedInline text={text(field(item, "name"))} />
              </h3>
              {text(field(item, "description")) ? (
                <p>
                  <LocalizedInline text={text(field(item, "description"))} />
                </p>
              ) : null}
            </li>
          ) : (
            <li key={item}>
              <p className="goal-text">
                <LocalizedInline text={text(field(item, "text"))} />
              </p>
            </li>
          ),
        )}
      </ol>
    </>
  );
}
