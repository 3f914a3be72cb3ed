import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ExploreLinks, PersonalHome } from "~/components/home";
import { FallbackNotice, LocalizedBlock } from "~/components/localized";
import { fallbackLanguages } from "~/i18n/content";
import { getPersonalHome } from "~/models/home.server";
import { isStepStatus } from "~/models/onboarding-rules";
import { getOrganisation } from "~/models/organisation.server";
import { getOptionalUser } from "~/utils/auth.server";
import { langParam } from "~/utils/lang-param.server";
import { titleMeta } from "~/utils/meta";
import { useLang, useT } from "~/utils/use-lang";
import { sharedPage } from "~/utils/shared-page";

export const meta = titleMeta("home.title");
export const handle = sharedPage;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const org = await getOrganisation(langParam(params));
  // Signed-out readers get exactly the public page; the personal part is only for a signed-in user.
  const user = await getOptionalUser(request);
  if (!user) return { ...org, personal: null };
  const url = new URL(request.url);
  const was = url.searchParams.get("was");
  return {
    ...org,
    personal: {
      ...(await getPersonalHome(user, langParam(params), Number(url.searchParams.get("saved")) || null)),
      was: isStepStatus(was) ? was : null,
    },
  };
}

export default function Home() {
  const { personal } = useLoaderData<typeof loader>();
  return personal ? <PersonalHome home={personal} /> : <PublicHome />;
}

function PublicHome() {
  const org = useLoaderData<typeof loader>();
  const t = useT();
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
      <ExploreLinks />
    </>
  );
}
