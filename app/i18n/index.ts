// Message lookup and locale-aware formatting, shared by server and browser.
import type { MessageKey, Messages } from "./messages/en";
// On the server every catalogue; in the browser this module is empty (a .server module) and the
// page's language is loaded on its own (./load-catalogue.ts).
import * as server from "./catalogues.server";
import { locales, type Lang } from "./languages";

export * from "./languages";
export type { MessageKey, Messages };

const HELSINKI = "Europe/Helsinki";

export const catalogues: Partial<Record<Lang, Messages>> = { ...server.allCatalogues };

export type MessageParams = Record<string, string | number>;

export function translate(lang: Lang, key: MessageKey, params?: MessageParams): string {
  const template = catalogues[lang]?.[key] ?? catalogues.en?.[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? formatParam(lang, params[name]) : match,
  );
}

function formatParam(lang: Lang, value: string | number): string {
  return typeof value === "number" ? formatNumber(lang, value) : value;
}

export type Translator = (key: MessageKey, params?: MessageParams) => string;

export function translator(lang: Lang): Translator {
  return (key, params) => translate(lang, key, params);
}

/**
 * Keys present in one catalogue but missing (or empty) in another. The compiler already
 * rejects a missing key; this also guards catalogues built at run time, and is what the test
 * suite runs against the real catalogues.
 */
export function findMissingKeys(all: Record<string, Record<string, string>>): string[] {
  const keys = new Set(Object.values(all).flatMap((catalogue) => Object.keys(catalogue)));
  const missing: string[] = [];
  for (const [lang, catalogue] of Object.entries(all)) {
    for (const key of keys) {
      if (typeof catalogue[key] !== "string" || catalogue[key].trim() === "") missing.push(`${lang}: ${key}`);
    }
  }
  return missing.sort();
}

// Intl formatters are costly to create (measured in the page benchmark): one per language.
function perLanguage<F>(create: (locale: string) => F): (lang: Lang) => F {
  const cache = new Map<Lang, F>();
  return (lang) => {
    let formatter = cache.get(lang);
    if (!formatter) cache.set(lang, (formatter = create(locales[lang])));
    return formatter;
  };
}

const dateFormat = perLanguage(
  (locale) =>
    new Intl.DateTimeFormat(locale, { day: "numeric", month: "numeric", year: "numeric", timeZone: HELSINKI }),
);
const dateTimeFormat = perLanguage(
  (locale) =>
    new Intl.DateTimeFormat(locale, {
      day: "numeric",
      month: "numeric",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZone: HELSINKI,
    }),
);
const numberFormat = perLanguage((locale) => new Intl.NumberFormat(locale));

/** A date as people in Finland write it: 29.11.2026 (fi, sv) or 29/11/2026 (en). */
export function formatDate(lang: Lang, date: Date | string): string {
  return dateFormat(lang).format(typeof date === "string" ? parseDate(date) : date);
}

export function formatDateTime(lang: Lang, date: Date | string): string {
  return dateTimeFormat(lang).format(typeof date === "string" ? new Date(date) : date);
}

export function formatNumber(lang: Lang, value: number): string {
  return numberFormat(lang).format(value);
}

/** "2023-02-07" is a calendar date, not an instant: read it at noon Helsinki time. */
function parseDate(iso: string): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T12:00:00+02:00`) : new Date(iso);
}
