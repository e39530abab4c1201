import { termsOverlap } from "~/collegium/terms";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { RuleError } from "~/utils/rule-error";

/**
 * Links a seat recorded for a person without an account to their user account, once they
 * have one. Refused if the seat is already linked, or if that user already holds a seat on
 * the same body for part of the term (the roll allows no overlapping terms per person).
 */
export async function linkMembershipToUser(actorId: string, bodyId: string, membershipId: string, userId: string) {
  return db().$transaction(async (tx) => {
    const seat = await tx.collegiumMembership.findFirst({ where: { id: membershipId, bodyId } });
    if (!seat) throw new RuleError("errors.notFound");
    if (seat.userId) throw new RuleError("collegium.errors.alreadyLinked", "email");
    const others = await tx.collegiumMembership.findMany({
      where: { bodyId, userId, id: { not: membershipId } },
      select: { termStart: true, termEnd: true },
    });
    if (others.some((term) => termsOverlap(term, seat))) throw new RuleError("collegium.errors.overlap", "email");
    const linked = await tx.collegiumMembership.update({ where: { id: membershipId }, data: { userId } });
    await audit(tx, {
      actorId,
      action: "collegium.linkMember",
      objectType: "CollegiumMembership",
      objectId: membershipId,
      details: { bodyId, userId, personName: seat.personName },
    });
    return linked;
  });
}

/** Sets the body's quorum and majority shares (0–0.99: "more than" that share). */
export async function setVotingRules(actorId: string, bodyId: string, quorumShare: number, majorityShare: number) {
  await db().$transaction(async (tx) => {
    const before = await tx.collegiumBody.findUniqueOrThrow({
      where: { id: bodyId },
      select: { quorumShare: true, majorityShare: true },
    });
    await tx.collegiumBody.update({ where: { id: bodyId }, data: { quorumShare, majorityShare } });
    await audit(tx, {
      actorId,
      action: "collegium.votingRules",
      objectType: "CollegiumBody",
      objectId: bodyId,
      details: { before, after: { quorumShare, majorityShare } },
    });
  });
}
