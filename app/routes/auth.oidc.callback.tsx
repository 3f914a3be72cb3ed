// GET /auth/oidc/callback: where the identity provider sends the browser back. Success starts a
// portal session; any failure goes to a page that says what happened, in the reader's language.
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { recordAudit } from "~/models/audit.server";
import { callbackLanguage, clearSignInTransaction, readSignInTransaction } from "~/models/oidc-strategy.server";
import { createUserSession } from "~/models/session.server";
import { signInRefused } from "~/models/sso-sign-in.server";
import { authenticateWithProvider, clientIp } from "~/utils/auth.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const ip = clientIp(context);
  const lang = await callbackLanguage(request);
  const transaction = await readSignInTransaction(request);
  const headers = new Headers({ "Set-Cookie": await clearSignInTransaction() });
  let user;
  try {
    user = await authenticateWithProvider(request, context);
  } catch (error) {
    const refused = await signInRefused(error, lang, ip);
    refused.headers.append("Set-Cookie", await clearSignInTransaction());
    return refused;
  }
  headers.append("Set-Cookie", await createUserSession(user.id, request, ip));
  await recordAudit({
    action: "auth.sign_in",
    actor: user,
    ipAddress: ip,
    targetType: "user",
    targetId: user.id,
    details: { method: "single sign-on" },
  });
  return redirect(transaction?.redirectTo ?? `/${lang}`, { headers });
}
