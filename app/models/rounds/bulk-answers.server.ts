import type { CurrentUser } from "~/auth/current-user.server";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { RuleError } from "~/utils/rule-error";
import { frozenText } from "../documents/frozen-text.server";
import { AnswerFilterSchema, type AnswerCursor, type AnswerFilter } from "./answer-filter";
import { answerCounts, keysAfter, type AnswerCounts } from "./answer-list.server";
import type { Decision } from "./proposals.server";
import { registerBackgroundWork } from "~/utils/background-work.server";

/**
 * One answer for many proposals (docs/decisions/025): a selection of the answering page, or
 * every proposal matching its filter. The request stores the job and its total; the answers
 * are written in the background, in batches of 1,000 in the list's order, each batch one
 * transaction that also moves the job's cursor and count and is audited. A process that
 * dies mid-way loses nothing: its lease runs out and the background jobs' timer resumes the
 * job at its cursor. The round must still be closed in every batch (publication stops it).
 */

export type BulkTarget = { filter: AnswerFilter } | { proposalIds: string[] };

const BATCH = 1000;
const ID_SLICE = 250;
/** How long a process holds a running job without writing a batch (then another takes it over). */
const LEASE_MS = 60_000;
/** A selection is at most a page or so; anything larger is a filter. */
const MAX_SELECTION = 200;

export async function startBulkAnswer(
  user: CurrentUser,
  roundId: string,
  input: { target: BulkTarget; decision: Decision; answer: string },
) {
  const round = await db().consultationRound.findUniqueOrThrow({ where: { id: roundId }, select: { status: true } });
  if (round.status !== "CLOSED") throw new RuleError("rounds.errors.notClosed");
  const { target } = input;
  if ("proposalIds" in target && target.proposalIds.length > MAX_SELECTION) throw new RuleError("errors.tooLong");
  const total =
    "filter" in target
      ? (await answerCounts(roundId, target.filter)).total
      : await db().proposal.count({ where: { roundId, status: "SUBMITTED", id: { in: target.proposalIds } } });
  if (total === 0) throw new RuleError("rounds.errors.nothingSelected");
  return db().$transaction(async (tx) => {
    const job = await tx.bulkAnswer.create({
      data: {
        roundId,
        createdById: user.id,
        decision: input.decision,
        answer: input.answer,
        target: JSON.stringify(target),
        total,
      },
    });
    await audit(tx, {
      actorId: user.id,
      action: "proposal.bulkAnswer",
      objectType: "BulkAnswer",
      objectId: job.id,
      details: { roundId, decision: input.decision, total, target },
    });
    return job;
  });
}

function readTarget(json: string): BulkTarget {
  const value = JSON.parse(json) as { filter?: unknown; proposalIds?: string[] };
  return value.proposalIds ? { proposalIds: value.proposalIds } : { filter: AnswerFilterSchema.parse(value.filter) };
}

