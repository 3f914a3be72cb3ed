// One revision of the values texts, what changed, and restore (HR editors).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { RevisionView } from "~/components/history";
import { titleMeta } from "~/utils/meta";
import { docRestoreAction, docRestoreBodyLimit, docRevisionLoader } from "~/utils/org-doc-routes.server";
import { useLang } from "~/utils/use-lang";

export const meta = titleMeta("history.revisionTitle");
export const loader = (args: LoaderFunctionArgs) => docRevisionLoader("values", args);
export const action = (args: ActionFunctionArgs) => docRestoreAction("values", args);
export const bodyLimit = docRestoreBodyLimit;

export default function ValuesRevision() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const lang = useLang();
  return <RevisionView title={data.title} data={data} historyPath={`/${lang}/values/history`} result={result} />;
}
