import { Form, useSearchParams } from "@remix-run/react";
import { CurrentPasswordField } from "~/components/current-password-field";
import { Field, FormError } from "~/components/field";
import { SelectField } from "~/components/select-field";
import { LOCALE_NAMES, LOCALES } from "~/i18n/config";
import { useT } from "~/i18n/use-t";

type Result = { intent: string; ok: boolean; errors: Record<string, string | undefined> } | undefined;

/** Language, e-mail address (with its verification) and deleting the account, on the profile page. */
export function AccountForms({
  user,
  result,
}: {
  user: { email: string; locale: string | null; verified: boolean };
  result: Result;
}) {
  const t = useT();
  const [params] = useSearchParams();
  const errorsFor = (intent: string) => (result?.intent === intent ? result.errors : {});
  const done = (intent: string) => result?.intent === intent && result.ok;
  return (
    <>
      <div className="card stack">
        <h2>{t("citizens.profile.emailTitle")}</h2>
        <p>
          <span data-testid="profile-email">{user.email}</span>{" "}
          <span className="badge" data-testid="email-state">
            {t(user.verified ? "citizens.profile.verified" : "citizens.profile.unverified")}
          </span>
        </p>
        {params.get("emailChanged") ? <p role="status">{t("citizens.profile.emailChanged")}</p> : null}
        {user.verified ? null : (
          <Form method="post">
            <input type="hidden" name="intent" value="resendVerification" />
            {done("resendVerification") ? <p role="status">{t("citizens.verification.resent")}</p> : null}
            <FormError error={errorsFor("resendVerification").form} />
            <button type="submit" className="button small">
              {t("citizens.verification.resend")}
            </button>
          </Form>
        )}
        <Form method="post" noValidate className="stack">
          <input type="hidden" name="intent" value="email" />
          <Field
            label={t("citizens.profile.newEmail")}
            name="email"
            type="email"
            autoComplete="email"
            error={errorsFor("email").email}
            hint={t("citizens.profile.newEmailHint")}
          />
          {done("email") ? <p role="status">{t("citizens.profile.emailLinkSent")}</p> : null}
          <button type="submit" className="button">
            {t("citizens.profile.changeEmail")}
          </button>
        </Form>
      </div>
      <div className="card stack">
        <h2>{t("citizens.fields.language")}</h2>
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="language" />
          <SelectField
            label={t("citizens.fields.language")}
            name="locale"
            defaultValue={user.locale ?? t.locale}
            error={errorsFor("language").locale}
            options={LOCALES.map((locale) => ({ value: locale, label: LOCALE_NAMES[locale] }))}
          />
          <button type="submit" className="button">
            {t("common.save")}
          </button>
        </Form>
      </div>
      <div className="card stack">
        <h2>{t("citizens.profile.deleteTitle")}</h2>
        <p>{t("citizens.profile.deleteText")}</p>
        <Form method="post" noValidate className="stack">
          <input type="hidden" name="intent" value="delete" />
          <CurrentPasswordField error={errorsFor("delete").current} />
          <button type="submit" className="button danger" data-testid="delete-account">
            {t("citizens.profile.deleteSubmit")}
          </button>
        </Form>
      </div>
    </>
  );
}
