import * as Y from "yjs";
import { db } from "~/utils/db.server";
import { prismaBytes, readSnapshot, readUpdates } from "./document-bytes.server";
import { deriveContent, type LoadedDocument } from "./documents.server";

/**
 * The document log when several collab nodes append to it at once (PostgreSQL + Redis).
 * Ids then do not tell what a node has seen: node A may append id 11 before node B's id 10
 * commits, or before A has received B's update over Redis. So:
 * - loading applies the snapshot and every row still in the log, whatever its id
 *   (applying an update twice changes nothing in Yjs);
 * - compaction folds only the rows it read from the database (not the node's memory) into
 *   the snapshot and deletes exactly those rows; a row appended meanwhile stays.
 */

export async function loadSharedDocument(draftId: string): Promise<LoadedDocument> {
  const doc = new Y.Doc();
  const snapshot = await readSnapshot(draftId);
  if (snapshot) Y.applyUpdate(doc, snapshot.state);
  const rows = await readUpdates(draftId);
  for (const row of rows) Y.applyUpdate(doc, row.update);
  return { doc, lastUpdateId: rows.at(-1)?.id ?? 0, logRows: rows.length };
}

export type CompactionResult = { folded: number };

/**
 * Folds the rows present now into the snapshot. The caller holds the compaction lock; in
 * addition the snapshot is replaced only if it is still the one read (same `updatedAt`),
 * so a compaction whose lock expired under it fails instead of overwriting a newer one.
 * `hold` runs between reading and writing (tests use it to append rows meanwhile).
 */
export async function compactSharedLog(draftId: string, hold?: () => Promise<void>): Promise<CompactionResult> {
  const snapshot = await db().documentSnapshot.findUnique({
    where: { draftId },
    select: { updatedAt: true, lastUpdateId: true },
  });
  const stored = snapshot ? await readSnapshot(draftId) : null;
  const rows = await readUpdates(draftId);
  if (rows.length === 0) return { folded: 0 };
  const doc = new Y.Doc();
  try {
    if (stored) Y.applyUpdate(doc, stored.state);
    for (const row of rows) Y.applyUpdate(doc, row.update);
    await hold?.();
    const state = prismaBytes(Y.encodeStateAsUpdate(doc));
    // An unreadable text keeps the outline and search text of its last readable state.
    const derived = deriveContent(draftId, doc) ?? {};
    const lastUpdateId = Math.max(snapshot?.lastUpdateId ?? 0, rows.at(-1)!.id);
    await db().$transaction(async (tx) => {
      if (snapshot) {
        const replaced = await tx.documentSnapshot.updateMany({
          where: { draftId, updatedAt: snapshot.updatedAt },
          data: { state, lastUpdateId, ...derived },
        });
        if (replaced.count === 0) throw new Error(`snapshot of draft ${draftId} changed during compaction`);
      } else {
        // A concurrent creation fails on the primary key and rolls this back.
        await tx.documentSnapshot.create({
          data: { draftId, state, lastUpdateId, outline: [], plainText: "", ...derived },
        });
      }
      await tx.documentUpdate.deleteMany({ where: { draftId, id: { in: rows.map((row) => row.id) } } });
    });
    return { folded: rows.length };
  } finally {
    doc.destroy();
  }
}
