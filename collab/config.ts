/** Collab server settings; every field has a default suited to one ministry on one machine. */
export type CollabConfig = {
  /** Largest accepted WebSocket frame. A whole 300-article draft is about 1 MB of Yjs state. */
  maxMessageBytes: number;
  /** Messages a connection may send before its document has loaded; more closes it. */
  maxPendingMessages: number;
  /** A client whose unsent backlog exceeds this has stopped reading and is dropped (goal: ≤ 2 MiB). */
  maxBufferedBytes: number;
  /**
   * How long a document nobody has open stays in memory: long enough for a page reload to
   * find it warm; short enough that it is gone within 30 s of its last write.
   */
  unloadAfterMs: number;
  /**
   * Updates arriving within this window are merged into one database write. Small enough
   * that "all changes saved" follows a keystroke at once, large enough that a burst of
   * typing from several people costs one write instead of one per keystroke.
   */
  flushDelayMs: number;
  /** Compact the update log into a snapshot after this many appended batches… */
  compactEveryBatches: number;
  /**
   * …but not sooner than this after the last compaction (or the load). Compacting re-encodes
   * the whole document, derives its text and re-indexes it for search: on a hot draft of
   * several MB that is hundreds of ms, and SQLite's driver does it on the event loop.
   * The rows in between cost little: loading applies them in one pass.
   */
  compactMinIntervalMs: number;
  /** How often open connections' sessions and access are checked again (revocation). */
  accessRecheckMs: number;
  /** Delay before retrying a failed database write (doubles up to retryMaxMs). */
  retryBaseMs: number;
  /**
   * Longest pause between retries: short enough that edits reach the database within
   * seconds after an outage ends, long enough not to hammer a struggling database.
   */
  retryMaxMs: number;
  /** Origin that browsers must send; unset: the request's own host (http://host). */
  expectedOrigin?: string;
  /**
   * Open or pending collab sockets one account may hold; more are refused with 429 before the
   * handshake. A person with many tabs of many drafts stays well under it.
   */
  maxSocketsPerAccount: number;
  /** Open or pending collab sockets per client address (the forwarded one behind a local proxy). */
  maxSocketsPerAddress: number;
  /** A socket that has not answered the previous ping by the next one is a dead peer and is terminated. */
  heartbeatMs: number;
  /** Longest wait for an upgrade's access decision (a stuck database); then 503 and the socket is closed. */
  upgradeDecisionTimeoutMs: number;
  /**
   * Largest awareness state of one client id. A real caret, selection and name is a few
   * hundred bytes; without a bound a commenter could park megabytes that every joiner receives.
   */
  maxAwarenessStateBytes: number;
  /** Awareness client ids one connection may hold (one editor tab uses one). */
  maxAwarenessClientsPerConnection: number;
  /**
   * A connection's awareness updates are applied at most once per this interval; what
   * arrives in between is merged (the latest state of each client id wins). A moving caret
   * sends a few per second; a flood of thousands costs the same as a few.
   */
  awarenessIntervalMs: number;
  /**
   * Sync requests (SyncStep1) one connection may send in a burst; each asks the server to
   * encode what the client lacks, for a new client the whole draft. A client sends one when
   * it connects.
   */
  syncRequestBurst: number;
  /** …and how fast that allowance refills. Beyond it the connection is closed with 4429. */
  syncRequestsPerSecond: number;
  /**
   * Deepest nesting of elements an update may create. The editor's legal structure is a few
   * levels deep; thousands of levels overflow the stack of every step that walks the tree
   * (versions, exports, the search text).
   */
  maxNestingDepth: number;
  /**
   * Open suggestions one person may have in one draft. Each is work for the editors; beyond
   * this a suggester's new ones are refused until some are decided or withdrawn.
   */
  maxOpenSuggestionsPerPerson: number;
};

export const DEFAULT_COLLAB_CONFIG: CollabConfig = {
  maxMessageBytes: 2 * 1024 * 1024,
  maxPendingMessages: 100,
  maxBufferedBytes: 2 * 1024 * 1024,
  unloadAfterMs: 20_000,
  flushDelayMs: 20,
  compactEveryBatches: 200,
  compactMinIntervalMs: 30_000,
  accessRecheckMs: 2_000,
  retryBaseMs: 500,
  retryMaxMs: 5_000,
  maxSocketsPerAccount: 20,
  maxSocketsPerAddress: 50,
  heartbeatMs: 30_000,
  upgradeDecisionTimeoutMs: 10_000,
  maxAwarenessStateBytes: 8 * 1024,
  maxAwarenessClientsPerConnection: 4,
  awarenessIntervalMs: 50,
  syncRequestBurst: 10,
  syncRequestsPerSecond: 2,
  maxNestingDepth: 64,
  maxOpenSuggestionsPerPerson: 300,
};
