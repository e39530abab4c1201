import { Prisma } from "~/generated/prisma/sqlite/client";
import { db, type Tx } from "~/utils/db.server";
import { sqlDialect } from "~/utils/sql-dialect.server";
import { intakeIdle } from "./intake-turn.server";
import {
  SAME_TEXT_JACCARD,
  decodeSignature,
  encodeSignature,
  estimatedJaccard,
  fingerprint,
  jaccard,
  normalizeText,
  shingles,
} from "~/utils/near-duplicates.server";
import { registerBackgroundWork } from "~/utils/background-work.server";

/**
 * Campaign groups, formed as proposals arrive (docs/decisions/025-campaigns-and-large-rounds.md).
 * A submission reads only the band rows that carry its own keys and at most a few candidate
 * groups, so its cost does not grow with the number of proposals in the round.
 */

/** Band rows read per submission: a key shared by many groups cannot make one submission slow. */
const MAX_BAND_ROWS = 200;
/** Candidates confirmed against their representative's text, best-sharing first. */
const MAX_CANDIDATES = 5;
/** The signature estimate is noisy (40 minima: ±0.08); below this it is surely not the same text. */
const ESTIMATE_FLOOR = SAME_TEXT_JACCARD - 0.25;

type Ungrouped = { id: string; roundId: string; articleId: string; proposedText: string };

type Candidate = { signature: string; normalizedText: string };
type Band = { articleId: string; key: string; groupId: string; group: Candidate };

/**
 * Finds the group of each proposal of a batch (its nearest candidate), or starts one, in
 * order, and stores it on the proposal. The caller holds the round's grouping row (see
 * groupPendingProposals), so two variants arriving together cannot both start a group.
 * The band rows of the whole batch's keys are read once; what the batch itself adds (new
 * groups, a variant's keys) joins that set in memory, so the batch's later proposals see it
 * as they would after a commit. Then one statement per table: new groups, new band rows, and
 * one update per group.
 */
export async function groupBatch(tx: Tx, proposals: Ungrouped[]): Promise<void> {
  if (!proposals.length) return;
  const roundId = proposals[0]!.roundId;
  const prints = proposals.map((proposal) => fingerprint(proposal.proposedText));
  const keysOf = prints.map((print) => [print.exactKey, ...print.bandKeys]);
  const known: Band[] = await tx.proposalBand.findMany({
    where: {
      roundId,
      articleId: { in: [...new Set(proposals.map((p) => p.articleId))] },
      key: { in: [...new Set(keysOf.flat())] },
    },
    select: { articleId: true, key: true, groupId: true, group: { select: { signature: true, normalizedText: true } } },
    take: MAX_BAND_ROWS * proposals.length,
  });
  const bands = new Map<string, Band[]>();
  const remember = (band: Band) => {
    const at = `${band.articleId}\n${band.key}`;
    bands.set(at, [...(bands.get(at) ?? []), band]);
  };
  known.forEach(remember);

  const newGroups: { representativeId: string; articleId: string; signature: string; normalizedText: string }[] = [];
  const newBands: Band[] = [];
  const groupOf = new Map<string, string>();
  proposals.forEach((proposal, i) => {
    const print = prints[i]!;
    const rows = keysOf[i]!.flatMap((key) => bands.get(`${proposal.articleId}\n${key}`) ?? []).slice(0, MAX_BAND_ROWS);
    const same = rows.find((row) => row.key === print.exactKey);
    if (same) return groupOf.set(proposal.id, same.groupId);
    const groupId = nearestGroup(print, rows) ?? `new:${proposal.id}`;
    if (groupId === `new:${proposal.id}`) {
      const group = {
        signature: encodeSignature(print.signature),
        normalizedText: normalizeText(proposal.proposedText),
      };
      newGroups.push({ representativeId: proposal.id, articleId: proposal.articleId, ...group });
    }
    const group = groupId.startsWith("new:")
      ? newGroups.find((g) => `new:${g.representativeId}` === groupId)!
      : rows.find((row) => row.groupId === groupId)!.group;
    // This variant's keys join the group's: a later variant close to it but further from the
    // representative still finds the group. Keys the group already has are not stored twice.
    const has = new Set(rows.filter((row) => row.groupId === groupId).map((row) => row.key));
    for (const key of keysOf[i]!) {
      // A text may repeat a word pair's band key; each row is stored once.
      if (has.has(key)) continue;
      has.add(key);
      const band = { articleId: proposal.articleId, key, groupId, group };
      newBands.push(band);
      remember(band);
    }
    groupOf.set(proposal.id, groupId);
  });

  const created = newGroups.length
    ? await tx.proposalGroup.createManyAndReturn({
        data: newGroups.map(({ representativeId, articleId, signature, normalizedText }) => ({
          roundId,
          articleId,
          representativeId,
          signature,
          normalizedText,
        })),
        select: { id: true, representativeId: true },
      })
    : [];
  const realId = new Map(created.map((group) => [`new:${group.representativeId}`, group.id]));
  const idOf = (groupId: string) => realId.get(groupId) ?? groupId;
  // A key the group already has is normally known from the rows read; but those are capped
  // (a key shared by many groups), so a row may exist unseen: it is then kept, not an error.
  // Failing here would fail the whole batch again at every run, and grouping would stop.
  const rows = newBands.map(({ articleId, key, groupId }) => [roundId, articleId, key, idOf(groupId)]);
  for (let start = 0; start < rows.length; start += 1000)
    await tx.$executeRaw`INSERT INTO ${sqlDialect().table("ProposalBand")} ("roundId", "articleId", "key", "groupId")
      VALUES ${Prisma.join(rows.slice(start, start + 1000).map((row) => Prisma.sql`(${Prisma.join(row)})`))}
      ON CONFLICT DO NOTHING`;
  // Every proposal's group in one statement (a campaign's copies and each distinct text's own).
  const assigned = [...groupOf].map(([proposalId, groupId]) => [proposalId, idOf(groupId)] as const);
  await tx.$executeRaw`UPDATE ${sqlDialect().table("Proposal")} SET "groupId" = CASE "id" ${Prisma.join(
    assigned.map(([proposalId, groupId]) => Prisma.sql`WHEN ${proposalId} THEN ${groupId}`),
    " ",
  )} END WHERE "id" IN (${Prisma.join(assigned.map(([proposalId]) => proposalId))})`;
}

