import type { Actor } from "~/policies";
import { db } from "~/utils/db.server";

/** The policy's view of a user: admin flag and memberships with their organizations' kinds. */
export async function loadActor(user: { id: string; isPlatformAdmin: boolean }): Promise<Actor> {
  const memberships = await db().membership.findMany({
    where: { userId: user.id },
    select: { organizationId: true, role: true, organization: { select: { kind: true } } },
  });
  return {
    id: user.id,
    isPlatformAdmin: user.isPlatformAdmin,
    memberships: memberships.map((m) => ({
      organizationId: m.organizationId,
      role: m.role,
      organizationKind: m.organization.kind,
    })),
  };
}
