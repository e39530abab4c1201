import type { ModeratedResource } from "~/policies";
import { db } from "~/utils/db.server";
import { threadResource } from "../comments/comments.server";
import { loadDraftResource } from "../drafts/draft-access.server";
import { loadRound } from "../rounds/rounds.server";
import type { ModeratedKind } from "./moderation.server";

/**
 * What the policy needs to decide about moderating one proposal (its round) or comment (its
 * thread). Null when the object does not exist, or is a withdrawn proposal or deleted comment.
 */
export async function moderatedResource(kind: ModeratedKind, id: string): Promise<ModeratedResource | null> {
  if (kind === "Proposal") {
    const proposal = await db().proposal.findUnique({ where: { id }, select: { roundId: true, status: true } });
    if (!proposal || proposal.status !== "SUBMITTED") return null;
    return (await loadRound(proposal.roundId))?.resource ?? null;
  }
  const comment = await db().comment.findUnique({ where: { id }, include: { thread: true } });
  if (!comment || comment.deletedAt) return null;
  const draft = await loadDraftResource(comment.thread.draftId);
  return draft ? threadResource(draft, comment.thread) : null;
}
