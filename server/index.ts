import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { collabTuningFromEnv } from "../collab/env-tuning";
import { scaleOutFromEnv } from "../collab/scale-out";
import { attachCollabServer, type CollabServer } from "../collab/server";
import { env } from "../app/utils/env.server";
import { createApp, type AppOptions } from "./app";
import { isHealthz, serveHealthz } from "./healthz";
import { applyHttpLimits, httpLimitsFromEnv, serverOptions } from "./http-limits";
import { refuseAllUpgrades } from "./refuse-upgrade";

/**
 * One HTTP server for the whole platform (the single-process default): the web app, and
 * the collab WebSocket server on the same port at /collab (architecture.md). A web-only
 * node (`npm run start:web`, behind a proxy that sends /collab to collab nodes) leaves
 * the collab server out; with `REDIS_URL` an attached one shares documents with other nodes.
 */
export async function startServer(
  port: number,
  options: AppOptions & { collab?: boolean },
): Promise<{ server: Server; collab: CollabServer | null; port: number }> {
  const app = createApp(options);
  const redisUrl = env().REDIS_URL;
  const limits = httpLimitsFromEnv();
  const server = createServer(serverOptions(limits), (req, res) => {
    if (isHealthz(req)) void serveHealthz(res, { collab: collab ?? undefined, redisUrl });
    else app(req, res);
  });
  const collab: CollabServer | null =
    options.collab === false
      ? null
      : attachCollabServer(server, {
          expectedOrigin: options.appOrigin,
          ...collabTuningFromEnv().config,
          ...scaleOutFromEnv()?.options,
        });
  applyHttpLimits(server, limits);
  if (!collab) refuseAllUpgrades(server);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, resolve);
  });
  return { server, collab, port: (server.address() as AddressInfo).port };
}
