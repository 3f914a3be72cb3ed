import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { UserAccessFields } from "~/components/user-access-fields";
import { ROLES, type Role } from "~/models/roles";
import { unknownUnitErrors } from "~/models/unit-refs.server";
import { listUnitOptions } from "~/models/unit.server";
import { getUserForAdmin, LastAdminError, setUserDisabled, updateUserAccess } from "~/models/user.server";
import { clientIp, requireAdmin } from "~/utils/auth.server";
import { listOf } from "~/utils/form-schemas";
import { parseForm, readForm } from "~/utils/forms";
import { langParam } from "~/utils/lang-param.server";
import { titleMeta } from "~/utils/meta";
import { useT } from "~/utils/use-lang";
import { idField, optionalIdField, parseId } from "~/utils/ids";
import { formBodyLimit } from "~/utils/form-limits.server";

export const meta = titleMeta("admin.usersTitle");

const accessForm = z.object({
  intent: z.literal("access"),
  role: z.enum(ROLES),
  homeUnitId: optionalIdField,
  editableUnitIds: listOf(idField).transform((ids) => [...new Set(ids)]),
});
const statusForm = z.object({ intent: z.enum(["disable", "enable"]) });

async function loadUser(params: Record<string, string | undefined>) {
  const id = parseId(params.userId);
  const user = id === null ? null : await getUserForAdmin(id);
  if (!user) throw new Response("Not found", { status: 404 });
  return user;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = langParam(params);
  await requireAdmin(request);
  const user = await loadUser(params);
  return {
    user: {
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role as Role,
      homeUnitId: user.homeUnitId,
      editableUnitIds: user.editableUnits.map((e) => e.unitId),
      disabled: user.disabledAt !== null,
      roleFromIdp: user.roleFromIdp,
    },
    units: await listUnitOptions(lang),
  };
}

export const bodyLimit = () => formBodyLimit(accessForm, statusForm);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = langParam(params);
  const admin = await requireAdmin(request);
  const user = await loadUser(params);
  const formData = await readForm(request);
  const ip = clientIp(context);
  if (formData.get("intent") === "access") {
    const form = parseForm(accessForm, formData);
    if (!form.ok) return data({ error: "invalid" as const, errors: form.errors }, { status: 400 });
    const errors = await unknownUnitErrors({
      homeUnitId: form.data.homeUnitId,
      editableUnitIds: form.data.editableUnitIds,
    });
    if (Object.keys(errors).length) return data({ error: "invalid" as const, errors }, { status: 400 });
    const changed = await refuseLastAdmin(() => updateUserAccess(user.id, form.data, admin, ip));
    if (!changed) return data({ error: "lastAdmin" as const, errors: undefined }, { status: 409 });
  } else {
    const form = parseForm(statusForm, formData);
    if (!form.ok) return data({ error: "invalid" as const, errors: form.errors }, { status: 400 });
    if (user.id === admin.id) return data({ error: "self" as const, errors: undefined }, { status: 400 });
    const changed = await refuseLastAdmin(() => setUserDisabled(user.id, form.data.intent === "disable", admin, ip));
    if (!changed) return data({ error: "lastAdmin" as const, errors: undefined }, { status: 409 });
  }
  return redirect(`/${lang}/admin/users/${user.id}?saved=1`);
}

/** Runs the change; false when it would have left no enabled administrator. */
async function refuseLastAdmin(change: () => Promise<unknown>): Promise<boolean> {
  try {
    await change();
    return true;
  } catch (error) {
    if (error instanceof LastAdminError) return false;
    throw error;
  }
}

export default function EditUser() {
  const { user, units } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const t = useT();
  return (
    <>
      <h1>{t("admin.editUserTitle", { name: user.name })}</h1>
      {searchParams.get("created") ? (
        <p className="notice notice--success" role="status">
          {t("admin.created", { email: user.email })}
        </p>
      ) : searchParams.get("saved") ? (
        <p className="notice notice--success" role="status">
          {t("admin.saved")}
        </p>
      ) : null}
      {result?.error === "self" ? (
        <p className="error-summary" role="alert">
          {t("admin.cannotDisableSelf")}
        </p>
      ) : null}
      {result?.error === "lastAdmin" ? (
        <p className="error-summary" role="alert">
          {t("admin.lastAdmin")}
        </p>
      ) : null}
      <dl className="facts">
        <dt>{t("auth.email")}</dt>
        <dd>{user.email}</dd>
        <dt>{t("admin.status")}</dt>
        <dd>{user.disabled ? t("admin.disabled") : t("admin.active")}</dd>
        {user.roleFromIdp ? (
          <>
            <dt>{t("auth.role")}</dt>
            <dd>
              {t(`role.${user.role}`)} ({t("sso.managedRole")})<br />
              {t("sso.managedRoleHint")}
            </dd>
          </>
        ) : null}
      </dl>
      <Form method="post" className="form" key={`${user.role}:${user.homeUnitId}:${user.editableUnitIds.join(",")}`}>
        <input type="hidden" name="intent" value="access" />
        <UserAccessFields
          units={units}
          role={user.role}
          homeUnitId={user.homeUnitId}
          editableUnitIds={user.editableUnitIds}
          errors={result?.errors}
        />
        <button type="submit" className="button">
          {t("admin.save")}
        </button>
      </Form>
      <Form method="post" className="form form--separate">
        <input type="hidden" name="intent" value={user.disabled ? "enable" : "disable"} />
        <button type="submit" className="button button--secondary">
          {user.disabled ? t("admin.enable") : t("admin.disable")}
        </button>
      </Form>
    </>
  );
}
