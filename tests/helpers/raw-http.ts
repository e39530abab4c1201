import { connect, type Socket } from "node:net";

export type RawOutcome = {
  /** Status of the first response line, or null if none came. */
  status: number | null;
  /** Whether the server closed the connection before we gave up. */
  closed: boolean;
  received: string;
};

/**
 * A raw TCP client on 127.0.0.1: writes `text`, then (optionally) keeps trickling `drip`
 * every `dripMs`, until the server closes the connection or `giveUpMs` passes (a generous
 * limit for "the server never answered", not a timing assertion).
 */
export function rawRequest(
  port: number,
  text: string,
  options: { drip?: string; dripMs?: number; giveUpMs?: number; hold?: boolean } = {},
): Promise<RawOutcome> {
  return new Promise((resolve) => {
    let received = "";
    let drip: NodeJS.Timeout | undefined;
    // The drip starts once the head is written: on a busy machine a first tick could otherwise
    // come before the connect callback and put body bytes ahead of the request line (a 400).
    const socket: Socket = connect(port, "127.0.0.1", () => {
      socket.write(text);
      if (options.drip) {
        drip = setInterval(() => {
          if (!socket.destroyed && socket.writable) socket.write(options.drip!);
        }, options.dripMs ?? 100);
      }
    });
    socket.on("error", () => undefined);
    socket.on("data", (chunk) => (received += chunk.toString("latin1")));
    const finish = (closed: boolean) => {
      clearInterval(drip);
      clearTimeout(giveUp);
      socket.destroy();
      const match = /^HTTP\/1\.1 (\d{3})/.exec(received);
      resolve({ status: match ? Number(match[1]) : null, closed, received });
    };
    const giveUp = setTimeout(() => finish(false), options.giveUpMs ?? 20_000);
    socket.on("close", () => finish(true));
  });
}

/** An open TCP connection that sends nothing (an idle or half-open client). */
export function idleConnection(
  port: number,
): Promise<{ socket: Socket; received: () => string; closed: Promise<void> }> {
  return new Promise((resolve) => {
    let received = "";
    const socket = connect(port, "127.0.0.1");
    socket.on("error", () => undefined);
    socket.on("data", (chunk) => (received += chunk.toString("latin1")));
    const closed = new Promise<void>((done) => socket.on("close", () => done()));
    socket.once("connect", () => resolve({ socket, received: () => received, closed }));
  });
}

export function upgradeRequest(path: string, extra = ""): string {
  return (
    `GET ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
    `Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n${extra}\r\n`
  );
}
