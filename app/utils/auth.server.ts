// The one auth guard family. Every loader and action that needs a signed-in user or a
// permission calls one of these; signed-out visitors go to /:lang/login and come back after.
import { redirect, type AppLoadContext } from "@remix-run/node";
import { defaultLang, isLang, type Lang } from "~/i18n";
import { canAdminister, canEditOrganisationTexts, canEditUnit } from "~/models/roles";
import { getSessionUser } from "~/models/session.server";
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
