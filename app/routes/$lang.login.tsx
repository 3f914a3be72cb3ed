import {
  data,
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
} from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { Field } from "~/components/forms";
import { recordAudit } from "~/models/audit.server";
import { loginRetryAfter, recordLoginFailure } from "~/models/login-throttle.server";
import { createUserSession } from "~/models/session.server";
import { authenticateWithPassword, clientIp, getOptionalUser, InvalidCredentialsError } from "~/utils/auth.server";
import { langParam } from "~/utils/lang-param.server";
import { titleMeta } from "~/utils/meta";
import { safeRedirectPath } from "~/utils/safe-redirect";
import { useT } from "~/utils/use-lang";
import { readForm } from "~/utils/forms";
import { formBodyLimit } from "~/utils/form-limits";

export const meta = titleMeta("auth.signInTitle");

// Retry-After of a throttled sign-in reaches the document response too.
export const headers: HeadersFunction = ({ actionHeaders }) => actionHeaders;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = langParam(params);
  if (await getOptionalUser(request)) {
    throw redirect(safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"), `/${lang}`));
  }
  return null;
}

// Email, password and the page to return to; generous, none of them is stored as sent.
export const bodyLimit = formBodyLimit({ email: 320, password: 1000, redirectTo: 2000 });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = langParam(params);
  const ip = clientIp(context);
  const form = await readForm(request);
  const email = String(form.get("email") ?? "")
    .trim()
    .toLowerCase();
  const redirectTo = safeRedirectPath(form.get("redirectTo"), `/${lang}`);

  const retryAfter = await loginRetryAfter(email, ip);
  if (retryAfter > 0) {
    await recordAudit({ action: "auth.sign_in_throttled", actorEmail: email, ipAddress: ip });
    return data(
      { error: "throttled" as const, email, minutes: Math.ceil(retryAfter / 60) },
      { status: 429, headers: { "Retry-After": String(retryAfter) } },
    );
  }

  try {
    const user = await authenticateWithPassword(form);
    const cookie = await createUserSession(user.id, request, ip);
    await recordAudit({ action: "auth.sign_in", actor: user, ipAddress: ip, targetType: "user", targetId: user.id });
    return redirect(redirectTo, { headers: { "Set-Cookie": cookie } });
  } catch (error) {
    if (!(error instanceof InvalidCredentialsError)) throw error;
    await recordLoginFailure(email, ip);
    await recordAudit({ action: "auth.sign_in_failed", actorEmail: email, ipAddress: ip });
    return data({ error: "invalid" as const, email, minutes: 0 }, { status: 401 });
  }
}

export default function Login() {
  const t = useT();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  return (
    <>
      <h1>{t("auth.signInTitle")}</h1>
      <p>{t("auth.signInLead")}</p>
      <Form method="post" className="form" noValidate>
        {result?.error ? (
          <div className="error-summary" role="alert">
            <p>{result.error === "throttled" ? t("auth.throttled", { minutes: result.minutes }) : t("auth.invalid")}</p>
          </div>
        ) : null}
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
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
