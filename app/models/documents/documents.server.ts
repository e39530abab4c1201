import * as Y from "yjs";
import { outlineOf, type OutlineEntry } from "~/editor/outline";
import { plainTextOf } from "~/editor/document-json";
import { indexDraft } from "~/search/search-index.server";
import { db, type Tx } from "~/utils/db.server";
import { prismaBytes, readSnapshot, readUpdates } from "./document-bytes.server";
import { readDocumentJSON, UnreadableDocumentError } from "./unreadable-document.server";

/**
 * A draft's live document in the database: an append-only log of Yjs updates
 * (DocumentUpdate) plus a compacted snapshot (DocumentSnapshot) with derived data.
 */

/** `logRows`: updates applied after the snapshot (0 means the snapshot is already current). */
export type LoadedDocument = { doc: Y.Doc; lastUpdateId: number; logRows: number };

/** The snapshot, then every update appended after it, in order. */
export async function loadDocument(draftId: string): Promise<LoadedDocument> {
  const doc = new Y.Doc();
  const snapshot = await readSnapshot(draftId);
  let lastUpdateId = snapshot?.lastUpdateId ?? 0;
  if (snapshot) Y.applyUpdate(doc, snapshot.state);
  const updates = await readUpdates(draftId, lastUpdateId);
  for (const row of updates) {
    Y.applyUpdate(doc, row.update);
    lastUpdateId = row.id;
  }
  return { doc, lastUpdateId, logRows: updates.length };
}

export { appendUpdate } from "./update-log-writer.server";

export type DerivedContent = { outline: OutlineEntry[]; plainText: string };

/**
 * The outline and plain text of a document, or null when its text cannot be read
 * (unreadable-document.server.ts): durability comes first, so callers store the raw state
 * anyway and keep the last derived values.
 */
export function deriveContent(draftId: string, doc: Y.Doc): DerivedContent | null {
  try {
    const json = readDocumentJSON(draftId, doc, "snapshot");
    return { outline: outlineOf(json), plainText: plainTextOf(json) };
  } catch (error) {
    if (error instanceof UnreadableDocumentError) return null;
    throw error;
  }
}

/**
 * Replaces the snapshot with the document's full state and deletes the log rows it
 * covers (id ≤ lastUpdateId). Rows appended meanwhile have higher ids and survive.
 */
export async function compactDocument(draftId: string, doc: Y.Doc, lastUpdateId: number): Promise<void> {
  await db().$transaction((tx) => writeSnapshot(tx, draftId, doc, lastUpdateId));
}

async function writeSnapshot(tx: Tx, draftId: string, doc: Y.Doc, lastUpdateId: number): Promise<void> {
  const state = prismaBytes(Y.encodeStateAsUpdate(doc));
  const derived = deriveContent(draftId, doc);
  await tx.documentSnapshot.upsert({
    where: { draftId },
    create: { draftId, state, lastUpdateId, outline: derived?.outline ?? [], plainText: derived?.plainText ?? "" },
    // An unreadable text keeps the outline and search text of its last readable state.
    update: derived
      ? { state, lastUpdateId, outline: derived.outline, plainText: derived.plainText }
      : { state, lastUpdateId },
  });
  await tx.documentUpdate.deleteMany({ where: { draftId, id: { lte: lastUpdateId } } });
  // Search follows the stored text: the plain text was derived just now, no second pass.
  if (derived) await indexDraft(tx, draftId, derived.plainText);
}

/** Stores the initial state of a new draft (template, import or demo content), in `tx` if given. */
export async function initializeDocument(draftId: string, update: Uint8Array, tx?: Tx): Promise<void> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  if (tx) await writeSnapshot(tx, draftId, doc, 0);
  else await compactDocument(draftId, doc, 0);
  doc.destroy();
}

/** The article list only: the draft page gets the text itself through the collab connection. */
export async function getSnapshotOutline(draftId: string) {
  return db().documentSnapshot.findUnique({ where: { draftId }, select: { outline: true } });
}

export async function getSnapshotSummary(draftId: string) {
  return db().documentSnapshot.findUnique({
    where: { draftId },
    select: { outline: true, plainText: true, updatedAt: true },
  });
}
