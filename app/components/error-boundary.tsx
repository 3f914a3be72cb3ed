// The one error boundary: a 404, 403 or 500 page in the visitor's language, never a stack trace.
import { Link, isRouteErrorResponse, useRouteError } from "@remix-run/react";
import type { Translator } from "~/i18n";
import { useLang, useT } from "~/utils/use-lang";

export function errorStatus(error: unknown): number {
  return isRouteErrorResponse(error) ? error.status : 500;
}

export function errorMessages(t: Translator, status: number) {
  if (status === 404) return { title: t("notFound.title"), text: t("notFound.text") };
  if (status === 403) return { title: t("error.forbiddenTitle"), text: t("error.forbiddenText") };
  // A form the server could not read (see app/utils/forms.ts readForm).
  if (status === 413) return { title: t("request.tooLarge.title"), text: t("request.tooLarge.textShort") };
  if (status === 415) return { title: t("request.unsupported.title"), text: t("request.unsupported.text") };
  if (status === 400) return { title: t("request.invalid.title"), text: t("request.invalid.text") };
  return { title: t("error.title"), text: t("error.text") };
}

export function GeneralErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const lang = useLang();
  const { title, text } = errorMessages(t, errorStatus(error));
  return (
    <>
      <h1>{title}</h1>
      <p>{text}</p>
      <p>
        <Link to={`/${lang}`}>{t("notFound.home")}</Link>
      </p>
    </>
  );
}
