// One revision of the goals texts, what changed, and restore (HR editors).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { RevisionView } from "~/components/history";
import { titleMeta } from "~/utils/meta";
import { docRestoreAction, docRestoreBodyLimit, docRevisionLoader } from "~/utils/org-doc-routes.server";
import { useLang } from "~/utils/use-lang";

export const meta = titleMeta("history.revisionTitle");
export const loader = (args: LoaderFunctionArgs) => docRevisionLoader("goals", args);
export const action = (args: ActionFunctionArgs) => docRestoreAction("goals", args);
export const bodyLimit = docRestoreBodyLimit;

export default function GoalsRevision() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const lang = useLang();
  return <RevisionView title={data.title} data={data} historyPath={`/${lang}/goals/history`} result={result} />;
}
