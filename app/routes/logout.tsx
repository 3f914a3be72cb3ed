// POST /logout ends this browser's session. (GET only redirects: signing out changes state.)
// With OIDC_LOGOUT=provider a person who signs in through the identity provider is then sent
// there to end that session too (RP-initiated logout), and comes back to the portal's front page.
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { isLang } from "~/i18n";
import { recordAudit } from "~/models/audit.server";
import { endSession } from "~/models/session.server";
import { providerSignOutUrl } from "~/models/sso-sign-in.server";
import { clientIp, getOptionalUser } from "~/utils/auth.server";
import { readForm } from "~/utils/forms";

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await getOptionalUser(request);
  const form = await readForm(request);
  const lang = String(form.get("lang") ?? "");
  const cookie = await endSession(request);
  if (user)
    await recordAudit({
      action: "auth.sign_out",
      actor: user,
      ipAddress: clientIp(context),
      targetType: "user",
      targetId: user.id,
    });
  const atProvider = user ? await providerSignOutUrl(user.id, request) : null;
  return redirect(atProvider ?? (isLang(lang) ? `/${lang}` : "/"), { headers: { "Set-Cookie": cookie } });
}

export async function loader() {
  return redirect("/");
}
