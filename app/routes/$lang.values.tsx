import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { FallbackNotice, LocalizedInline, OutdatedMark } from "~/components/localized";
import { fallbackLanguages } from "~/i18n/content";
import { getValues } from "~/models/organisation.server";
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

export const meta = titleMeta("values.title");
export const handle = sharedPage;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const [values, acknowledgement] = await Promise.all([
    getValues(langParam(params)),
    loadAcknowledgement(request, "values"),
  ]);
  const care = await pageCareForReader(await getOptionalUser(request), docPage("values"), null, langParam(params));
  return { values, acknowledgement, care };
}

export async function action({ request, params }: ActionFunctionArgs) {
  return acknowledgeAction(request, langParam(params), "values");
}

export default function Values() {
  const { values, acknowledgement, care } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("values.title")}</h1>
      <OrgDocEditLinks doc="values" />
      <p className="lead">{t("values.lead")}</p>
      <FallbackNotice langs={fallbackLanguages(values.map((v) => v.name))} />
      <ol className="numbered-cards">
        {values.map((v) => (
          <li key={v.key}>
            <h2>
              <LocalizedInline text={v.name} />
            </h2>
            <OutdatedMark text={v.name} />
            {v.description ? (
              <p>
                <LocalizedInline text={v.description} />
              </p>
            ) : null}
          </li>
        ))}
      </ol>
      <PageCareInfo care={care} />
      {acknowledgement ? <AcknowledgementPanel {...acknowledgement} /> : null}
    </>
  );
}
