// One revision of the strategy texts, what changed, and restore (HR editors).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { RevisionView } from "~/components/history";
import { titleMeta } from "~/utils/meta";
import { docRestoreAction, docRestoreBodyLimit, docRevisionLoader } from "~/utils/org-doc-routes.server";
import { useLang } from "~/utils/use-lang";

export const meta = titleMeta("history.revisionTitle");
export const loader = (args: LoaderFunctionArgs) => docRevisionLoader("strategy", args);
export const action = (args: ActionFunctionArgs) => docRestoreAction("strategy", args);
export const bodyLimit = docRestoreBodyLimit;

export default function StrategyRevision() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const lang = useLang();
  return <RevisionView title={data.title} data={data} historyPath={`/${lang}/strategy/history`} result={result} />;
}
