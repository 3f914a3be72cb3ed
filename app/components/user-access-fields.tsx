// Role, home unit and editable units: the fields shared by "create user" and "edit user".
import { ROLES, type Role } from "~/models/roles";
import type { FieldError } from "~/utils/forms";
import { FieldErrors } from "./forms";
import { useT } from "~/utils/use-lang";

export interface UnitOption {
  id: number;
  name: string;
  lang: string;
}

export function UserAccessFields({
  units,
  role,
  homeUnitId,
  editableUnitIds,
  errors,
}: {
  units: UnitOption[];
  role?: Role;
  homeUnitId?: number | null;
  editableUnitIds?: number[];
  errors?: Record<string, FieldError[]>;
}) {
  const t = useT();
  return (
    <>
      <div className={`field${errors?.role ? " field--invalid" : ""}`}>
        <label htmlFor="field-role">{t("auth.role")}</label>
        <FieldErrors id="field-role-errors" errors={errors?.role} />
        <select
          id="field-role"
          name="role"
          defaultValue={role ?? "employee"}
          aria-describedby={errors?.role ? "field-role-errors" : undefined}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <div className={`field${errors?.homeUnitId ? " field--invalid" : ""}`}>
        <label htmlFor="field-homeUnitId">{t("admin.homeUnit")}</label>
        <FieldErrors id="field-homeUnitId-errors" errors={errors?.homeUnitId} />
        <select
          id="field-homeUnitId"
          name="homeUnitId"
          defaultValue={homeUnitId ?? ""}
          aria-invalid={errors?.homeUnitId ? true : undefined}
          aria-describedby={errors?.homeUnitId ? "field-homeUnitId-errors" : undefined}
        >
          <option value="">{t("admin.noUnit")}</option>
          {units.map((u) => (
            <option key={u.id} value={u.id} lang={u.lang}>
              {u.name}
            </option>
          ))}
        </select>
      </div>
      <fieldset className={`field checkbox-list${errors?.editableUnitIds ? " field--invalid" : ""}`}>
        <legend>{t("admin.editableUnits")}</legend>
        <FieldErrors errors={errors?.editableUnitIds} />
        {units.map((u) => (
          <div key={u.id} className="checkbox">
            <input
              type="checkbox"
              id={`editable-${u.id}`}
              name="editableUnitIds"
              value={u.id}
              defaultChecked={editableUnitIds?.includes(u.id)}
            />
            <label htmlFor={`editable-${u.id}`} lang={u.lang}>
              {u.name}
            </label>
          </div>
        ))}
      </fieldset>
    </>
  );
}
