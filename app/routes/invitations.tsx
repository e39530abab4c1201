import { pageTitle } from "~/i18n/page-title";
import type { MetaFunction } from "@remix-run/node";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/current-user.server";
import { FormError } from "~/components/field";
import { LocalDate } from "~/components/local-date";
import { organizationName } from "~/i18n/localized-name";
import { useT } from "~/i18n/use-t";
import { acceptInvitationAs, declineInvitation, pendingInvitations } from "~/models/accounts/invitations.server";
import { auditRefusal } from "~/utils/audit.server";
import { readForm } from "~/utils/read-form.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("invitation.pendingTitle"));

/**
 * Invitations waiting for the signed-in person's answer (the in-app side of the e-mailed
 * link). Only invitations addressed to their own e-mail are listed or answered here.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { invitations: await pendingInvitations(user) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const invitationId = String(form.get("invitationId") ?? "");
  const answered =
    intent === "accept"
      ? await acceptInvitationAs(user, invitationId)
      : intent === "decline"
        ? await declineInvitation(invitationId, user)
        : false;
  if (!answered) {
    // Someone else's invitation, or one already answered: nothing was written.
    await auditRefusal(request, user.id, {
      action: `invitation.${intent || "answer"}`,
      objectType: "EmailToken",
      objectId: invitationId,
      reason: "notYoursOrUsed",
    });
    return data({ error: "invite.invalid" }, { status: 404 });
  }
  throw redirect("/invitations");
}

export default function InvitationsPage() {
  const t = useT();
  const { invitations } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section className="narrow-wide">
      <h1>{t("invitation.pendingTitle")}</h1>
      <FormError error={result?.error} />
      {invitations.length === 0 ? <p className="card muted">{t("invitation.none")}</p> : null}
      <ul className="plain-list stack">
        {invitations.map((invitation) => (
          <li key={invitation.id} className="card" data-testid="pending-invitation">
            <p>
              {invitation.organization
                ? t("invitation.intro", {
                    organization: organizationName(invitation.organization, t.locale),
                    role: t(`roles.${invitation.role}`),
                  })
                : null}
            </p>
            <p className="muted">
              {invitation.invitedBy ? t("invitation.from", { name: invitation.invitedBy.name }) : null}{" "}
              <LocalDate value={invitation.createdAt} />
            </p>
            <div className="actions">
              <Form method="post" className="inline-form">
                <input type="hidden" name="invitationId" value={invitation.id} />
                <button type="submit" name="intent" value="accept" className="button primary">
                  {t("invitation.accept")}
                </button>{" "}
                <button type="submit" name="intent" value="decline" className="danger">
                  {t("invitation.decline")}
                </button>
              </Form>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
