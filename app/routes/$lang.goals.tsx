import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { FallbackNotice, LocalizedInline, OutdatedMark } from "~/components/localized";
import { fallbackLanguages } from "~/i18n/content";
import { getGoals } from "~/models/organisation.server";
import { langParam } from "~/utils/lang-param.server";
import { titleMeta } from "~/utils/meta";
import { useT } from "~/utils/use-lang";

export const meta = titleMeta("goals.title");

export async function loader({ params }: LoaderFunctionArgs) {
  return { goals: await getGoals(langParam(params)) };
}

export default function Goals() {
  const { goals } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("goals.title")}</h1>
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
    </>
  );
}
