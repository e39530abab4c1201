/**
 * `npm run start:collab`: the collab server alone, for scale-out (several web and collab
 * processes behind a proxy that routes /collab WebSockets here). Same code as the
 * single-process default, which attaches it to the web server instead.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { env } from "../app/utils/env.server";
import { applyMigrations } from "../app/utils/migrations.server";
import { isHealthz, serveHealthz } from "../server/healthz";
import { attachCollabServer } from "./server";

const config = env();
await applyMigrations(config.DATABASE_URL);
const http = createServer((req, res) => {
  if (isHealthz(req)) return void serveHealthz(res, { collab, redisUrl: config.REDIS_URL });
  const healthy = req.url === "/health";
  res.writeHead(healthy ? 200 : 404, { "Content-Type": "text/plain" }).end(healthy ? "ok" : "not found");
});
const collab = attachCollabServer(http, { expectedOrigin: config.APP_ORIGIN });
http.listen(config.PORT, () => {
  console.log(`Agora collab server listening on port ${(http.address() as AddressInfo).port}`);
});

const shutdown = async () => {
  await collab.close();
  http.close(() => process.exit(0));
};
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
