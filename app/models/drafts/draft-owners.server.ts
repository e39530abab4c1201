import type { CurrentUser } from "~/auth/current-user.server";
import { db } from "~/utils/db.server";

/** Organizations this person may create a draft for: their ministries and municipalities. */
export function ownerOptions(user: CurrentUser) {
  const own = user.actor.memberships
    .filter((m) => m.organizationKind === "MINISTRY" || m.organizationKind === "MUNICIPALITY")
    .map((m) => m.organizationId);
  return db().organization.findMany({
    where: user.isPlatformAdmin ? { kind: { in: ["MINISTRY", "MUNICIPALITY"] } } : { id: { in: own } },
    orderBy: { nameEn: "asc" },
  });
}
