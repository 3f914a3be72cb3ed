// One page's care: owner and review state, "Still accurate", HR's owner and interval form, the
// open correction suggestions (with who made them) and the page's reviews. For the page's owner,
// its editors, and HR; every action is checked again on the server.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary, Field, SelectField, TextareaField } from "~/components/forms";
import { PageReviews } from "~/components/page-reviews";
import { formatDate, translator, type MessageKey } from "~/i18n";
import { declineSchema, listOpenSuggestions, resolveSuggestion, suggestionPage } from "~/models/corrections.server";
import {
  confirmStillAccurate,
  describePage,
  getPageCare,
  listPossibleOwners,
  listReviews,
  resolvePageKey,
  setPageOwnership,
} from "~/models/page-ownership.server";
import { clientIp } from "~/utils/client-ip.server";
import { REPLY_MAX } from "~/models/correction-limits";
import { canConfirmReview, canManageOwnership } from "~/models/permissions";
import { forbidden, mayResolveSuggestions } from "~/models/permissions.server";
import { requireUser } from "~/models/auth.server";
import { message, parseForm, type FormErrors } from "~/utils/forms";
import { langParam } from "~/utils/lang-param.server";
import { titleMeta } from "~/utils/meta";
import { useLang, useT } from "~/utils/use-lang";
import { formBodyLimit } from "~/utils/form-limits.server";
import { readForm } from "~/utils/forms";

export const meta = titleMeta("care.link");

const ownershipSchema = z.object({
  ownerId: z.preprocess((v) => (v === "" || v == null ? null : Number(v)), z.number().int().positive().nullable()),
  intervalMonths: z.preprocess(
    (v) => (v === "" || v == null ? NaN : Number(v)),
    z
      .number(message("error.intervalRange"))
      .int(message("error.intervalRange"))
      .min(1, message("error.intervalRange"))
      .max(36, message("error.intervalRange")),
  ),
});

/** What a failed post answers: which form, its errors and the values typed, or a notice. */
type Failure = { form: string; errors: FormErrors; values: Record<string, string>; notice?: MessageKey };
const fail = (failure: Failure, status: number) => data<Failure>(failure, { status });

async function load(request: Request, params: Record<string, string | undefined>) {
  const user = await requireUser(request);
  const target = await resolvePageKey(params.page ?? "");
  if (!target) throw new Response("Page not found", { status: 404 });
  const care = await getPageCare(target.page);
  const canResolve = await mayResolveSuggestions(user, target.page);
  const canManage = canManageOwnership(user);
  const canConfirm = canConfirmReview(user, care.ownerId);
  if (!canResolve && !canManage && !canConfirm) throw forbidden();
  return { user, ...target, care, canResolve, canManage, canConfirm };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = langParam(params);
  const { user, page, slug, care, canResolve, canManage, canConfirm } = await load(request, params);
  const described = await describePage(page, lang);
  if (!described) throw new Response("Page not found", { status: 404 });
  const [suggestions, reviews, owners] = await Promise.all([
    canResolve ? listOpenSuggestions(user, page) : Promise.resolve([]),
    listReviews(page),
    canManage ? listPossibleOwners() : Promise.resolve([]),
  ]);
  return {
    page: { ...described, type: page.type, slug },
    care,
    suggestions,
    reviews,
    owners,
    canManage,
    canConfirm,
    canResolve,
    title: translator(lang)("care.title", { page: described.title }),
  };
}

// The largest of the page's forms is declining a suggestion with a reply.
export const bodyLimit = () =>
  formBodyLimit(declineSchema, {
    intent: 20,
    suggestionId: 20,
    ownerId: 20,
    reviewIntervalMonths: 10,
  });

