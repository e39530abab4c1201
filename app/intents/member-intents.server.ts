import type { CurrentUser } from "~/auth/current-user.server";
import { allow, handleIntents, InvalidInput } from "~/boundary/request-boundary.server";
import type { Locale } from "~/i18n/config";
import { serverT } from "~/i18n/server-t.server";
import { inviteToOrganization } from "~/models/accounts/email-tokens.server";
import { changeMembershipRole, removeMembership } from "~/models/accounts/memberships.server";
import { InviteSchema, MembershipRoleSchema } from "~/schemas/account";
import { db } from "~/utils/db.server";
import { deliverOutbox } from "~/utils/mailer.server";
import { enforceRateLimit } from "~/utils/rate-limit.server";

type OrganizationNames = {
  id: string;
  nameHy: string | null;
  nameRu: string | null;
  nameKa: string | null;
  nameEn: string | null;
};

/**
 * The organization page's form intents (invite, change role, remove), each authorized
 * by the policy for this organization before anything is read from the form.
 */
export function memberIntents(
  request: Request,
  input: { user: CurrentUser; organization: OrganizationNames; locale: Locale; origin: string; clientAddress: string },
) {
  const { user, organization } = input;
  const resource = { type: "organization" as const, id: organization.id };
  return handleIntents<{ message: string }>(request, {
    audit: { prefix: "membership", objectType: "Organization", objectId: organization.id },
    rateLimitField: "email",
    intents: {
      invite: async ({ parse }) => {
        await allow(request, user, "membership.invite", resource);
        const value = parse(InviteSchema);
        // Each invitation is an e-mail to someone outside the platform.
        await enforceRateLimit(db(), "invitation", { account: user.id, address: input.clientAddress });
        const t = serverT(input.locale);
        const orgName = organization.nameEn ?? organization.nameHy ?? organization.nameRu ?? organization.nameKa ?? "";
        const result = await inviteToOrganization({
          actorId: user.id,
          organizationId: organization.id,
          email: value.email,
          role: value.role,
          origin: input.origin,
          invitationEmail: (link) => ({
            subject: t("email.invitation.subject", { organization: orgName }),
            body: t("email.invitation.body", { organization: orgName, inviter: user.name, link }),
          }),
          existingAccountEmail: (link) => ({
            subject: t("email.invitation.subject", { organization: orgName }),
            body: t("invitation.emailExistingBody", { organization: orgName, inviter: user.name, link }),
          }),
        });
        await deliverOutbox();
        if (result.kind === "already-member") throw new InvalidInput({ email: "orgs.alreadyMember" });
        // The same words whether or not the e-mail has an account: the admin learns nothing more.
        return { message: "orgs.invitationSent" };
      },
      role: async ({ parse }) => {
        await allow(request, user, "membership.update", resource);
        const value = parse(MembershipRoleSchema);
        const changed = await changeMembershipRole(user.id, organization.id, value.membershipId, value.role);
        if (!changed) throw new InvalidInput({ form: "errors.notFound" });
        return { message: "orgs.roleChanged" };
      },
      remove: async ({ text }) => {
        await allow(request, user, "membership.remove", resource);
        if (!(await removeMembership(user.id, organization.id, text("membershipId")))) {
          throw new InvalidInput({ form: "errors.notFound" });
        }
        return { message: "orgs.memberRemoved" };
      },
    },
  });
}
