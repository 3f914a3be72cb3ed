// The onboarding step templates: HR editors and admins manage the agency-wide steps and any unit's
// steps; unit editors their own units' steps. (Personal steps are managed on /team/:userId.)
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { LocalizedInline } from "~/components/localized";
import { listTemplates, type TemplateListItem } from "~/models/onboarding.server";
import { listUnits } from "~/models/unit.server";
import { langParam } from "~/utils/lang-param.server";
import { titleMeta } from "~/utils/meta";
import { useLang, useT } from "~/utils/use-lang";
import { canEditOrganisationTexts, canEditUnit, canManageTemplates } from "~/models/permissions";
import { forbidden } from "~/models/permissions.server";
import { requireUser } from "~/models/auth.server";

export const meta = titleMeta("onboarding.templates.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = langParam(params);
  const user = await requireUser(request);
  if (!canManageTemplates(user)) throw forbidden();
  const url = new URL(request.url);
  const units = (await listUnits(lang)).filter((u) => canEditUnit(user, u.id));
  // A unit editor with one unit sees it at once; HR editors choose.
  const requested = url.searchParams.get("unit");
  const unit = units.find((u) => u.slug === requested) ?? (units.length === 1 ? units[0] : null);
  const canAgency = canEditOrganisationTexts(user);
  const [agencySteps, unitSteps] = await Promise.all([
    canAgency ? listTemplates({ scope: "agency" }, lang) : Promise.resolve([]),
    unit ? listTemplates({ scope: "unit", unitId: unit.id }, lang) : Promise.resolve([]),
  ]);
  return {
    canAgency,
    units: units.map((u) => ({ slug: u.slug, name: u.name })),
    unit: unit ? { slug: unit.slug, name: unit.name } : null,
    agencySteps,
    unitSteps,
    done: url.searchParams.get("done"),
  };
}

export default function Templates() {
  const { canAgency, units, unit, agencySteps, unitSteps, done } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const doneText =
    done === "saved"
      ? t("onboarding.templates.saved")
      : done === "archived"
        ? t("onboarding.templates.archivedDone")
        : done === "restored"
          ? t("onboarding.templates.restoredDone")
          : null;
  return (
    <>
      <h1>{t("onboarding.templates.title")}</h1>
      {doneText ? (
        <p className="notice notice--success" role="status">
          {doneText}
        </p>
      ) : null}
      <p className="lead">{t("onboarding.templates.lead")}</p>
      {canAgency ? (
        <section aria-labelledby="agency-steps">
          <h2 id="agency-steps">{t("onboarding.templates.agencyHeading")}</h2>
          <TemplateList steps={agencySteps} />
          <p>
            <Link className="button" to={`/${lang}/onboarding/templates/new?scope=agency`}>
              {t("onboarding.templates.addAgency")}
            </Link>
          </p>
        </section>
      ) : null}
      <section aria-labelledby="unit-steps">
        <h2 id="unit-steps">
          {unit?.name
            ? t("onboarding.templates.unitHeading", { unit: unit.name.value })
            : t("onboarding.templates.unitStepsHeading")}
        </h2>
        {units.length > 1 ? (
          <Form method="get" className="filter-form">
            <div className="field">
              <label htmlFor="template-unit">{t("onboarding.hr.unit")}</label>
              <select id="template-unit" name="unit" defaultValue={unit?.slug ?? ""}>
                <option value="">{t("onboarding.templates.chooseUnit")}</option>
                {units.map((u) => (
                  <option key={u.slug} value={u.slug} lang={u.name && u.name.lang !== lang ? u.name.lang : undefined}>
                    {u.name?.value ?? u.slug}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button button--secondary">
              {t("onboarding.hr.apply")}
            </button>
          </Form>
        ) : null}
        {unit ? (
          <>
            <TemplateList steps={unitSteps} />
            <p>
              <Link className="button" to={`/${lang}/onboarding/templates/new?scope=unit&unit=${unit.slug}`}>
                {t("onboarding.templates.addUnit")}
              </Link>
            </p>
          </>
        ) : null}
      </section>
    </>
  );
}

function TemplateList({ steps }: { steps: TemplateListItem[] }) {
  const t = useT();
  const lang = useLang();
  if (steps.length === 0) return <p>{t("onboarding.templates.none")}</p>;
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t("onboarding.form.title")}</th>
            <th scope="col">{t("onboarding.form.dueRule")}</th>
            <th scope="col">{t("onboarding.templates.linkCol")}</th>
            <th scope="col">{t("onboarding.templates.statusCol")}</th>
            <th scope="col">{t("onboarding.templates.actionsCol")}</th>
          </tr>
        </thead>
        <tbody>
          {steps.map((step) => (
            <tr key={step.id}>
              <th scope="row">{step.title ? <LocalizedInline text={step.title} /> : step.id}</th>
              <td>{t(`onboarding.due.${step.dueRule}`)}</td>
              <td>
                {step.contentPath ? <code>{step.contentPath}</code> : "–"}
                {step.acknowledges ? (
                  <>
                    {" "}
                    (
                    {t("onboarding.templates.acknowledges", { document: t(`onboarding.ack.doc.${step.acknowledges}`) })}
                    )
                  </>
                ) : null}
              </td>
              <td>
                {step.archived ? t("onboarding.templates.archived") : t("onboarding.templates.active")}
                {" · "}
                {t("onboarding.templates.completedBy", { count: step.completedCount })}
              </td>
              <td>
                <Link to={`/${lang}/onboarding/templates/${step.id}`}>
                  {t("onboarding.templates.edit")}
                  <span className="visually-hidden">: {step.title?.value}</span>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
