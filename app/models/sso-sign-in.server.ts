// What a failed sign-in through the identity provider leads to: an audit entry and the page
// that explains it (/:lang/login/failed?reason=...). Unexpected errors get the same treatment
// as a provider error, so nobody sees a stack trace.
import { redirect } from "@remix-run/node";
import type { Lang } from "~/i18n";
import { recordAudit } from "./audit.server";
import { prisma } from "~/utils/db.server";
import { OidcSignInError, providerLogoutUrl, type OidcFailure } from "./oidc-strategy.server";
import { SsoAccountError, type SsoAccountFailure } from "./sso-account.server";
import { SsoConfigurationError, ssoSettings } from "./sso-settings.server";

export type SignInFailure = OidcFailure | SsoAccountFailure;

export const SIGN_IN_FAILURE_STATUS: Record<SignInFailure, number> = {
  unreachable: 503,
  state: 400,
  token: 401,
  cancelled: 401,
  provider: 502,
  disabled: 403,
  email_taken: 409,
  no_email: 422,
};

export function isSignInFailure(value: unknown): value is SignInFailure {
  return typeof value === "string" && Object.hasOwn(SIGN_IN_FAILURE_STATUS, value);
}

export async function signInRefused(error: unknown, lang: Lang, ip: string | null): Promise<Response> {
  let reason: SignInFailure = "provider";
  let details: Record<string, unknown>;
  if (error instanceof OidcSignInError) {
    reason = error.reason;
    details = { detail: error.detail };
  } else if (error instanceof SsoAccountError) {
    reason = error.reason;
    details = error.detail;
  } else if (error instanceof SsoConfigurationError) {
    details = { detail: `configuration: ${error.message}` };
  } else {
    console.error("single sign-on failed unexpectedly", error);
    details = { detail: "unexpected error" };
  }
  const userId = typeof details.userId === "number" ? details.userId : undefined;
  await recordAudit({
    action: "auth.sign_in_refused",
    actorEmail: typeof details.email === "string" ? details.email : null,
    ipAddress: ip,
    ...(userId ? { targetType: "user", targetId: userId } : {}),
    details: { reason, method: "single sign-on", ...details },
  });
  return redirect(`/${lang}/login/failed?${new URLSearchParams({ reason })}`);
}

/** The provider's end-session URL when OIDC_LOGOUT=provider and this person signs in there. */
export async function providerSignOutUrl(userId: number, request: Request): Promise<string | null> {
  let settings;
  try {
    settings = ssoSettings();
  } catch {
    return null;
  }
  if (!settings?.logoutAtProvider) return null;
  const identity = await prisma.userIdentity.findFirst({ where: { userId, issuer: settings.issuer } });
  return identity ? providerLogoutUrl(settings, request) : null;
}
