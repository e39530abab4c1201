import { describe, expect, it } from "vitest";
import { NO_FILTER } from "~/models/rounds/answer-filter";
import { runBulkAnswer, startBulkAnswer } from "~/models/rounds/bulk-answers.server";
import { answerGroup } from "~/models/rounds/group-answers.server";
import { whenGrouped } from "~/models/rounds/proposal-groups.server";
import { publishSummary, submitProposal } from "~/models/rounds/proposals.server";
import { buildSummaryTable } from "~/models/rounds/round-summary.server";
import { summaryPage } from "~/models/rounds/summary-page.server";
import { db } from "~/utils/db.server";
import { campaign, distinctProposal, seededRandom } from "../helpers/campaign-texts";
import { createUser } from "../helpers/factories";
import { asCurrentUser, openRound } from "../helpers/open-round";

/** Staff answer a campaign once: every proposal of the group gets the answer, nothing else does. */
describe("answering a campaign group", () => {
  it("answers every proposal of the group and only those, audited, and the summary can then be published", async () => {
    const { round, staff } = await openRound("PUBLIC");
    const people = await Promise.all(Array.from({ length: 6 }, async () => asCurrentUser((await createUser()).id)));
    const texts = [...campaign(seededRandom(11), "ru", 5), distinctProposal(seededRandom(12), "ru")];
    const submitted = [];
    for (const [i, proposedText] of texts.entries())
      submitted.push(
        await submitProposal(people[i]!, round.id, {
          articleId: "art-1",
          quote: null,
          proposedText,
          justification: "",
          onBehalfOf: "",
        }),
      );
    await whenGrouped();
    await db().consultationRound.update({ where: { id: round.id }, data: { status: "CLOSED" } });
    const { groupId } = await db().proposal.findUniqueOrThrow({ where: { id: submitted[0]!.id } });
    const chief = await asCurrentUser(staff.id);

    const progress: number[] = [];
    const answered = await answerGroup(
      chief,
      round.id,
      { groupId: groupId!, decision: "REJECTED", answer: "Противоречит статье 5." },
      new Date(),
      (n) => progress.push(n),
    );
    expect(answered).toBe(5);
    expect(progress).toEqual([5]);
    const stored = await db().proposal.findMany({ where: { roundId: round.id }, orderBy: { number: "asc" } });
    expect(stored.map((p) => p.decision)).toEqual(["REJECTED", "REJECTED", "REJECTED", "REJECTED", "REJECTED", null]);
    expect(await db().auditEvent.count({ where: { action: "proposal.answerGroup", objectId: groupId! } })).toBe(1);

    await expect(publishSummary(chief, round.id)).rejects.toThrow();
    await db().proposal.update({ where: { id: stored[5]!.id }, data: { decision: "NOTED", answer: "Учтено." } });
    await publishSummary(chief, round.id);
    // The summary shows the campaign once with its size; the table (and the CSV) keeps all six.
    const table = await buildSummaryTable(round.id, "ru");
    expect(table.rows).toHaveLength(6);
    const page = await summaryPage(round.id, "ru", { skip: 0, take: 200 });
    expect(page.rows).toEqual(table.rows);
    expect(page.campaigns).toEqual({
      individual: 6,
      byOrganization: 0,
      groups: [{ articleNumber: 1, proposal: texts[0], count: 5, organizations: 0 }],
      unlisted: 0,
    });
    // Published: the group can no longer be answered.
    await expect(
      answerGroup(chief, round.id, { groupId: groupId!, decision: "ACCEPTED", answer: "" }),
    ).rejects.toThrow();
  });

  it("answers a group larger than one batch, and a filter matching more than one batch, completely", async () => {
    const { round, staff } = await openRound("PUBLIC");
    const author = await createUser();
    const group = await db().proposalGroup.create({
      data: { roundId: round.id, articleId: "art-1", representativeId: "big-1", signature: "", normalizedText: "" },
    });
    // 2,500 copies stored as a campaign (more than one batch of 1,000, more ids than one statement takes).
    await db().proposal.createMany({
      data: Array.from({ length: 2500 }, (_, i) => ({
        id: `big-${i + 1}`,
        roundId: round.id,
        number: i + 1,
        articleId: i % 2 ? "art-1" : "art-2",
        proposedText: "Նույն տեքստը",
        justification: "",
        authorId: author.id,
        groupId: group.id,
      })),
    });
    await db().consultationRound.update({ where: { id: round.id }, data: { status: "CLOSED" } });
    const chief = await asCurrentUser(staff.id);
    expect(await answerGroup(chief, round.id, { groupId: group.id, decision: "NOTED", answer: "Ի գիտություն" })).toBe(
      2500,
    );
    expect(await db().proposal.count({ where: { roundId: round.id, decision: "NOTED" } })).toBe(2500);

    const job = await startBulkAnswer(chief, round.id, {
      target: { filter: { ...NO_FILTER, articleId: "art-2" } },
      decision: "REJECTED",
      answer: "Ոչ",
    });
    await runBulkAnswer(job.id);
    expect(await db().bulkAnswer.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({
      done: 1250,
      total: 1250,
    });
    expect(await db().proposal.count({ where: { roundId: round.id, decision: "REJECTED", articleId: "art-2" } })).toBe(
      1250,
    );
  });
});
