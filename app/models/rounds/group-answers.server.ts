import type { CurrentUser } from "~/auth/current-user.server";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { RuleError } from "~/utils/rule-error";
import type { Decision } from "./proposals.server";

/**
 * Proposals answered per transaction when a whole campaign group is answered: a group of
 * 100,000 is never one long write that would hold the database, and each batch is audited.
 */
const BATCH = 1000;

/**
 * Gives one official answer to every submitted proposal of a campaign group (a correction
 * replaces earlier answers, as for one proposal, until the summary is published). Authors
 * are told at publication, once per person, like every other answer. Walks the group by
 * proposal number (index on groupId, number): no offset scan, no loading the whole group.
 * `onProgress` gets the running count after each batch. Returns how many were answered.
 */
export async function answerGroup(
  user: CurrentUser,
  roundId: string,
  input: { groupId: string; decision: Decision; answer: string },
  now = new Date(),
  onProgress: (answered: number) => void = () => {},
): Promise<number> {
  const group = await db().proposalGroup.findFirst({ where: { id: input.groupId, roundId }, select: { id: true } });
  if (!group) throw new RuleError("errors.notFound");
  let after = 0;
  let answered = 0;
  for (;;) {
    const count = await db().$transaction(async (tx) => {
      // Checked in every batch: publication closes answering even in the middle of a group.
      const round = await tx.consultationRound.findUniqueOrThrow({ where: { id: roundId } });
      if (round.status !== "CLOSED") throw new RuleError("rounds.errors.notClosed");
      const batch = await tx.proposal.findMany({
        where: { groupId: group.id, roundId, status: "SUBMITTED", number: { gt: after } },
        orderBy: { number: "asc" },
        select: { id: true, number: true },
        take: BATCH,
      });
      if (batch.length === 0) return 0;
      const from = after;
      after = batch[batch.length - 1]!.number;
      // The batch by its number range, not a list of 1,000 ids (more parameters than the
      // database driver takes in one statement).
      await tx.proposal.updateMany({
        where: { groupId: group.id, roundId, status: "SUBMITTED", number: { gt: from, lte: after } },
        data: { decision: input.decision, answer: input.answer, answeredById: user.id, answeredAt: now },
      });
      await audit(tx, {
        actorId: user.id,
        action: "proposal.answerGroup",
        objectType: "ProposalGroup",
        objectId: group.id,
        details: { roundId, decision: input.decision, count: batch.length, from: batch[0]!.number, to: after },
      });
      return batch.length;
    });
    if (count === 0) return answered;
    answered += count;
    onProgress(answered);
  }
}

/** How many proposals each of these groups holds (the answering page shows it on each card). */
export async function groupSizes(roundId: string, groupIds: string[]): Promise<Record<string, number>> {
  if (groupIds.length === 0) return {};
  const rows = await db().proposal.groupBy({
    by: ["groupId"],
    where: { roundId, status: "SUBMITTED", groupId: { in: groupIds } },
    _count: { _all: true },
  });
  return Object.fromEntries(rows.map((row) => [row.groupId ?? "", row._count._all]));
}
