import { verifyPassword } from "~/auth/password.server";
import {
  addressKey,
  clearFailures,
  currentPasswordKey,
  recordFailure,
  secondsUntilAllowed,
} from "~/auth/throttle.server";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";

export type DeleteAccountResult = "deleted" | "wrong-password" | { throttled: number };

/** The address a deleted account keeps: unique, never deliverable (RFC 2606 `.invalid`). */
export const deletedEmail = (userId: string) => `deleted-${userId}@deleted.invalid`;

/**
 * Deletes an account at its owner's request, confirmed with the password (a stolen session
 * alone cannot do it; wrong passwords are slowed down as on the password form). Name,
 * e-mail, password, language, memberships, grants, notifications, links and every session
 * go. The row itself stays, erased, because consultation rules keep every proposal and its
 * official answer in the public record: they are shown as a former participant's.
 */
export async function deleteOwnAccount(input: {
  userId: string;
  password: string;
  clientAddress: string;
}): Promise<DeleteAccountResult> {
  const { userId } = input;
  const keys = [currentPasswordKey(userId), addressKey(input.clientAddress)];
  const wait = await secondsUntilAllowed(db(), keys);
  if (wait > 0) return { throttled: wait };
  const user = await db().user.findUniqueOrThrow({ where: { id: userId } });
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.password))) {
    await recordFailure(db(), keys);
    return "wrong-password";
  }
  await clearFailures(db(), currentPasswordKey(userId));
  await db().$transaction(async (tx) => {
    await tx.session.deleteMany({ where: { userId } });
    await tx.emailToken.deleteMany({ where: { OR: [{ userId }, { email: user.email }] } });
    await tx.membership.deleteMany({ where: { userId } });
    await tx.draftAccess.deleteMany({ where: { userId } });
    await tx.notification.deleteMany({ where: { userId } });
    await tx.user.update({
      where: { id: userId },
      data: {
        name: "",
        email: deletedEmail(userId),
        passwordHash: null,
        locale: null,
        searchText: "",
        isActive: false,
        isPlatformAdmin: false,
        emailVerifiedAt: null,
        deletedAt: new Date(),
      },
    });
    await audit(tx, { actorId: userId, action: "user.delete", objectType: "User", objectId: userId });
  });
  return "deleted";
}
