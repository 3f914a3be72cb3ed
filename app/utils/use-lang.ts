// The language of the page being shown: the URL's prefix, else (on an unprefixed error page)
// the visitor's preferred language from the root loader.
import { useParams, useRouteLoaderData } from "@remix-run/react";
import { defaultLang, isLang, translator, type Lang, type Translator } from "~/i18n";
import type { loader as rootLoader } from "~/root";

export function useLang(): Lang {
  const params = useParams();
  const root = useRouteLoaderData<typeof rootLoader>("root");
  if (isLang(params.lang)) return params.lang;
  return root?.preferredLang ?? defaultLang;
}

export function useT(): Translator {
  return translator(useLang());
}
