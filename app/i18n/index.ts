// Message lookup and locale-aware formatting, shared by server and browser.
import { en, type MessageKey, type Messages } from "./messages/en";
import { fi } from "./messages/fi";
import { sv } from "./messages/sv";
import { locales, type Lang } from "./languages";

export * from "./languages";
export type { MessageKey, Messages };

export const catalogues: Record<Lang, Messages> = { fi, sv, en };

export type MessageParams = Record<string, string | number>;

export function translate(lang: Lang, key: MessageKey, params?: MessageParams): string {
  const template = catalogues[lang][key] ?? en[key];
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

const HELSINKI = "Europe/Helsinki";

/** A date as people in Finland write it: 29.11.2026 (fi, sv) or 29/11/2026 (en). */
export function formatDate(lang: Lang, date: Date | string): string {
  const value = typeof date === "string" ? parseDate(date) : date;
  return new Intl.DateTimeFormat(locales[lang], {
    day: "numeric",
    month: "numeric",
    year: "numeric",
    timeZone: HELSINKI,
  }).format(value);
}

export function formatDateTime(lang: Lang, date: Date | string): string {
  const value = typeof date === "string" ? new Date(date) : date;
  return new Intl.DateTimeFormat(locales[lang], {
    day: "numeric",
    month: "numeric",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: HELSINKI,
  }).format(value);
}

export function formatNumber(lang: Lang, value: number): string {
  return new Intl.NumberFormat(locales[lang]).format(value);
}

/** "2023-02-07" is a calendar date, not an instant: read it at noon Helsinki time. */
function parseDate(iso: string): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T12:00:00+02:00`) : new Date(iso);
}
