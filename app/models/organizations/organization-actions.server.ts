import type { CurrentUser } from "~/auth/current-user.server";
import type { Locale } from "~/i18n/config";
import { serverT } from "~/i18n/server-t.server";
import { InviteSchema, MembershipRoleSchema } from "~/schemas/account";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { db } from "~/utils/db.server";
import { deliverOutbox } from "~/utils/mailer.server";
import { rateLimitMessage, takeRateLimit } from "~/utils/rate-limit.server";
import { authorizeAudited } from "~/utils/authorize-audited.server";
import { inviteToOrganization } from "../accounts/email-tokens.server";
import { changeMembershipRole, removeMembership } from "../accounts/memberships.server";

export type MemberActionResult = {
  ok: boolean;
  intent: string;
  errors: FieldErrors;
  message?: string;
  /** Set when the answer is not the usual 200 or 400 (429: too many invitations). */
  status?: number;
};

/**
 * The organization page's form intents (invite, change role, remove), each authorized
 * by the policy for this organization before anything is read from the form.
 */
export async function handleMemberAction(input: {
  request: Request;
  user: CurrentUser;
  organization: {
    id: string;
    nameHy: string | null;
    nameRu: string | null;
    nameKa: string | null;
    nameEn: string | null;
  };
  form: FormData;
  locale: Locale;
  origin: string;
  clientAddress: string;
}): Promise<MemberActionResult> {
  const { user, organization, form } = input;
  const resource = { type: "organization" as const, id: organization.id };
  const intent = String(form.get("intent") ?? "");
  const object = { type: "Organization", id: organization.id };
  const check = (action: "membership.invite" | "membership.update" | "membership.remove") =>
    authorizeAudited(input.request, user, action, resource, object);
  if (intent === "invite") {
    await check("membership.invite");
    const parsed = parseForm(InviteSchema, form);
    if (!parsed.ok) return { ok: false, intent, errors: parsed.errors };
    // Each invitation is an e-mail to someone outside the platform.
    const limit = await takeRateLimit(db(), "invitation", { account: user.id, address: input.clientAddress });
    if (!limit.ok) {
      return {
        ok: false,
        intent,
        errors: { email: rateLimitMessage("invitation", limit.retryAfterSeconds) },
        status: 429,
      };
    }
    const t = serverT(input.locale);
    const orgName = organization.nameEn ?? organization.nameHy ?? organization.nameRu ?? organization.nameKa ?? "";
    const result = await inviteToOrganization({
      actorId: user.id,
      organizationId: organization.id,
      email: parsed.value.email,
      role: parsed.value.role,
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
    if (result.kind === "already-member") return { ok: false, intent, errors: { email: "orgs.alreadyMember" } };
    // The same words whether or not the e-mail has an account: the admin learns nothing more.
    return { ok: true, intent, errors: {}, message: "orgs.invitationSent" };
  }
  if (intent === "role") {
    await check("membership.update");
    const parsed = parseForm(MembershipRoleSchema, form);
    if (!parsed.ok) return { ok: false, intent, errors: parsed.errors };
    const changed = await changeMembershipRole(user.id, organization.id, parsed.value.membershipId, parsed.value.role);
    return { ok: changed, intent, errors: changed ? {} : { form: "errors.notFound" }, message: "orgs.roleChanged" };
  }
  if (intent === "remove") {
    await check("membership.remove");
    const removed = await removeMembership(user.id, organization.id, String(form.get("membershipId") ?? ""));
    return { ok: removed, intent, errors: removed ? {} : { form: "errors.notFound" }, message: "orgs.memberRemoved" };
  }
  return { ok: false, intent, errors: { form: "errors.unknownAction" } };
}
