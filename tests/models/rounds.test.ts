import { describe, expect, it } from "vitest";
import type { CurrentUser } from "~/auth/current-user.server";
import { article, paragraph } from "~/editor/document-json";
import { jsonToYUpdate } from "~/editor/yjs-document";
import { loadActor } from "~/models/accounts/actors.server";
import { initializeDocument } from "~/models/documents/document-log.server";
import { answerProposal, publishSummary, submitProposal, withdrawProposal } from "~/models/rounds/proposals.server";
import { advanceRounds } from "~/models/rounds/round-scheduler.server";
import { buildSummaryTable } from "~/models/rounds/round-summary.server";
import { createRound, listOwnProposals } from "~/models/rounds/rounds.server";
import { db } from "~/utils/db.server";
import { RuleError } from "~/utils/rule-error";
import { addMember, createDraftSetup, createOrganization, createUser } from "../helpers/factories";

const DAY = 24 * 60 * 60 * 1000;
const T0 = new Date("2026-06-01T05:00:00Z");
const at = (days: number) => new Date(T0.getTime() + days * DAY);

async function asCurrentUser(user: {
  id: string;
  isPlatformAdmin: boolean;
  emailVerifiedAt: Date | null;
  name: string;
  email: string;
}) {
  return { ...user, sessionId: "test", actor: await loadActor(user) } as unknown as CurrentUser;
}

/** A ministry draft with two articles, an NGO expert, and a round from day 1 to day 16. */
async function roundSetup(audience: "PUBLIC" | "INVITED" = "INVITED") {
  const { ministry, staff, draft } = await createDraftSetup();
  await initializeDocument(
    draft.id,
    jsonToYUpdate({
      type: "doc",
      content: [
        article("art-1", "Համայնքի բյուջեն", paragraph("Բյուջեն ընդունվում է մինչև դեկտեմբերի 20-ը։")),
        article("art-2", "Հաշվետվություն", paragraph("Հաշվետվությունը ներկայացվում է 15 օրվա ընթացքում։")),
      ],
    }),
  );
  const ngo = await createOrganization("NGO", "Union of Community Finance Officers");
  const expert = await createUser({ name: "Լիլիթ" });
  await addMember(expert.id, ngo.id);
  const outsider = await createUser({ name: "Outsider" });
  await addMember(outsider.id, (await createOrganization("NGO", "Another NGO")).id);
  const staffUser = await asCurrentUser(staff);
  const round = await createRound(
    staffUser,
    draft.id,
    {
      title: "Первый раунд",
      description: "",
      opensAt: at(1),
      closesAt: at(16),
      timeZone: "Asia/Yerevan",
      audience,
      invited: audience === "INVITED" ? [ngo.id] : [],
      versionName: "",
    },
    "Text for consultation",
  );
  return { ministry, ngo, draft, round, staff: staffUser, expert: await asCurrentUser(expert), outsider };
}

const proposal = (articleId = "art-2", onBehalfOf = "") => ({
  articleId,
  quote: "15 օրվա ընթացքում",
  proposedText: "«15 օրվա» բառերը փոխարինել «30 օրվա» բառերով",
  justification: "Փոքր համայնքներում ֆինանսական բաժինն ունի մեկ աշխատակից։",
  onBehalfOf,
});

const status = async (roundId: string) =>
  (await db().consultationRound.findUniqueOrThrow({ where: { id: roundId } })).status;

