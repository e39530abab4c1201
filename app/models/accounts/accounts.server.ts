import { hashPassword, verifyPassword, burnPasswordCheck } from "~/auth/password.server";
import { createSession, invalidateUserSessions } from "~/auth/session.server";
import {
  accountAddressKey,
  addressKey,
  clearAccountThrottle,
  clearFailures,
  currentPasswordKey,
  recordFailure,
  secondsUntilAllowed,
} from "~/auth/throttle.server";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { foldForSearch } from "~/utils/search-text";
import { consumeToken, expireResetLinks } from "./email-tokens.server";

export type LoginResult =
  | { ok: true; token: string; expiresAt: Date; userId: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfter: number };

/**
 * Checks a password login. Unknown e-mail and wrong password give the same answer and
 * take the same time; repeated failures for an account from one address, or from one
 * address for any account, are slowed down (the owner elsewhere still signs in).
 */
export async function login(email: string, password: string, clientAddress: string): Promise<LoginResult> {
  const keys = [accountAddressKey(email, clientAddress), addressKey(clientAddress)];
  const wait = await secondsUntilAllowed(db(), keys);
  if (wait > 0) return { ok: false, reason: "throttled", retryAfter: wait };
  const found = await db().user.findUnique({ where: { email } });
  const user = found?.isDemo && env().NODE_ENV === "production" ? null : found;
  const valid = user?.passwordHash && user.isActive ? await verifyPassword(user.passwordHash, password) : false;
  if (!user?.passwordHash || !user.isActive) await burnPasswordCheck(password);
  if (!user || !valid) {
    await recordFailure(db(), keys);
    return { ok: false, reason: "invalid" };
  }
  await clearFailures(db(), accountAddressKey(email, clientAddress));
  const session = await db().$transaction(async (tx) => {
    const created = await createSession(tx, user.id);
    await audit(tx, { actorId: user.id, action: "auth.login", objectType: "User", objectId: user.id });
    return created;
  });
  return { ok: true, ...session, userId: user.id };
}

export async function logout(userId: string, sessionId: string) {
  await db().$transaction(async (tx) => {
    await tx.session.deleteMany({ where: { id: sessionId } });
    await audit(tx, { actorId: userId, action: "auth.logout", objectType: "User", objectId: userId });
  });
}

/** Creates the account an invitation was for, its membership and a first session. */
export async function acceptInvitation(tokenId: string, name: string, password: string) {
  const passwordHash = await hashPassword(password);
  return db().$transaction(async (tx) => {
    if (!(await consumeToken(tx, tokenId))) return null;
    const invitation = await tx.emailToken.findUniqueOrThrow({ where: { id: tokenId } });
    if (await tx.user.findUnique({ where: { email: invitation.email } })) return null;
    const user = await tx.user.create({
      // The invitation link reached this address: that is the proof a sign-up link gives.
      data: {
        email: invitation.email,
        name,
        passwordHash,
        emailVerifiedAt: new Date(),
        searchText: foldForSearch(name, invitation.email),
      },
    });
    if (invitation.organizationId) {
      await tx.membership.create({
        data: { userId: user.id, organizationId: invitation.organizationId, role: invitation.role },
      });
    }
    await audit(tx, {
      actorId: user.id,
      action: "invitation.accept",
      objectType: "User",
      objectId: user.id,
      details: { invitationId: tokenId, organizationId: invitation.organizationId, role: invitation.role },
    });
    return createSession(tx, user.id);
  });
}

/**
 * Sets a new password from a reset link; every existing session of the user ends, every
 * other reset link stops working, and the account's password throttle is cleared (whoever
 * reads the mailbox is the owner, and this is their way back in).
 */
export async function resetPassword(tokenId: string, password: string) {
  const passwordHash = await hashPassword(password);
  return db().$transaction(async (tx) => {
    if (!(await consumeToken(tx, tokenId))) return null;
    const token = await tx.emailToken.findUniqueOrThrow({ where: { id: tokenId } });
    if (!token.userId) return null;
    // Whoever opened the link reads the mailbox: an address never verified is verified now
    // (the way back for a person whose address someone else signed up with first).
    const before = await tx.user.findUniqueOrThrow({ where: { id: token.userId } });
    const user = await tx.user.update({
      where: { id: token.userId },
      data: { passwordHash, emailVerifiedAt: before.emailVerifiedAt ?? new Date() },
    });
    await invalidateUserSessions(tx, token.userId);
    await expireResetLinks(tx, token.userId);
    await clearAccountThrottle(tx, user.email, user.id);
    await audit(tx, { actorId: token.userId, action: "password.reset", objectType: "User", objectId: token.userId });
    return createSession(tx, token.userId);
  });
}

export type ChangePasswordResult = "changed" | "wrong-password" | { throttled: number };

/**
 * Changing one's password ends every other session (a stolen cookie stops working) and
 * every reset link not used yet. Wrong current passwords are slowed down like sign-ins:
 * whoever holds a stolen session cannot guess the password from here either.
 */
export async function changePassword(input: {
  userId: string;
  sessionId: string;
  clientAddress: string;
  current: string;
  next: string;
}): Promise<ChangePasswordResult> {
  const { userId, sessionId } = input;
  const keys = [currentPasswordKey(userId), addressKey(input.clientAddress)];
  const wait = await secondsUntilAllowed(db(), keys);
  if (wait > 0) return { throttled: wait };
  const user = await db().user.findUniqueOrThrow({ where: { id: userId } });
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.current))) {
    await recordFailure(db(), keys);
    return "wrong-password";
  }
  await clearFailures(db(), currentPasswordKey(userId));
  const passwordHash = await hashPassword(input.next);
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    await invalidateUserSessions(tx, userId, sessionId);
    await expireResetLinks(tx, userId);
    await audit(tx, { actorId: userId, action: "password.change", objectType: "User", objectId: userId });
  });
  return "changed";
}

export async function updateProfile(userId: string, name: string) {
  await db().$transaction(async (tx) => {
    const user = await tx.user.update({ where: { id: userId }, data: { name } });
    await tx.user.update({ where: { id: userId }, data: { searchText: foldForSearch(user.name, user.email) } });
    await audit(tx, {
      actorId: userId,
      action: "user.update",
      objectType: "User",
      objectId: userId,
      details: { name },
    });
  });
}

export async function setUserLocale(userId: string, locale: string) {
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { locale } });
    await audit(tx, {
      actorId: userId,
      action: "user.locale",
      objectType: "User",
      objectId: userId,
      details: { locale },
    });
  });
}

/** Deactivation keeps the account's history but ends its sessions at once. */
/** Grants or removes the platform administrator flag; takes effect on the next request. */
export async function setPlatformAdmin(actorId: string, userId: string, isPlatformAdmin: boolean) {
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { isPlatformAdmin } });
    await audit(tx, {
      actorId,
      action: isPlatformAdmin ? "user.grantPlatformAdmin" : "user.revokePlatformAdmin",
      objectType: "User",
      objectId: userId,
    });
  });
}

export async function setUserActive(actorId: string, userId: string, isActive: boolean) {
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { isActive } });
    if (!isActive) await invalidateUserSessions(tx, userId);
    await audit(tx, {
      actorId,
      action: isActive ? "user.activate" : "user.deactivate",
      objectType: "User",
      objectId: userId,
    });
  });
}
