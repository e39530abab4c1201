import { mailAnswerFollowers } from "../follow/follower-mail.server";
import { notifyPeople, recordNotice, RECIPIENT_FIELDS } from "../notifications/notify.server";
import type { CurrentUser } from "~/auth/current-user.server";
import { indexProposal } from "~/search/search-index.server";
import { audit } from "~/utils/audit.server";
import { RuleError } from "~/utils/rule-error";
import { db, type Tx } from "~/utils/db.server";
import { outlineOf } from "~/editor/outline";
import { readStoredDocument } from "~/editor/stored-document";
import { frozenText } from "../documents/frozen-text.server";
import { groupSoon } from "./proposal-groups.server";
import { queueReceiptEmail, receiptOf } from "./proposal-receipt.server";
import { buildSummaryFileSoon, queueSummaryFile } from "./summary-file.server";

/**
 * Proposals and official answers. Every rule that depends on time or state is checked here,
 * inside the transaction that writes, against the server's clock and the stored round:
 * whatever a request claims (a forged deadline, a replayed form), these decide.
 */

export type NewProposal = {
  articleId: string;
  /** The language text of the round's version it concerns; absent or "": the main text. */
  versionTextId?: string;
  quote: string | null;
  proposedText: string;
  justification: string;
  /** Organization id, or "" for the author personally. */
  onBehalfOf: string;
};

export type Decision = "ACCEPTED" | "PARTIALLY_ACCEPTED" | "REJECTED" | "NOTED";

/** Open by state and by the clock: the scheduler may not have ticked yet at the deadline. */
function isAcceptingProposals(round: { status: string; opensAt: Date; closesAt: Date }, now: Date): boolean {
  return round.status === "OPEN" && round.opensAt <= now && now < round.closesAt;
}

/**
 * The articles of one language text frozen with the round's version (the proposal names that
 * text); an id of no text of this version is refused next to the text field.
 */
async function languageTextArticles(versionId: string, versionTextId: string) {
  const text = await db().versionText.findFirst({ where: { id: versionTextId, versionId }, select: { content: true } });
  if (!text) throw new RuleError("rounds.errors.unknownText", "versionTextId");
  return outlineOf(readStoredDocument(text.content)).filter((entry) => entry.type === "article");
}

export async function submitProposal(user: CurrentUser, roundId: string, input: NewProposal, now = new Date()) {
  if (input.onBehalfOf && !user.actor.memberships.some((m) => m.organizationId === input.onBehalfOf)) {
    throw new RuleError("errors.notAllowed", "onBehalfOf");
  }
  // The round's articles come from its frozen text, read and parsed once for every submission
  // (a campaign sends hundreds a second against one 300-article law); it never changes.
  const { version } = await db().consultationRound.findUniqueOrThrow({
    where: { id: roundId },
    select: { version: { select: { id: true, sha256: true } } },
  });
  const articles = input.versionTextId
    ? await languageTextArticles(version.id, input.versionTextId)
    : (await frozenText(version)).articles;
  const submitted = await db().$transaction(async (tx) => {
    const round = await tx.consultationRound.findUniqueOrThrow({ where: { id: roundId } });
    if (!isAcceptingProposals(round, now)) throw new RuleError("rounds.errors.notOpen");
    if (!articles.some((a) => a.id === input.articleId)) throw new RuleError("errors.required", "articleId");
    const created = await tx.proposal.create({
      data: {
        roundId,
        number: 0,
        articleId: input.articleId,
        versionTextId: input.versionTextId || null,
        quote: input.quote,
        proposedText: input.proposedText,
        justification: input.justification,
        authorId: user.id,
        organizationId: input.onBehalfOf || null,
        createdAt: now,
      },
    });
    await indexProposal(tx, created.id);
    await audit(tx, {
      actorId: user.id,
      action: "proposal.submit",
      objectType: "Proposal",
      objectId: created.id,
      details: {
        roundId,
        articleId: input.articleId,
        versionTextId: created.versionTextId,
        organizationId: created.organizationId,
      },
    });
    // The number last: its increment locks the round's row until the commit, so concurrent
    // submissions get 1, 2, 3… and wait for each other only over these three statements.
    const { lastProposalNumber } = await tx.consultationRound.update({
      where: { id: roundId },
      data: { lastProposalNumber: { increment: 1 } },
      select: { lastProposalNumber: true },
    });
    const proposal = await tx.proposal.update({ where: { id: created.id }, data: { number: lastProposalNumber } });
    const receipt = receiptOf(proposal);
    await queueReceiptEmail(tx, user, round, receipt);
    await recordNotice(tx, user.id, "proposal.received", { draftId: round.draftId, roundId, proposalId: proposal.id });
    return { ...proposal, receipt };
  });
  // Its campaign group is found right after the commit (see proposal-groups.server.ts).
  groupSoon();
  return submitted;
}

