// History of the goals texts in every language (HR editors), with word diffs.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { OrgDocHistoryPage } from "~/components/history";
import { titleMeta } from "~/utils/meta";
import { docHistoryLoader } from "./__org-doc-routes.server";

export const meta = titleMeta("history.title");
export const loader = (args: LoaderFunctionArgs) => docHistoryLoader("goals", args);

export default function GoalsHistory() {
  return <OrgDocHistoryPage doc="goals" />;
}
