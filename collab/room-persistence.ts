import * as Y from "yjs";
import type { DocumentLog } from "../app/models/documents/document-log.server";
import type { CollabConfig } from "./config";

/**
 * The persistence part of a room: the updates accepted but not yet stored, their merged
 * write to the document log (one per flush window), retries with back-off while the
 * database fails, and the compaction policy. After each write `onSaved` learns the state
 * vector the database now holds.
 */
export class RoomPersistence {
  private pending: Uint8Array[] = [];
  private flushing: Promise<void> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryDelay: number;
  private batchesSinceCompaction: number;
  private lastCompactedAt = Date.now();
  /** State vector of what the database holds (at load, then after each write). */
  savedVector: Uint8Array;
  /** When storing started failing (null while writes succeed); read by /healthz. */
  failingSince: number | null = null;

  constructor(
    private readonly documentId: string,
    private readonly doc: Y.Doc,
    private lastUpdateId: number,
    logRows: number,
    private readonly config: CollabConfig,
    private readonly log: DocumentLog,
    private readonly onSaved: (stateVector: Uint8Array) => void,
  ) {
    // A room loaded from a current snapshot and never written to has nothing to compact:
    // unloading it must not rewrite (and re-index) a megabyte snapshot. That rewrite also
    // made the next open of the same draft wait for it (cold load 622 ms instead of ~150).
    this.batchesSinceCompaction = logRows;
    this.retryDelay = config.retryBaseMs;
    this.savedVector = Y.encodeStateVector(doc);
  }

  /** Updates held in memory and not yet in the database (the persistence backlog). */
  get unsavedUpdates(): number {
    return this.pending.length;
  }

  get hasUnsavedChanges(): boolean {
    return this.pending.length > 0 || this.flushing !== null;
  }

  /** An accepted update of this node's members: stored within the flush window. */
  add(update: Uint8Array): void {
    this.pending.push(update);
    this.scheduleFlush(this.config.flushDelayMs);
  }

  /** Writes what is pending; resolves when the database has it (or rejects on failure). */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing.catch(() => undefined);
    if (this.pending.length === 0) return;
    const batch = this.pending.splice(0);
    const savedVector = Y.encodeStateVector(this.doc);
    this.flushing = (async () => {
      try {
        const merged = batch.length === 1 ? batch[0]! : Y.mergeUpdates(batch);
        this.lastUpdateId = await this.log.appendUpdate(this.documentId, merged);
        this.retryDelay = this.config.retryBaseMs;
        this.failingSince = null;
        this.batchesSinceCompaction++;
        this.savedVector = savedVector;
        this.onSaved(savedVector);
      } catch (error) {
        // Keep the updates, in order, ahead of anything newer, and try again later.
        this.pending.unshift(...batch);
        throw error;
      } finally {
        this.flushing = null;
      }
    })();
    await this.flushing;
    if (this.compactionDue()) {
      // The updates are safe in the log; a failed compaction only delays the next one.
      await this.compact().catch((error: unknown) =>
        console.error(`collab: compacting document ${this.documentId} failed`, error),
      );
    }
  }

  /** Folds the log into a snapshot. Safe while updates arrive: only rows already in memory go. */
  async compact(): Promise<void> {
    const upTo = this.lastUpdateId;
    const batches = this.batchesSinceCompaction;
    this.batchesSinceCompaction = 0;
    this.lastCompactedAt = Date.now();
    try {
      await this.log.compactDocument(this.documentId, this.doc, upTo);
    } catch (error) {
      this.batchesSinceCompaction += batches;
      throw error;
    }
  }

  /** Stores everything and compacts if the log grew since the load or the last compaction. */
  async storeAll(): Promise<void> {
    await this.flush();
    if (this.batchesSinceCompaction > 0) await this.compact();
  }

  destroy(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
  }

  private compactionDue(): boolean {
    return (
      this.batchesSinceCompaction >= this.config.compactEveryBatches &&
      Date.now() - this.lastCompactedAt >= this.config.compactMinIntervalMs
    );
  }

  private scheduleFlush(delay: number): void {
    if (this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.flush().catch((error: unknown) => {
        console.error(`collab: storing updates of document ${this.documentId} failed; retrying`, error);
        this.failingSince ??= Date.now();
        this.retryDelay = Math.min(this.retryDelay * 2, this.config.retryMaxMs);
        this.scheduleFlush(this.retryDelay);
      });
    }, delay);
  }
}
