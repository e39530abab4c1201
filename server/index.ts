import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { attachCollabServer, type CollabServer } from "../collab/server";
import { createApp, type AppOptions } from "./app";

/**
 * One HTTP server for the whole platform (the single-process default): the web app, and
 * the collab WebSocket server on the same port at /collab (architecture.md).
 */
export async function startServer(
  port: number,
  options: AppOptions,
): Promise<{ server: Server; collab: CollabServer; port: number }> {
  const server = createServer(createApp(options));
  const collab = attachCollabServer(server, { expectedOrigin: options.appOrigin });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, resolve);
  });
  return { server, collab, port: (server.address() as AddressInfo).port };
}
