// The one error boundary: a 404, 403 or 500 page in the visitor's language, never a stack trace.
import { Link, useRouteError } from "@remix-run/react";
import { errorMessages, errorStatus } from "~/utils/error-page";
import { useLang, useT } from "~/utils/use-lang";

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
