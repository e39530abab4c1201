import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createApp, type AppOptions } from "./app";

/**
 * One HTTP server for the whole platform. The collab WebSocket server attaches to this
 * server's `upgrade` event on /collab (single-process default); see architecture.md.
 */
export async function startServer(port: number, options: AppOptions): Promise<{ server: Server; port: number }> {
  const server = createServer(createApp(options));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, resolve);
  });
  return { server, port: (server.address() as AddressInfo).port };
}
