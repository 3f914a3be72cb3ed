// Page titles: "<page> – <site name>" in the page's language; error pages get the error's title.
// Every page also gets a description (the page's own when its loader gives one, else the site's),
// which search engines and link previews show.
import type { MetaDescriptor } from "@remix-run/node";
import { errorMessages, errorStatus } from "./error-page";
import { defaultLang, isLang, translator, type Lang, type MessageKey } from "~/i18n";

export function pageTitle(lang: Lang, title: string, description?: string): MetaDescriptor[] {
  const t = translator(lang);
  return [
    { title: `${title} – ${t("site.name")}` },
    { name: "description", content: description || t("site.description") },
  ];
}

/** A route's meta export: a title from a message key, or from the loader's `title`. */
export function titleMeta(key: MessageKey) {
  return ({ params, error, data }: { params: Record<string, string | undefined>; error?: unknown; data?: unknown }) => {
    const lang = isLang(params.lang) ? params.lang : defaultLang;
    const t = translator(lang);
    if (error) return pageTitle(lang, errorMessages(t, errorStatus(error)).title);
    const loaded = data as { title?: string; description?: string } | undefined;
    return pageTitle(lang, loaded?.title ?? t(key), loaded?.description);
  };
}
