// The portal's languages: Finland's two national languages and English.
export const languages = ["fi", "sv", "en"] as const;
export type Lang = (typeof languages)[number];
export const defaultLang: Lang = "en";

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (languages as readonly string[]).includes(value);
}

/** Each language's name in itself, for the language switcher. */
export const languageNames: Record<Lang, string> = {
  fi: "Suomeksi",
  sv: "På svenska",
  en: "In English",
};

/** BCP 47 locales used for dates and numbers (Finnish conventions for all three). */
export const locales: Record<Lang, string> = { fi: "fi-FI", sv: "sv-FI", en: "en-GB" };

/** Replaces the language prefix of a path (or adds one): "/fi/units?q=a" → "/sv/units?q=a". */
export function switchLanguagePath(pathWithSearch: string, lang: Lang): string {
  const [, first, ...rest] = pathWithSearch.split("/");
  const firstSegment = (first ?? "").split(/[?#]/)[0];
  if (isLang(firstSegment)) {
    const tail = (first ?? "").slice(firstSegment.length);
    return `/${lang}${tail}${rest.length ? "/" + rest.join("/") : ""}`;
  }
  return `/${lang}${pathWithSearch === "/" ? "" : pathWithSearch}`;
}
