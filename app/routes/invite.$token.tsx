import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { sessionCookie } from "~/auth/session.server";
import { Field, FormError } from "~/components/field";
import { NewPasswordFields } from "~/components/new-password-fields";
import { organizationName } from "~/components/organization-name";
import { useT } from "~/i18n/use-t";
import { acceptInvitation } from "~/models/accounts.server";
import { findUsableToken } from "~/models/email-tokens.server";
import { AcceptInvitationSchema } from "~/schemas/account";
import { parseForm } from "~/utils/forms";
import { readForm } from "~/utils/read-form.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const invitation = await findUsableToken(params.token ?? "", "INVITATION");
  if (!invitation) return { invitation: null };
  return { invitation: { email: invitation.email, organization: invitation.organization, role: invitation.role } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const invitation = await findUsableToken(params.token ?? "", "INVITATION");
  if (!invitation) return data({ errors: { form: "invite.invalid" } as Record<string, string> }, { status: 410 });
  const parsed = parseForm(AcceptInvitationSchema, await readForm(request));
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  const session = await acceptInvitation(invitation.id, parsed.value.name, parsed.value.password);
  if (!session) return data({ errors: { form: "invite.invalid" } as Record<string, string> }, { status: 410 });
  throw redirect("/", { headers: { "Set-Cookie": sessionCookie(session.token) } });
}

export default function AcceptInvitationPage() {
  const t = useT();
  const { invitation } = useLoaderData<typeof loader>();
  const errors: Record<string, string | undefined> = useActionData<typeof action>()?.errors ?? {};
  if (!invitation) {
    return (
      <section className="narrow card">
        <h1>{t("invite.title")}</h1>
        <p role="alert">{t("invite.invalid")}</p>
      </section>
    );
  }
  return (
    <section className="narrow card">
      <h1>{t("invite.title")}</h1>
      <p>
        {invitation.organization
          ? t("invite.intro", {
              organization: organizationName(invitation.organization, t.locale),
              role: t(`roles.${invitation.role}`),
            })
          : t("invite.introNoOrg")}
      </p>
      <Form method="post" noValidate>
        <FormError error={errors.form} />
        <Field label={t("fields.email")} name="email" type="email" value={invitation.email} readOnly />
        <Field label={t("fields.name")} name="name" autoComplete="name" required error={errors.name} />
        <NewPasswordFields errors={errors} />
        <button type="submit" className="button primary">
          {t("invite.submit")}
        </button>
      </Form>
    </section>
  );
}
