import type { CurrentUser } from "~/auth/current-user.server";
import { indexComment, indexProposal } from "~/search/search-index.server";
import { audit } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { RuleError } from "~/utils/rule-error";
import type { ModerationReason } from "./moderation-reasons";

/**
 * Hiding and unhiding public input. The route has asked `can(…, "moderation.hide", …)` on
 * the object's round or thread; here the state changes, with its line in the moderation log
 * and in the audit log, in one transaction. A hidden proposal keeps its place in the round
 * and still receives its answer: hiding withholds its words, never its existence.
 */

export type ModeratedKind = "Proposal" | "Comment";
export type ModerationInput = { reason: ModerationReason; note: string };

type Target = { ownerOrganizationId: string; draftId: string; roundId: string | null };

async function targetOf(tx: Tx, kind: ModeratedKind, id: string): Promise<Target> {
  if (kind === "Proposal") {
    const proposal = await tx.proposal.findUnique({
      where: { id },
      select: { roundId: true, round: { select: { draftId: true, draft: { select: { ownerOrganizationId: true } } } } },
    });
    if (!proposal) throw new RuleError("errors.notFound");
    return {
      ownerOrganizationId: proposal.round.draft.ownerOrganizationId,
      draftId: proposal.round.draftId,
      roundId: proposal.roundId,
    };
  }
  const comment = await tx.comment.findUnique({
    where: { id },
    select: { thread: { select: { draftId: true, draft: { select: { ownerOrganizationId: true } } } } },
  });
  if (!comment) throw new RuleError("errors.notFound");
  return {
    ownerOrganizationId: comment.thread.draft.ownerOrganizationId,
    draftId: comment.thread.draftId,
    roundId: null,
  };
}

async function setHidden(tx: Tx, kind: ModeratedKind, id: string, hidden: ModerationInput | null, now: Date) {
  const where = { id, hiddenAt: hidden ? null : { not: null } };
  const data = hidden
    ? { hiddenAt: now, hiddenReason: hidden.reason, hiddenNote: hidden.note }
    : { hiddenAt: null, hiddenReason: null, hiddenNote: null };
  const changed =
    kind === "Proposal" ? await tx.proposal.updateMany({ where, data }) : await tx.comment.updateMany({ where, data });
  return changed.count === 1;
}

/** Hides (or, with `hidden: null`, unhides) one proposal or comment. False when it already was. */
export async function moderate(
  user: CurrentUser,
  kind: ModeratedKind,
  id: string,
  hidden: ModerationInput | null,
  now = new Date(),
): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const target = await targetOf(tx, kind, id);
    if (!(await setHidden(tx, kind, id, hidden, now))) return false;
    const action = hidden ? "hide" : "unhide";
    const previous =
      hidden === null
        ? await tx.moderationAction.findFirst({
            where: { objectType: kind, objectId: id, action: "hide" },
            orderBy: { createdAt: "desc" },
          })
        : null;
    await tx.moderationAction.create({
      data: {
        objectType: kind,
        objectId: id,
        ...target,
        action,
        reason: hidden?.reason ?? previous?.reason ?? "",
        note: hidden?.note ?? "",
        actorId: user.id,
        createdAt: now,
      },
    });
    await audit(tx, {
      actorId: user.id,
      action: `moderation.${action}`,
      objectType: kind,
      objectId: id,
      details: { reason: hidden?.reason ?? null, draftId: target.draftId, roundId: target.roundId },
    });
    if (kind === "Proposal") await indexProposal(tx, id);
    else await indexComment(tx, id);
    return true;
  });
}

/**
 * A participant's flag: once per person and object (a second flag by the same person
 * changes nothing). The route has rate-limited it and checked `moderation.flag`.
 */
export async function flag(user: CurrentUser, kind: ModeratedKind, id: string, input: ModerationInput) {
  return db().$transaction(async (tx) => {
    const target = await targetOf(tx, kind, id);
    const existing = await tx.moderationFlag.findUnique({
      where: { objectType_objectId_reporterId: { objectType: kind, objectId: id, reporterId: user.id } },
    });
    if (existing) return false;
    const row = await tx.moderationFlag.create({
      data: {
        objectType: kind,
        objectId: id,
        ownerOrganizationId: target.ownerOrganizationId,
        reporterId: user.id,
        reason: input.reason,
        note: input.note,
      },
    });
    await audit(tx, {
      actorId: user.id,
      action: "moderation.flag",
      objectType: kind,
      objectId: id,
      details: { flagId: row.id, reason: input.reason },
    });
    return true;
  });
}
