/**
 * Plain TCP connections for the attacks that speak broken or unfinished HTTP, with a tally
 * of what the server did to them: refused, answered (first status line), closed.
 */
import net from "node:net";

export type SocketTally = {
  attempted: number;
  connected: number;
  /** The connection could not be made (refused, reset during connect, out of ports…). */
  refused: number;
  /** The server sent a response; counted by status code. */
  answered: Record<string, number>;
  /** The server closed or reset the connection before the attacker let go of it. */
  closedByServer: number;
  /** Still open when the attack ended (then closed by the attacker). */
  openAtEnd: number;
};

export function emptyTally(): SocketTally {
  return { attempted: 0, connected: 0, refused: 0, answered: {}, closedByServer: 0, openAtEnd: 0 };
}

type Tracked = { socket: net.Socket; connected: boolean; closed: boolean };

/**
 * Opens connections and keeps count; `onConnect` writes what the attack sends. `stop()`
 * destroys every socket still open and returns the tally (synchronously: an attack ends on
 * time whatever the server does).
 */
/**
 * The attacker's own address. Loopback answers on all of 127.0.0.0/8, so the attacker can
 * come from another address than the editors and new visitors (127.0.0.1), as it would in
 * life, and the server's per-address caps apply to it at their real defaults.
 */
export const ATTACKER_ADDRESS = "127.0.0.2";

export function socketPool(port: number, tally: SocketTally = emptyTally()) {
  const sockets = new Set<Tracked>();
  let stopped = false;
  return {
    tally,
    open(onConnect: (socket: net.Socket) => void) {
      if (stopped) return;
      tally.attempted++;
      const socket = net.connect({ host: "127.0.0.1", port, localAddress: ATTACKER_ADDRESS });
      const tracked: Tracked = { socket, connected: false, closed: false };
      sockets.add(tracked);
      let answered = false;
      socket.on("connect", () => {
        tracked.connected = true;
        tally.connected++;
        onConnect(socket);
      });
      socket.on("data", (chunk: Buffer) => {
        if (answered) return;
        answered = true;
        const status = /^HTTP\/1\.[01] (\d{3})/.exec(chunk.toString("latin1"))?.[1] ?? "other";
        tally.answered[status] = (tally.answered[status] ?? 0) + 1;
      });
      socket.on("error", () => undefined);
      socket.on("close", () => {
        sockets.delete(tracked);
        if (stopped || tracked.closed) return;
        tracked.closed = true;
        if (tracked.connected) tally.closedByServer++;
        else tally.refused++;
      });
    },
    stop(): SocketTally {
      stopped = true;
      for (const tracked of sockets) {
        if (tracked.connected) tally.openAtEnd++;
        else tally.refused++;
        tracked.socket.destroy();
      }
      sockets.clear();
      return tally;
    },
  };
}

/** Opens `count` connections, `batch` at a time with a turn of the event loop between (no SYN burst). */
export async function openMany(count: number, open: (index: number) => void, batch = 50): Promise<void> {
  for (let i = 0; i < count; i++) {
    open(i);
    if (i % batch === batch - 1) await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
