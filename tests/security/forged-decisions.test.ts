import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { startApp, type RunningApp } from "../helpers/app-server";
import { cookieFor, createPrivateWorld, type PrivateWorld } from "./private-world";

/**
 * Security table, row 5 and 6: answering proposals and deciding or closing reviews by people not
 * entitled, with forged form fields (another user's id, another round's id, ids of the wrong
 * type), and proposals after the deadline, with a forged deadline, or replayed. The server
 * decides by its own clock and stored state; every refused attempt leaves a `refused.*` row.
 */
let app: RunningApp;
let world: PrivateWorld;
let other: PrivateWorld;

beforeAll(async () => {
  // The scheduler stays out of the way: the deadline is enforced by the request's own check.
  app = await startApp({ ROUND_SCHEDULER_MS: "3600000" });
  world = await createPrivateWorld("FORGE-A");
  other = await createPrivateWorld("FORGE-B");
});
afterAll(async () => {
  await app?.stop();
});

async function post(path: string, userId: string, fields: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(key, v);
  return fetch(app.url + path, {
    method: "POST",
    redirect: "manual",
    headers: {
      Cookie: await cookieFor(userId),
      Origin: app.origin,
      "Content-Type": "application/x-www-form-urlencoded",
    },
    body,
  });
}

const refusals = (actorId: string, action: string) => db().auditEvent.count({ where: { actorId, action } });
const proposalState = (id: string) =>
  db().proposal.findUniqueOrThrow({
    where: { id },
    select: { decision: true, answer: true, answeredById: true, status: true },
  });

describe("proposals after the deadline", () => {
  it("are refused by the server's clock even while the round still says OPEN, whatever the form claims; a replay too", async () => {
    const proposal = {
      intent: "submit",
      articleId: "sec-a1",
      proposedText: "Add a sentence.",
      justification: "Clarity.",
      onBehalfOf: "",
    };
    const path = `/rounds/${world.round.id}`;
    const first = await post(path, world.guest.id, proposal);
    expect(first.status).toBe(302);
    const count = await db().proposal.count({ where: { roundId: world.round.id } });

    // The deadline passes; the scheduler has not closed the round yet.
    await db().consultationRound.update({
      where: { id: world.round.id },
      data: { closesAt: new Date(Date.now() - 1000) },
    });
    const late = await post(path, world.guest.id, proposal);
    expect(late.status).toBe(409);
    const forged = await post(path, world.guest.id, {
      ...proposal,
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
      deadline: "2099-01-01T00:00",
      status: "OPEN",
      now: "2020-01-01T00:00:00Z",
    });
    expect(forged.status).toBe(409);
    expect(await db().proposal.count({ where: { roundId: world.round.id } })).toBe(count);
    expect(await refusals(world.guest.id, "refused.round.submit")).toBe(2);

    // Closed by state: the same request replayed is refused before the form is even looked at.
    await db().consultationRound.update({ where: { id: world.round.id }, data: { status: "CLOSED" } });
    const replay = await post(path, world.guest.id, proposal);
    expect([403, 409]).toContain(replay.status);
    expect(await db().proposal.count({ where: { roundId: world.round.id } })).toBe(count);
    expect(await refusals(world.guest.id, "refused.round.submit")).toBe(3);
  });
});