export async function action({ request, params, context }: ActionFunctionArgs) {
  langParam(params);
  const { user, page, canResolve, canManage, canConfirm } = await load(request, params);
  const formData = await readForm(request);
  const intent = formData.get("intent");
  const ipAddress = clientIp(context);
  const here = new URL(request.url).pathname;

  if (intent === "confirm") {
    if (!canConfirm) throw forbidden();
    await confirmStillAccurate({ actor: user, page, ipAddress });
    return redirect(`${here}?done=confirmed`);
  }
  if (intent === "ownership") {
    if (!canManage) throw forbidden();
    const form = parseForm(ownershipSchema, formData);
    if (!form.ok) return fail({ form: "ownership", errors: form.errors, values: form.values }, 400);
    const outcome = await setPageOwnership({ actor: user, page, ipAddress, ...form.data });
    if (outcome.status === "unknownOwner") {
      const values = Object.fromEntries([...formData].map(([k, v]) => [k, String(v)]));
      return fail({ form: "ownership", errors: { ownerId: [{ key: "care.unknownOwner" }] }, values }, 400);
    }
    return redirect(`${here}?done=saved`);
  }
  if (intent === "fixed" || intent === "declined") {
    if (!canResolve) throw forbidden();
    const id = Number(formData.get("suggestionId"));
    const of = Number.isInteger(id) ? await suggestionPage(id) : null;
    // A suggestion of another page cannot be resolved through this page's rights.
    if (!of || of.type !== page.type || of.id !== page.id) throw new Response("Suggestion not found", { status: 404 });
    let reply: string | null = null;
    if (intent === "declined") {
      const form = parseForm(declineSchema, formData);
      if (!form.ok) {
        return fail({ form: `decline-${id}`, errors: form.errors, values: form.values }, 400);
      }
      reply = form.data.reply;
    }
    const outcome = await resolveSuggestion({ actor: user, suggestionId: id, outcome: intent, reply, ipAddress });
    if (outcome.status === "noEditSince") {
      return fail({ form: `decline-${id}`, notice: "care.noEditSince", errors: {}, values: {} }, 409);
    }
    if (outcome.status === "alreadyResolved") {
      return fail({ form: `decline-${id}`, notice: "care.alreadyResolved", errors: {}, values: {} }, 409);
    }
    if (outcome.status === "notFound") throw new Response("Suggestion not found", { status: 404 });
    return redirect(`${here}?done=resolved`);
  }
  return fail({ form: "none", errors: {}, values: {} }, 400);
}

