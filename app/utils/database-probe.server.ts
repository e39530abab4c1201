import { db } from "./db.server";
import { env, isPostgresUrl } from "./env.server";

/**
 * Whether the database takes a write right now, not only a read: a full disk leaves
 * `SELECT 1` answering while every write fails, and health must not say "ok" then.
 * The probe commits a write that changes nothing.
 */
/**
 * How long one probe's answer stands. On SQLite a write waits up to the busy timeout (5 s)
 * when another connection holds the lock, and the driver waits on the event loop: probing on
 * every /healthz call during such an outage would stall editing for seconds each time. A
 * success stands briefly (a disk that just filled shows within a second); a failure longer.
 */
const SUCCESS_VALID_MS = 1_000;
const FAILURE_VALID_MS = 5_000;
let lastProbe: { at: number; validMs: number; result: Promise<boolean> } | null = null;

/** The write probe, reused while its answer stands; concurrent callers share one probe. */
export function databaseAcceptsWrites(now = Date.now()): Promise<boolean> {
  if (lastProbe && now - lastProbe.at < lastProbe.validMs) return lastProbe.result;
  const probe = { at: now, validMs: SUCCESS_VALID_MS, result: probeWrite() };
  probe.result.catch(() => (probe.validMs = FAILURE_VALID_MS));
  lastProbe = probe;
  return probe.result;
}

async function probeWrite(): Promise<boolean> {
  if (isPostgresUrl(env().DATABASE_URL)) {
    // Assigning a transaction id makes the commit write to the WAL.
    await db().$queryRawUnsafe("SELECT txid_current()");
    return true;
  }
  // Rewriting the header's user_version with its own value is a real committed write.
  const [row] = await db().$queryRawUnsafe<{ user_version: bigint | number }[]>("PRAGMA user_version");
  await db().$executeRawUnsafe(`PRAGMA user_version = ${Number(row?.user_version ?? 0)}`);
  return true;
}
