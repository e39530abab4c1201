import { randomUUID } from "node:crypto";
import { documentLogFor, type DocumentLog } from "../app/models/documents/document-log.server";
import type { RedisBus } from "../app/utils/redis-bus.server";

/** Counters for monitoring (`/stats` of a collab node) and the scale-out test. */
export type CompactionStats = { compactions: number; skippedLocked: number; failed: number };

export type SharedStoreOptions = {
  /** The lock expires after this long if its holder dies mid-compaction. */
  lockMs?: number;
  /** Test hook: held between reading the log and writing the snapshot. */
  holdMs?: number;
};

const RELEASE_IF_OURS = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

/**
 * The document log of a collab node that shares the database with other nodes (the
 * "several nodes" folding of document-log.server.ts), compacting under a Redis lock
 * (`SET key token NX PX`, released only by its holder) so one node at a time folds the
 * log. A node that finds the lock taken skips: its updates are already in the log, and
 * the holder or a later compaction folds them.
 */
export function sharedDatabaseStore(
  bus: RedisBus,
  options: SharedStoreOptions = {},
): DocumentLog & { stats: CompactionStats } {
  const lockMs = options.lockMs ?? 60_000;
  const stats: CompactionStats = { compactions: 0, skippedLocked: 0, failed: 0 };
  const hold = options.holdMs ? () => new Promise<void>((resolve) => setTimeout(resolve, options.holdMs)) : undefined;

  const log = documentLogFor("several nodes", hold);

  return {
    stats,
    loadDocument: log.loadDocument,
    appendUpdate: log.appendUpdate,
    async compactDocument(documentId, doc, lastUpdateId) {
      const key = bus.key(`compaction-lock:${documentId}`);
      const token = `${bus.nodeId}:${randomUUID()}`;
      if ((await bus.commands.set(key, token, "PX", lockMs, "NX")) !== "OK") {
        stats.skippedLocked++;
        return;
      }
      try {
        await log.compactDocument(documentId, doc, lastUpdateId);
        stats.compactions++;
      } catch (error) {
        stats.failed++;
        throw error;
      } finally {
        await bus.commands.eval(RELEASE_IF_OURS, 1, key, token);
      }
    },
  };
}
