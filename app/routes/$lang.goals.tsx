import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { FallbackNotice, LocalizedInline, OutdatedMark } from "~/components/localized";
import { fallbackLanguages } from "~/i18n/content";
import { getGoals } from "~/models/organisation.server";
import { langParam } from "~/utils/lang-param.server";
import { AcknowledgementPanel } from "~/components/onboarding";
import { acknowledgeAction, loadAcknowledgement } from "~/utils/acknowledge.server";
import { OrgDocEditLinks } from "~/components/revisions";
import { PageCareInfo } from "~/components/page-care";
import { docPage, pageCareForReader } from "~/models/page-ownership.server";
import { getOptionalUser } from "~/utils/auth.server";
import { titleMeta } from "~/utils/meta";
import { useT } from "~/utils/use-lang";
import { sharedPage } from "~/utils/shared-page";

export const meta = titleMeta("goals.title");
export const handle = sharedPage;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const [goals, acknowledgement] = await Promise.all([
    getGoals(langParam(params)),
    loadAcknowledgement(request, "goals"),
  ]);
  const care = await pageCareForReader(await getOptionalUser(request), docPage("goals"), null, langParam(params));
  return { goals, acknowledgement, care };
}

export async function action({ request, params }: ActionFunctionArgs) {
  return acknowledgeAction(request, langParam(params), "goals");
}

export default function Goals() {
  const { goals, acknowledgement, care } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("goals.title")}</h1>
      <OrgDocEditLinks doc="goals" />
      <p className="lead">{t("goals.lead")}</p>
      <FallbackNotice langs={fallbackLanguages(goals.map((g) => g.text))} />
      <ol className="numbered-cards">
        {goals.map((g) => (
          <li key={g.key}>
            <p className="goal-text">
              <LocalizedInline text={g.text} />
            </p>
            <OutdatedMark text={g.text} />
          </li>
        ))}
      </ol>
      <PageCareInfo care={care} />
      {acknowledgement ? <AcknowledgementPanel {...acknowledgement} /> : null}
    </>
  );
}