describe("consultation rounds", () => {
  it("leave no frozen version behind when the round cannot be created", async () => {
    const { staff, draft } = await roundSetup("PUBLIC");
    const versionsBefore = await db().draftVersion.count({ where: { draftId: draft.id } });
    const roundsBefore = await db().consultationRound.count({ where: { draftId: draft.id } });
    // An invitation to an organization that does not exist fails the round's insert.
    const failing = createRound(
      staff,
      draft.id,
      {
        title: "Round that fails",
        description: "",
        opensAt: at(1),
        closesAt: at(16),
        timeZone: "Asia/Yerevan",
        audience: "INVITED",
        invited: ["no-such-organization"],
        versionName: "Frozen for nothing",
      },
      "Text for consultation",
    );
    await expect(failing).rejects.toThrow();
    expect(await db().draftVersion.count({ where: { draftId: draft.id } })).toBe(versionsBefore);
    expect(await db().consultationRound.count({ where: { draftId: draft.id } })).toBe(roundsBefore);
  });

  it("open and close by the clock, once, and move the draft into consultation", async () => {
    const { round, draft } = await roundSetup();
    expect(await status(round.id)).toBe("SCHEDULED");
    await advanceRounds(at(0.5));
    expect(await status(round.id)).toBe("SCHEDULED");

    // Two scheduler processes ticking at the same moment: each transition happens once.
    const ticks = await Promise.all([advanceRounds(at(1)), advanceRounds(at(1))]);
    expect(ticks.flat().filter((t) => t.roundId === round.id)).toEqual([
      { roundId: round.id, from: "SCHEDULED", to: "OPEN" },
    ]);
    expect(await status(round.id)).toBe("OPEN");
    expect((await db().draft.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("IN_CONSULTATION");
    expect(await db().auditEvent.count({ where: { objectId: round.id, action: "round.open" } })).toBe(1);

    await advanceRounds(at(16));
    expect(await status(round.id)).toBe("CLOSED");
    expect(await db().auditEvent.count({ where: { objectId: round.id, action: "round.close" } })).toBe(1);
  });

  it("notify invited members when a round opens and once 3 days before it closes", async () => {
    const { round, expert, outsider } = await roundSetup();
    await advanceRounds(at(1));
    await advanceRounds(at(12));
    await advanceRounds(at(13.5));
    await advanceRounds(at(14));
    const kinds = (userId: string) =>
      db()
        .notification.findMany({ where: { userId, roundId: round.id }, orderBy: { createdAt: "asc" } })
        .then((rows) => rows.map((n) => n.kind));
    expect(await kinds(expert.id)).toEqual(["round.opened", "round.closing"]);
    expect(await kinds(outsider.id)).toEqual([]);
    expect(await db().outboxEmail.count({ where: { to: expert.email } })).toBe(2);
  });

  it("accept proposals only while open, by the server's clock, from invited organizations' members", async () => {
    const { round, expert, ngo, staff } = await roundSetup();
    await expect(submitProposal(expert, round.id, proposal(), at(0.5))).rejects.toThrow(RuleError);
    await advanceRounds(at(1));
    const submitted = await submitProposal(expert, round.id, proposal("art-2", ngo.id), at(2));
    expect(submitted.organizationId).toBe(ngo.id);
    // Speaking for an organization one is not a member of, or on an article not in the version.
    await expect(
      submitProposal(expert, round.id, proposal("art-2", staff.actor.memberships[0]!.organizationId), at(2)),
    ).rejects.toMatchObject({ field: "onBehalfOf" });
    await expect(submitProposal(expert, round.id, proposal("no-such-article"), at(2))).rejects.toMatchObject({
      field: "articleId",
    });
    // Past the deadline the scheduler has not ticked yet: the clock still refuses.
    await expect(submitProposal(expert, round.id, proposal(), at(16))).rejects.toMatchObject({
      key: "rounds.errors.notOpen",
    });
    await advanceRounds(at(16));
    await expect(submitProposal(expert, round.id, proposal(), at(10))).rejects.toMatchObject({
      key: "rounds.errors.notOpen",
    });
    expect(await db().proposal.count({ where: { roundId: round.id } })).toBe(1);
  });

  it("let only the author withdraw, only while open, and never change the text", async () => {
    const { round, expert, staff } = await roundSetup();
    await advanceRounds(at(1));
    const first = await submitProposal(expert, round.id, proposal(), at(2));
    const second = await submitProposal(expert, round.id, proposal("art-1"), at(2));
    await expect(withdrawProposal(staff, first.id, at(3))).rejects.toThrow(RuleError);
    await withdrawProposal(expert, first.id, at(3));
    await advanceRounds(at(16));
    await expect(withdrawProposal(expert, second.id, at(17))).rejects.toMatchObject({ key: "rounds.errors.notOpen" });
    const rows = await db().proposal.findMany({ where: { roundId: round.id }, orderBy: { articleId: "asc" } });
    expect(rows.map((r) => [r.articleId, r.status])).toEqual([
      ["art-1", "SUBMITTED"],
      ["art-2", "WITHDRAWN"],
    ]);
    expect(rows.every((r) => r.proposedText === proposal().proposedText)).toBe(true);
  });

  it("are answered only after closing, and publish the summary only when every proposal has its answer", async () => {
    const { round, draft, expert, staff } = await roundSetup();
    await advanceRounds(at(1));
    const onArticle2 = await submitProposal(expert, round.id, proposal("art-2"), at(2));
    const onArticle1 = await submitProposal(expert, round.id, proposal("art-1"), at(3));
    await expect(
      answerProposal(staff, round.id, { proposalId: onArticle2.id, decision: "ACCEPTED", answer: "" }, at(4)),
    ).rejects.toMatchObject({ key: "rounds.errors.notClosed" });

    await advanceRounds(at(16));
    await answerProposal(staff, round.id, { proposalId: onArticle2.id, decision: "ACCEPTED", answer: "" }, at(17));
    await expect(publishSummary(staff, round.id, at(17))).rejects.toMatchObject({ key: "rounds.errors.unanswered" });
    expect(await status(round.id)).toBe("CLOSED");

    // A proposal of another round cannot be answered through this one.
    const other = await roundSetup();
    await expect(
      answerProposal(staff, other.round.id, { proposalId: onArticle1.id, decision: "REJECTED", answer: "x" }, at(17)),
    ).rejects.toThrow(RuleError);

    await answerProposal(
      staff,
      round.id,
      { proposalId: onArticle1.id, decision: "REJECTED", answer: "Ժամկետը սահմանված է Բյուջետային օրենսգրքով։" },
      at(17),
    );
    // Answers may still be corrected: their authors are told, and see them, at publication.
    expect(await db().notification.count({ where: { userId: expert.id, kind: "proposal.answered" } })).toBe(0);
    expect((await listOwnProposals(round.id, expert.id)).map((p) => p.answer)).toEqual([null, null]);
    await publishSummary(staff, round.id, at(18));
    expect(await status(round.id)).toBe("ANSWERED");
    expect((await listOwnProposals(round.id, expert.id)).map((p) => p.decision).sort()).toEqual([
      "ACCEPTED",
      "REJECTED",
    ]);
    expect((await db().draft.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("REVISION");
    await expect(
      answerProposal(staff, round.id, { proposalId: onArticle1.id, decision: "ACCEPTED", answer: "" }, at(19)),
    ).rejects.toMatchObject({ key: "rounds.errors.notClosed" });

    const notified = await db().notification.findMany({ where: { userId: expert.id, kind: "proposal.answered" } });
    // One notice for both of the expert's proposals, pointing at the first one submitted.
    expect(notified).toHaveLength(1);
    expect(notified[0]!.proposalId).toBe(onArticle2.id);
    // One e-mail when the round opened (invited), one receipt per proposal, one with the answers.
    expect(await db().outboxEmail.count({ where: { to: expert.email, subject: { contains: "Первый раунд" } } })).toBe(
      4,
    );
    const table = await buildSummaryTable(round.id, "en");
    expect(table.rows.map((r) => [r.articleNumber, r.decision])).toEqual([
      [1, "REJECTED"],
      [2, "ACCEPTED"],
    ]);
    expect(table.totalsByDecision.find((t) => t.decision === "REJECTED")?.count).toBe(1);
    const actions = await db().auditEvent.findMany({ where: { objectId: { in: [round.id, onArticle1.id] } } });
    expect(actions.map((a) => a.action).sort()).toEqual(
      [
        "proposal.answer",
        "proposal.submit",
        "round.close",
        "round.create",
        "round.open",
        "round.publishSummary",
      ].sort(),
    );
  });
});
