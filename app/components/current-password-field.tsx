import { Field } from "~/components/field";
import { useT } from "~/i18n/use-t";

/** "Current password", asked before changing the password or deleting the account. */
export function CurrentPasswordField({ error }: { error?: string }) {
  const t = useT();
  return (
    <Field
      label={t("fields.currentPassword")}
      name="current"
      type="password"
      autoComplete="current-password"
      error={error}
    />
  );
}
