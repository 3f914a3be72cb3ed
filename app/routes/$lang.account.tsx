import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { recordAudit } from "~/models/audit.server";
import { endAllSessions, endSession } from "~/models/session.server";
import { langParam } from "~/utils/lang-param.server";
import { titleMeta } from "~/utils/meta";
import { useT } from "~/utils/use-lang";
import { clientIp } from "~/utils/client-ip.server";
import { requireUser } from "~/models/auth.server";

export const meta = titleMeta("auth.accountTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  langParam(params);
  const user = await requireUser(request);
  return { user: { name: user.name, email: user.email, role: user.role } };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = langParam(params);
  const user = await requireUser(request);
  const count = await endAllSessions(user.id);
  await recordAudit({
    action: "auth.sign_out_everywhere",
    actor: user,
    ipAddress: clientIp(context),
    targetType: "user",
    targetId: user.id,
    details: { sessions: count },
  });
  return redirect(`/${lang}/login`, { headers: { "Set-Cookie": await endSession(request) } });
}

export default function Account() {
  const { user } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("auth.accountTitle")}</h1>
      <dl className="facts">
        <dt>{t("auth.email")}</dt>
        <dd>{user.email}</dd>
        <dt>{t("auth.role")}</dt>
        <dd>{t(`role.${user.role}`)}</dd>
      </dl>
      <h2>{t("auth.signOutEverywhere")}</h2>
      <p>{t("auth.signOutEverywhereHint")}</p>
      <Form method="post">
        <button type="submit" className="button">
          {t("auth.signOutEverywhere")}
        </button>
      </Form>
    </>
  );
}
