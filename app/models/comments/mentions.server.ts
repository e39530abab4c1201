import { can, type DraftResource, type ThreadResource } from "~/policies";
import { db, type Tx } from "~/utils/db.server";
import { loadActorIn } from "../accounts/actors.server";

/**
 * The people a comment mentions: "@" followed by the full name of someone who can see the
 * thread (owner staff, members of organizations it is shared with, people it is shared with).
 */
export async function mentionedUserIds(tx: Tx, draft: DraftResource, thread: ThreadResource, body: string) {
  if (!body.includes("@")) return [];
  const candidates = await draftParticipants(tx, draft);
  const mentioned = candidates.filter((candidate) => body.includes(`@${candidate.name}`));
  const visible: string[] = [];
  for (const candidate of mentioned) {
    if (can(await loadActorIn(tx, candidate), "thread.view", thread)) visible.push(candidate.id);
  }
  return visible;
}

/** Everyone who works on a draft: the owner's staff and the people and organizations it is shared with. */
export function draftParticipants(client: Tx | ReturnType<typeof db>, draft: DraftResource) {
  const organizationIds = [
    draft.ownerOrganizationId,
    ...draft.grants.map((g) => g.organizationId).filter(Boolean),
  ] as string[];
  const userIds = draft.grants.map((g) => g.userId).filter(Boolean) as string[];
  return client.user.findMany({
    where: {
      isActive: true,
      OR: [{ memberships: { some: { organizationId: { in: organizationIds } } } }, { id: { in: userIds } }],
    },
    orderBy: { name: "asc" },
    select: { id: true, name: true, isPlatformAdmin: true, emailVerifiedAt: true },
  });
}
