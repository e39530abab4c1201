import { describe, expect, it } from "vitest";
import { buildSummaryTable } from "~/models/rounds/round-summary.server";
import { CAMPAIGNS_LISTED, summaryPage } from "~/models/rounds/summary-page.server";
import { db } from "~/utils/db.server";
import { createOrganization, createUser } from "../helpers/factories";
import { openRound } from "../helpers/open-round";

const DECISIONS = ["ACCEPTED", "REJECTED", "NOTED", null] as const;

/**
 * The public summary page reads one page of rows and the round's totals by aggregates, never
 * the whole round: its pages, laid end to end, are the table the downloads hold, and its
 * totals are the whole table's.
 */
describe("the summary page of a large round", () => {
  it("pages across article boundaries in the downloads' order, with the whole round's totals", async () => {
    const { round } = await openRound("PUBLIC");
    const author = await createUser();
    const ngo = await createOrganization("NGO");
    const group = await db().proposalGroup.create({
      data: { roundId: round.id, articleId: "art-2", representativeId: "p-3", signature: "", normalizedText: "" },
    });
    await db().proposal.createMany({
      data: Array.from({ length: 57 }, (_, i) => ({
        id: `p-${i + 1}`,
        roundId: round.id,
        number: i + 1,
        // Submitted out of article order: art-2 and art-1 interleaved, and one article the text lacks.
        articleId: i === 40 ? "art-gone" : i % 3 ? "art-2" : "art-1",
        proposedText: `Առաջարկ ${i + 1}`,
        justification: "",
        authorId: author.id,
        organizationId: i % 4 === 0 ? ngo.id : null,
        decision: DECISIONS[i % 4],
        answer: "",
        groupId: i % 3 && i < 30 ? group.id : null,
        status: i === 50 ? "WITHDRAWN" : "SUBMITTED",
        createdAt: new Date(Date.UTC(2026, 0, 1) + i * 1000),
      })),
    });
    const table = await buildSummaryTable(round.id, "hy");

    const rows = [];
    for (let skip = 0; skip < 60; skip += 8) {
      const page = await summaryPage(round.id, "hy", { skip, take: 8 });
      expect(page.rowCount).toBe(56);
      rows.push(...page.rows);
    }
    expect(rows.map((row) => row.proposalId)).toEqual(table.rows.map((row) => row.proposalId));
    expect(rows).toEqual(table.rows);

    const first = await summaryPage(round.id, "hy", { skip: 0, take: 8 });
    expect(first.title).toBe(table.title);
    expect(first.subtitle).toBe(table.subtitle);
    expect(first.totalsByDecision).toEqual(table.totalsByDecision);
    expect(new Map(first.totalsByOrganization.map((t) => [t.organization, t.count]))).toEqual(
      new Map(table.totalsByOrganization.map((t) => [t.organization, t.count])),
    );
    const byOrganization = table.rows.filter((row) => row.organization).length;
    expect(first.campaigns).toEqual({
      individual: 56 - byOrganization,
      byOrganization,
      groups: [{ articleNumber: 2, proposal: "Առաջարկ 2", count: 20, organizations: 1 }],
      unlisted: 0,
    });
  });

  it(`lists the ${CAMPAIGNS_LISTED} largest campaigns and counts the others`, async () => {
    const { round } = await openRound("PUBLIC");
    const author = await createUser();
    const groups = CAMPAIGNS_LISTED + 3;
    await db().proposalGroup.createMany({
      data: Array.from({ length: groups }, (_, g) => ({
        id: `g-${g}`,
        roundId: round.id,
        articleId: "art-1",
        representativeId: `c-${g}-0`,
        signature: "",
        normalizedText: "",
      })),
    });
    // Group g holds g + 2 proposals: the largest is the last one created.
    let number = 0;
    await db().proposal.createMany({
      data: Array.from({ length: groups }, (_, g) =>
        Array.from({ length: g + 2 }, (_, i) => ({
          id: `c-${g}-${i}`,
          roundId: round.id,
          number: ++number,
          articleId: "art-1",
          proposedText: `Արշավ ${g}`,
          justification: "",
          authorId: author.id,
          groupId: `g-${g}`,
        })),
      ).flat(),
    });
    const page = await summaryPage(round.id, "hy", { skip: 0, take: 200 });
    expect(page.campaigns.groups).toHaveLength(CAMPAIGNS_LISTED);
    expect(page.campaigns.groups[0]).toEqual({
      articleNumber: 1,
      proposal: `Արշավ ${groups - 1}`,
      count: groups + 1,
      organizations: 0,
    });
    expect(page.campaigns.groups.map((g) => g.count)).toEqual(
      [...page.campaigns.groups.map((g) => g.count)].sort((a, b) => b - a),
    );
    expect(page.campaigns.unlisted).toBe(3);
  });
});
