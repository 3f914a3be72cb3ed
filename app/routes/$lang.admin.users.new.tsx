import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary, Field } from "~/components/forms";
import { UserAccessFields } from "~/components/user-access-fields";
import { isRole } from "~/models/roles";
import { unknownUnitErrors } from "~/models/unit-refs.server";
import { listUnitOptions } from "~/models/unit.server";
import { createUser, EmailTakenError, MIN_PASSWORD_LENGTH, newUserSchema } from "~/models/user.server";
import { clientIp, requireAdmin } from "~/utils/auth.server";
import { listOf } from "~/utils/form-schemas";
import { type FormErrors, parseForm, readForm } from "~/utils/forms";
import { idField, parseId } from "~/utils/ids";
import { langParam } from "~/utils/lang-param.server";
import { titleMeta } from "~/utils/meta";
import { useT } from "~/utils/use-lang";
import { formBodyLimit } from "~/utils/form-limits.server";

export const meta = titleMeta("admin.newUserTitle");

const createUserForm = newUserSchema.extend({
  editableUnitIds: listOf(idField).transform((ids) => [...new Set(ids)]),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = langParam(params);
  await requireAdmin(request);
  return { units: await listUnitOptions(lang) };
}

export const bodyLimit = () => formBodyLimit(createUserForm);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = langParam(params);
  const admin = await requireAdmin(request);
  const form = parseForm(createUserForm, await readForm(request));
  // Never send a password back to the browser.
  if (!form.ok)
    return data(
      { errors: form.errors as FormErrors, values: { ...form.values, password: "" } as Record<string, string> },
      { status: 400 },
    );
  const unitErrors = await unknownUnitErrors({
    homeUnitId: form.data.homeUnitId,
    editableUnitIds: form.data.editableUnitIds,
  });
  if (Object.keys(unitErrors).length)
    return data(
      { errors: unitErrors, values: { ...form.values, password: "" } as Record<string, string> },
      { status: 400 },
    );
  try {
    const user = await createUser(form.data, admin, clientIp(context));
    return redirect(`/${lang}/admin/users/${user.id}?created=1`);
  } catch (error) {
    if (!(error instanceof EmailTakenError)) throw error;
    const values: Record<string, string> = {
      name: form.data.name,
      email: form.data.email,
      role: form.data.role,
      homeUnitId: String(form.data.homeUnitId ?? ""),
    };
    return data({ errors: { email: [{ key: "admin.emailTaken" }] } as FormErrors, values }, { status: 409 });
  }
}

export default function NewUser() {
  const { units } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const values: Record<string, string> = result?.values ?? {};
  const errors = result?.errors;
  return (
    <>
      <h1>{t("admin.newUserTitle")}</h1>
      <Form method="post" className="form" noValidate>
        <ErrorSummary
          errors={errors}
          labels={{
            name: t("admin.name"),
            email: t("auth.email"),
            password: t("admin.initialPassword"),
            role: t("auth.role"),
          }}
        />
        <Field
          name="name"
          label={t("admin.name")}
          defaultValue={values.name}
          errors={errors?.name}
          required
          autoComplete="off"
        />
        <Field
          name="email"
          type="email"
          label={t("auth.email")}
          defaultValue={values.email}
          errors={errors?.email}
          required
          autoComplete="off"
        />
        <UserAccessFields
          units={units}
          errors={errors}
          role={isRole(values.role) ? values.role : undefined}
          homeUnitId={parseId(values.homeUnitId)}
        />
        <Field
          name="password"
          type="password"
          label={t("admin.initialPassword")}
          hint={t("admin.initialPasswordHint")}
          errors={errors?.password}
          minLength={MIN_PASSWORD_LENGTH}
          required
          autoComplete="new-password"
        />
        <button type="submit" className="button">
          {t("admin.create")}
        </button>
      </Form>
    </>
  );
}
