import { hashToken, generateToken } from "~/auth/tokens.server";
import type { MembershipRole } from "~/policies";
import { audit } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { INVITATION_NOTIFICATION } from "~/utils/invitation-notice";
import { queueEmail } from "~/utils/mailer.server";

export type TokenPurpose = "INVITATION" | "PASSWORD_RESET" | "EMAIL_VERIFICATION" | "EMAIL_CHANGE";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
export const RESET_TTL_MS = 60 * 60 * 1000;

/** What an e-mail needs to say; the caller translates it into the recipient's language. */
export type LinkEmail = (link: string) => { subject: string; body: string };

export type InviteResult = { kind: "invited"; token: string } | { kind: "already-member" };

/**
 * Invites someone to an organization. Nobody is enrolled without saying yes: everyone gets a
 * single-use link (to create their account, or to accept as the account they already have,
 * signed in) and a person with an account also finds the invitation in the app. What the
 * inviting admin gets back is the same whether or not the e-mail has an account.
 */
export async function inviteToOrganization(input: {
  actorId: string;
  organizationId: string;
  email: string;
  role: MembershipRole;
  origin: string;
  invitationEmail: LinkEmail;
  /** The e-mail for someone who already has an account: sign in and accept or decline. */
  existingAccountEmail: LinkEmail;
}): Promise<InviteResult> {
  return db().$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: input.email } });
    if (existing) {
      const already = await tx.membership.findUnique({
        where: { userId_organizationId: { userId: existing.id, organizationId: input.organizationId } },
      });
      // Members (with their e-mails) are listed to the organization's own people already.
      if (already) return { kind: "already-member" as const };
    }
    const token = await issueEmailToken(tx, {
      purpose: "INVITATION",
      email: input.email,
      userId: existing?.id,
      organizationId: input.organizationId,
      role: input.role,
      invitedById: input.actorId,
      ttlMs: INVITATION_TTL_MS,
      audit: {
        actorId: input.actorId,
        action: "invitation.create",
        details: { organizationId: input.organizationId, email: input.email, role: input.role },
      },
      message: (token) =>
        (existing ? input.existingAccountEmail : input.invitationEmail)(`${input.origin}/invite/${token}`),
    });
    if (existing?.isActive) {
      await tx.notification.create({
        data: { userId: existing.id, kind: INVITATION_NOTIFICATION, actorId: input.actorId },
      });
    }
    return { kind: "invited" as const, token };
  });
}

/** A token that exists, has this purpose, was never used and has not expired; else null. */
export async function findUsableToken(token: string, purpose: "INVITATION" | "PASSWORD_RESET", now = new Date()) {
  const row = await db().emailToken.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { organization: true },
  });
  if (!row || row.purpose !== purpose || row.usedAt || row.expiresAt <= now) return null;
  return row;
}

/**
 * Marks a token used, inside the caller's transaction. The conditional update makes the
 * link single-use even when two requests race: only one of them changes the row.
 */
export async function consumeToken(tx: Tx, tokenId: string, now = new Date()): Promise<boolean> {
  const result = await tx.emailToken.updateMany({
    where: { id: tokenId, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  return result.count === 1;
}

/**
 * Creates a password-reset link for a registered, active e-mail; silently nothing otherwise.
 * The new link replaces every earlier one: only the latest e-mail works.
 */
export async function requestPasswordReset(email: string, origin: string, resetEmail: LinkEmail) {
  return db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email } });
    if (!user || !user.isActive) return null;
    await expireResetLinks(tx, user.id);
    const token = await issueEmailToken(tx, {
      purpose: "PASSWORD_RESET",
      email,
      userId: user.id,
      ttlMs: RESET_TTL_MS,
      audit: { actorId: user.id, action: "password.reset_requested" },
      message: (token) => resetEmail(`${origin}/reset-password/${token}`),
    });
    return token;
  });
}

/**
 * Ends every reset link of the account not used yet, by moving its expiry to now: after a
 * newer link or a password change, an old e-mail sitting in an inbox opens nothing.
 */
export async function expireResetLinks(tx: Tx, userId: string, now = new Date()): Promise<void> {
  await tx.emailToken.updateMany({
    where: { userId, purpose: "PASSWORD_RESET", usedAt: null, expiresAt: { gt: now } },
    data: { expiresAt: now },
  });
}

/**
 * Creates a single-use link token (only its hash is stored), audits it and queues the
 * e-mail that carries it, all in the caller's transaction. Returns the token itself.
 */
export async function issueEmailToken(
  tx: Tx,
  input: {
    purpose: TokenPurpose;
    email: string;
    userId?: string;
    returnTo?: string;
    organizationId?: string;
    role?: MembershipRole;
    invitedById?: string;
    ttlMs: number;
    audit: { actorId: string; action: string; details?: Record<string, unknown> };
    message: (token: string) => { subject: string; body: string };
  },
): Promise<string> {
  const token = generateToken();
  const row = await tx.emailToken.create({
    data: {
      tokenHash: hashToken(token),
      purpose: input.purpose,
      email: input.email,
      userId: input.userId,
      organizationId: input.organizationId,
      role: input.role,
      invitedById: input.invitedById,
      returnTo: input.returnTo,
      expiresAt: new Date(Date.now() + input.ttlMs),
    },
  });
  await audit(tx, { ...input.audit, objectType: "EmailToken", objectId: row.id });
  await queueEmail(tx, { to: input.email, ...input.message(token) });
  return token;
}
