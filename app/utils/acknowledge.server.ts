// The read-acknowledgement part of the values, goals and strategy pages: what the loader adds for a
// signed-in reader, and the POST that records "I have read and understood".
import { redirect } from "@remix-run/node";
import type { Lang } from "~/i18n";
import { getAcknowledgementState } from "~/models/acknowledgement.server";
import type { OrgDocument } from "~/models/onboarding-rules";
import { acknowledgeDocument } from "~/models/onboarding.server";
import { getOptionalUser, requireUser } from "./auth.server";
import { readForm } from "./forms";

/** Null for signed-out readers (the panel is not shown). */
export async function loadAcknowledgement(request: Request, document: OrgDocument) {
  const user = await getOptionalUser(request);
  if (!user) return null;
  const url = new URL(request.url);
  return {
    state: await getAcknowledgementState(user.id, document),
    justAcknowledged: url.searchParams.has("acknowledged"),
    stepCompleted: url.searchParams.get("acknowledged") === "step",
  };
}

export async function acknowledgeAction(request: Request, lang: Lang, document: OrgDocument) {
  const user = await requireUser(request);
  const form = await readForm(request);
  if (form.get("intent") !== "acknowledge") throw new Response("Bad request", { status: 400 });
  const { completedSteps } = await acknowledgeDocument(user.id, document, lang);
  return redirect(`/${lang}/${document}?acknowledged=${completedSteps > 0 ? "step" : "1"}#acknowledgement`);
}
