import { isLang, type Lang } from "~/i18n";

/** The route's language; the $lang layout has already redirected anything else. */
export function langParam(params: Record<string, string | undefined>): Lang {
  if (!isLang(params.lang)) throw new Response("Not found", { status: 404 });
  return params.lang;
}