export default function PageCarePage() {
  const { page, care, suggestions, reviews, owners, canManage, canConfirm, canResolve, title } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const t = useT();
  const lang = useLang();
  const done = searchParams.get("done");
  const ownershipErrors = result?.form === "ownership" ? result.errors : undefined;
  const ownershipValues: Record<string, string> =
    result?.form === "ownership"
      ? result.values
      : { ownerId: care.ownerId ? String(care.ownerId) : "", intervalMonths: String(care.intervalMonths) };
  const historyBase = page.type === "unit" ? `/${lang}/units/${page.slug}/history` : `/${lang}/${page.type}/history`;
  return (
    <>
      <h1>{title}</h1>
      <ul className="edit-links">
        <li>
          <Link to={page.path}>{t("care.viewPage")}</Link>
        </li>
      </ul>
      {done === "confirmed" ? (
        <p className="notice notice--success" role="status">
          {t("care.confirmed")}
        </p>
      ) : null}
      {done === "saved" ? (
        <p className="notice notice--success" role="status">
          {t("care.saved")}
        </p>
      ) : null}
      {done === "resolved" ? (
        <p className="notice notice--success" role="status">
          {t("care.resolved")}
        </p>
      ) : null}
      {result && "notice" in result && result.notice ? (
        <p className="notice notice--outdated" role="alert">
          {t(result.notice)}
        </p>
      ) : null}

      <section aria-labelledby="care-status">
        <h2 id="care-status">{t("care.statusHeading")}</h2>
        <p>
          {care.ownerName ? t("care.owner", { name: care.ownerName }) : t("care.noOwner")} ·{" "}
          {care.lastReviewedOn
            ? t("care.checked", { date: formatDate(lang, care.lastReviewedOn) })
            : t("care.neverChecked")}
        </p>
        <p>
          {t("care.interval", { months: care.intervalMonths })}{" "}
          {care.dueOn ? t("care.dueOn", { date: formatDate(lang, care.dueOn) }) : null}{" "}
          <strong>{t(`care.state.${care.state ?? "none"}`)}</strong>
        </p>
        {canConfirm ? (
          <Form method="post">
            <input type="hidden" name="intent" value="confirm" />
            <p className="field__hint" id="confirm-hint">
              {t("care.confirmHint", { months: care.intervalMonths })}
            </p>
            <button type="submit" className="button" aria-describedby="confirm-hint">
              {t("care.confirm")}
            </button>
          </Form>
        ) : null}
      </section>

      {canManage ? (
        <section aria-labelledby="care-ownership">
          <h2 id="care-ownership">{t("care.ownershipHeading")}</h2>
          <Form method="post" noValidate className="form">
            <ErrorSummary
              errors={ownershipErrors}
              labels={{ ownerId: t("care.ownerField"), intervalMonths: t("care.intervalField") }}
            />
            <input type="hidden" name="intent" value="ownership" />
            <SelectField
              name="ownerId"
              label={t("care.ownerField")}
              defaultValue={ownershipValues.ownerId ?? ""}
              errors={ownershipErrors?.ownerId}
            >
              <option value="">{t("care.ownerNone")}</option>
              {owners.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name} ({o.email})
                </option>
              ))}
            </SelectField>
            <Field
              name="intervalMonths"
              type="number"
              inputMode="numeric"
              min={1}
              max={36}
              label={t("care.intervalField")}
              defaultValue={ownershipValues.intervalMonths}
              errors={ownershipErrors?.intervalMonths}
            />
            <button type="submit" className="button">
              {t("care.save")}
            </button>
          </Form>
        </section>
      ) : null}

      {canResolve ? (
        <section aria-labelledby="care-suggestions">
          <h2 id="care-suggestions">{t("care.suggestionsHeading")}</h2>
          {suggestions.length === 0 ? <p>{t("care.noSuggestions")}</p> : null}
          {suggestions.map((s) => {
            const errors = result?.form === `decline-${s.id}` ? result.errors : undefined;
            return (
              <article key={s.id} className="suggestion" aria-labelledby={`suggestion-${s.id}`}>
                <h3 id={`suggestion-${s.id}`}>
                  {t("care.suggestedBy", { name: s.author.name, date: formatDate(lang, s.createdAt) })}
                </h3>
                <p className="pre-wrap">{s.whatIsWrong}</p>
                {s.suggestedText ? (
                  <p className="pre-wrap">
                    {t("care.shouldSay")} {s.suggestedText}
                  </p>
                ) : null}
                <p>
                  <a href={`mailto:${s.author.email}`}>{s.author.email}</a>
                </p>
                <Form method="post">
                  <input type="hidden" name="intent" value="fixed" />
                  <input type="hidden" name="suggestionId" value={s.id} />
                  <p className="field__hint" id={`fixed-hint-${s.id}`}>
                    {t("care.markFixedHint")}
                  </p>
                  <button type="submit" className="button" aria-describedby={`fixed-hint-${s.id}`}>
                    {t("care.markFixed")}
                  </button>
                </Form>
                <Form method="post" noValidate className="form">
                  <input type="hidden" name="intent" value="declined" />
                  <input type="hidden" name="suggestionId" value={s.id} />
                  <TextareaField
                    id={`reply-${s.id}`}
                    name="reply"
                    label={t("care.declineReply")}
                    rows={3}
                    maxLength={REPLY_MAX}
                    defaultValue={result?.form === `decline-${s.id}` ? (result.values.reply ?? "") : ""}
                    errors={errors?.reply}
                  />
                  <button type="submit" className="button button--secondary">
                    {t("care.decline")}
                  </button>
                </Form>
              </article>
            );
          })}
        </section>
      ) : null}

      <section aria-labelledby="care-reviews">
        <h2 id="care-reviews">{t("care.historyHeading")}</h2>
        <PageReviews reviews={reviews} historyPath={historyBase} />
        <p>
          <Link to={historyBase}>{t("history.link")}</Link>
        </p>
      </section>
    </>
  );
}
