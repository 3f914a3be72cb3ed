// History of the values texts in every language (HR editors), with word diffs.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { HistoryView } from "~/components/history";
import { titleMeta } from "~/utils/meta";
import { docHistoryLoader } from "~/utils/org-doc-routes.server";
import { useLang } from "~/utils/use-lang";

export const meta = titleMeta("history.title");
export const loader = (args: LoaderFunctionArgs) => docHistoryLoader("values", args);

export default function ValuesHistory() {
  const data = useLoaderData<typeof loader>();
  const lang = useLang();
  const [searchParams] = useSearchParams();
  const path = `/${lang}/values`;
  return (
    <HistoryView
      title={data.title}
      data={data}
      pagePath={path}
      editPath={`${path}/edit`}
      historyPath={`${path}/history`}
      restored={searchParams.get("restored")}
    />
  );
}
