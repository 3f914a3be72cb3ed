// Every page lives under /fi, /sv or /en. Any other first segment means an unprefixed URL from
// before languages existed (or a shared link without one): send it to the visitor's language.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, type ClientLoaderFunctionArgs } from "@remix-run/react";
import { isLang } from "~/i18n";
import { loadCatalogue } from "~/i18n/load-catalogue";
import { redirectToPreferredLanguage } from "~/i18n/negotiate.server";

export async function loader({ params, request }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw redirectToPreferredLanguage(request);
  return null;
}

// A client-side navigation into another language loads that language's messages first (the
// browser starts with the page's language only). A valid prefix needs nothing from the server.
export async function clientLoader({ params, serverLoader }: ClientLoaderFunctionArgs) {
  if (!isLang(params.lang)) return serverLoader<typeof loader>();
  await loadCatalogue(params.lang);
  return null;
}

export default function LanguageLayout() {
  return <Outlet />;
}
