import type { Actor, ActorMembership } from "~/policies";
import { db, type Tx } from "~/utils/db.server";

type ActorUser = { id: string; isPlatformAdmin: boolean; emailVerifiedAt: Date | null };

/** The policy's view of a user: admin flag, verified e-mail, memberships with their organizations' kinds. */
export function actorFrom(user: ActorUser, memberships: ActorMembership[]): Actor {
  return {
    id: user.id,
    isPlatformAdmin: user.isPlatformAdmin,
    isVerified: user.emailVerifiedAt !== null,
    memberships,
  };
}

/** The same, with the memberships read now (a signed-in request has it from its session). */
export function loadActor(user: ActorUser): Promise<Actor> {
  return loadActorIn(db(), user);
}

/** The same, inside a transaction. */
export async function loadActorIn(client: Tx | ReturnType<typeof db>, user: ActorUser): Promise<Actor> {
  const memberships = await client.membership.findMany({
    where: { userId: user.id },
    select: { organizationId: true, role: true, organization: { select: { kind: true } } },
    orderBy: { organizationId: "asc" },
  });
  return actorFrom(
    user,
    memberships.map((m) => ({ organizationId: m.organizationId, role: m.role, organizationKind: m.organization.kind })),
  );
}
