import type { CurrentUser } from "~/auth/current-user.server";
import { indexNewProposals } from "~/search/search-index.server";
import { auditMany } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { queueEmails } from "~/utils/mailer.server";
import { RuleError } from "~/utils/rule-error";
import { frozenText } from "../documents/frozen-text.server";
import { recordNotices } from "../notifications/notify.server";
import { intakeBusy } from "./intake-turn.server";
import { groupSoon } from "./proposal-groups.server";
import { receiptEmail, receiptOf, type Receipt } from "./proposal-receipt.server";

/**
 * Submissions are written in batches: every submission that arrives while the previous batch
 * is being written waits for the next one, and a batch is one transaction with one statement
 * per table (proposals, search entries, audit events, receipt e-mails, notices) and one
 * increment of each round's counter. Group commit: at campaign speed a submission costs a
 * share of a dozen statements instead of a dozen of its own, the round's counter row is taken
 * once per batch instead of once per proposal (PostgreSQL), and SQLite's one writer commits
 * once for many. A lone submission is written at the next turn of the event loop.
 *
 * Nothing about a single submission changes: it is answered only after its own transaction
 * has committed, with its own number, receipt, audit event, receipt e-mail and notice in that
 * same transaction; rules are checked per submission against the stored round, and one that
 * breaks a rule is refused alone. If a batch fails in the database, each of its submissions is
 * tried again alone, so one bad row cannot fail the others.
 */

export type NewProposal = {
  articleId: string;
  /** The language text of the round's version it concerns (checked before); absent or "": the main text. */
  versionTextId?: string;
  quote: string | null;
  proposedText: string;
  justification: string;
  /** Organization id, or "" for the author personally. */
  onBehalfOf: string;
};

type Stored = Awaited<ReturnType<Tx["proposal"]["createManyAndReturn"]>>[number];
export type SubmittedProposal = Stored & { receipt: Receipt };

type Waiting = {
  user: CurrentUser;
  roundId: string;
  input: NewProposal;
  now: Date;
  resolve: (proposal: SubmittedProposal) => void;
  reject: (error: unknown) => void;
};

/** Bounds one transaction's statements (drivers cap a statement's parameters; Prisma splits). */
const MAX_BATCH = 200;

const waiting: Waiting[] = [];
let writing = false;

/** Open by state and by the clock: the scheduler may not have ticked yet at the deadline. */
export function isAcceptingProposals(round: { status: string; opensAt: Date; closesAt: Date }, now: Date): boolean {
  return round.status === "OPEN" && round.opensAt <= now && now < round.closesAt;
}

/** Stores one proposal in the next batch; resolves once its batch has committed. */
export function storeProposal(user: CurrentUser, roundId: string, input: NewProposal, now: Date) {
  return new Promise<SubmittedProposal>((resolve, reject) => {
    waiting.push({ user, roundId, input, now, resolve, reject });
    if (!writing) {
      writing = true;
      intakeBusy(true);
      setImmediate(drain);
    }
  });
}

async function drain() {
  while (waiting.length) {
    const batch = waiting.splice(0, MAX_BATCH);
    try {
      await writeBatch(batch);
    } catch {
      // One submission's row may be what failed (an organization deleted meanwhile): alone,
      // each gets its own answer, stored or refused.
      for (const one of batch) await writeBatch([one]).catch(one.reject);
    }
  }
  writing = false;
  intakeBusy(false);
  // Grouping reads what the batches stored, after their commit, and yields to the next
  // submissions (intake-turn.server.ts, proposal-groups.server.ts).
  groupSoon();
}

/** Rounds' frozen versions (a round's version is frozen when it is created and never changes). */
const versionOf = new Map<string, { id: string; sha256: string }>();
const MAX_ROUNDS_KNOWN = 1000;

/**
 * The article ids of a round's frozen text, or null for a round that does not exist. The text
 * is read and parsed once for every submission (frozen-text.server.ts), and which version a
 * round has is remembered, so a batch reads neither.
 */
async function articlesOfRound(roundId: string): Promise<Set<string> | null> {
  let version = versionOf.get(roundId);
  if (!version) {
    const round = await db().consultationRound.findUnique({
      where: { id: roundId },
      select: { version: { select: { id: true, sha256: true } } },
    });
    if (!round) return null;
    if (versionOf.size >= MAX_ROUNDS_KNOWN) versionOf.delete(versionOf.keys().next().value!);
    versionOf.set(roundId, (version = round.version));
  }
  return new Set((await frozenText(version)).articles.map((a) => a.id));
}

