/**
 * `npm run start:collab`: the collab server alone, for scale-out (several web and collab
 * processes behind a proxy that routes /collab WebSockets here; docs/deployment.md). Same
 * code as the single-process default, which attaches it to the web server instead. With
 * `REDIS_URL` it shares documents with the other collab nodes.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { env } from "../app/utils/env.server";
import { applyMigrations } from "../app/utils/migrations.server";
import { isHealthz, serveHealthz } from "../server/healthz";
import { applyHttpLimits, httpLimitsFromEnv, serverOptions } from "../server/http-limits";
import { redisBus } from "../app/utils/redis-bus.server";
import { collabTuningFromEnv } from "./env-tuning";
import { scaleOutFromEnv } from "./scale-out";
import { attachCollabServer } from "./server";

const config = env();
await applyMigrations(config.DATABASE_URL);
const tuning = collabTuningFromEnv();
const scaleOut = scaleOutFromEnv({ holdMs: tuning.compactionHoldMs });
const limits = httpLimitsFromEnv();
const http = createServer(serverOptions(limits), (req, res) => {
  if (isHealthz(req)) return void serveHealthz(res, { collab, redisUrl: config.REDIS_URL });
  if (req.url === "/health") return res.writeHead(200, { "Content-Type": "text/plain" }).end("ok");
  if (req.url === "/stats") {
    const stats = {
      rooms: collab.rooms.size,
      connections: collab.connections.size,
      relayedRooms: scaleOut?.relay.openRooms ?? 0,
      compaction: scaleOut?.compaction ?? null,
      heapUsedBytes: process.memoryUsage().heapUsed,
    };
    return res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(stats));
  }
  res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
});
const collab = attachCollabServer(http, { expectedOrigin: config.APP_ORIGIN, ...tuning.config, ...scaleOut?.options });
applyHttpLimits(http, limits);
const port = Number(process.env.COLLAB_PORT ?? config.PORT);
http.listen(port, () => {
  console.log(`Agora collab server listening on port ${(http.address() as AddressInfo).port}`);
});

const shutdown = async () => {
  await collab.close();
  scaleOut?.relay.close();
  await redisBus()?.close();
  http.close(() => process.exit(0));
  http.closeAllConnections();
};
process.once("SIGTERM", shutdown);
process.once("SIGINT", shutdown);
