import type { ReactNode } from "react";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Field } from "~/components/forms";
import { recordAudit } from "~/models/audit.server";
import { checkPassword, formEmail } from "~/models/password-sign-in.server";
import { createUserSession } from "~/models/session.server";
import { isPasswordSignInEnabled, isSsoEnabled } from "~/models/sso-settings.server";
import { clientIp, getOptionalUser } from "~/utils/auth.server";
import { formBodyLimit } from "~/utils/form-limits.server";
import { readForm } from "~/utils/forms";
import { langParam } from "~/utils/lang-param.server";
import { titleMeta } from "~/utils/meta";
import { safeRedirectPath } from "~/utils/safe-redirect";
import { useLang, useT } from "~/utils/use-lang";

export const meta = titleMeta("auth.signInTitle");

// Retry-After of a throttled sign-in reaches the document response too.
export const headers: HeadersFunction = ({ actionHeaders }) => actionHeaders;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = langParam(params);
  if (await getOptionalUser(request)) {
    throw redirect(safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"), `/${lang}`));
  }
  return { sso: isSsoEnabled(), password: isPasswordSignInEnabled() };
}

// Email, password and the page to return to; generous, none of them is stored as sent.
export const bodyLimit = () => formBodyLimit({ email: 320, password: 1000, redirectTo: 2000 });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = langParam(params);
  const ip = clientIp(context);
  const form = await readForm(request);
  const email = formEmail(form);
  const redirectTo = safeRedirectPath(form.get("redirectTo"), `/${lang}`);

  if (!isPasswordSignInEnabled()) {
    // Production with single sign-on: passwords only through the audited break-glass path.
    await recordAudit({ action: "auth.password_sign_in_refused", actorEmail: email, ipAddress: ip });
    return data({ error: "passwordOff" as const, email, minutes: 0, seconds: 0 }, { status: 403 });
  }

  const check = await checkPassword(form, ip);
  if (check.status === "throttled") {
    const { retryAfter } = check;
    await recordAudit({ action: "auth.sign_in_throttled", actorEmail: email, ipAddress: ip });
    return data(
      { error: "throttled" as const, email, minutes: Math.ceil(retryAfter / 60), seconds: retryAfter },
      { status: 429, headers: { "Retry-After": String(retryAfter) } },
    );
  }
  if (check.status === "invalid") {
    await recordAudit({ action: "auth.sign_in_failed", actorEmail: email, ipAddress: ip });
    return data({ error: "invalid" as const, email, minutes: 0, seconds: 0 }, { status: 401 });
  }
  const { user } = check;
  await check.release();
  const cookie = await createUserSession(user.id, request, ip);
  await recordAudit({ action: "auth.sign_in", actor: user, ipAddress: ip, targetType: "user", targetId: user.id });
  return redirect(redirectTo, { headers: { "Set-Cookie": cookie } });
}

const errorKey = { throttled: "auth.throttled", invalid: "auth.invalid", passwordOff: "sso.passwordOff" } as const;

export default function Login() {
  const t = useT();
  const lang = useLang();
  const { sso, password } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const ssoStart = `/auth/oidc/start?${new URLSearchParams({ lang, redirectTo: searchParams.get("redirectTo") ?? "" })}`;
  const error = result?.error ? (
    <div className="error-summary" role="alert">
      <p>
        {result.error === "throttled" && result.seconds < 120
          ? t("auth.throttledSeconds", { seconds: result.seconds })
          : t(errorKey[result.error], { minutes: result.minutes })}
      </p>
    </div>
  ) : null;
  return (
    <>
      <h1>{t("auth.signInTitle")}</h1>
      {sso ? (
        <section className="sso-sign-in" aria-labelledby="sso-heading">
          <h2 id="sso-heading">{t("sso.heading")}</h2>
          <p>{t("sso.lead")}</p>
          <p>
            {/* A plain link: it works without JavaScript and starts a full page load. */}
            <a className="button" href={ssoStart} data-testid="sso-sign-in">
              {t("sso.signIn")}
            </a>
          </p>
        </section>
      ) : null}
      {!password ? (
        <>
          {error}
          <p>{t("sso.passwordOffNote")}</p>
        </>
      ) : (
        <PasswordForm sso={sso} error={error} email={result?.email} submitting={navigation.state === "submitting"} />
      )}
    </>
  );
}

function PasswordForm({
  sso,
  error,
  email,
  submitting,
}: {
  sso: boolean;
  error: ReactNode;
  email?: string;
  submitting: boolean;
}) {
  const t = useT();
  const [searchParams] = useSearchParams();
  return (
    <>
      {sso ? <h2>{t("sso.passwordHeading")}</h2> : null}
      <p>{t(sso ? "sso.passwordLead" : "auth.signInLead")}</p>
      <Form method="post" className="form" noValidate>
        {error}
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <Field
          name="email"
          type="email"
          label={t("auth.email")}
          autoComplete="username"
          required
          defaultValue={email}
        />
        <Field name="password" type="password" label={t("auth.password")} autoComplete="current-password" required />
        <button type="submit" className="button" disabled={submitting}>
          {t("auth.signIn")}
        </button>
      </Form>
    </>
  );
}
