// What an error page says, by HTTP status: used by the error boundary and by page titles.
import { isRouteErrorResponse } from "@remix-run/react";
import type { Translator } from "~/i18n";

export function errorStatus(error: unknown): number {
  return isRouteErrorResponse(error) ? error.status : 500;
}

export function errorMessages(t: Translator, status: number) {
  if (status === 404) return { title: t("notFound.title"), text: t("notFound.text") };
  if (status === 403) return { title: t("error.forbiddenTitle"), text: t("error.forbiddenText") };
  return { title: t("error.title"), text: t("error.text") };
}
