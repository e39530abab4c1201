import type { CollabConfig } from "./config";

/**
 * Optional overrides of the collab defaults from the environment, for operators and for
 * tests that run collab nodes as child processes (where no options object can be passed).
 * Unset variables keep the defaults of collab/config.ts.
 */
const VARIABLES = {
  COLLAB_UNLOAD_AFTER_MS: "unloadAfterMs",
  COLLAB_ACCESS_RECHECK_MS: "accessRecheckMs",
  COLLAB_FLUSH_DELAY_MS: "flushDelayMs",
  COLLAB_COMPACT_EVERY_BATCHES: "compactEveryBatches",
  COLLAB_COMPACT_MIN_INTERVAL_MS: "compactMinIntervalMs",
  COLLAB_MAX_BUFFERED_BYTES: "maxBufferedBytes",
  COLLAB_MAX_SOCKETS_PER_ACCOUNT: "maxSocketsPerAccount",
  COLLAB_MAX_SOCKETS_PER_ADDRESS: "maxSocketsPerAddress",
  COLLAB_HEARTBEAT_MS: "heartbeatMs",
} as const satisfies Record<string, keyof CollabConfig>;

export function collabTuningFromEnv(source: NodeJS.ProcessEnv = process.env): {
  config: Partial<CollabConfig>;
  /** Test hook: compaction pauses this long between reading the log and writing the snapshot. */
  compactionHoldMs: number | undefined;
} {
  const config: Partial<Record<keyof CollabConfig, number>> = {};
  for (const [name, field] of Object.entries(VARIABLES)) {
    const value = source[name];
    if (value === undefined || value === "") continue;
    const number = Number(value);
    if (!Number.isFinite(number) || number < 0) throw new Error(`${name} must be a non-negative number`);
    config[field] = number;
  }
  const hold = source.COLLAB_COMPACTION_HOLD_MS;
  return { config: config as Partial<CollabConfig>, compactionHoldMs: hold ? Number(hold) : undefined };
}
