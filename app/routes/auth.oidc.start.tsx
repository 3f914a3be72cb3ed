// GET /auth/oidc/start?lang=fi&redirectTo=/fi/... sends the browser to the identity provider.
// A link, not a form: the CSP's form-action would stop a form post that redirects to another site.
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { isLang } from "~/i18n";
import { signInRefused } from "~/models/sso-sign-in.server";
import { isSsoEnabled } from "~/models/sso-settings.server";
import { authenticateWithProvider, clientIp } from "~/utils/auth.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const wanted = new URL(request.url).searchParams.get("lang");
  const lang = isLang(wanted) ? wanted : "fi";
  if (!isSsoEnabled()) return redirect(`/${lang}/login`);
  try {
    await authenticateWithProvider(request, context);
  } catch (error) {
    if (error instanceof Response) return error;
    return signInRefused(error, lang, clientIp(context));
  }
  return redirect(`/${lang}/login`);
}
