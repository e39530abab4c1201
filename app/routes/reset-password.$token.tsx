import { pageTitle } from "~/i18n/page-title";
import type { MetaFunction } from "@remix-run/node";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { sessionCookie } from "~/auth/session.server";
import { FormError } from "~/components/field";
import { NewPasswordFields } from "~/components/new-password-fields";
import { useT } from "~/i18n/use-t";
import { resetPassword } from "~/models/accounts/accounts.server";
import { findUsableToken } from "~/models/accounts/email-tokens.server";
import { ResetPasswordSchema } from "~/schemas/account";
import { parseForm } from "~/utils/forms";
import { readForm } from "~/utils/read-form.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("reset.title"));

export async function loader({ params }: LoaderFunctionArgs) {
  return { valid: !!(await findUsableToken(params.token ?? "", "PASSWORD_RESET")) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = await findUsableToken(params.token ?? "", "PASSWORD_RESET");
  if (!token) return data({ errors: { form: "reset.invalid" } as Record<string, string> }, { status: 410 });
  const parsed = parseForm(ResetPasswordSchema, await readForm(request));
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  const session = await resetPassword(token.id, parsed.value.password);
  if (!session) return data({ errors: { form: "reset.invalid" } as Record<string, string> }, { status: 410 });
  throw redirect("/", { headers: { "Set-Cookie": sessionCookie(session.token) } });
}

export default function ResetPasswordPage() {
  const t = useT();
  const { valid } = useLoaderData<typeof loader>();
  const errors: Record<string, string | undefined> = useActionData<typeof action>()?.errors ?? {};
  return (
    <section className="narrow card">
      <h1>{t("reset.title")}</h1>
      {valid ? (
        <Form method="post" noValidate>
          <FormError error={errors.form} />
          <NewPasswordFields errors={errors} />
          <button type="submit" className="button primary">
            {t("reset.submit")}
          </button>
        </Form>
      ) : (
        <p role="alert">{t("reset.invalid")}</p>
      )}
    </section>
  );
}
