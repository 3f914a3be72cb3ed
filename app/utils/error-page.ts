// What an error page says, by HTTP status: used by the error boundary and by page titles.
import { isRouteErrorResponse } from "@remix-run/react";
import type { Translator } from "~/i18n";

export function errorStatus(error: unknown): number {
  return isRouteErrorResponse(error) ? error.status : 500;
}

export function errorMessages(t: Translator, status: number) {
  if (status === 404) return { title: t("notFound.title"), text: t("notFound.text") };
  if (status === 403) return { title: t("error.forbiddenTitle"), text: t("error.forbiddenText") };
  // A form the server could not read (see readForm in forms.ts).
  if (status === 413) return { title: t("request.tooLarge.title"), text: t("request.tooLarge.textShort") };
  if (status === 415) return { title: t("request.unsupported.title"), text: t("request.unsupported.text") };
  if (status === 400) return { title: t("request.invalid.title"), text: t("request.invalid.text") };
  return { title: t("error.title"), text: t("error.text") };
}
