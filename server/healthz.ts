import type { IncomingMessage, ServerResponse } from "node:http";
import { checkHealth } from "../app/utils/health.server";
import { persistenceBacklog, type PersistenceBacklog } from "../collab/persistence-backlog";
import type { CollabServer } from "../collab/server";

export const HEALTHZ_PATH = "/healthz";

/**
 * `GET /healthz` for load balancers and monitoring: JSON, 200 when everything is fine,
 * 503 when degraded (database or Redis unreachable, collab edits waiting for the database).
 * Answered before the web app so it works even when the app itself is in trouble.
 */
export async function serveHealthz(
  res: ServerResponse,
  options: {
    collab?: Pick<CollabServer, "rooms">;
    /** The collab server's backlog when it runs in a process of its own. */
    backlog?: () => Promise<PersistenceBacklog>;
    redisUrl?: string;
  },
): Promise<void> {
  const { collab } = options;
  const health = await checkHealth({
    redisUrl: options.redisUrl,
    backlog: collab ? () => persistenceBacklog(collab) : options.backlog,
  });
  res
    .writeHead(health.status === "ok" ? 200 : 503, {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": "no-store",
    })
    .end(JSON.stringify(health));
}

export function isHealthz(req: IncomingMessage): boolean {
  return req.method === "GET" && (req.url === HEALTHZ_PATH || req.url?.startsWith(`${HEALTHZ_PATH}?`) === true);
}
