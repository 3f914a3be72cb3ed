// The language switcher's target: remembers the choice in a cookie and returns to the same page
// in that language. A plain link, so it works without JavaScript.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { defaultLang, isLang } from "~/i18n";
import { languageCookieHeader } from "~/i18n/negotiate.server";
import { rememberPreferredLanguage } from "~/models/mail.server";
import { getOptionalUser } from "~/utils/auth.server";
import { secureCookies } from "~/utils/env.server";
import { safeRedirectPath } from "~/utils/safe-redirect";

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const to = safeRedirectPath(url.searchParams.get("to"), `/${defaultLang}`);
  const lang = to.split(/[/?#]/)[1];
  const headers = new Headers();
  if (isLang(lang)) headers.append("Set-Cookie", languageCookieHeader(lang, secureCookies()));
  // A signed-in person's choice also sets the language of the mail they get.
  const user = isLang(lang) ? await getOptionalUser(request) : null;
  if (user && isLang(lang)) await rememberPreferredLanguage(user.id, lang);
  return redirect(to, { headers });
}