/** Takes the job for this process unless another holds a live lease on it. */
async function claim(jobId: string, now: Date): Promise<boolean> {
  const claimed = await db().bulkAnswer.updateMany({
    where: { id: jobId, state: "RUNNING", OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
    data: { leaseUntil: new Date(now.getTime() + LEASE_MS) },
  });
  return claimed.count === 1;
}

/**
 * Carries a job out from its cursor to the end (or until the round is no longer closed).
 * `options.batches` stops after that many batches, as a crash would (tests).
 */
export async function runBulkAnswer(
  jobId: string,
  options: { batch?: number; batches?: number; now?: () => Date } = {},
): Promise<void> {
  const now = options.now ?? (() => new Date());
  const size = options.batch ?? BATCH;
  if (!(await claim(jobId, now()))) return;
  const first = await db().bulkAnswer.findUniqueOrThrow({ where: { id: jobId } });
  const target = readTarget(first.target);
  const round = await db().consultationRound.findUniqueOrThrow({
    where: { id: first.roundId },
    select: { version: { select: { id: true, sha256: true } } },
  });
  const order = (await frozenText(round.version)).articles.map((a) => a.id);
  // Which articles have matches, once per run: the walk skips the others. (The round is
  // closed: no proposal arrives meanwhile.)
  const counts: AnswerCounts | null = "filter" in target ? await answerCounts(first.roundId, target.filter) : null;
  for (let batches = 0; options.batches === undefined || batches < options.batches; batches++) {
    const finished = await db().$transaction(async (tx) => {
      const job = await tx.bulkAnswer.findUniqueOrThrow({ where: { id: jobId } });
      if (job.state !== "RUNNING") return true;
      const closed = await tx.consultationRound.findUniqueOrThrow({ where: { id: job.roundId } });
      if (closed.status !== "CLOSED") {
        await tx.bulkAnswer.update({ where: { id: jobId }, data: { state: "STOPPED", finishedAt: now() } });
        return true;
      }
      const after: AnswerCursor = { article: job.afterArticle, number: job.afterNumber };
      const keys =
        "filter" in target
          ? await keysAfter(job.roundId, order, target.filter, counts!, job.afterArticle < 0 ? null : after, size, tx)
          : (
              await tx.proposal.findMany({
                where: {
                  roundId: job.roundId,
                  status: "SUBMITTED",
                  id: { in: target.proposalIds },
                  number: { gt: job.afterNumber },
                },
                orderBy: { number: "asc" },
                select: { id: true, number: true },
                take: size,
              })
            ).map((p) => ({ id: p.id, cursor: { article: 0, number: p.number } }));
      if (keys.length > 0) {
        const answeredAt = now();
        // In slices: one statement takes a few hundred parameters at most on every driver.
        for (let i = 0; i < keys.length; i += ID_SLICE) {
          await tx.proposal.updateMany({
            where: { id: { in: keys.slice(i, i + ID_SLICE).map((k) => k.id) }, status: "SUBMITTED" },
            data: { decision: job.decision, answer: job.answer, answeredById: job.createdById, answeredAt },
          });
        }
        const last = keys[keys.length - 1]!.cursor;
        await audit(tx, {
          actorId: job.createdById,
          action: "proposal.bulkAnswerBatch",
          objectType: "BulkAnswer",
          objectId: jobId,
          details: { roundId: job.roundId, decision: job.decision, count: keys.length, from: keys[0]!.id, to: last },
        });
        await tx.bulkAnswer.update({
          where: { id: jobId },
          data: {
            done: { increment: keys.length },
            afterArticle: last.article,
            afterNumber: last.number,
            leaseUntil: new Date(answeredAt.getTime() + LEASE_MS),
          },
        });
      }
      if (keys.length < size) {
        await tx.bulkAnswer.update({
          where: { id: jobId },
          data: { state: "DONE", finishedAt: now(), leaseUntil: null },
        });
        return true;
      }
      return false;
    });
    if (finished) return;
  }
}

/** Jobs left running by a process that stopped (lease run out), resumed by the background jobs' timer. */
export async function resumeBulkAnswers(now = new Date()): Promise<number> {
  const stale = await db().bulkAnswer.findMany({
    where: { state: "RUNNING", OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
    select: { id: true },
    take: 10,
  });
  // The same clock as the caller's, moving on from `now` (a test's moment, the timer's tick).
  const offset = now.getTime() - Date.now();
  for (const job of stale) await runBulkAnswer(job.id, { now: () => new Date(Date.now() + offset) });
  return stale.length;
}

const running = new Map<string, Promise<void>>();

/** Starts the job in this process right after the request that asked for it. */
export function runBulkAnswerSoon(jobId: string): void {
  if (running.has(jobId)) return;
  running.set(
    jobId,
    runBulkAnswer(jobId)
      .catch((error: unknown) => console.error("bulk answer failed", error))
      .finally(() => running.delete(jobId)),
  );
}

/** Resolves when the jobs started in this process are done (tests, bench). */
export async function whenBulkAnswered(): Promise<void> {
  while (running.size > 0) await Promise.all(running.values());
}
registerBackgroundWork(whenBulkAnswered);

/** The round's latest jobs, for the progress region of the answering page. */
export function recentBulkAnswers(roundId: string) {
  return db().bulkAnswer.findMany({
    where: { roundId },
    orderBy: { createdAt: "desc" },
    take: 3,
    select: { id: true, state: true, done: true, total: true, decision: true, createdAt: true, finishedAt: true },
  });
}
