import type { IncomingMessage } from "node:http";

/** Addresses of a proxy on this machine, the only one whose X-Forwarded-For is believed. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const plain = address.startsWith("::ffff:") ? address.slice(7) : address;
  return plain === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(plain);
}

/**
 * The client's address for a raw request (a WebSocket upgrade), decided as the web app's
 * `trust proxy: "loopback"` does: X-Forwarded-For is walked from the right only while the hop
 * that added it is a loopback proxy, so a remote client cannot pick its own address.
 */
export function clientAddressOf(request: IncomingMessage): string {
  let address = request.socket.remoteAddress ?? "unknown";
  const forwarded = (request.headers["x-forwarded-for"] ?? "")
    .toString()
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  while (isLoopback(address) && forwarded.length > 0) address = forwarded.pop()!;
  return address;
}
