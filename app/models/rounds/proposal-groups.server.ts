import { db, type Tx } from "~/utils/db.server";
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

/**
 * Finds the group one proposal belongs to (its nearest candidate), or starts one, and returns
 * its id for the caller to store on the proposal. The caller holds the round's grouping row
 * (see groupPendingProposals), so two variants arriving together cannot both start a group.
 * One read, and for a new variant one write of its keys (and of a new group).
 */
export async function findOrStartGroup(tx: Tx, proposal: Ungrouped): Promise<string> {
  const print = fingerprint(proposal.proposedText);
  const scope = { roundId: proposal.roundId, articleId: proposal.articleId };
  const rows = await tx.proposalBand.findMany({
    where: { ...scope, key: { in: [print.exactKey, ...print.bandKeys] } },
    select: { key: true, groupId: true, group: { select: { signature: true, normalizedText: true } } },
    take: MAX_BAND_ROWS,
  });
  const same = rows.find((row) => row.key === print.exactKey);
  if (same) return same.groupId;

  const shared = new Map<string, { count: number; group: (typeof rows)[number]["group"] }>();
  for (const row of rows)
    shared.set(row.groupId, { count: (shared.get(row.groupId)?.count ?? 0) + 1, group: row.group });
  let nearest: { groupId: string; similarity: number } | null = null;
  for (const [groupId, { group }] of [...shared].sort((a, b) => b[1].count - a[1].count).slice(0, MAX_CANDIDATES)) {
    if (estimatedJaccard(print.signature, decodeSignature(group.signature)) < ESTIMATE_FLOOR) continue;
    const similarity = jaccard(print.shingles, shingles(group.normalizedText));
    if (similarity >= SAME_TEXT_JACCARD && (!nearest || similarity > nearest.similarity))
      nearest = { groupId, similarity };
  }

  const groupId =
    nearest?.groupId ??
    (
      await tx.proposalGroup.create({
        data: {
          ...scope,
          representativeId: proposal.id,
          signature: encodeSignature(print.signature),
          normalizedText: normalizeText(proposal.proposedText),
        },
        select: { id: true },
      })
    ).id;
  // This variant's keys join the group's: a later variant close to it but further from the
  // representative still finds the group. Keys the group already has are not stored twice.
  const known = new Set(rows.filter((row) => row.groupId === groupId).map((row) => row.key));
  await tx.proposalBand.createMany({
    data: [print.exactKey, ...print.bandKeys]
      .filter((key) => !known.has(key))
      .map((key) => ({ ...scope, key, groupId })),
  });
  return groupId;
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
        for (const proposal of proposals) {
          const groupId = await findOrStartGroup(tx, proposal);
          await tx.proposal.update({ where: { id: proposal.id }, data: { groupId } });
        }
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
