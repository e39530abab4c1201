import { describe, expect, it } from "vitest";
import { NO_FILTER, type AnswerCursor, type AnswerFilter } from "~/models/rounds/answer-filter";
import { answerCounts, answerPage } from "~/models/rounds/answer-list.server";
import { resumeBulkAnswers, runBulkAnswer, startBulkAnswer } from "~/models/rounds/bulk-answers.server";
import { whenGrouped } from "~/models/rounds/proposal-groups.server";
import { answerProposal, publishSummary, submitProposal } from "~/models/rounds/proposals.server";
import { db } from "~/utils/db.server";
import { RuleError } from "~/utils/rule-error";
import { addMember, createUser } from "../helpers/factories";
import { asCurrentUser, openRound } from "../helpers/open-round";

const ORDER = ["art-1", "art-2"];

/**
 * A closed round with nine proposals: the first four on the second article (so submission
 * order is not the list's order), two on behalf of an NGO, three of them one campaign, one
 * with a rare word. Returns the proposals by number.
 */
async function closedRound() {
  const { round, staff, ngo } = await openRound("PUBLIC");
  const people = await Promise.all(Array.from({ length: 9 }, async () => (await createUser()).id));
  await addMember(people[0]!, ngo.id);
  await addMember(people[5]!, ngo.id);
  const campaign = "Բյուջեի նախագիծը պետք է հրապարակվի առնվազն երեսուն օր առաջ համայնքի կայքում";
  const texts = [
    ["art-2", "Հաշվետվությունը պետք է ներկայացվի տասը օրում", ngo.id],
    ["art-2", "Ավելացնել հաշվետվության ձևը կայքում", ""],
    ["art-2", "Սահմանել հաշվետվության քննարկման կարգը", ""],
    ["art-2", "Ներառել ծիրանագույն բառը հաշվետվության մեջ", ""],
    ["art-1", campaign, ""],
    ["art-1", `${campaign} անպայման`, ngo.id],
    ["art-1", campaign, ""],
    ["art-1", "Բյուջեն ընդունել նոյեմբերի վերջին", ""],
    ["art-1", "Բյուջեի լսումները անցկացնել երեկոյան", ""],
  ] as const;
  const proposals = [];
  for (const [i, [articleId, proposedText, onBehalfOf]] of texts.entries()) {
    proposals.push(
      await submitProposal(await asCurrentUser(people[i]!), round.id, {
        articleId,
        quote: null,
        proposedText,
        justification: "Հիմնավորում",
        onBehalfOf,
      }),
    );
  }
  await whenGrouped();
  await db().consultationRound.update({ where: { id: round.id }, data: { status: "CLOSED" } });
  const chief = await asCurrentUser(staff.id);
  return { round, chief, ngo, proposals };
}

const numbersOf = (items: { number: number }[]) => items.map((p) => p.number);
const filter = (change: Partial<AnswerFilter>): AnswerFilter => ({ ...NO_FILTER, ...change });

async function everyPage(roundId: string, chosen: AnswerFilter, take: number) {
  const pages: number[][] = [];
  let after: AnswerCursor | null = null;
  for (;;) {
    const page = await answerPage(roundId, ORDER, chosen, { after, before: null }, take);
    pages.push(numbersOf(page.items));
    if (!page.next) return pages;
    after = page.next;
  }
}

