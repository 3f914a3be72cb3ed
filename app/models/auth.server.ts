// Signing in and the signed-in user. Every loader and action that needs a signed-in user calls
// requireUser (permission guards build on it in permissions.server.ts); signed-out visitors go to
// /:lang/login and come back after.
import { redirect, type AppLoadContext } from "@remix-run/node";
import { Authenticator } from "remix-auth";
import { defaultLang, isLang, type Lang } from "~/i18n";
import { clientIp } from "~/utils/client-ip.server";
import type { FormFields } from "~/utils/forms";
import { OidcStrategy } from "./oidc-strategy.server";
import { getSessionUser } from "./session.server";
import { accountForSignIn } from "./sso-account.server";
import { verifyLogin } from "./user.server";

export class InvalidCredentialsError extends Error {}

/** The user a sign-in form names, if the password is right; InvalidCredentialsError otherwise. */
export async function authenticateWithPassword(form: FormFields) {
  const email = String(form.get("email") ?? "");
  const password = String(form.get("password") ?? "");
  const user = await verifyLogin(email, password);
  if (!user) throw new InvalidCredentialsError("Wrong email or password");
  return user;
}

// Password sign-in reads the form itself (authenticateWithPassword, above); remix-auth runs the
// single sign-on strategy.
export const authenticator = new Authenticator<NonNullable<Awaited<ReturnType<typeof verifyLogin>>>>();

// Single sign-on (OIDC_ISSUER): the strategy is always registered and reads its settings per
// request, so it is active exactly when configured.
const callbackIps = new WeakMap<Request, string>();
authenticator.use(
  new OidcStrategy(async ({ claims, settings, request }) =>
    accountForSignIn(claims, settings, callbackIps.get(request) ?? null),
  ),
  "oidc",
);

/** Starts (throws a redirect to the provider) or completes a sign-in through the provider. */
export function authenticateWithProvider(request: Request, context: AppLoadContext | undefined) {
  callbackIps.set(request, clientIp(context));
  return authenticator.authenticate("oidc", request);
}

export const getOptionalUser = getSessionUser;
export type CurrentUser = NonNullable<Awaited<ReturnType<typeof getSessionUser>>>;

function langOf(request: Request): Lang {
  const first = new URL(request.url).pathname.split("/")[1];
  return isLang(first) ? first : defaultLang;
}

export async function requireUser(request: Request): Promise<CurrentUser> {
  const user = await getSessionUser(request);
  if (user) return user;
  const url = new URL(request.url);
  const redirectTo = url.pathname + url.search;
  throw redirect(`/${langOf(request)}/login?${new URLSearchParams({ redirectTo })}`);
}
