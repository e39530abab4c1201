import { ORGANIZATION_NAMES } from "~/i18n/localized-name";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { consumeToken } from "./email-tokens.server";

/** The signed-in person an invitation is answered as: it must be addressed to their e-mail. */
type Recipient = { id: string; email: string };

/** Invitations addressed to this person's e-mail, neither answered nor expired, newest first. */
export function pendingInvitations(person: Recipient, now = new Date()) {
  return db().emailToken.findMany({
    where: { purpose: "INVITATION", email: person.email, usedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      role: true,
      createdAt: true,
      expiresAt: true,
      organization: { select: ORGANIZATION_NAMES },
      invitedBy: { select: { name: true } },
    },
  });
}

/**
 * Accepts an invitation as the signed-in account it was addressed to, and only that one:
 * the membership is created now, by its recipient, with the role the invitation named.
 * False when the invitation is not theirs, used, expired or not to an organization.
 */
export async function acceptInvitationAs(person: Recipient, tokenId: string): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const invitation = await tx.emailToken.findUnique({ where: { id: tokenId } });
    if (!invitation || invitation.purpose !== "INVITATION" || invitation.email !== person.email) return false;
    if (!invitation.organizationId) return false;
    if (!(await consumeToken(tx, tokenId))) return false;
    const already = await tx.membership.findUnique({
      where: { userId_organizationId: { userId: person.id, organizationId: invitation.organizationId } },
    });
    // Already a member (another invitation was accepted first): the role stays as it is.
    const membership =
      already ??
      (await tx.membership.create({
        data: { userId: person.id, organizationId: invitation.organizationId, role: invitation.role },
      }));
    await audit(tx, {
      actorId: person.id,
      action: "invitation.accept",
      objectType: "Membership",
      objectId: membership.id,
      details: { invitationId: tokenId, organizationId: invitation.organizationId, role: membership.role },
    });
    return true;
  });
}

/**
 * Declines an invitation: the link stops working and nobody is enrolled. Whoever holds the
 * e-mailed link may decline it (it reached the address); signed in, only one's own.
 */
export async function declineInvitation(tokenId: string, person: Recipient | null): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const invitation = await tx.emailToken.findUnique({ where: { id: tokenId } });
    if (!invitation || invitation.purpose !== "INVITATION") return false;
    if (person && invitation.email !== person.email) return false;
    if (!(await consumeToken(tx, tokenId))) return false;
    await audit(tx, {
      actorId: person?.id ?? null,
      action: "invitation.decline",
      objectType: "EmailToken",
      objectId: tokenId,
      details: { organizationId: invitation.organizationId, email: invitation.email },
    });
    return true;
  });
}
