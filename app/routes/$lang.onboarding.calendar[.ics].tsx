// The signed-in person's own onboarding plan as an iCalendar file (no one else's: there is no id).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { calendarResponse, planCalendar, publicOrigin } from "~/models/calendar.server";
import { requireUser } from "~/utils/auth.server";
import { langParam } from "~/utils/lang-param.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = langParam(params);
  const user = await requireUser(request);
  return calendarResponse(await planCalendar(user.id, lang, publicOrigin(request)), "onboarding.ics");
}
