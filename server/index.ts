import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { attachCollabServer, type CollabServer } from "../collab/server";
import { env } from "../app/utils/env.server";
import { createApp, type AppOptions } from "./app";
import { isHealthz, serveHealthz } from "./healthz";

/**
 * One HTTP server for the whole platform (the single-process default): the web app, and
 * the collab WebSocket server on the same port at /collab (architecture.md).
 */
export async function startServer(
  port: number,
  options: AppOptions,
): Promise<{ server: Server; collab: CollabServer; port: number }> {
  const app = createApp(options);
  const redisUrl = env().REDIS_URL;
  const server = createServer((req, res) => {
    if (isHealthz(req)) void serveHealthz(res, { collab, redisUrl });
    else app(req, res);
  });
  const collab: CollabServer = attachCollabServer(server, { expectedOrigin: options.appOrigin });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, resolve);
  });
  return { server, collab, port: (server.address() as AddressInfo).port };
}
