import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirectToPreferredLanguage } from "~/i18n/negotiate.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return redirectToPreferredLanguage(request);
}
