import { documentRefOf } from "~/editor/document-id";
import { insertUpdates, type NewUpdate } from "./document-bytes.server";

/**
 * Group commit for the document update log. Every room flushes its own merged update, but
 * with hundreds of drafts open that is hundreds of single-row INSERTs a second, each paying
 * Prisma's per-query cost on the event loop (bench "many drafts": 1,500 updates/s over 200
 * drafts held the loop 97 ms at p99). Instead, appends that arrive while a write is in
 * flight wait and go together in the next one: one INSERT … RETURNING for all of them (raw
 * SQL, `insertUpdates`). At most one write is in flight, which is also what SQLite's single
 * writer wants.
 */
type PendingAppend = {
  documentId: string;
  update: Uint8Array;
  resolve(id: number): void;
  reject(error: unknown): void;
};

/**
 * Rows per INSERT: bounds one statement's size (an update can be up to 2 MiB) and its bound
 * values (five a row: 2,500, far under SQLite's 32,766 and PostgreSQL's 65,535).
 */
const MAX_ROWS_PER_WRITE = 500;

let queue: PendingAppend[] = [];
let writing = false;

/** Appends one (merged) update of a document (document-id.ts); resolves with its row id once committed. */
export function appendUpdate(documentId: string, update: Uint8Array): Promise<number> {
  return new Promise((resolve, reject) => {
    queue.push({ documentId, update, resolve, reject });
    if (!writing) {
      writing = true;
      // Appends made in the same event-loop turn join the first write.
      setImmediate(() => void writeQueued());
    }
  });
}

async function writeQueued(): Promise<void> {
  try {
    while (queue.length > 0) {
      const batch = queue.slice(0, MAX_ROWS_PER_WRITE);
      queue = queue.slice(batch.length);
      try {
        const rows = await insertUpdates(batch.map(rowOf));
        const ids = idsInOrder(batch, rows);
        batch.forEach((append, index) => append.resolve(ids[index]!));
      } catch (error) {
        // One bad row (a draft or text deleted while open) must not fail everyone else's: alone, each
        // append succeeds or fails on its own (in order, so a document's ids still ascend).
        if (batch.length === 1) batch[0]!.reject(error);
        else for (const append of batch) await writeAlone(append);
      }
    }
  } finally {
    writing = false;
  }
}

async function writeAlone(append: PendingAppend): Promise<void> {
  try {
    const [row] = await insertUpdates([rowOf(append)]);
    append.resolve(row!.id);
  } catch (error) {
    append.reject(error);
  }
}

/** The row of an append: its document, and the draft and text that own it (their deletion removes it). */
function rowOf({ documentId, update }: PendingAppend): NewUpdate {
  return { documentId, ...documentRefOf(documentId), update };
}

/**
 * Each append's row id. Rows of one INSERT get ascending ids in the order of their VALUES;
 * matched per document (not by position) so nothing depends on RETURNING's row order.
 */
function idsInOrder(batch: PendingAppend[], rows: { id: number; documentId: string }[]): number[] {
  const byDocument = new Map<string, number[]>();
  for (const row of rows) byDocument.set(row.documentId, [...(byDocument.get(row.documentId) ?? []), row.id]);
  for (const ids of byDocument.values()) ids.sort((a, b) => a - b);
  return batch.map(({ documentId }) => {
    const id = byDocument.get(documentId)?.shift();
    if (id === undefined) throw new Error(`no row returned for an update of document ${documentId}`);
    return id;
  });
}