/** The nearest candidate group whose text is the same text (word-pair Jaccard ≥ 0.5), if any. */
function nearestGroup(print: ReturnType<typeof fingerprint>, rows: Band[]): string | null {
  const shared = new Map<string, { count: number; group: Candidate }>();
  for (const row of rows)
    shared.set(row.groupId, { count: (shared.get(row.groupId)?.count ?? 0) + 1, group: row.group });
  let nearest: { groupId: string; similarity: number } | null = null;
  for (const [groupId, { group }] of [...shared].sort((a, b) => b[1].count - a[1].count).slice(0, MAX_CANDIDATES)) {
    if (estimatedJaccard(print.signature, decodeSignature(group.signature)) < ESTIMATE_FLOOR) continue;
    const similarity = jaccard(print.shingles, shingles(group.normalizedText));
    if (similarity >= SAME_TEXT_JACCARD && (!nearest || similarity > nearest.similarity))
      nearest = { groupId, similarity };
  }
  return nearest?.groupId ?? null;
}

/** Proposals grouped per transaction: one commit for many. */
const BATCH = 50;

/**
 * Groups proposals that have none yet, oldest first, in batches per round. A submission only
 * stores its proposal and asks for this (`groupSoon`): grouping never lengthens the time a
 * submission holds the round's row. Each batch first updates the round's grouping row, which
 * serializes the batches of one round across processes, and skips what another process grouped
 * meanwhile. A crash loses nothing: an ungrouped proposal is found again by the next run.
 * Returns how many it grouped.
 */
export async function groupPendingProposals(limit = 500, now = new Date()): Promise<number> {
  const pending = await db().proposal.findMany({
    where: { groupId: null },
    orderBy: { number: "asc" },
    select: { id: true, roundId: true },
    take: limit,
  });
  let grouped = 0;
  for (let start = 0; start < pending.length; start += BATCH) {
    // Submissions waiting to be written go first (intake-turn.server.ts).
    await intakeIdle();
    const batch = pending.slice(start, start + BATCH);
    for (const roundId of new Set(batch.map((p) => p.roundId))) {
      grouped += await db().$transaction(async (tx) => {
        await tx.proposalGrouping.upsert({
          where: { roundId },
          create: { roundId, groupedAt: now },
          update: { groupedAt: now },
        });
        const proposals = await tx.proposal.findMany({
          where: { id: { in: batch.filter((p) => p.roundId === roundId).map((p) => p.id) }, groupId: null },
          orderBy: { number: "asc" },
          select: { id: true, roundId: true, articleId: true, proposedText: true },
        });
        await groupBatch(tx, proposals);
        return proposals.length;
      });
    }
  }
  return grouped;
}

let draining: Promise<void> | null = null;
let requestedAgain = false;

/**
 * Groups new proposals in the background, right after their submission commits: one run at a
 * time in this process, repeated while submissions keep arriving. The background jobs' timer
 * catches anything left (another process crashed, or a run failed).
 */
export function groupSoon(): void {
  if (draining) {
    requestedAgain = true;
    return;
  }
  draining = (async () => {
    do {
      requestedAgain = false;
      while ((await groupPendingProposals()) > 0);
    } while (requestedAgain);
  })()
    .catch((error: unknown) => console.error("grouping proposals failed", error))
    .finally(() => {
      draining = null;
      if (requestedAgain) groupSoon();
    });
}

/** Resolves when the grouping asked for so far in this process is done (tests, bench). */
export async function whenGrouped(): Promise<void> {
  while (draining) await draining;
}
registerBackgroundWork(whenGrouped);
