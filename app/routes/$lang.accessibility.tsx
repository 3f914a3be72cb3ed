import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { useEffect } from "react";
import { ErrorSummary, Field, TextareaField } from "~/components/forms";
import { formatDate } from "~/i18n";
import { createAccessibilityFeedback, feedbackSchema } from "~/models/feedback.server";
import { parseForm, readForm } from "~/utils/forms";
import { langParam } from "~/utils/lang-param.server";
import { titleMeta } from "~/utils/meta";
import { useLang, useT } from "~/utils/use-lang";
import { sharedPage } from "~/utils/shared-page";
import { formBodyLimit } from "~/utils/form-limits.server";

export const meta = titleMeta("a11y.title");
export const handle = sharedPage;

export async function loader({ params }: LoaderFunctionArgs) {
  langParam(params);
  return null;
}

export const bodyLimit = () => formBodyLimit(feedbackSchema);

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = langParam(params);
  const form = parseForm(feedbackSchema, await readForm(request));
  if (!form.ok) {
    return data({ status: "invalid" as const, errors: form.errors, values: form.values }, { status: 400 });
  }
  const saved = await createAccessibilityFeedback(form.data, lang);
  return { status: "saved" as const, answerBy: saved.answerBy };
}

export default function AccessibilityStatement() {
  const t = useT();
  const lang = useLang();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const invalid = result?.status === "invalid" ? result : null;
  const values = invalid?.values ?? {};
  const labels = {
    name: t("a11y.form.name"),
    email: t("a11y.form.email"),
    pageUrl: t("a11y.form.page"),
    message: t("a11y.form.message"),
  };

  useEffect(() => {
    if (invalid) document.querySelector<HTMLElement>(".error-summary")?.focus();
  }, [invalid]);

  return (
    <>
      <h1>{t("a11y.title")}</h1>
      <p>{t("a11y.intro")}</p>
      <h2>{t("a11y.statusHeading")}</h2>
      <p>{t("a11y.status")}</p>
      <h2>{t("a11y.knownIssuesHeading")}</h2>
      <p>{t("a11y.knownIssues")}</p>
      <section aria-labelledby="feedback">
        <h2 id="feedback">{t("a11y.feedbackHeading")}</h2>
        <p>{t("a11y.feedbackIntro")}</p>
        {result?.status === "saved" ? (
          <p className="notice notice--success" role="status">
            {t("a11y.form.thanks", { date: formatDate(lang, result.answerBy) })}
          </p>
        ) : (
          <Form method="post" noValidate className="form" key={invalid ? "invalid" : "new"}>
            <ErrorSummary errors={invalid?.errors} labels={labels} />
            <Field name="name" label={labels.name} defaultValue={values.name} autoComplete="name" maxLength={200} />
            <Field
              name="email"
              type="email"
              label={labels.email}
              defaultValue={values.email}
              autoComplete="email"
              errors={invalid?.errors.email}
            />
            <Field
              name="pageUrl"
              label={labels.pageUrl}
              defaultValue={values.pageUrl}
              errors={invalid?.errors.pageUrl}
            />
            <TextareaField
              name="message"
              label={labels.message}
              defaultValue={values.message}
              rows={6}
              required
              errors={invalid?.errors.message}
            />
            <button type="submit" className="button" disabled={navigation.state === "submitting"}>
              {t("a11y.form.submit")}
            </button>
          </Form>
        )}
      </section>
      <h2>{t("a11y.supervisionHeading")}</h2>
      <p>{t("a11y.supervision")}</p>
    </>
  );
}
