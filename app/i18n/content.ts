// Picking a content text for a reader: the requested language if it exists, else the item's
// source language, else any other. The result says which language is shown and whether the
// text is a translation made from an older version of its source (docs/decisions/0003).
import { languages, type Lang, isLang } from "./languages";

export interface VersionedText {
  lang: string;
  version: number;
  /** For a translation: the version of the source-language text it was made from. */
  sourceVersion: number | null;
}

export interface Picked<T> {
  text: T;
  /** Language of the text shown. */
  lang: Lang;
  /** The requested language was missing and another language is shown. */
  isFallback: boolean;
  /** A translation made from an older version of the source text. */
  isOutdated: boolean;
}

export function pickText<T extends VersionedText>(
  texts: readonly T[],
  requested: Lang,
  sourceLang: string,
): Picked<T> | null {
  const byLang = new Map(texts.filter((t) => isLang(t.lang)).map((t) => [t.lang as Lang, t]));
  const order: Lang[] = [requested, ...(isLang(sourceLang) ? [sourceLang] : []), ...languages];
  const lang = order.find((l) => byLang.has(l));
  if (!lang) return null;
  const text = byLang.get(lang)!;
  return {
    text,
    lang,
    isFallback: lang !== requested,
    isOutdated: isOutdatedTranslation(text, byLang.get(sourceLang as Lang) ?? null),
  };
}

/** A translation is outdated when its source text has a newer version than it was made from. */
export function isOutdatedTranslation(text: VersionedText, source: VersionedText | null): boolean {
  if (!source || text.lang === source.lang) return false;
  if (text.sourceVersion == null) return false;
  return source.version > text.sourceVersion;
}

/** A text as shown to a reader, with the facts the page needs to mark it honestly. */
export interface Localized<V> {
  value: V;
  lang: Lang;
  isFallback: boolean;
  isOutdated: boolean;
}

/** pickText, then map the chosen row to what the page shows. */
export function localize<T extends VersionedText, V>(
  texts: readonly T[],
  requested: Lang,
  sourceLang: string,
  map: (text: T) => V,
): Localized<V> | null {
  const picked = pickText(texts, requested, sourceLang);
  if (!picked) return null;
  return { value: map(picked.text), lang: picked.lang, isFallback: picked.isFallback, isOutdated: picked.isOutdated };
}

/** Languages other than the page's that a page shows content in (for one page-level notice). */
export function fallbackLanguages(items: readonly (Localized<unknown> | null | undefined)[]): Lang[] {
  return [...new Set(items.filter((i): i is Localized<unknown> => !!i && i.isFallback).map((i) => i.lang))];
}
