import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listUnits } from "~/models/unit.server";
import { listUsers } from "~/models/user.server";
import { requireAdmin } from "~/utils/auth.server";
import { langParam } from "~/utils/lang-param.server";
import { titleMeta } from "~/utils/meta";
import { useLang, useT } from "~/utils/use-lang";

export const meta = titleMeta("admin.usersTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = langParam(params);
  await requireAdmin(request);
  const [users, units] = await Promise.all([listUsers(), listUnits(lang)]);
  const unitName = Object.fromEntries(units.map((u) => [u.slug, u.name?.value ?? u.slug]));
  const slugById = Object.fromEntries(units.map((u) => [u.id, u.slug]));
  return {
    users: users.map((u) => ({
      ...u,
      homeUnitName: u.homeUnitSlug ? unitName[u.homeUnitSlug] : null,
      editableUnitNames: u.editableUnitIds.map((id) => unitName[slugById[id]] ?? String(id)),
    })),
  };
}

export default function AdminUsers() {
  const { users } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  return (
    <>
      <h1>{t("admin.usersTitle")}</h1>
      <p>{t("admin.usersLead")}</p>
      <p>
        <Link className="button" to={`/${lang}/admin/users/new`}>
          {t("admin.newUser")}
        </Link>{" "}
        <Link to={`/${lang}/admin/audit`}>{t("admin.auditTitle")}</Link>
      </p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("admin.name")}</th>
              <th scope="col">{t("auth.email")}</th>
              <th scope="col">{t("auth.role")}</th>
              <th scope="col">{t("admin.homeUnit")}</th>
              <th scope="col">{t("admin.editableUnits")}</th>
              <th scope="col">{t("admin.status")}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <th scope="row">
                  <Link to={`/${lang}/admin/users/${u.id}`}>{u.name}</Link>
                </th>
                <td>{u.email}</td>
                <td>{u.roleFromIdp ? `${t(`role.${u.role}`)} (${t("sso.managedRole")})` : t(`role.${u.role}`)}</td>
                <td>{u.homeUnitName ?? "–"}</td>
                <td>{u.editableUnitNames.join(", ") || "–"}</td>
                <td>{u.disabled ? t("admin.disabled") : t("admin.active")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
