import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { submitProposal } from "~/models/rounds/proposals.server";
import { db } from "~/utils/db.server";
import { createUser } from "../helpers/factories";
import { asCurrentUser, openRound } from "../helpers/open-round";

/**
 * A campaign: many people submit to one public round at the same moment. Every submission
 * is stored once with its own number (1…N, no gaps, no repeats), its receipt's SHA-256 is of
 * its own text, and none fails: not on SQLite (one writer at a time) nor on PostgreSQL (row
 * lock on the round's counter).
 */
const PARTICIPANTS = 60;
const EACH = 2;

describe("a burst of proposals", () => {
  it("stores every one of many simultaneous submissions with its own number and receipt", async () => {
    const { round } = await openRound("PUBLIC");
    const people = await Promise.all(
      Array.from({ length: PARTICIPANTS }, async (_, i) =>
        asCurrentUser((await createUser({ name: `Մասնակից ${i}` })).id),
      ),
    );
    const submissions = people.flatMap((person, i) =>
      Array.from({ length: EACH }, (_, k) => ({
        person,
        articleId: k % 2 ? "art-1" : "art-2",
        text: `Առաջարկ ${i}-${k}: «15 օրվա» բառերը փոխարինել «${20 + k} օրվա» բառերով`,
      })),
    );
    const results = await Promise.allSettled(
      submissions.map(({ person, articleId, text }) =>
        submitProposal(person, round.id, {
          articleId,
          quote: null,
          proposedText: text,
          justification: "",
          onBehalfOf: "",
        }),
      ),
    );
    const failed = results.filter((r) => r.status === "rejected");
    expect(failed.map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);

    const stored = await db().proposal.findMany({ where: { roundId: round.id }, orderBy: { number: "asc" } });
    expect(stored).toHaveLength(PARTICIPANTS * EACH);
    expect(stored.map((p) => p.number)).toEqual(Array.from({ length: PARTICIPANTS * EACH }, (_, i) => i + 1));
    expect(new Set(stored.map((p) => p.proposedText)).size).toBe(stored.length);
    for (const result of results) {
      const { receipt, proposedText, number } = (
        result as PromiseFulfilledResult<Awaited<ReturnType<typeof submitProposal>>>
      ).value;
      expect(receipt.number).toBe(number);
      expect(receipt.sha256).toBe(createHash("sha256").update(proposedText, "utf8").digest("hex"));
    }
    const { lastProposalNumber } = await db().consultationRound.findUniqueOrThrow({ where: { id: round.id } });
    expect(lastProposalNumber).toBe(PARTICIPANTS * EACH);
    // One receipt e-mail per proposal, to its author.
    expect(await db().outboxEmail.count({ where: { to: { in: people.map((p) => p.email) } } })).toBe(
      PARTICIPANTS * EACH,
    );
  });
});
