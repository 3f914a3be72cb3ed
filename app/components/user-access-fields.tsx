// Role, home unit and editable units: the fields shared by "create user" and "edit user".
import type { FieldError } from "~/utils/forms";
import { FieldErrors, SelectField } from "./forms";
import { useT } from "~/utils/use-lang";
import { ROLES, type Role } from "~/models/permissions";

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
      <SelectField name="role" label={t("auth.role")} defaultValue={role ?? "employee"} errors={errors?.role}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`role.${r}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        name="homeUnitId"
        label={t("admin.homeUnit")}
        defaultValue={homeUnitId ?? ""}
        errors={errors?.homeUnitId}
      >
        <option value="">{t("admin.noUnit")}</option>
        {units.map((u) => (
          <option key={u.id} value={u.id} lang={u.lang}>
            {u.name}
          </option>
        ))}
      </SelectField>
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
