import Database from "better-sqlite3";
import { db } from "./db.server";
import { env, isPostgresUrl } from "./env.server";

/**
 * How long the SQLite probe waits for another writer. better-sqlite3 waits synchronously,
 * so this is also how long a probe can hold the event loop while the database is locked:
 * short, and on a connection of its own, so the platform's busy timeout (5 s) stays out of it.
 */
const PROBE_BUSY_MS = 250;

/**
 * How long one probe's answer stands, so that frequent health checks (a monitor every
 * second, a load balancer per node) cost one probe: a success briefly (a disk that just
 * filled shows within a second), a failure longer (each failed probe under a held lock
 * costs its busy wait on the event loop).
 */
const SUCCESS_VALID_MS = 1_000;
const FAILURE_VALID_MS = 5_000;
let lastProbe: { at: number; validMs: number; result: Promise<boolean> } | null = null;

/**
 * Whether the database takes a write right now, not only a read: a full disk leaves
 * `SELECT 1` answering while every write fails, and health must not say "ok" then.
 * Concurrent callers share one probe, reused while its answer stands.
 */
export function databaseAcceptsWrites(now = Date.now()): Promise<boolean> {
  if (lastProbe && now - lastProbe.at < lastProbe.validMs) return lastProbe.result;
  const probe = { at: now, validMs: SUCCESS_VALID_MS, result: probeWrite() };
  probe.result.catch(() => (probe.validMs = FAILURE_VALID_MS));
  lastProbe = probe;
  return probe.result;
}

/** Commits a write that changes nothing. */
async function probeWrite(): Promise<boolean> {
  const url = env().DATABASE_URL;
  if (isPostgresUrl(url)) {
    // Assigning a transaction id makes the commit write to the WAL.
    await db().$queryRawUnsafe("SELECT txid_current()");
    return true;
  }
  const probe = new Database(url.replace(/^file:/, "").replace(/\?.*$/, ""), {
    fileMustExist: true,
    timeout: PROBE_BUSY_MS,
  });
  try {
    // Rewriting the header's user_version with its own value is a real committed write.
    const version = Number(probe.pragma("user_version", { simple: true }));
    probe.exec(`BEGIN IMMEDIATE; PRAGMA user_version = ${version}; COMMIT`);
    return true;
  } finally {
    if (probe.inTransaction) probe.exec("ROLLBACK");
    probe.close();
  }
}
