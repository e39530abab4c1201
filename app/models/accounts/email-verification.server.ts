import { createSession } from "~/auth/session.server";
import { hashToken } from "~/auth/tokens.server";
import type { Locale } from "~/i18n/config";
import { serverT } from "~/i18n/server-t.server";
import { audit } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { deliverOutbox } from "~/utils/mailer.server";
import { emailOrigin } from "~/utils/origin.server";
import { takeRateLimit, type RateDecision } from "~/utils/rate-limit.server";
import { consumeToken, issueEmailToken } from "./email-tokens.server";

/** Long enough to open the e-mail the next day, short enough that an old inbox opens nothing. */
export const VERIFICATION_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Queues the link that proves the person reads this address, in their language. Earlier
 * links of the account stop working: only the latest e-mail counts.
 */
export async function issueVerificationLink(
  tx: Tx,
  user: { id: string; email: string },
  returnTo: string,
  locale: Locale,
): Promise<string> {
  const t = serverT(locale);
  await expireLinks(tx, user.id, "EMAIL_VERIFICATION");
  return issueEmailToken(tx, {
    purpose: "EMAIL_VERIFICATION",
    email: user.email,
    userId: user.id,
    returnTo,
    ttlMs: VERIFICATION_TTL_MS,
    audit: { actorId: user.id, action: "email.verificationSent" },
    message: (token) => ({
      subject: t("citizens.email.verify.subject"),
      body: t("citizens.email.verify.body", { link: `${emailOrigin()}/verify-email/${token}` }),
    }),
  });
}

export async function expireLinks(tx: Tx, userId: string, purpose: "EMAIL_VERIFICATION" | "EMAIL_CHANGE") {
  const now = new Date();
  await tx.emailToken.updateMany({
    where: { userId, purpose, usedAt: null, expiresAt: { gt: now } },
    data: { expiresAt: now },
  });
}

export type LinkState =
  | { state: "ready"; id: string; purpose: "EMAIL_VERIFICATION" | "EMAIL_CHANGE"; email: string }
  | { state: "used" | "expired" | "unknown" };

/**
 * What an e-mailed address link is now. Used and expired links are told apart, so the
 * person reads what to do next (sign in; ask for a new link) instead of a bare refusal.
 */
export async function inspectEmailLink(token: string, now = new Date()): Promise<LinkState> {
  const row = await db().emailToken.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row || (row.purpose !== "EMAIL_VERIFICATION" && row.purpose !== "EMAIL_CHANGE")) return { state: "unknown" };
  if (row.usedAt) return { state: "used" };
  if (row.expiresAt <= now) return { state: "expired" };
  return { state: "ready", id: row.id, purpose: row.purpose, email: row.email };
}

/**
 * Marks the address verified and signs the person in (the link reached their mailbox, as a
 * reset link does). Null when the link was used or expired in the meantime.
 */
export async function confirmVerification(tokenId: string) {
  return db().$transaction(async (tx) => {
    if (!(await consumeToken(tx, tokenId))) return null;
    const token = await tx.emailToken.findUniqueOrThrow({ where: { id: tokenId } });
    const user = token.userId ? await tx.user.findUnique({ where: { id: token.userId } }) : null;
    if (!user || !user.isActive || user.email !== token.email) return null;
    await tx.user.update({ where: { id: user.id }, data: { emailVerifiedAt: user.emailVerifiedAt ?? new Date() } });
    await audit(tx, { actorId: user.id, action: "email.verified", objectType: "User", objectId: user.id });
    const session = await createSession(tx, user.id);
    return { ...session, returnTo: token.returnTo ?? "/" };
  });
}

/** A new link for a signed-in person who has not verified yet (the first e-mail was lost). */
export async function resendVerification(
  user: { id: string; email: string; emailVerifiedAt: Date | null },
  returnTo: string,
  locale: Locale,
): Promise<RateDecision> {
  if (user.emailVerifiedAt) return { ok: true };
  const limit = await takeRateLimit(db(), "verificationLink", { account: user.id });
  if (!limit.ok) return limit;
  await db().$transaction((tx) => issueVerificationLink(tx, user, returnTo, locale));
  await deliverOutbox();
  return { ok: true };
}
