import { pageTitle } from "~/i18n/page-title";
import type { MetaFunction } from "@remix-run/node";
import type { ActionFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { Field } from "~/components/field";
import { resolveLocale } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-t";
import { acceptPasswordResetRequest, laterVia } from "~/models/accounts/password-reset-requests.server";
import { ForgotPasswordSchema } from "~/schemas/account";
import { parseForm } from "~/utils/forms";
import { readForm } from "~/utils/read-form.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("forgot.title"));

/**
 * Always the same answer after the same work, so the form does not reveal which e-mails
 * have accounts (the link itself is made and mailed after the answer).
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(ForgotPasswordSchema, await readForm(request));
  if (!parsed.ok) return data({ sent: false, errors: parsed.errors }, { status: 400 });
  await acceptPasswordResetRequest(
    { email: parsed.value.email, clientAddress: context.clientAddress, locale: resolveLocale(request) },
    laterVia(context.afterResponse),
  );
  return { sent: true, errors: {} as Record<string, string> };
}

export default function ForgotPasswordPage() {
  const t = useT();
  const result = useActionData<typeof action>();
  const errors: Record<string, string | undefined> = result?.errors ?? {};
  return (
    <section className="narrow card">
      <h1>{t("forgot.title")}</h1>
      {result?.sent ? (
        <p role="status">{t("forgot.sent")}</p>
      ) : (
        <Form method="post" noValidate>
          <p>{t("forgot.intro")}</p>
          <Field label={t("fields.email")} name="email" type="email" required error={errors.email} />
          <button type="submit" className="button primary">
            {t("forgot.submit")}
          </button>
        </Form>
      )}
    </section>
  );
}