/** Only the author, only while the round accepts proposals. The text itself never changes. */
export async function withdrawProposal(user: CurrentUser, proposalId: string, now = new Date()) {
  await db().$transaction(async (tx) => {
    const proposal = await tx.proposal.findUnique({ where: { id: proposalId }, include: { round: true } });
    if (!proposal || proposal.authorId !== user.id) throw new RuleError("errors.notFound");
    if (!isAcceptingProposals(proposal.round, now)) throw new RuleError("rounds.errors.notOpen");
    const changed = await tx.proposal.updateMany({
      where: { id: proposalId, status: "SUBMITTED" },
      data: { status: "WITHDRAWN", withdrawnAt: now },
    });
    if (changed.count === 0) return;
    await indexProposal(tx, proposalId);
    await audit(tx, { actorId: user.id, action: "proposal.withdraw", objectType: "Proposal", objectId: proposalId });
  });
}

/**
 * Records (or corrects, until the summary is published) the official answer. The caller has
 * checked `round.answer` on the round; the proposal must belong to that round.
 */
export async function answerProposal(
  user: CurrentUser,
  roundId: string,
  input: { proposalId: string; decision: Decision; answer: string },
  now = new Date(),
) {
  await db().$transaction(async (tx) => {
    const round = await tx.consultationRound.findUniqueOrThrow({ where: { id: roundId } });
    if (round.status !== "CLOSED") throw new RuleError("rounds.errors.notClosed");
    const proposal = await tx.proposal.findFirst({ where: { id: input.proposalId, roundId, status: "SUBMITTED" } });
    if (!proposal) throw new RuleError("errors.notFound");
    await tx.proposal.update({
      where: { id: proposal.id },
      data: { decision: input.decision, answer: input.answer, answeredById: user.id, answeredAt: now },
    });
    await audit(tx, {
      actorId: user.id,
      action: proposal.decision ? "proposal.reanswer" : "proposal.answer",
      objectType: "Proposal",
      objectId: proposal.id,
      details: { roundId, decision: input.decision, previous: proposal.decision },
    });
  });
}

/**
 * Tells every author of an answered proposal, once per person, in their own language, that
 * the official answers are published. Not at the first answer: until publication staff may
 * still correct an answer, so what an author is told is what stays on the record.
 */
async function notifyAuthors(tx: Tx, round: { id: string; title: string; draftId: string }, actorId: string) {
  const proposals = await tx.proposal.findMany({
    where: { roundId: round.id, status: "SUBMITTED", decision: { not: null } },
    orderBy: { createdAt: "asc" },
    select: { id: true, author: { select: RECIPIENT_FIELDS } },
  });
  const firstOfEach = new Map<string, (typeof proposals)[number]>();
  for (const proposal of proposals)
    if (!firstOfEach.has(proposal.author.id)) firstOfEach.set(proposal.author.id, proposal);
  for (const proposal of firstOfEach.values()) {
    await notifyPeople(tx, [proposal.author], {
      kind: "proposal.answered",
      path: `/rounds/${round.id}#own-proposals`,
      title: () => round.title,
      about: { draftId: round.draftId, roundId: round.id, proposalId: proposal.id, actorId },
    });
  }
}

/**
 * Publishes the summary table: only when every proposal has its answer. The draft goes
 * back to revision (the text is worked on again with the answers in mind), and the summary
 * DOCX is queued, to be built once in the background and served from storage.
 */
export async function publishSummary(user: CurrentUser, roundId: string, now = new Date()) {
  await db().$transaction(async (tx) => {
    // One EXISTS-like read (the first unanswered one, on the index round, status, article,
    // decision): a round of a million proposals is never loaded or counted to publish it.
    const missing = await tx.proposal.findFirst({
      where: { roundId, status: "SUBMITTED", decision: null },
      select: { id: true },
    });
    if (missing) throw new RuleError("rounds.errors.unanswered");
    const claimed = await tx.consultationRound.updateMany({
      where: { id: roundId, status: "CLOSED" },
      data: { status: "ANSWERED", summaryPublishedAt: now },
    });
    if (claimed.count === 0) throw new RuleError("rounds.errors.notClosed");
    await queueSummaryFile(tx, roundId);
    await audit(tx, {
      actorId: user.id,
      action: "round.publishSummary",
      objectType: "ConsultationRound",
      objectId: roundId,
    });
    await mailAnswerFollowers(tx, roundId);
    const round = await tx.consultationRound.findUniqueOrThrow({ where: { id: roundId } });
    await notifyAuthors(tx, round, user.id);
    // Another round of the same draft still running keeps it in consultation.
    const running = await tx.consultationRound.count({
      where: { draftId: round.draftId, status: { in: ["OPEN", "CLOSED"] } },
    });
    if (running > 0) return;
    const moved = await tx.draft.updateMany({
      where: { id: round.draftId, status: "IN_CONSULTATION" },
      data: { status: "REVISION" },
    });
    if (moved.count) {
      await audit(tx, {
        actorId: user.id,
        action: "draft.status",
        objectType: "Draft",
        objectId: round.draftId,
        details: { to: "REVISION", roundId },
      });
    }
  });
  // The summary DOCX is built once, now, in the background (summary-file.server.ts).
  buildSummaryFileSoon(roundId);
}