describe("answers and review decisions by someone not entitled", () => {
  it("refuse answering for the guest who wrote the proposal, and for the owner of another ministry", async () => {
    await db().consultationRound.update({ where: { id: world.round.id }, data: { status: "CLOSED" } });
    const before = await proposalState(world.proposal.id);
    const answer = { intent: "answer", proposalId: world.proposal.id, decision: "ACCEPTED", answer: "Agreed." };
    expect((await post(`/rounds/${world.round.id}/answers`, world.guest.id, answer)).status).toBe(403);
    expect((await post(`/rounds/${world.round.id}/answers`, other.owner.id, answer)).status).toBe(404);
    expect(await proposalState(world.proposal.id)).toEqual(before);
    expect(await refusals(world.guest.id, "refused.round.answer")).toBe(1);
    expect(await refusals(other.owner.id, "refused.round.answer")).toBe(1);
  });

  it("refuse forged fields: another round's proposal through one's own round, ids of the wrong type", async () => {
    await db().consultationRound.update({ where: { id: other.round.id }, data: { status: "CLOSED" } });
    const before = await proposalState(world.proposal.id);
    const path = `/rounds/${other.round.id}/answers`;
    // Other's owner may answer in their own round, but names a proposal of world's round.
    const crossRound = await post(path, other.owner.id, {
      intent: "answer",
      proposalId: world.proposal.id,
      roundId: world.round.id,
      decision: "REJECTED",
      answer: "No.",
    });
    expect(crossRound.status).toBe(409);
    for (const proposalId of ["1 OR 1=1", "", "0", "' OR ''='", ["a", world.proposal.id], "x".repeat(5000)]) {
      const response = await post(path, other.owner.id, {
        intent: "answer",
        proposalId,
        decision: "REJECTED",
        answer: "No.",
      });
      expect([400, 409], `proposalId ${JSON.stringify(proposalId).slice(0, 40)}`).toContain(response.status);
    }
    const wrongDecision = await post(path, other.owner.id, {
      intent: "answer",
      proposalId: other.proposal.id,
      decision: "DELETE",
      answer: "No.",
    });
    expect(wrongDecision.status).toBe(400);
    expect(await proposalState(world.proposal.id)).toEqual(before);
    expect((await proposalState(other.proposal.id)).decision).toBeNull();
    expect(await refusals(other.owner.id, "refused.round.answer")).toBeGreaterThanOrEqual(2);
  });

  it("refuse deciding or closing a review to non-members, record a member's decision for their own seat only, and close only after the due date", async () => {
    const path = `/reviews/${world.review.id}`;
    const decisions = () => db().reviewDecision.findMany({ where: { reviewId: world.review.id } });
    // Someone of another ministry, and a guest of the round: the review does not exist for them.
    expect((await post(path, other.owner.id, { intent: "decide", decision: "APPROVE", remarks: "" })).status).toBe(404);
    expect((await post(path, world.guest.id, { intent: "close" })).status).toBe(404);
    // A reviewer (not the secretary) may not close.
    expect((await post(path, world.reviewer.id, { intent: "close" })).status).toBe(403);
    expect(await decisions()).toEqual([]);
    // A reviewer naming the secretary's seat and user id decides for themselves only.
    const forged = await post(path, world.reviewer.id, {
      intent: "decide",
      decision: "OBJECT",
      remarks: "Objection.",
      membershipId: world.seat.id,
      userId: world.owner.id,
      reviewId: other.review.id,
    });
    expect(forged.status).toBe(200);
    const recorded = await decisions();
    expect(recorded).toHaveLength(1);
    expect(recorded[0]!.membershipId).not.toBe(world.seat.id);
    expect(await db().reviewDecision.count({ where: { reviewId: other.review.id } })).toBe(0);
    // The secretary closes before the due date, while a reviewer has not decided, with a forged
    // date: the policy, on the server's clock, does not allow it yet.
    const early = await post(path, world.owner.id, { intent: "close", dueAt: "2000-01-01T00:00", now: "2099-01-01" });
    expect(early.status).toBe(403);
    expect((await db().collegiumReview.findUniqueOrThrow({ where: { id: world.review.id } })).status).toBe("OPEN");
    expect(await refusals(other.owner.id, "refused.review.decide")).toBe(1);
    expect(await refusals(world.guest.id, "refused.review.close")).toBe(1);
    expect(await refusals(world.reviewer.id, "refused.review.close")).toBe(1);
    expect(await refusals(world.owner.id, "refused.review.close")).toBe(1);
  });
});
