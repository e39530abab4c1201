import { Form } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import { Field } from "./field";
import { SelectField } from "./select-field";

export function InviteForm({ errors }: { errors: Record<string, string | undefined> }) {
  const t = useT();
  return (
    <Form method="post" noValidate className="stack">
      <input type="hidden" name="intent" value="invite" />
      <Field label={t("fields.email")} name="email" type="email" required error={errors.email} />
      <SelectField
        label={t("fields.role")}
        name="role"
        defaultValue="MEMBER"
        error={errors.role}
        options={[
          { value: "MEMBER", label: t("roles.MEMBER") },
          { value: "ADMIN", label: t("roles.ADMIN") },
        ]}
      />
      <p className="muted">{t("orgs.inviteHint")}</p>
      <button type="submit" className="button primary">
        {t("orgs.sendInvitation")}
      </button>
    </Form>
  );
}
