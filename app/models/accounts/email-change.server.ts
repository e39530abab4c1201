import type { Locale } from "~/i18n/config";
import { serverT } from "~/i18n/server-t.server";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { deliverOutbox, queueEmail } from "~/utils/mailer.server";
import { appLink, emailOrigin } from "~/utils/origin.server";
import { takeRateLimit, type RateDecision } from "~/utils/rate-limit.server";
import { foldForSearch } from "~/utils/search-text";
import { consumeToken, expireResetLinks, issueEmailToken } from "./email-tokens.server";
import { expireLinks, VERIFICATION_TTL_MS } from "./email-verification.server";

/**
 * Asks for a new e-mail address. Nothing changes until the link sent to the new address is
 * opened: a typo, or someone at an unlocked computer, cannot move the account to an address
 * its owner does not read. The page answers the same whether the new address already has
 * an account; that address then gets a message saying so instead of a link.
 */
export async function requestEmailChange(
  user: { id: string; email: string },
  newEmail: string,
  locale: Locale,
): Promise<RateDecision> {
  const limit = await takeRateLimit(db(), "emailChange", { account: user.id });
  if (!limit.ok) return limit;
  const t = serverT(locale);
  await db().$transaction(async (tx) => {
    const taken = await tx.user.findUnique({ where: { email: newEmail } });
    if (taken) {
      await queueEmail(tx, {
        to: newEmail,
        subject: t("citizens.email.changeTaken.subject"),
        body: t("citizens.email.changeTaken.body", { reset: appLink("/forgot-password") }),
      });
      return;
    }
    await expireLinks(tx, user.id, "EMAIL_CHANGE");
    await issueEmailToken(tx, {
      purpose: "EMAIL_CHANGE",
      email: newEmail,
      userId: user.id,
      returnTo: "/profile",
      ttlMs: VERIFICATION_TTL_MS,
      audit: { actorId: user.id, action: "email.changeRequested" },
      message: (token) => ({
        subject: t("citizens.email.change.subject"),
        body: t("citizens.email.change.body", { link: `${emailOrigin()}/verify-email/${token}` }),
      }),
    });
  });
  await deliverOutbox();
  return { ok: true };
}

export type EmailChangeResult = "changed" | "invalid" | "taken";

/**
 * Moves the account to the address the link was sent to, verified. Reset links sent to the
 * old address stop working; sessions stay (the person who asked is signed in).
 */
export async function confirmEmailChange(tokenId: string): Promise<EmailChangeResult> {
  return db().$transaction(async (tx) => {
    if (!(await consumeToken(tx, tokenId))) return "invalid";
    const token = await tx.emailToken.findUniqueOrThrow({ where: { id: tokenId } });
    const user = token.userId ? await tx.user.findUnique({ where: { id: token.userId } }) : null;
    if (!user || !user.isActive) return "invalid";
    if (await tx.user.findUnique({ where: { email: token.email } })) return "taken";
    await tx.user.update({
      where: { id: user.id },
      data: { email: token.email, emailVerifiedAt: new Date(), searchText: foldForSearch(user.name, token.email) },
    });
    await expireResetLinks(tx, user.id);
    await audit(tx, {
      actorId: user.id,
      action: "email.changed",
      objectType: "User",
      objectId: user.id,
      details: { from: user.email, to: token.email },
    });
    return "changed";
  });
}
