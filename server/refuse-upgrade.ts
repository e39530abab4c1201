import type { Server } from "node:http";
import type { Duplex } from "node:stream";

const STATUS_TEXT: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  429: "Too Many Requests",
  503: "Service Unavailable",
};

/**
 * Answers an upgrade request with a plain status and closes the socket once it is written:
 * after an "upgrade" event Node's HTTP server no longer looks after the socket (no timeouts,
 * no response), so one left alone stays open for good.
 */
export function refuseUpgrade(socket: Duplex, status: number): void {
  if (socket.destroyed) return;
  const text = STATUS_TEXT[status] ?? STATUS_TEXT[503];
  socket.on("error", () => socket.destroy());
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`, () => socket.destroy());
}

/** A node without a WebSocket server of its own (web-only) refuses every upgrade. */
export function refuseAllUpgrades(server: Server): void {
  server.on("upgrade", (_request, socket: Duplex) => refuseUpgrade(socket, 404));
}
