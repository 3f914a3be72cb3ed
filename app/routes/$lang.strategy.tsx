import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FallbackNotice, LocalizedBlock } from "~/components/localized";
import { fallbackLanguages } from "~/i18n/content";
import { formatDate } from "~/i18n";
import { getGoals, getOrganisation } from "~/models/organisation.server";
import { langParam } from "~/utils/lang-param.server";
import { AcknowledgementPanel } from "~/components/onboarding";
import { acknowledgeAction, loadAcknowledgement } from "~/utils/acknowledge.server";
import { OrgDocEditLinks } from "~/components/revisions";
import { PageCareInfo } from "~/components/page-care";
import { docPage, pageCareForReader } from "~/models/page-ownership.server";
import { getOptionalUser } from "~/utils/auth.server";
import { titleMeta } from "~/utils/meta";
import { useLang, useT } from "~/utils/use-lang";
import { LocalizedInline } from "~/components/localized";
import { sharedPage } from "~/utils/shared-page";

export const meta = titleMeta("nav.strategy");
export const handle = sharedPage;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = langParam(params);
  const [org, goals, acknowledgement] = await Promise.all([
    getOrganisation(lang),
    getGoals(lang),
    loadAcknowledgement(request, "strategy"),
  ]);
  const care = await pageCareForReader(await getOptionalUser(request), docPage("strategy"), null, langParam(params));
  return { org, goals, acknowledgement, care };
}

export async function action({ request, params }: ActionFunctionArgs) {
  return acknowledgeAction(request, langParam(params), "strategy");
}

export default function Strategy() {
  const { org, goals, acknowledgement, care } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const { profile } = org;
  return (
    <>
      <h1>
        {t("strategy.title", { start: String(profile.strategyPeriodStart), end: String(profile.strategyPeriodEnd) })}
      </h1>
      <OrgDocEditLinks doc="strategy" />
      {org.strategyTitle ? (
        <LocalizedBlock text={org.strategyTitle}>{(v) => <p className="lead">{v}</p>}</LocalizedBlock>
      ) : null}
      {profile.strategyPublishedOn ? (
        <p className="meta">{t("strategy.published", { date: formatDate(lang, profile.strategyPublishedOn) })}</p>
      ) : null}
      {org.strategySummary ? <LocalizedBlock text={org.strategySummary}>{(v) => <p>{v}</p>}</LocalizedBlock> : null}
      {org.strategyVision ? (
        <section aria-labelledby="vision">
          <h2 id="vision">{t("strategy.visionHeading")}</h2>
          <LocalizedBlock text={org.strategyVision}>
            {(points) => (
              <ul>
                {points.map((point) => (
                  <li key={point}>{point}</li>
                ))}
              </ul>
            )}
          </LocalizedBlock>
        </section>
      ) : null}
      <section aria-labelledby="strategy-goals">
        <h2 id="strategy-goals">{t("strategy.goalsHeading")}</h2>
        <FallbackNotice langs={fallbackLanguages(goals.map((g) => g.text))} />
        <ol>
          {goals.map((g) => (
            <li key={g.key}>
              <LocalizedInline text={g.text} />
            </li>
          ))}
        </ol>
        <p>{t("strategy.notPublic")}</p>
        <p>
          <Link to={`/${lang}/goals`}>{t("strategy.goalsLink")}</Link> ·{" "}
          <Link to={`/${lang}/values`}>{t("strategy.valuesLink")}</Link>
        </p>
      </section>
      {org.agencyDuties ? (
        <section aria-labelledby="duties">
          <h2 id="duties">{t("strategy.dutiesHeading")}</h2>
          <LocalizedBlock text={org.agencyDuties}>
            {(duties) => (
              <ul>
                {duties.map((duty) => (
                  <li key={duty}>{duty}</li>
                ))}
              </ul>
            )}
          </LocalizedBlock>
        </section>
      ) : null}
      <PageCareInfo care={care} />
      {acknowledgement ? <AcknowledgementPanel {...acknowledgement} /> : null}
    </>
  );
}
