// /:lang/login/failed?reason=...: why a sign-in through the identity provider did not succeed and
// what to do, in the reader's language (the audit entry was written where it failed).
import { data, type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, type MetaFunction } from "@remix-run/react";
import { isSignInFailure, SIGN_IN_FAILURE_STATUS } from "~/models/sso-sign-in.server";
import { defaultLang, isLang, translator } from "~/i18n";
import { langParam } from "~/utils/lang-param.server";
import { pageTitle } from "~/utils/meta";
import { useLang, useT } from "~/utils/use-lang";

export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = langParam(params);
  const wanted = new URL(request.url).searchParams.get("reason");
  const reason = isSignInFailure(wanted) ? wanted : "provider";
  return data(
    { reason, title: translator(lang)(`sso.failed.${reason}.title`) },
    { status: SIGN_IN_FAILURE_STATUS[reason] },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data: loaded, params }) =>
  pageTitle(isLang(params.lang) ? params.lang : defaultLang, loaded?.title ?? "");

export default function SignInFailed() {
  const { reason } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const retry = reason !== "disabled" && reason !== "email_taken" && reason !== "no_email";
  return (
    <>
      <h1>{t(`sso.failed.${reason}.title`)}</h1>
      <p>{t(`sso.failed.${reason}.text`)}</p>
      <p>{t(retry ? "sso.failed.retryHint" : "sso.failed.contactHint")}</p>
      <p>
        <Link className="button" to={`/${lang}/login`}>
          {t("sso.failed.backToSignIn")}
        </Link>
      </p>
    </>
  );
}
