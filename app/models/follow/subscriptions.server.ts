import { generateToken, hashToken } from "~/auth/tokens.server";
import { DEFAULT_LOCALE, isLocale, type Locale } from "~/i18n/config";
import { serverT } from "~/i18n/server-t.server";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { queueEmail } from "~/utils/mailer.server";
import { appLink } from "~/utils/origin.server";
import { scopeColumns, type FollowScope } from "./follow-scope";

/** A confirmation link works for a week; an unconfirmed subscription sends nothing. */
export const CONFIRM_TTL_MS = 7 * 24 * 60 * 60 * 1000;

const localeOf = (value: string | null | undefined): Locale => (isLocale(value) ? value : DEFAULT_LOCALE);

/**
 * A visitor asks to follow something with an e-mail address. Only a confirmation link is
 * mailed (double opt-in): nothing else goes to the address before its owner clicked it.
 * The caller has rate-limited the request per address and per e-mail, and answers the same
 * whatever happened here, so the form tells no one whether an address already follows.
 */
export async function requestSubscription(input: { email: string; locale: Locale; scope: FollowScope }) {
  const email = input.email.trim().toLowerCase();
  const columns = scopeColumns(input.scope);
  return db().$transaction(async (tx) => {
    const existing = await tx.subscription.findUnique({ where: { email_scope: { email, scope: columns.scope } } });
    if (existing?.confirmedAt) return null;
    const token = generateToken();
    const confirm = { confirmTokenHash: hashToken(token), confirmExpiresAt: new Date(Date.now() + CONFIRM_TTL_MS) };
    const row = existing
      ? await tx.subscription.update({ where: { id: existing.id }, data: { ...confirm, locale: input.locale } })
      : await tx.subscription.create({
          data: { email, locale: input.locale, ...columns, ...confirm, unsubscribeToken: generateToken() },
        });
    await audit(tx, {
      actorId: null,
      action: "subscription.request",
      objectType: "Subscription",
      objectId: row.id,
      details: { scope: columns.scope },
    });
    const t = serverT(input.locale);
    await queueEmail(tx, {
      to: email,
      subject: t("follow.email.confirm.subject"),
      body: t("follow.email.confirm.body", { link: appLink(`/follow/confirm/${token}`) }),
    });
    return token;
  });
}

/**
 * A signed-in person follows in one click: their account's address is already known to be
 * theirs, so the subscription is confirmed at once (and follows their language).
 */
export async function subscribeAccount(user: { id: string; email: string; locale: string | null }, scope: FollowScope) {
  const email = user.email.toLowerCase();
  const columns = scopeColumns(scope);
  return db().$transaction(async (tx) => {
    const row = await tx.subscription.upsert({
      where: { email_scope: { email, scope: columns.scope } },
      create: {
        email,
        locale: localeOf(user.locale),
        ...columns,
        userId: user.id,
        confirmedAt: new Date(),
        unsubscribeToken: generateToken(),
      },
      update: { userId: user.id, confirmedAt: new Date(), confirmTokenHash: null, confirmExpiresAt: null },
    });
    await audit(tx, {
      actorId: user.id,
      action: "subscription.create",
      objectType: "Subscription",
      objectId: row.id,
      details: { scope: columns.scope },
    });
    return row;
  });
}

/**
 * Confirms from the e-mailed link: single use (the conditional update clears the token, so
 * two clicks racing confirm once) and only before it expires. Null when the link is unknown,
 * used or expired.
 */
export async function confirmSubscription(token: string, now = new Date()) {
  const row = await db().subscription.findUnique({ where: { confirmTokenHash: hashToken(token) } });
  if (!row || !row.confirmExpiresAt || row.confirmExpiresAt <= now) return null;
  return db().$transaction(async (tx) => {
    const claimed = await tx.subscription.updateMany({
      where: { id: row.id, confirmTokenHash: row.confirmTokenHash },
      data: { confirmedAt: now, confirmTokenHash: null, confirmExpiresAt: null },
    });
    if (claimed.count === 0) return null;
    await audit(tx, { actorId: null, action: "subscription.confirm", objectType: "Subscription", objectId: row.id });
    return row;
  });
}

export function findByUnsubscribeToken(token: string) {
  return db().subscription.findUnique({ where: { unsubscribeToken: token } });
}

/** Ends a subscription from its link (no sign-in: the link is the proof). True if one ended. */
export async function unsubscribe(token: string, actorId: string | null = null): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const row = await tx.subscription.findUnique({ where: { unsubscribeToken: token } });
    if (!row) return false;
    await tx.subscription.delete({ where: { id: row.id } });
    await audit(tx, {
      actorId,
      action: "subscription.delete",
      objectType: "Subscription",
      objectId: row.id,
      details: { scope: row.scope },
    });
    return true;
  });
}

/** A signed-in person's confirmed subscriptions (for their follow page). */
export function accountSubscriptions(email: string) {
  return db().subscription.findMany({
    where: { email: email.toLowerCase(), confirmedAt: { not: null } },
    orderBy: { createdAt: "asc" },
  });
}
