// A reader's own correction suggestions and what became of them; also where the "Suggest a
// correction" form on every unit page and organisation document posts to. Only the suggester
// sees this list.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/forms";
import { SuggestionFields } from "~/components/page-care";
import { formatDate } from "~/i18n";
import { createSuggestion, listMySuggestions, suggestionSchema } from "~/models/corrections.server";
import { describePage, resolvePageKey } from "~/models/page-ownership.server";
import { clientIp } from "~/utils/client-ip.server";
import { requireUser } from "~/models/auth.server";
import { parseForm } from "~/utils/forms";
import { langParam } from "~/utils/lang-param.server";
import { titleMeta } from "~/utils/meta";
import { useLang, useT } from "~/utils/use-lang";
import { formBodyLimit } from "~/utils/form-limits.server";
import { readForm } from "~/utils/forms";

export const meta = titleMeta("suggestions.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = langParam(params);
  const user = await requireUser(request);
  return { suggestions: await listMySuggestions(user, lang) };
}

// The suggestion form: what is wrong, what it should say, and which page.
export const bodyLimit = () => formBodyLimit(suggestionSchema, { page: 100 });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = langParam(params);
  const user = await requireUser(request);
  const formData = await readForm(request);
  const target = await resolvePageKey(String(formData.get("page") ?? ""));
  if (!target) throw new Response("Page not found", { status: 404 });
  const described = await describePage(target.page, lang);
  if (!described) throw new Response("Page not found", { status: 404 });
  const form = parseForm(suggestionSchema, formData);
  if (!form.ok) {
    return data({ errors: form.errors, values: form.values, page: { title: described.title } }, { status: 400 });
  }
  await createSuggestion({
    author: user,
    page: target.page,
    lang,
    whatIsWrong: form.data.whatIsWrong,
    suggestedText: form.data.suggestedText,
    ipAddress: clientIp(context),
  });
  return redirect(`${described.path}?suggested=1`);
}

export default function MySuggestions() {
  const { suggestions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const lang = useLang();
  const labels = { whatIsWrong: t("suggest.whatIsWrong"), suggestedText: t("suggest.shouldSay") };
  return (
    <>
      <h1>{t("suggestions.title")}</h1>
      {result ? (
        <section aria-labelledby="suggest-again">
          <h2 id="suggest-again">{t("suggestions.formHeading", { page: result.page.title })}</h2>
          <Form method="post" noValidate className="form">
            <ErrorSummary errors={result.errors} labels={labels} />
            <SuggestionFields pageKey={result.values.page ?? ""} values={result.values} errors={result.errors} />
          </Form>
        </section>
      ) : null}
      <p className="lead">{t("suggestions.lead")}</p>
      {suggestions.length === 0 ? (
        <p>{t("suggestions.none")}</p>
      ) : (
        <ul className="task-list">
          {suggestions.map((s) => (
            <li key={s.id} className="suggestion">
              <p>
                {s.page ? <Link to={s.page.path}>{s.page.title}</Link> : null} ·{" "}
                <strong>{t(`suggestions.status.${s.status}`)}</strong> ·{" "}
                <span className="muted">{t("suggestions.suggestedOn", { date: formatDate(lang, s.createdAt) })}</span>
              </p>
              <p className="pre-wrap">{s.whatIsWrong}</p>
              {s.fixedIn ? (
                <p>
                  {t("suggestions.fixedIn", {
                    version: s.fixedIn.version,
                    date: formatDate(lang, s.fixedIn.savedAt),
                  })}
                  {s.fixedIn.path ? (
                    <>
                      {" "}
                      <Link to={s.fixedIn.path}>{t("suggestions.seeChange")}</Link>
                    </>
                  ) : null}
                </p>
              ) : null}
              {s.status === "declined" && s.reply ? (
                <p className="pre-wrap">{t("suggestions.reply", { reply: s.reply })}</p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
