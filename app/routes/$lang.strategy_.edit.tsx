// Editing the strategy page's texts in one language (HR editors); see app/utils/org-doc-routes.server.ts.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { DocEditPage } from "~/components/doc-editor";
import { titleMeta } from "~/utils/meta";
import { docEditAction, docEditBodyLimit, docEditLoader } from "~/utils/org-doc-routes.server";

export const meta = titleMeta("edit.strategy.title");
export const loader = (args: LoaderFunctionArgs) => docEditLoader("strategy", args);
export const action = (args: ActionFunctionArgs) => docEditAction("strategy", args);
export const bodyLimit = (args: { lang?: string }) => docEditBodyLimit("strategy")(args);

export default function EditStrategy() {
  return <DocEditPage />;
}
