import { Form } from "@remix-run/react";
import { Field, FormError } from "~/components/field";
import { organizationName } from "~/i18n/localized-name";
import { SelectField } from "~/components/select-field";
import { useT } from "~/i18n/use-t";
import { COLLEGIUM_ROLES } from "~/schemas/collegium";
import type { FieldErrors } from "~/utils/forms";

type Organization = {
  id: string;
  nameHy: string | null;
  nameRu: string | null;
  nameKa: string | null;
  nameEn: string | null;
};

/**
 * A new seat on the roll: a user picked by e-mail, or a person without an account by name;
 * whom they represent, their position and role, the term, and the decision appointing them.
 */
export function AddMembershipForm({ organizations, errors }: { organizations: Organization[]; errors: FieldErrors }) {
  const t = useT();
  return (
    <Form method="post" noValidate className="stack" data-testid="add-membership-form">
      <input type="hidden" name="intent" value="add" />
      <FormError error={errors.form} />
      <fieldset className="field">
        <legend>{t("collegium.fields.person")}</legend>
        <p className="field-hint">{t("collegium.fields.personHint")}</p>
        <div className="field-row">
          <Field
            label={t("collegium.fields.email")}
            name="email"
            type="email"
            autoComplete="off"
            error={errors.email}
          />
          <Field label={t("collegium.fields.personName")} name="personName" error={errors.personName} />
        </div>
      </fieldset>
      <div className="field-row">
        <SelectField
          label={t("collegium.fields.organization")}
          name="organizationId"
          error={errors.organizationId}
          options={[
            { value: "", label: t("collegium.fields.noOrganization") },
            ...organizations.map((org) => ({ value: org.id, label: organizationName(org, t.locale) })),
          ]}
        />
        <Field label={t("collegium.fields.position")} name="position" error={errors.position} />
        <SelectField
          label={t("collegium.fields.role")}
          name="role"
          defaultValue="MEMBER"
          error={errors.role}
          options={COLLEGIUM_ROLES.map((role) => ({ value: role, label: t(`collegium.roles.${role}`) }))}
        />
      </div>
      <div className="field-row">
        <Field label={t("collegium.fields.termStart")} name="termStart" type="date" error={errors.termStart} required />
        <Field
          label={t("collegium.fields.termEnd")}
          name="termEnd"
          type="date"
          error={errors.termEnd}
          hint={t("collegium.fields.termEndHint")}
        />
      </div>
      <Field
        label={t("collegium.fields.appointedBy")}
        name="appointedBy"
        error={errors.appointedBy}
        hint={t("collegium.fields.appointedByHint")}
      />
      <div>
        <button type="submit" className="button primary">
          {t("collegium.actions.add")}
        </button>
      </div>
    </Form>
  );
}
