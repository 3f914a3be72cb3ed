// History of the strategy texts in every language (HR editors), with word diffs.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { OrgDocHistoryPage } from "~/components/history";
import { titleMeta } from "~/utils/meta";
import { docHistoryLoader } from "./__org-doc-routes.server";

export const meta = titleMeta("history.title");
export const loader = (args: LoaderFunctionArgs) => docHistoryLoader("strategy", args);

export default function StrategyHistory() {
  return <OrgDocHistoryPage doc="strategy" />;
}
