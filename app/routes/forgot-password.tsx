import type { ActionFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { Field } from "~/components/field";
import { resolveLocale } from "~/i18n/locale.server";
import { serverT } from "~/i18n/server-t.server";
import { useT } from "~/i18n/use-t";
import { requestPasswordReset } from "~/models/email-tokens.server";
import { ForgotPasswordSchema } from "~/schemas/account";
import { env } from "~/utils/env.server";
import { deliverOutbox } from "~/utils/mailer.server";
import { parseForm } from "~/utils/forms";
import { publicOrigin } from "~/utils/origin.server";
import { readForm } from "~/utils/read-form.server";

/** Always the same answer, so the form does not reveal which e-mails have accounts. */
export async function action({ request }: ActionFunctionArgs) {
  const parsed = parseForm(ForgotPasswordSchema, await readForm(request));
  if (!parsed.ok) return data({ sent: false, errors: parsed.errors }, { status: 400 });
  const t = serverT(resolveLocale(request));
  await requestPasswordReset(parsed.value.email, publicOrigin(request, env().APP_ORIGIN), (link) => ({
    subject: t("email.reset.subject"),
    body: t("email.reset.body", { link }),
  }));
  await deliverOutbox();
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
