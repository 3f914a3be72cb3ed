// A personal calendar subscription: the plan of the person whose secret token this is. An
// unknown or revoked token answers 404, like any address that does not exist.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { calendarFeedOwner, calendarResponse, planCalendar, publicOrigin } from "~/models/calendar.server";
import { langParam } from "~/utils/lang-param.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = langParam(params);
  const token = params.token?.endsWith(".ics") ? params.token.slice(0, -".ics".length) : null;
  const owner = token ? await calendarFeedOwner(token) : null;
  if (owner === null) throw new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  return calendarResponse(await planCalendar(owner, lang, publicOrigin(request)), "onboarding.ics");
}
