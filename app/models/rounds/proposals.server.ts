import { mailAnswerFollowers } from "../follow/follower-mail.server";
import { notifyPeople, RECIPIENT_FIELDS } from "../notifications/notify.server";
import type { CurrentUser } from "~/auth/current-user.server";
import { indexProposal } from "~/search/search-index.server";
import { audit } from "~/utils/audit.server";
import { RuleError } from "~/utils/rule-error";
import { db, type Tx } from "~/utils/db.server";
import { outlineOf } from "~/editor/outline";
import { readStoredDocument } from "~/editor/stored-document";
import { isAcceptingProposals, storeProposal, type NewProposal } from "./proposal-intake.server";
import { buildSummaryFileSoon, queueSummaryFile } from "./summary-file.server";

/**
 * Proposals and official answers. Every rule that depends on time or state is checked here,
 * inside the transaction that writes, against the server's clock and the stored round:
 * whatever a request claims (a forged deadline, a replayed form), these decide.
 */

export type { NewProposal } from "./proposal-intake.server";

export type Decision = "ACCEPTED" | "PARTIALLY_ACCEPTED" | "REJECTED" | "NOTED";

/**
 * Stores a proposal with its number, receipt, search entry, audit event, receipt e-mail and
 * notice, all in one transaction shared with the submissions that arrive at the same time
 * (proposal-intake.server.ts); its campaign group is found right after the commit.
 */
/**
 * The articles of one language text frozen with the round's version (the proposal names that
 * text); an id of no text of this version is refused next to the text field.
 */
async function languageTextArticles(roundId: string, versionTextId: string) {
  const text = await db().versionText.findFirst({
    where: { id: versionTextId, version: { rounds: { some: { id: roundId } } } },
    select: { content: true },
  });
  if (!text) throw new RuleError("rounds.errors.unknownText", "versionTextId");
  return outlineOf(readStoredDocument(text.content)).filter((entry) => entry.type === "article");
}

export async function submitProposal(user: CurrentUser, roundId: string, input: NewProposal, now = new Date()) {
  if (input.onBehalfOf && !user.actor.memberships.some((m) => m.organizationId === input.onBehalfOf)) {
    throw new RuleError("errors.notAllowed", "onBehalfOf");
  }
  // On a language text the article is checked against that frozen text here; the intake
  // checks main-text articles against the round's text it keeps parsed for every submission.
  if (input.versionTextId) {
    const articles = await languageTextArticles(roundId, input.versionTextId);
    if (!articles.some((a) => a.id === input.articleId)) throw new RuleError("errors.required", "articleId");
  }
  return storeProposal(user, roundId, input, now);
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
  const answered = { roundId: round.id, status: "SUBMITTED" as const, decision: { not: null } };
  // One row per author (their first proposal, by its number), not one per proposal: a
  // campaign of a million proposals by fewer people is never read whole to tell them.
  const firsts = await tx.proposal.groupBy({ by: ["authorId"], where: answered, _min: { number: true } });
  const numbers = firsts.map((first) => first._min.number!).sort((a, b) => a - b);
  const told = new Set<string>();
  for (let start = 0; start < numbers.length; start += AUTHORS_PER_READ) {
    const proposals = await tx.proposal.findMany({
      where: { ...answered, number: { in: numbers.slice(start, start + AUTHORS_PER_READ) } },
      orderBy: { number: "asc" },
      select: { id: true, author: { select: RECIPIENT_FIELDS } },
    });
    for (const proposal of proposals) {
      if (told.has(proposal.author.id)) continue;
      told.add(proposal.author.id);
      await notifyPeople(tx, [proposal.author], {
        kind: "proposal.answered",
        path: `/rounds/${round.id}#own-proposals`,
        title: () => round.title,
        about: { draftId: round.draftId, roundId: round.id, proposalId: proposal.id, actorId },
      });
    }
  }
}

/** Authors' first proposals read at a time when telling them (well under SQLite's 32,766 parameters). */
const AUTHORS_PER_READ = 500;

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
