import { Form } from "@remix-run/react";
import { FormError } from "~/components/field";
import { useT } from "~/i18n/use-t";

/** "Confirm your e-mail first", with a button for a new link (the first one was lost or expired). */
export function VerificationNotice({ email, sent, error }: { email: string; sent: boolean; error?: string }) {
  const t = useT();
  return (
    <div className="card stack" data-testid="verification-notice">
      <p>{t("citizens.verification.pending", { email })}</p>
      {sent ? <p role="status">{t("citizens.verification.resent")}</p> : null}
      <FormError error={error} />
      <Form method="post">
        <input type="hidden" name="intent" value="resendVerification" />
        <button type="submit" className="button small">
          {t("citizens.verification.resend")}
        </button>
      </Form>
    </div>
  );
}
