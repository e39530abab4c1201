import { describe, expect, it } from "vitest";
import type { CurrentUser } from "~/auth/current-user.server";
import { submitProposal } from "~/models/rounds/proposals.server";
import { db } from "~/utils/db.server";
import { RuleError } from "~/utils/rule-error";
import { createOrganization, createUser } from "../helpers/factories";
import { asCurrentUser, openRound } from "../helpers/open-round";

/**
 * Submissions that arrive together are written in one transaction (proposal-intake.server.ts).
 * Each is still answered on its own: one that breaks a rule, or whose row the database refuses,
 * is refused alone, and every stored proposal has its own search entry, audit event, receipt
 * e-mail and notice, written with it.
 */
const proposal = (articleId: string, text: string, onBehalfOf = "") => ({
  articleId,
  quote: null,
  proposedText: text,
  justification: "Հիմնավորում",
  onBehalfOf,
});

async function people(count: number) {
  return Promise.all(Array.from({ length: count }, async () => asCurrentUser((await createUser()).id)));
}

describe("submissions written together", () => {
  it("refuses the one that breaks a rule and stores the others of the same batch", async () => {
    const { round } = await openRound("PUBLIC");
    const [a, b, c] = await people(3);
    // Started in the same turn of the event loop: one batch.
    const results = await Promise.allSettled([
      submitProposal(a!, round.id, proposal("art-1", "Առաջին")),
      submitProposal(b!, round.id, proposal("no-such-article", "Երկրորդ")),
      submitProposal(c!, round.id, proposal("art-2", "Երրորդ")),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    const refused = (results[1] as PromiseRejectedResult).reason as RuleError;
    expect(refused).toBeInstanceOf(RuleError);
    expect(refused.field).toBe("articleId");
    const stored = await db().proposal.findMany({ where: { roundId: round.id }, orderBy: { number: "asc" } });
    expect(stored.map((p) => [p.number, p.proposedText])).toEqual([
      [1, "Առաջին"],
      [2, "Երրորդ"],
    ]);
  });

  it("stores the others when the database refuses one row of the batch", async () => {
    const { round } = await openRound("PUBLIC");
    const [a, c] = await people(2);
    // A member of an organization that is deleted before the batch is written: the author's
    // session still lists the membership, but the row cannot point to the organization.
    const gone = await createOrganization("NGO");
    const member = await asCurrentUser((await createUser()).id);
    const stale = {
      ...member,
      actor: { ...member.actor, memberships: [{ organizationId: gone.id }] },
    } as unknown as CurrentUser;
    await db().organization.delete({ where: { id: gone.id } });
    const results = await Promise.allSettled([
      submitProposal(a!, round.id, proposal("art-1", "Առաջին")),
      submitProposal(stale, round.id, proposal("art-1", "Կազմակերպության անունից", gone.id)),
      submitProposal(c!, round.id, proposal("art-2", "Երրորդ")),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    const stored = await db().proposal.findMany({ where: { roundId: round.id }, orderBy: { number: "asc" } });
    expect(stored.map((p) => p.proposedText)).toEqual(["Առաջին", "Երրորդ"]);
    // The failed batch stored nothing: numbers have no gap and no repeat.
    expect(stored.map((p) => p.number)).toEqual([1, 2]);
  });

  it("writes each stored proposal's search entry, audit event, receipt e-mail and notice with it", async () => {
    const { round } = await openRound("PUBLIC");
    const authors = await people(12);
    const submitted = await Promise.all(
      authors.map((author, i) => submitProposal(author, round.id, proposal("art-1", `Առաջարկ ${i} բյուջե`))),
    );
    const ids = submitted.map((p) => p.id);
    expect(submitted.map((p) => p.number).sort((x, y) => x - y)).toEqual(authors.map((_, i) => i + 1));
    const entries = await db().searchEntry.findMany({ where: { proposalId: { in: ids } } });
    expect(entries.map((e) => e.key).sort()).toEqual(ids.map((id) => `proposal:${id}`).sort());
    expect(entries.every((e) => e.roundId === round.id && e.kind === "PROPOSAL")).toBe(true);
    const events = await db().auditEvent.findMany({ where: { action: "proposal.submit", objectId: { in: ids } } });
    expect(new Map(events.map((e) => [e.objectId, e.actorId]))).toEqual(
      new Map(submitted.map((p) => [p.id, p.authorId])),
    );
    const notices = await db().notification.findMany({ where: { kind: "proposal.received", proposalId: { in: ids } } });
    expect(new Map(notices.map((n) => [n.proposalId, n.userId]))).toEqual(
      new Map(submitted.map((p) => [p.id, p.authorId])),
    );
    for (const [i, author] of authors.entries()) {
      const mail = await db().outboxEmail.findMany({ where: { to: author.email } });
      expect(mail).toHaveLength(1);
      // Its own number and its own text's hash.
      expect(mail[0]!.body).toContain(submitted[i]!.receipt.sha256);
      expect(mail[0]!.subject).toContain(String(submitted[i]!.number));
    }
  });
});
