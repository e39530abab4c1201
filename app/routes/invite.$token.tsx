import { pageTitle } from "~/i18n/page-title";
import type { MetaFunction } from "@remix-run/node";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { getCurrentUser } from "~/auth/current-user.server";
import { sessionCookie } from "~/auth/session.server";
import { Field, FormError } from "~/components/field";
import { NewPasswordFields } from "~/components/new-password-fields";
import { organizationName } from "~/i18n/localized-name";
import { useT } from "~/i18n/use-t";
import { acceptInvitation } from "~/models/accounts/accounts.server";
import { findUsableToken } from "~/models/accounts/email-tokens.server";
import { acceptInvitationAs, declineInvitation } from "~/models/accounts/invitations.server";
import { AcceptInvitationSchema } from "~/schemas/account";
import { db } from "~/utils/db.server";
import { parseForm } from "~/utils/forms";
import { readForm } from "~/utils/read-form.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("invite.title"));

type Errors = Record<string, string>;

/**
 * The link an invitation e-mail carries. Someone without an account creates it here; someone
 * with one must be signed in as that account to accept. Either may decline.
 */
async function load(request: Request, token: string | undefined) {
  const invitation = await findUsableToken(token ?? "", "INVITATION");
  if (!invitation) return null;
  const hasAccount = !!(await db().user.findUnique({ where: { email: invitation.email }, select: { id: true } }));
  const user = await getCurrentUser(request);
  return { invitation, hasAccount, user };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const loaded = await load(request, params.token);
  if (!loaded) return { invitation: null };
  const { invitation, hasAccount, user } = loaded;
  return {
    invitation: { email: invitation.email, organization: invitation.organization, role: invitation.role },
    hasAccount,
    signedInAs: user ? (user.email === invitation.email ? "recipient" : "other") : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const loaded = await load(request, params.token);
  const gone = () => data({ errors: { form: "invite.invalid" } as Errors }, { status: 410 });
  if (!loaded) return gone();
  const { invitation, hasAccount, user } = loaded;
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const asRecipient = user && user.email === invitation.email ? user : null;
  if (intent === "decline") {
    if (user && !asRecipient) return data({ errors: { form: "invitation.notYours" } as Errors }, { status: 403 });
    if (!(await declineInvitation(invitation.id, asRecipient))) return gone();
    throw redirect(asRecipient ? "/invitations" : "/login");
  }
  if (hasAccount) {
    // An existing account joins only by its own hand, signed in: the link alone is not enough.
    if (intent !== "accept" || !asRecipient) {
      return data({ errors: { form: "invitation.signInFirst" } as Errors }, { status: 403 });
    }
    if (!(await acceptInvitationAs(asRecipient, invitation.id))) return gone();
    throw redirect(invitation.organizationId ? `/orgs/${invitation.organizationId}` : "/");
  }
  const parsed = parseForm(AcceptInvitationSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  const session = await acceptInvitation(invitation.id, parsed.value.name, parsed.value.password);
  if (!session) return gone();
  throw redirect("/", { headers: { "Set-Cookie": sessionCookie(session.token) } });
}

function DeclineForm() {
  const t = useT();
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value="decline" />
      <button type="submit" className="danger" data-testid="invitation-decline">
        {t("invitation.decline")}
      </button>
    </Form>
  );
}

export default function AcceptInvitationPage() {
  const t = useT();
  const loaded = useLoaderData<typeof loader>();
  const location = useLocation();
  const errors: Record<string, string | undefined> = useActionData<typeof action>()?.errors ?? {};
  const { invitation } = loaded;
  if (!invitation || !("hasAccount" in loaded)) {
    return (
      <section className="narrow card">
        <h1>{t("invite.title")}</h1>
        <p role="alert">{t("invite.invalid")}</p>
      </section>
    );
  }
  const intro = invitation.organization
    ? t("invitation.intro", {
        organization: organizationName(invitation.organization, t.locale),
        role: t(`roles.${invitation.role}`),
      })
    : t("invite.introNoOrg");
  if (loaded.hasAccount) {
    return (
      <section className="narrow card">
        <h1>{t("invite.title")}</h1>
        <p>{intro}</p>
        <FormError error={errors.form} />
        {loaded.signedInAs === "recipient" ? (
          <div className="actions">
            <Form method="post" className="inline-form">
              <input type="hidden" name="intent" value="accept" />
              <button type="submit" className="button primary" data-testid="invitation-accept">
                {t("invitation.accept")}
              </button>
            </Form>
            <DeclineForm />
          </div>
        ) : loaded.signedInAs === "other" ? (
          <p role="alert">{t("invitation.otherAccount", { email: invitation.email })}</p>
        ) : (
          <>
            <p>{t("invitation.signInAs", { email: invitation.email })}</p>
            <div className="actions">
              <Link className="button primary" to={`/login?redirectTo=${encodeURIComponent(location.pathname)}`}>
                {t("invitation.signIn")}
              </Link>
              <DeclineForm />
            </div>
          </>
        )}
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
      <DeclineForm />
    </section>
  );
}
