import * as Y from "yjs";
import { outlineOf, type OutlineEntry } from "~/editor/outline";
import { plainTextOf } from "~/editor/document-json";
import { documentRefOf } from "~/editor/document-id";
import { indexDraft } from "~/search/search-index.server";
import { db, type Tx } from "~/utils/db.server";
import { prismaBytes, readSnapshot, readUpdates } from "./document-bytes.server";
import { appendUpdate } from "./update-log-writer.server";
import { readDocumentJSON, UnreadableDocumentError } from "./unreadable-document.server";

/**
 * A live document's store (a draft's main text or another of its texts, named by its document
 * id, app/editor/document-id.ts), for the web and the collab server alike: an append-only log
 * of Yjs updates (DocumentUpdate) plus a compacted snapshot (DocumentSnapshot) with the
 * data derived from it (outline, plain text, search entry).
 *
 * Row ids do not tell what has been folded when several collab nodes append at once: node A
 * may append id 11 before node B's id 10 commits (PostgreSQL hands out ids at insert, not at
 * commit). So loading always applies the snapshot and every row still in the log, whatever
 * its id (applying an update twice changes nothing in Yjs); on one node that is the same as
 * reading the rows above the snapshot, because compaction deletes what it folds.
 *
 * Only compaction differs between one node and several, chosen once by `documentLogFor`.
 */

/**
 * `logRows`: updates applied after the snapshot (0 means the snapshot is already current).
 * `wholeState`: the snapshot's bytes when nothing follows them, which is then the whole
 * document as one Yjs update, ready to send to a joiner who has nothing yet.
 */
export type LoadedDocument = { doc: Y.Doc; lastUpdateId: number; logRows: number; wholeState: Uint8Array | null };

/** What the collab server (and anything else that keeps a document open) needs of the log. */
export type DocumentLog = {
  loadDocument(documentId: string): Promise<LoadedDocument>;
  appendUpdate(documentId: string, update: Uint8Array): Promise<number>;
  /** Folds the log into the snapshot; `doc` and `lastUpdateId` are the caller's view of it. */
  compactDocument(documentId: string, doc: Y.Doc, lastUpdateId: number): Promise<void>;
};

/** The snapshot, then every update still in the log, in order. */
export async function loadDocument(documentId: string): Promise<LoadedDocument> {
  const doc = new Y.Doc();
  const snapshot = await readSnapshot(documentId);
  if (snapshot) Y.applyUpdate(doc, snapshot.state);
  const rows = await readUpdates(documentId);
  for (const row of rows) Y.applyUpdate(doc, row.update);
  const lastUpdateId = Math.max(snapshot?.lastUpdateId ?? 0, rows.at(-1)?.id ?? 0);
  const wholeState = snapshot && rows.length === 0 ? snapshot.state : null;
  return { doc, lastUpdateId, logRows: rows.length, wholeState };
}

export { appendUpdate };

export type DerivedContent = { outline: OutlineEntry[]; plainText: string };

/**
 * The outline and plain text of a document, or null when its text cannot be read
 * (unreadable-document.server.ts): durability comes first, so callers store the raw state
 * anyway and keep the last derived values.
 */
export function deriveContent(documentId: string, doc: Y.Doc): DerivedContent | null {
  try {
    const json = readDocumentJSON(documentId, doc, "snapshot");
    return { outline: outlineOf(json), plainText: plainTextOf(json) };
  } catch (error) {
    if (error instanceof UnreadableDocumentError) return null;
    throw error;
  }
}

/** How one snapshot write relates to the log and to the snapshot it replaces. */
type SnapshotWrite = {
  lastUpdateId: number;
  /** The log rows the new state covers; they are deleted in the same transaction. */
  covers: { upToId: number } | { ids: number[] };
  /**
   * Several nodes: the `updatedAt` of the snapshot that was read (null: there was none). The
   * snapshot is replaced only if it is still that one, so a compaction whose lock expired
   * under it fails instead of overwriting a newer one. Absent on one node: an upsert.
   */
  replacing?: Date | null;
};

/**
 * The one place a snapshot is written: the full state, the outline and plain text derived
 * from it, the folded log rows deleted and the search entry updated, all in `tx`.
 */
