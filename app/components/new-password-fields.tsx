import { useT } from "~/i18n/use-t";
import { Field } from "./field";

/** "New password" and "repeat it", with their errors: invitation, reset and profile share them. */
export function NewPasswordFields({ errors }: { errors: Record<string, string | undefined> }) {
  const t = useT();
  return (
    <>
      <Field
        label={t("fields.newPassword")}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        error={errors.password}
        hint={t("fields.passwordHint")}
      />
      <Field
        label={t("fields.confirmPassword")}
        name="confirm"
        type="password"
        autoComplete="new-password"
        required
        error={errors.confirm}
      />
    </>
  );
}