/** The language of each frozen language text the batch's proposals name (none for the main text). */
async function textLanguagesOf(tx: Tx, versionTextIds: (string | null)[]): Promise<Map<string, string | null>> {
  const ids = [...new Set(versionTextIds.filter((id): id is string => !!id))];
  if (!ids.length) return new Map();
  const texts = await tx.versionText.findMany({ where: { id: { in: ids } }, select: { id: true, textLanguage: true } });
  return new Map(texts.map((text) => [text.id, text.textLanguage]));
}

/**
 * Writes a batch in one transaction. Submissions refused by a rule are answered at once and
 * left out; the others are answered after the commit. Throws only for a database failure
 * (then none of the batch is stored).
 */
async function writeBatch(batch: Waiting[]) {
  const roundIds = [...new Set(batch.map((one) => one.roundId))];
  const articlesOf = new Map<string, Set<string>>();
  for (const roundId of roundIds) {
    const articles = await articlesOfRound(roundId);
    if (articles) articlesOf.set(roundId, articles);
  }

  const answers: [Waiting, SubmittedProposal][] = [];
  await db().$transaction(async (tx) => {
    answers.length = 0;
    const rounds = new Map(
      (await tx.consultationRound.findMany({ where: { id: { in: roundIds } } })).map((r) => [r.id, r]),
    );
    const accepted: Waiting[] = [];
    for (const one of batch) {
      const round = rounds.get(one.roundId);
      if (!round) one.reject(new RuleError("errors.notFound"));
      else if (!isAcceptingProposals(round, one.now)) one.reject(new RuleError("rounds.errors.notOpen"));
      else if (!one.input.versionTextId && !articlesOf.get(one.roundId)?.has(one.input.articleId))
        one.reject(new RuleError("errors.required", "articleId"));
      else accepted.push(one);
    }
    for (const roundId of roundIds) {
      const mine = accepted.filter((one) => one.roundId === roundId);
      if (!mine.length) continue;
      const round = rounds.get(roundId)!;
      // Numbers 1, 2, 3… in arrival order: the batch takes the next `mine.length` at once.
      const { lastProposalNumber } = await tx.consultationRound.update({
        where: { id: roundId },
        data: { lastProposalNumber: { increment: mine.length } },
        select: { lastProposalNumber: true },
      });
      const first = lastProposalNumber - mine.length + 1;
      const stored = await tx.proposal.createManyAndReturn({
        data: mine.map((one, i) => ({
          roundId,
          number: first + i,
          articleId: one.input.articleId,
          versionTextId: one.input.versionTextId || null,
          quote: one.input.quote,
          proposedText: one.input.proposedText,
          justification: one.input.justification,
          authorId: one.user.id,
          organizationId: one.input.onBehalfOf || null,
          createdAt: one.now,
        })),
      });
      const byNumber = new Map(stored.map((proposal) => [proposal.number, proposal]));
      const written = mine.map((one, i) => {
        const proposal = byNumber.get(first + i)!;
        return [one, { ...proposal, receipt: receiptOf(proposal) }] as [Waiting, SubmittedProposal];
      });
      await indexNewProposals(
        tx,
        written.map(([, proposal]) => proposal),
        round.draftId,
      );
      await auditMany(
        tx,
        written.map(([one, proposal]) => ({
          actorId: one.user.id,
          action: "proposal.submit",
          objectType: "Proposal",
          objectId: proposal.id,
          details: {
            roundId,
            articleId: proposal.articleId,
            versionTextId: proposal.versionTextId,
            organizationId: proposal.organizationId,
          },
        })),
      );
      const languageOf = await textLanguagesOf(
        tx,
        written.map(([, proposal]) => proposal.versionTextId),
      );
      await queueEmails(
        tx,
        written.map(([one, proposal]) =>
          receiptEmail(one.user, round, proposal.receipt, languageOf.get(proposal.versionTextId ?? "") ?? null),
        ),
      );
      await recordNotices(
        tx,
        written.map(([one, proposal]) => ({
          userId: one.user.id,
          kind: "proposal.received" as const,
          about: { draftId: round.draftId, roundId, proposalId: proposal.id },
        })),
      );
      answers.push(...written);
    }
  });
  for (const [one, proposal] of answers) one.resolve(proposal);
}
