// Texts of the plain pages the server shows when it refuses a request body before the app sees it
// (scripts/lib/request-limits.mjs reads them through the server build's entry module).
import { defaultLang, isLang, translate, type Lang } from "~/i18n";

export type RefusalKind = "tooLarge" | "unsupported" | "empty";

export function refusalTexts(prefix: string | undefined, kind: RefusalKind) {
  // The language of the URL's prefix; the default (English) where there is none.
  const lang: Lang = isLang(prefix) ? prefix : defaultLang;
  return {
    lang,
    title: translate(lang, `request.${kind}.title`),
    text: translate(lang, `request.${kind}.text`),
    home: translate(lang, "notFound.home"),
  };
}