describe("the answering list of a large round", () => {
  it("filters by article, answer, decision, author kind, organization, group and words, counted by one aggregate", async () => {
    const { round, chief, ngo, proposals } = await closedRound();
    await answerProposal(chief, round.id, { proposalId: proposals[7]!.id, decision: "REJECTED", answer: "Ոչ" });
    await answerProposal(chief, round.id, { proposalId: proposals[1]!.id, decision: "ACCEPTED", answer: "" });
    const list = async (change: Partial<AnswerFilter>) =>
      numbersOf((await answerPage(round.id, ORDER, filter(change), { after: null, before: null }, 50)).items);

    // The text's order of articles first, then submission order.
    expect(await list({})).toEqual([5, 6, 7, 8, 9, 1, 2, 3, 4]);
    expect(await list({ articleId: "art-2" })).toEqual([1, 2, 3, 4]);
    expect(await list({ status: "unanswered" })).toEqual([5, 6, 7, 9, 1, 3, 4]);
    expect(await list({ status: "answered" })).toEqual([8, 2]);
    expect(await list({ status: "REJECTED" })).toEqual([8]);
    expect(await list({ author: "organization" })).toEqual([6, 1]);
    expect(await list({ author: "individual" })).toEqual([5, 7, 8, 9, 2, 3, 4]);
    expect(await list({ organizationId: ngo.id, articleId: "art-1" })).toEqual([6]);
    const { groupId } = await db().proposal.findUniqueOrThrow({ where: { id: proposals[4]!.id } });
    expect(await list({ groupId })).toEqual([5, 6, 7]);
    // Words through the search index: a stem finds the inflected form, nothing else matches.
    expect(await list({ text: "ծիրանագույն" })).toEqual([4]);
    expect(await list({ text: "ծիրանագույն", status: "answered" })).toEqual([]);
    expect(await list({ text: "!!!" })).toEqual([]);

    const counts = await answerCounts(round.id, NO_FILTER);
    expect(counts).toMatchObject({ total: 9, answered: 2 });
    expect(counts.byArticle).toEqual({ "art-1": { total: 5, answered: 1 }, "art-2": { total: 4, answered: 1 } });
    expect((await answerCounts(round.id, filter({ status: "unanswered", articleId: "art-2" }))).total).toBe(3);
  });

  it("pages by keyset forward and back across articles, the same pages either way", async () => {
    const { round } = await closedRound();
    const forward = await everyPage(round.id, NO_FILTER, 2);
    expect(forward).toEqual([[5, 6], [7, 8], [9, 1], [2, 3], [4]]);
    // Back from the last page by the "previous" cursors.
    const back: number[][] = [];
    let page = await answerPage(round.id, ORDER, NO_FILTER, { after: { article: 1, number: 3 }, before: null }, 2);
    back.push(numbersOf(page.items));
    while (page.previous) {
      page = await answerPage(round.id, ORDER, NO_FILTER, { after: null, before: page.previous }, 2);
      back.unshift(numbersOf(page.items));
    }
    expect(back).toEqual(forward);
    // A filter pages the same way, skipping articles without a match.
    expect(await everyPage(round.id, filter({ author: "organization" }), 1)).toEqual([[6], [1]]);
  });

  it("answers every proposal matching a filter in batches, resumes after a crash, audits each batch", async () => {
    const { round, chief } = await closedRound();
    // A filter the answers do not change: a restart from the beginning would answer some twice.
    const target = { filter: filter({ author: "individual" }) };
    const job = await startBulkAnswer(chief, round.id, { target, decision: "NOTED", answer: "Հաշվի է առնված" });
    expect(job).toMatchObject({ total: 7, done: 0, state: "RUNNING" });

    // The process stops after two batches of two, holding its lease…
    const t0 = Date.now();
    await runBulkAnswer(job.id, { batch: 2, batches: 2, now: () => new Date(t0) });
    expect(await db().bulkAnswer.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ done: 4 });
    // …which another process respects, then takes over once it has run out.
    expect(await resumeBulkAnswers(new Date(t0 + 1000))).toBe(0);
    expect(await resumeBulkAnswers(new Date(t0 + 61_000))).toBe(1);

    const stored = await db().bulkAnswer.findUniqueOrThrow({ where: { id: job.id } });
    expect(stored).toMatchObject({ done: 7, total: 7, state: "DONE" });
    const answered = await db().proposal.findMany({ where: { roundId: round.id }, orderBy: { number: "asc" } });
    expect(answered.map((p) => p.decision)).toEqual([null, ...Array(4).fill("NOTED"), null, ...Array(3).fill("NOTED")]);
    // Two batches of two, then the rest in one (the resumed run uses the normal batch size).
    const batches = await db().auditEvent.findMany({ where: { action: "proposal.bulkAnswerBatch", objectId: job.id } });
    expect(batches.map((b) => (b.details as { count: number }).count)).toEqual([2, 2, 3]);
  });

  it("answers a selection, and stops when the round is no longer closed", async () => {
    const { round, chief, proposals } = await closedRound();
    const chosen = [proposals[0]!.id, proposals[8]!.id];
    const job = await startBulkAnswer(chief, round.id, {
      target: { proposalIds: chosen },
      decision: "ACCEPTED",
      answer: "",
    });
    await runBulkAnswer(job.id);
    const accepted = await db().proposal.findMany({ where: { roundId: round.id, decision: "ACCEPTED" } });
    expect(accepted.map((p) => p.id).sort()).toEqual([...chosen].sort());

    const all = await startBulkAnswer(chief, round.id, {
      target: { filter: NO_FILTER },
      decision: "NOTED",
      answer: "Ոչ",
    });
    await runBulkAnswer(all.id, { batch: 3, batches: 1 });
    await db().consultationRound.update({ where: { id: round.id }, data: { status: "ANSWERED" } });
    await runBulkAnswer(all.id, { now: () => new Date(Date.now() + 61_000) });
    expect(await db().bulkAnswer.findUniqueOrThrow({ where: { id: all.id } })).toMatchObject({
      done: 3,
      state: "STOPPED",
    });
    await expect(
      startBulkAnswer(chief, round.id, { target: { filter: NO_FILTER }, decision: "NOTED", answer: "Ոչ" }),
    ).rejects.toThrow(RuleError);
  });

  it("publishes only when no proposal is left unanswered", async () => {
    const { round, chief, proposals } = await closedRound();
    const job = await startBulkAnswer(chief, round.id, {
      target: { filter: filter({ articleId: "art-1" }) },
      decision: "NOTED",
      answer: "Հաշվի է առնված",
    });
    await runBulkAnswer(job.id);
    await expect(publishSummary(chief, round.id)).rejects.toThrow("rounds.errors.unanswered");
    const rest = await startBulkAnswer(chief, round.id, {
      target: { filter: filter({ status: "unanswered" }) },
      decision: "ACCEPTED",
      answer: "",
    });
    expect(rest.total).toBe(4);
    await runBulkAnswer(rest.id);
    await publishSummary(chief, round.id);
    expect((await db().consultationRound.findUniqueOrThrow({ where: { id: round.id } })).status).toBe("ANSWERED");
    expect(await db().proposal.count({ where: { id: proposals[0]!.id, decision: "ACCEPTED" } })).toBe(1);
  });
});
