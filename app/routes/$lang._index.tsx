import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FallbackNotice, LocalizedBlock } from "~/components/localized";
import { fallbackLanguages } from "~/i18n/content";
import { getOrganisation } from "~/models/organisation.server";
import { langParam } from "~/utils/lang-param.server";
import { titleMeta } from "~/utils/meta";
import { useLang, useT } from "~/utils/use-lang";
import { sharedPage } from "~/utils/shared-page";

export const meta = titleMeta("home.title");
export const handle = sharedPage;

export async function loader({ params }: LoaderFunctionArgs) {
  return getOrganisation(langParam(params));
}

export default function Home() {
  const org = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const { profile } = org;
  return (
    <>
      <h1>{t("home.title")}</h1>
      <p className="lead">{t("home.lead")}</p>
      <FallbackNotice langs={fallbackLanguages([org.missionLine, org.whatWeDo, org.ambition])} />
      {org.missionLine ? (
        <section aria-labelledby="mission">
          <h2 id="mission">{t("home.missionHeading")}</h2>
          <LocalizedBlock text={org.missionLine}>{(v) => <p className="mission-line">{v}</p>}</LocalizedBlock>
        </section>
      ) : null}
      {org.whatWeDo ? (
        <section aria-labelledby="what-we-do">
          <h2 id="what-we-do">{t("home.whatWeDoHeading")}</h2>
          <LocalizedBlock text={org.whatWeDo}>{(v) => <p>{v}</p>}</LocalizedBlock>
          {profile.staffCount && profile.staffCountYear ? (
            <p>{t("home.staff", { count: profile.staffCount, year: String(profile.staffCountYear) })}</p>
          ) : null}
        </section>
      ) : null}
      {org.ambition ? (
        <section aria-labelledby="ambition">
          <h2 id="ambition">{t("home.ambitionHeading")}</h2>
          <LocalizedBlock text={org.ambition}>
            {(v) => (
              <blockquote className="quote">
                <p>{v}</p>
              </blockquote>
            )}
          </LocalizedBlock>
        </section>
      ) : null}
      <section aria-labelledby="start-here">
        <h2 id="start-here">{t("home.exploreHeading")}</h2>
        <ul className="card-links">
          <li>
            <Link to={`/${lang}/strategy`}>{t("home.linkStrategy")}</Link>
          </li>
          <li>
            <Link to={`/${lang}/values`}>{t("home.linkValues")}</Link>
          </li>
          <li>
            <Link to={`/${lang}/goals`}>{t("home.linkGoals")}</Link>
          </li>
          <li>
            <Link to={`/${lang}/units`}>{t("home.linkUnits")}</Link>
          </li>
        </ul>
      </section>
    </>
  );
}
