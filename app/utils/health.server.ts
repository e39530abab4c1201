import { databaseAcceptsWrites } from "./database-probe.server";
import { redisPing } from "./redis-ping.server";

/** What the collab server holds in memory that the database does not have yet. */
export type PersistenceBacklog = {
  /** Documents open in memory. */
  openDocuments: number;
  /** Updates accepted from editors and not yet in the database. */
  unsavedUpdates: number;
  /** Documents whose last database write failed (being retried with back-off). */
  failingDocuments: number;
  /** Seconds since the oldest still-failing write began failing (0 when none fails). */
  failingForSeconds: number;
};

export type Health = {
  status: "ok" | "degraded";
  database: "ok" | "unavailable";
  /** Present only when REDIS_URL is configured. */
  redis?: "ok" | "unavailable";
  /** Present where this process runs the collab server. */
  collab?: PersistenceBacklog;
};

const CHECK_TIMEOUT_MS = 2000;

function withTimeout<T>(promise: Promise<T>, fallback: T): Promise<T> {
  return Promise.race([
    promise.catch(() => fallback),
    new Promise<T>((resolve) => setTimeout(() => resolve(fallback), CHECK_TIMEOUT_MS).unref()),
  ]);
}

/**
 * The state behind `/healthz`: the database takes a write (a read alone passes on a full disk), Redis (when configured) answers, and
 * the collab server is not holding edits it failed to store. Only states and counts, never
 * URLs or error texts (they can carry credentials).
 */
export async function checkHealth(options: {
  redisUrl?: string;
  backlog?: () => Promise<PersistenceBacklog>;
}): Promise<Health> {
  const [database, redis, collab] = await Promise.all([
    withTimeout(
      databaseAcceptsWrites().then(() => "ok" as const),
      "unavailable" as const,
    ),
    options.redisUrl
      ? withTimeout(
          redisPing(options.redisUrl).then((ok) => (ok ? ("ok" as const) : ("unavailable" as const))),
          "unavailable" as const,
        )
      : undefined,
    options.backlog ? withTimeout(options.backlog(), undefined) : undefined,
  ]);
  const healthy = database === "ok" && redis !== "unavailable" && (!collab || collab.failingDocuments === 0);
  return {
    status: healthy ? "ok" : "degraded",
    database,
    ...(redis ? { redis } : {}),
    ...(collab ? { collab } : {}),
  };
}