async function writeSnapshot(tx: Tx, documentId: string, doc: Y.Doc, write: SnapshotWrite): Promise<void> {
  const state = prismaBytes(Y.encodeStateAsUpdate(doc));
  const derived = deriveContent(documentId, doc);
  const { lastUpdateId } = write;
  const owners = documentRefOf(documentId);
  // An unreadable text keeps the outline and search text of its last readable state.
  const changed = derived ? { state, lastUpdateId, ...derived } : { state, lastUpdateId };
  const created = { documentId, ...owners, state, lastUpdateId, outline: [], plainText: "", ...derived };
  if (write.replacing === undefined) {
    await tx.documentSnapshot.upsert({ where: { documentId }, create: created, update: changed });
  } else if (write.replacing === null) {
    // A concurrent creation fails on the primary key and rolls this back.
    await tx.documentSnapshot.create({ data: created });
  } else {
    const replaced = await tx.documentSnapshot.updateMany({
      where: { documentId, updatedAt: write.replacing },
      data: changed,
    });
    if (replaced.count === 0) throw new Error(`snapshot of document ${documentId} changed during compaction`);
  }
  const folded = "ids" in write.covers ? { in: write.covers.ids } : { lte: write.covers.upToId };
  await tx.documentUpdate.deleteMany({ where: { documentId, id: folded } });
  // Search follows the stored text: the plain text was derived just now, no second pass. The
  // draft's one entry holds the words of all its texts, so a hit in an annex opens the draft.
  if (derived) await indexDraft(tx, owners.draftId, { documentId, plainText: derived.plainText });
}

/**
 * One node: folds the caller's document as it is in memory, which holds every row it
 * appended (ids ≤ lastUpdateId); rows appended meanwhile have higher ids and survive.
 */
export async function compactDocument(documentId: string, doc: Y.Doc, lastUpdateId: number): Promise<void> {
  await db().$transaction((tx) =>
    writeSnapshot(tx, documentId, doc, { lastUpdateId, covers: { upToId: lastUpdateId } }),
  );
}

export type CompactionResult = { folded: number };

/**
 * Several nodes: folds only the rows read from the database now (not a node's memory, which
 * may lack another node's update still on its way over Redis) and deletes exactly those rows.
 * The caller holds the compaction lock (collab/shared-store.ts). `hold` runs between reading
 * and writing (tests use it to append rows meanwhile).
 */
export async function compactStoredLog(documentId: string, hold?: () => Promise<void>): Promise<CompactionResult> {
  const snapshot = await db().documentSnapshot.findUnique({
    where: { documentId },
    select: { updatedAt: true, lastUpdateId: true },
  });
  const stored = snapshot ? await readSnapshot(documentId) : null;
  const rows = await readUpdates(documentId);
  if (rows.length === 0) return { folded: 0 };
  const doc = new Y.Doc();
  try {
    if (stored) Y.applyUpdate(doc, stored.state);
    for (const row of rows) Y.applyUpdate(doc, row.update);
    await hold?.();
    const write: SnapshotWrite = {
      lastUpdateId: Math.max(snapshot?.lastUpdateId ?? 0, rows.at(-1)!.id),
      covers: { ids: rows.map((row) => row.id) },
      replacing: snapshot?.updatedAt ?? null,
    };
    await db().$transaction((tx) => writeSnapshot(tx, documentId, doc, write));
    return { folded: rows.length };
  } finally {
    doc.destroy();
  }
}

/**
 * The document log of a deployment: one node folds from memory; several nodes (sharing
 * PostgreSQL, fanned out over Redis) fold the stored rows. The only place that choice is made.
 */
export function documentLogFor(nodes: "one node" | "several nodes", hold?: () => Promise<void>): DocumentLog {
  return {
    loadDocument,
    appendUpdate,
    compactDocument:
      nodes === "one node"
        ? compactDocument
        : async (documentId) => {
            await compactStoredLog(documentId, hold);
          },
  };
}

/**
 * Stores the initial state of a new document (a new draft's template, import or demo content;
 * a new text's first state), in `tx` if given.
 */
export async function initializeDocument(documentId: string, update: Uint8Array, tx?: Tx): Promise<void> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  const write: SnapshotWrite = { lastUpdateId: 0, covers: { upToId: 0 } };
  if (tx) await writeSnapshot(tx, documentId, doc, write);
  else await db().$transaction((inner) => writeSnapshot(inner, documentId, doc, write));
  doc.destroy();
}

/** The article list only: the draft page gets the text itself through the collab connection. */
export async function getSnapshotOutline(documentId: string) {
  return db().documentSnapshot.findUnique({ where: { documentId }, select: { outline: true } });
}

export async function getSnapshotSummary(documentId: string) {
  return db().documentSnapshot.findUnique({
    where: { documentId },
    select: { outline: true, plainText: true, updatedAt: true },
  });
}
