import { can, type Actor, type MaybeActor, type RoundResource } from "~/policies";
import { db } from "~/utils/db.server";
import { receiptOf } from "./proposal-receipt.server";
import { answerOncePublished } from "./rounds.server";

/** A person with no organization and a verified e-mail: who any member of the public becomes. */
const VERIFIED_CITIZEN: Actor = { id: "", isPlatformAdmin: false, isVerified: true, memberships: [] };

/**
 * What the proposal form on a round is for this reader, decided by the policy: sending
 * (`round.submit`), or writing now and sending once signed up (a visitor) or verified (a
 * signed-in person who has not opened the link yet), when that person would then be
 * allowed. Null: no form (closed, not open yet, an invited round one is not invited to).
 */
export function proposalFormMode(actor: MaybeActor, round: RoundResource, closesAt: Date, now = new Date()) {
  if (now >= closesAt) return null;
  if (can(actor, "round.submit", round)) return "submit" as const;
  const onceVerified = actor ? { ...actor, isVerified: true } : VERIFIED_CITIZEN;
  if (!can(onceVerified, "round.submit", round)) return null;
  return actor ? ("unverified" as const) : ("visitor" as const);
}

/** The receipt of one's own proposal in this round (the page after submitting shows it). */
export async function ownReceipt(proposalId: string | null, roundId: string, authorId: string) {
  if (!proposalId) return null;
  const proposal = await db().proposal.findFirst({ where: { id: proposalId, roundId, authorId } });
  return proposal ? receiptOf(proposal) : null;
}

/**
 * "My proposals": everything the person sent, in every round, newest first, with the
 * round's state and the official answer once it is published.
 */
export async function listMyProposals(authorId: string) {
  const proposals = await db().proposal.findMany({
    where: { authorId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 200,
    select: {
      id: true,
      number: true,
      roundId: true,
      articleId: true,
      proposedText: true,
      status: true,
      decision: true,
      answer: true,
      createdAt: true,
      round: { select: { title: true, status: true, timeZone: true } },
    },
  });
  return proposals.map((p) => ({ ...answerOncePublished(p, p.round.status), sha256: receiptOf(p).sha256 }));
}
