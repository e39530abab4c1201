import { Form } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import { ORGANIZATION_KINDS } from "~/schemas/organization";
import { Field } from "./field";
import { SelectField } from "./select-field";

type OrganizationValues = {
  kind: string;
  nameHy: string | null;
  nameRu: string | null;
  nameKa: string | null;
  nameEn: string | null;
  country: string;
  city: string | null;
};

/**
 * Create and edit share this form; names may be given in any of the four languages. The kind
 * is shown only to those who may change it (platform administrators).
 */
export function OrganizationForm({
  values,
  errors,
  submitLabel,
  showKind = true,
}: {
  values?: OrganizationValues;
  errors: Record<string, string | undefined>;
  submitLabel: string;
  showKind?: boolean;
}) {
  const t = useT();
  return (
    <Form method="post" noValidate className="stack">
      {showKind ? (
        <SelectField
          label={t("fields.kind")}
          name="kind"
          defaultValue={values?.kind ?? "NGO"}
          error={errors.kind}
          options={ORGANIZATION_KINDS.map((kind) => ({ value: kind, label: t(`orgKinds.${kind}`) }))}
        />
      ) : null}
      <fieldset>
        <legend>{t("orgs.namesLegend")}</legend>
        <Field
          label={t("fields.nameHy")}
          name="nameHy"
          lang="hy"
          defaultValue={values?.nameHy ?? ""}
          error={errors.nameHy}
        />
        <Field
          label={t("fields.nameRu")}
          name="nameRu"
          lang="ru"
          defaultValue={values?.nameRu ?? ""}
          error={errors.nameRu}
        />
        <Field
          label={t("fields.nameKa")}
          name="nameKa"
          lang="ka"
          defaultValue={values?.nameKa ?? ""}
          error={errors.nameKa}
        />
        <Field
          label={t("fields.nameEn")}
          name="nameEn"
          lang="en"
          defaultValue={values?.nameEn ?? ""}
          error={errors.nameEn}
        />
      </fieldset>
      <div className="row">
        <Field
          label={t("fields.country")}
          name="country"
          defaultValue={values?.country ?? "AM"}
          maxLength={2}
          error={errors.country}
          hint={t("fields.countryHint")}
        />
        <Field label={t("fields.city")} name="city" defaultValue={values?.city ?? ""} error={errors.city} />
      </div>
      <button type="submit" className="button primary">
        {submitLabel}
      </button>
    </Form>
  );
}
