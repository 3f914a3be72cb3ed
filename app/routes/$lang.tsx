// Every page lives under /fi, /sv or /en. Any other first segment means an unprefixed URL from
// before languages existed (or a shared link without one): send it to the visitor's language.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { isLang } from "~/i18n";
import { redirectToPreferredLanguage } from "~/i18n/negotiate.server";

export async function loader({ params, request }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw redirectToPreferredLanguage(request);
  return null;
}

export default function LanguageLayout() {
  return <Outlet />;
}
