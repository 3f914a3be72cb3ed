// Shared pages: pages that every signed-out reader sees the same, given the address, the
// visitor's language preference, the content version and the build. The server
// (scripts/lib/page-cache.mjs) keeps their rendered HTML and answers later signed-out requests
// from it, after one content-version query, without running loaders or React
// (docs/decisions/0017-fast-read-path.md). A route opts in with `export const handle = sharedPage`
// (~/utils/shared-page).
import type { EntryContext } from "@remix-run/node";
import { preferredLanguage } from "~/i18n/negotiate.server";
import { currentContentVersion } from "~/models/content-version.server";
import { isSharedPageHandle } from "./shared-page";

/** Set on a rendered response the server may keep; the server removes it before sending. */
export const SHARED_PAGE_HEADER = "X-Shared-Page";
const SESSION_COOKIE = /(?:^|;\s*)__session=/;

/**
 * What, besides the address, a signed-out page may depend on: the preferred language (the
 * `lang` cookie or Accept-Language, in the root loader's data). Null when the request must be
 * rendered for itself: anything but a GET of a document, or a visitor with a session cookie.
 */
export function sharedPageVariant(request: Request): string | null {
  if (request.method !== "GET") return null;
  if (SESSION_COOKIE.test(request.headers.get("Cookie") ?? "")) return null;
  const url = new URL(request.url);
  // Single-fetch data requests (client-side navigation) and old-style ?_data requests.
  if (url.pathname.endsWith(".data") || url.searchParams.has("_data")) return null;
  return preferredLanguage(request);
}

/** Marks a successful render of a route that opted in, so the server may keep it. */
export function markSharedPage(statusCode: number, headers: Headers, context: EntryContext) {
  if (statusCode !== 200 || headers.has("Set-Cookie")) return;
  const leaf = context.staticHandlerContext.matches.at(-1);
  if (leaf && isSharedPageHandle(context.routeModules[leaf.route.id]?.handle)) headers.set(SHARED_PAGE_HEADER, "1");
}

/** What the server asks of the app build (exported from entry.server as `sharedPages`). */
export const sharedPages = {
  header: SHARED_PAGE_HEADER,
  variant: sharedPageVariant,
  version: () => currentContentVersion(),
};
