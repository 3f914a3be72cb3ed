// Which language a visitor gets when a URL carries none: their saved choice (cookie), else the
// best match of Accept-Language among fi/sv/en, else English.
import { redirect } from "@remix-run/node";
import { defaultLang, isLang, switchLanguagePath, type Lang } from "./languages";

export const LANGUAGE_COOKIE = "lang";
const ONE_YEAR = 60 * 60 * 24 * 365;

export function savedLanguage(request: Request): Lang | null {
  const cookie = request.headers.get("Cookie") ?? "";
  for (const part of cookie.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === LANGUAGE_COOKIE) {
      const value = decodeURIComponent(rest.join("="));
      if (isLang(value)) return value;
    }
  }
  return null;
}

/** Best language for an Accept-Language header, honouring q-values; null if none matches. */
export function matchAcceptLanguage(header: string | null): Lang | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { base: tag.trim().toLowerCase().split("-")[0], quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { base } of ranked) {
    if (isLang(base)) return base;
  }
  return null;
}

export function preferredLanguage(request: Request): Lang {
  return savedLanguage(request) ?? matchAcceptLanguage(request.headers.get("Accept-Language")) ?? defaultLang;
}

/** 302 from an unprefixed URL to the same path and query under the visitor's language. */
export function redirectToPreferredLanguage(request: Request): Response {
  const url = new URL(request.url);
  return redirect(switchLanguagePath(url.pathname + url.search, preferredLanguage(request)), {
    status: 302,
    headers: { Vary: "Cookie, Accept-Language" },
  });
}

export function languageCookieHeader(lang: Lang, secure: boolean): string {
  return `${LANGUAGE_COOKIE}=${lang}; Path=/; Max-Age=${ONE_YEAR}; SameSite=Lax${secure ? "; Secure" : ""}`;
}
