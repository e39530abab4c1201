import type { MembershipRole } from "~/policies";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";

/** Memberships are always changed through an organization, which the caller has authorized. */
export async function changeMembershipRole(
  actorId: string,
  organizationId: string,
  membershipId: string,
  role: MembershipRole,
) {
  return db().$transaction(async (tx) => {
    const result = await tx.membership.updateMany({ where: { id: membershipId, organizationId }, data: { role } });
    if (result.count === 0) return false;
    await audit(tx, {
      actorId,
      action: "membership.update",
      objectType: "Membership",
      objectId: membershipId,
      details: { organizationId, role },
    });
    return true;
  });
}

export async function removeMembership(actorId: string, organizationId: string, membershipId: string) {
  return db().$transaction(async (tx) => {
    const membership = await tx.membership.findFirst({ where: { id: membershipId, organizationId } });
    if (!membership) return false;
    await tx.membership.delete({ where: { id: membershipId } });
    await audit(tx, {
      actorId,
      action: "membership.remove",
      objectType: "Membership",
      objectId: membershipId,
      details: { organizationId, userId: membership.userId },
    });
    return true;
  });
}

export function listUserMemberships(userId: string) {
  return db().membership.findMany({
    where: { userId },
    include: { organization: true },
    orderBy: { createdAt: "asc" },
  });
}
