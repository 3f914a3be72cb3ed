// A unit's history (its editors only): every revision of every language and of the shared facts,
// and a word diff between any two versions of the same text.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { HistoryView } from "~/components/history";
import { translator } from "~/i18n";
import { listReviews, unitPage } from "~/models/page-ownership.server";
import { getHistory } from "~/models/revision.server";
import { unitFieldOrder } from "~/models/unit-editing.server";
import { UNIT_FIELD_LABELS } from "~/models/unit-fields";
import { authoriseUnitEditor, historyQuery } from "./__editing.server";
import { langParam } from "~/utils/lang-param.server";
import { titleMeta } from "~/utils/meta";
import { useLang } from "~/utils/use-lang";

export const meta = titleMeta("history.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = langParam(params);
  const { ref } = await authoriseUnitEditor(request, params.slug);
  const [history, reviews] = await Promise.all([
    getHistory("unit", ref.id, historyQuery(request), unitFieldOrder),
    listReviews(unitPage(ref.id)),
  ]);
  return {
    ...history,
    reviews,
    labels: UNIT_FIELD_LABELS,
    slug: ref.slug,
    title: translator(lang)("history.heading", { name: ref.nameFor(lang) }),
  };
}

export default function UnitHistory() {
  const data = useLoaderData<typeof loader>();
  const lang = useLang();
  const [searchParams] = useSearchParams();
  const unitPath = `/${lang}/units/${data.slug}`;
  return (
    <HistoryView
      title={data.title}
      data={data}
      pagePath={unitPath}
      editPath={`${unitPath}/edit`}
      historyPath={`${unitPath}/history`}
      restored={searchParams.get("restored")}
    />
  );
}
