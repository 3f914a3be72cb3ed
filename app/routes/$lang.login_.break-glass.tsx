// /:lang/login/break-glass: the administrators' way in with a portal password (made with
// `npm run user:create`) when the identity provider is out of reach or PASSWORD_SIGN_IN=off.
// Not linked from anywhere; only admin accounts with a password get in; every attempt, good or
// bad, is its own audit entry (auth.break_glass_*) so that its use is seen and followed up.
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
} from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { Field } from "~/components/forms";
import { recordAudit } from "~/models/audit.server";
import { checkPassword } from "~/models/password-sign-in.server";
import { createUserSession } from "~/models/session.server";
import { clientIp } from "~/utils/auth.server";
import { readForm } from "~/utils/forms";
import { langParam } from "~/utils/lang-param.server";
import { titleMeta } from "~/utils/meta";
import { useT } from "~/utils/use-lang";

export const meta = titleMeta("sso.breakGlass.title");

export const headers: HeadersFunction = ({ actionHeaders }) => actionHeaders;

export async function loader({ params }: LoaderFunctionArgs) {
  langParam(params);
  return null;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = langParam(params);
  const ip = clientIp(context);
  const form = await readForm(request);
  const check = await checkPassword(form, ip);
  const email = check.email;
  if (check.status === "throttled") {
    const { retryAfter } = check;
    await recordAudit({
      action: "auth.break_glass_failed",
      actorEmail: email,
      ipAddress: ip,
      details: { throttled: true },
    });
    return data(
      { error: "throttled" as const, email, minutes: Math.ceil(retryAfter / 60) },
      { status: 429, headers: { "Retry-After": String(retryAfter) } },
    );
  }
  const user = check.status === "verified" ? check.user : undefined;
  // A right password of a non-admin is refused exactly like a wrong one.
  if (check.status !== "verified" || !user || user.role !== "admin") {
    await recordAudit({
      action: "auth.break_glass_failed",
      actorEmail: email,
      ipAddress: ip,
      details: { why: user ? "not an admin" : "wrong email or password" },
    });
    return data({ error: "invalid" as const, email, minutes: 0 }, { status: 401 });
  }
  await check.release();
  const cookie = await createUserSession(user.id, request, ip);
  await recordAudit({
    action: "auth.break_glass_sign_in",
    actor: user,
    ipAddress: ip,
    targetType: "user",
    targetId: user.id,
  });
  return redirect(`/${lang}/admin/users`, { headers: { "Set-Cookie": cookie } });
}

export default function BreakGlassSignIn() {
  const t = useT();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  return (
    <>
      <h1>{t("sso.breakGlass.title")}</h1>
      <p>{t("sso.breakGlass.lead")}</p>
      <Form method="post" className="form" noValidate>
        {result?.error ? (
          <div className="error-summary" role="alert">
            <p>
              {result.error === "throttled"
                ? t("auth.throttled", { minutes: result.minutes })
                : t("sso.breakGlass.invalid")}
            </p>
          </div>
        ) : null}
        <Field
          name="email"
          type="email"
          label={t("auth.email")}
          autoComplete="username"
          required
          defaultValue={result?.email}
        />
        <Field name="password" type="password" label={t("auth.password")} autoComplete="current-password" required />
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {t("auth.signIn")}
        </button>
      </Form>
    </>
  );
}
