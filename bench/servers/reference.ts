// The reference: @y/websocket-server 0.1.1 (plain y-websocket protocol, no auth, no limits,
// documents in memory only), set up exactly as its own bin/server.js does.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { setupWSConnection } from "@y/websocket-server/utils";
import { WebSocketServer } from "ws";
import { reportStatsOnRequest } from "../lib/server-stats";

const wss = new WebSocketServer({ noServer: true });
wss.on("connection", setupWSConnection);
const http = createServer((_req, res) => res.writeHead(200).end("okay"));
http.on("upgrade", (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit("connection", ws, request));
});
http.listen(0, "127.0.0.1", () => {
  reportStatsOnRequest();
  process.send!({ type: "ready", port: (http.address() as AddressInfo).port });
});
