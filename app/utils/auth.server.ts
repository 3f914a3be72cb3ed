// The one auth guard family. Every loader and action that needs a signed-in user or a
// permission calls one of these; signed-out visitors go to /:lang/login and come back after.
import { redirect, type AppLoadContext } from "@remix-run/node";
import { Authenticator } from "remix-auth";
import { defaultLang, isLang, type Lang } from "~/i18n";
import { canAdminister, canEditOrganisationTexts, canEditUnit } from "~/models/roles";
import { OidcStrategy } from "~/models/oidc-strategy.server";
import { getSessionUser } from "~/models/session.server";
import { accountForSignIn } from "~/models/sso-account.server";
import { verifyLogin } from "~/models/user.server";
import type { FormFields } from "./forms";

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

/** The client's address. X-Forwarded-For counts only behind a trusted proxy (TRUST_PROXY). */
export function clientIp(context: AppLoadContext | undefined): string {
  return typeof context?.clientIp === "string" && context.clientIp ? context.clientIp : "unknown";
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

export function forbidden(): Response {
  return new Response("Forbidden", { status: 403 });
}

export async function requireUnitEditor(request: Request, unitId: number): Promise<CurrentUser> {
  const user = await requireUser(request);
  if (!canEditUnit(user, unitId)) throw forbidden();
  return user;
}

export async function requireHrEditor(request: Request): Promise<CurrentUser> {
  const user = await requireUser(request);
  if (!canEditOrganisationTexts(user)) throw forbidden();
  return user;
}

export async function requireAdmin(request: Request): Promise<CurrentUser> {
  const user = await requireUser(request);
  if (!canAdminister(user)) throw forbidden();
  return user;
}
