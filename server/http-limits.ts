import type { Server } from "node:http";
import type { Socket } from "node:net";
import { ConnectionQuota } from "../app/utils/connection-quota";

export type HttpLimits = {
  /** Whole request head must arrive within this (a slowloris trickling headers is cut). */
  headersTimeoutMs: number;
  /**
   * Whole request, body included, must arrive within this: long enough for the largest
   * upload (a 5 MB draft import) on a slow line, short enough that a trickled body is cut.
   */
  requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
  /** How often Node checks the two timeouts above (its default, 30 s, would let them run late). */
  checkIntervalMs: number;
  /**
   * Open TCP connections per client address. Generous (browsers open 6 per host); behind a
   * local proxy every connection is the proxy's, so raise it there (the proxy caps per client).
   */
  maxConnectionsPerAddress: number;
};

export const DEFAULT_HTTP_LIMITS: HttpLimits = {
  headersTimeoutMs: 15_000,
  requestTimeoutMs: 120_000,
  keepAliveTimeoutMs: 5_000,
  checkIntervalMs: 1_000,
  maxConnectionsPerAddress: 256,
};

const VARIABLES = {
  HTTP_HEADERS_TIMEOUT_MS: "headersTimeoutMs",
  HTTP_REQUEST_TIMEOUT_MS: "requestTimeoutMs",
  HTTP_KEEP_ALIVE_TIMEOUT_MS: "keepAliveTimeoutMs",
  HTTP_MAX_CONNECTIONS_PER_ADDRESS: "maxConnectionsPerAddress",
} as const satisfies Record<string, keyof HttpLimits>;

/** The defaults, with any overrides from the environment (operators; tests that run the app as a child). */
export function httpLimitsFromEnv(source: NodeJS.ProcessEnv = process.env): HttpLimits {
  const limits = { ...DEFAULT_HTTP_LIMITS };
  for (const [name, field] of Object.entries(VARIABLES)) {
    const value = source[name];
    if (value === undefined || value === "") continue;
    const number = Number(value);
    if (!Number.isInteger(number) || number <= 0) throw new Error(`${name} must be a positive whole number`);
    limits[field] = number;
  }
  // Node checks the timeouts only this often: keep it well below the shortest one.
  limits.checkIntervalMs = Math.min(limits.checkIntervalMs, Math.ceil(limits.headersTimeoutMs / 4));
  return limits;
}

/**
 * The time limits and the per-address connection cap of an HTTP server. The check interval
 * is fixed when the server is created, so it is an option of createServer:
 * `createServer(serverOptions(limits), handler)`; the rest applies here.
 */
export function serverOptions(limits: HttpLimits) {
  return { connectionsCheckingInterval: limits.checkIntervalMs };
}

export function applyHttpLimits(server: Server, limits: HttpLimits): void {
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  const perAddress = new ConnectionQuota(limits.maxConnectionsPerAddress);
  server.on("connection", (socket: Socket) => {
    const release = perAddress.acquire(socket.remoteAddress ?? "unknown");
    if (!release) {
      socket.end("HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n", () =>
        socket.destroy(),
      );
      return;
    }
    socket.once("close", release);
  });
}
