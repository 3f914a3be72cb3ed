// Signing in and the signed-in user. Every loader and action that needs a signed-in user calls
// requireUser (permission guards build on it in permissions.server.ts); signed-out visitors go to
// /:lang/login and come back after.
import { redirect } from "@remix-run/node";
import { Authenticator } from "remix-auth";
import { FormStrategy } from "remix-auth-form";
import { defaultLang, isLang, type Lang } from "~/i18n";
import { getSessionUser } from "./session.server";
import { verifyLogin } from "./user.server";

export class InvalidCredentialsError extends Error {}

export const authenticator = new Authenticator<NonNullable<Awaited<ReturnType<typeof verifyLogin>>>>();
authenticator.use(
  new FormStrategy(async ({ form }) => {
    const email = String(form.get("email") ?? "");
    const password = String(form.get("password") ?? "");
    const user = await verifyLogin(email, password);
    if (!user) throw new InvalidCredentialsError("Wrong email or password");
    return user;
  }),
  "form",
);

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
