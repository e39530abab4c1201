import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import { CLOSE, COLLAB_PATH, documentFromRoom, SAVED_PARAM } from "../app/editor/collab-protocol";
import { clientAddressOf } from "../app/utils/client-address";
import { ConnectionQuota } from "../app/utils/connection-quota";
import { onDraftAccessChanged } from "../app/utils/draft-events.server";
import { refuseUpgrade as reject } from "../server/refuse-upgrade";
import { AccessLookups, decideAccess, originAllowed, sessionTokenOf } from "./authenticate";
import { DEFAULT_COLLAB_CONFIG, type CollabConfig } from "./config";
import { Connection } from "./connection";
import type { RoomRelay } from "./redis-relay";
import { databaseStore, Room, type DocumentStore } from "./room";
import { watchSuggestionOutcomes } from "./suggestion-outcomes";
import { watchStructure } from "./structure-propagation";
import { documentRefOf } from "../app/editor/document-id";

export type CollabOptions = Partial<CollabConfig> & {
  /** Where documents live; the database unless a test wraps it (e.g. to slow loading down). */
  store?: DocumentStore;
  /** Fan-out to other collab nodes (collab/scale-out.ts); absent on a single node. */
  relay?: RoomRelay;
  /** The upgrade's access decision; the real one unless a test wraps it (e.g. to make it hang). */
  decide?: typeof decideAccess;
};

/** Connections re-checked together before the event loop gets a turn. */
const RECHECK_SLICE = 25;
/** Drafts loaded per query in a re-check pass (2,000 open drafts: 4 queries, not 2,000). */
const DRAFTS_PER_QUERY = 500;

export type CollabServer = {
  /** Open documents, by document id (the draft's id for its main text; for tests and monitoring). */
  rooms: Map<string, Promise<Room>>;
  connections: Set<Connection>;
  /** Re-checks every open connection of a draft (or all) against sessions and the policy. */
  recheckAccess(draftId?: string): Promise<void>;
  close(): Promise<void>;
};

/**
 * The y-websocket protocol server on `/collab/draft.<draft id>` (a draft's main text) and
 * `/collab/draft.<draft id>.<text id>` (its other texts), attached to an HTTP server's
 * upgrade event. Authentication and the access decision happen at the upgrade, so a
 * refused client gets an HTTP status and never a byte of the document.
 */
export function attachCollabServer(httpServer: Server, options: CollabOptions = {}): CollabServer {
  const { store = databaseStore, relay, decide = decideAccess, ...settings } = options;
  const config: CollabConfig = { ...DEFAULT_COLLAB_CONFIG, ...settings };
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.maxMessageBytes });
  const rooms = new Map<string, Promise<Room>>();
  const connections = new Set<Connection>();
  const unloadTimers = new Map<string, NodeJS.Timeout>();
  const unloading = new Map<string, Promise<void>>();
  // Pending upgrades count too: a flood of upgrades whose decision is slow must not hold every socket.
  const perAddress = new ConnectionQuota(config.maxSocketsPerAddress);
  const perAccount = new ConnectionQuota(config.maxSocketsPerAccount);
  const alive = new Map<WebSocket, boolean>();

  /**
   * This is the process's only upgrade listener, so every upgrade is answered here: one that
   * is not ours is refused too (a socket left unanswered stays open for good, and 1,100 of
   * them used up the process's file descriptors).
   */
  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on("error", () => socket.destroy());
    const url = new URL(request.url ?? "/", "http://collab.local");
    if (!url.pathname.startsWith(`${COLLAB_PATH}/`)) return reject(socket, 404);
    const document = documentFromRoom(safeDecode(url.pathname.slice(COLLAB_PATH.length + 1)));
    if (!document) return reject(socket, 404);
    if (!originAllowed(request, config.expectedOrigin)) return reject(socket, 403);
    const releaseAddress = perAddress.acquire(clientAddressOf(request));
    if (!releaseAddress) return reject(socket, 429);
    let releaseAccount: (() => void) | null = null;
    const release = () => {
      releaseAddress();
      releaseAccount?.();
    };
    socket.once("close", release);
    withTimeout(decide(sessionTokenOf(request), document), config.upgradeDecisionTimeoutMs)
      .then((decision) => {
        if (socket.destroyed) return;
        if (!decision) return reject(socket, 503);
        if (!decision.ok) return reject(socket, decision.status);
        releaseAccount = perAccount.acquire(decision.userId);
        if (!releaseAccount) return reject(socket, 429);
        wss.handleUpgrade(request, socket, head, (ws) => {
          ws.once("close", release);
          const identity = {
            userId: decision.userId,
            userName: decision.userName,
            sessionToken: decision.sessionToken,
            access: decision.access,
          };
          const saved = url.searchParams.get(SAVED_PARAM) === "1";
          accept(ws, new Connection(ws, document, identity, saved, config));
        });
      })
      .catch((error: unknown) => {
        console.error("collab: upgrade failed", error);
        reject(socket, 503);
      });
  };

  function accept(ws: WebSocket, connection: Connection) {
    const { documentId } = connection;
    connections.add(connection);
    alive.set(ws, true);
    ws.on("pong", () => alive.set(ws, true));
    clearTimeout(unloadTimers.get(documentId));
    unloadTimers.delete(documentId);
    const roomPromise = roomFor(documentId, connection.document.textId === null);
    ws.on("error", (error) => {
      // e.g. a frame over maxPayload: logged, and only this connection is closed.
      console.warn(`collab: closing a connection to document ${documentId} after a socket error:`, error.message);
      connection.close(CLOSE.MALFORMED, "socket error");
    });
    ws.on("close", () => {
      alive.delete(ws);
      connections.delete(connection);
      roomPromise.then(
        (room) => {
          room.leave(connection);
          if (room.members.size === 0) scheduleUnload(documentId);
        },
        () => undefined,
      );
    });
    roomPromise.then(
      (room) => connection.attach(room),
      (error: unknown) => {
        console.error(`collab: loading document ${documentId} failed`, error);
        rooms.delete(documentId);
        connection.close(CLOSE.GOING_AWAY, "document unavailable");
      },
    );
  }

  /**
   * A document being unloaded is stored completely before anyone loads it again. Suggestions
   * (and their recorded outcomes) belong to the main text, whose document id is the draft's.
   */
  function roomFor(documentId: string, mainText: boolean): Promise<Room> {
    let room = rooms.get(documentId);
    if (!room) {
      const previous = unloading.get(documentId) ?? Promise.resolve();
      const load = () =>
        Room.open(documentId, config, store).then((opened) => {
          if (mainText) watchSuggestionOutcomes(documentId, opened.doc);
          watchStructure(opened, siblingRoom);
          return opened;
        });
      room = previous.then(() => (relay ? relay.open(documentId, load) : load()));
      rooms.set(documentId, room);
    }
    return room;
  }

  /**
   * A sibling text's room for the structure it follows (structure-propagation.ts): opened if
   * nobody has it open, then left to unload like any idle room once the change is stored.
   */
  function siblingRoom(documentId: string): Promise<Room> {
    const room = roomFor(documentId, documentRefOf(documentId).textId === null);
    void room.then((opened) => {
      if (opened.members.size === 0) scheduleUnload(documentId);
    });
    return room;
  }

  /** Idle documents leave memory (y-websocket#23); a failed store keeps them and retries. */
  function scheduleUnload(documentId: string) {
    clearTimeout(unloadTimers.get(documentId));
    unloadTimers.set(
      documentId,
      setTimeout(async () => {
        unloadTimers.delete(documentId);
        const room = await rooms.get(documentId);
        if (!room || room.members.size > 0) return;
        rooms.delete(documentId);
        const done = unloadUntilStored(room).finally(() => unloading.delete(documentId));
        unloading.set(documentId, done);
      }, config.unloadAfterMs),
    );
  }

  async function unloadUntilStored(room: Room) {
    for (let delay = config.retryBaseMs; ; delay = Math.min(delay * 2, config.retryMaxMs)) {
      try {
        return await room.unload();
      } catch (error) {
        console.error(`collab: unloading document ${room.documentId} failed; keeping it in memory and retrying`, error);
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  /**
   * Decides again for every open connection (of one draft's texts, or all). Lookups are shared within
   * the pass, the drafts loaded first, 500 to a query; then connections are decided a slice at
   * a time with a turn of the event loop between slices, so re-checking thousands of
   * connections never holds it (bench "many drafts": 600 decisions at once stalled it 275 ms
   * every 2 s, and 2,000 one-draft queries per pass cost most of a core).
   */
  async function recheckAccess(draftId?: string) {
    const affected = [...connections].filter((c) => !draftId || c.draftId === draftId);
    const lookups = new AccessLookups();
    const draftIds = [...new Set(affected.map((connection) => connection.draftId))];
    for (let start = 0; start < draftIds.length; start += DRAFTS_PER_QUERY) {
      await lookups.prefetchDrafts(draftIds.slice(start, start + DRAFTS_PER_QUERY));
    }
    for (let start = 0; start < affected.length; start += RECHECK_SLICE) {
      if (start > 0) await new Promise((resolve) => setImmediate(resolve));
      await Promise.all(
        affected.slice(start, start + RECHECK_SLICE).map(async (connection) => {
          const decision = await decideAccess(connection.identity.sessionToken, connection.document, lookups);
          if (!decision.ok) connection.close(CLOSE.ACCESS_REVOKED, "access revoked");
          else if (decision.access !== connection.access) connection.close(CLOSE.ACCESS_CHANGED, "access changed");
        }),
      );
    }
  }

  let rechecking = false;
  const recheckTimer = setInterval(() => {
    if (rechecking || connections.size === 0) return;
    rechecking = true;
    recheckAccess()
      .catch((error: unknown) => console.error("collab: access re-check failed", error))
      .finally(() => (rechecking = false));
  }, config.accessRecheckMs);
  // A peer that vanished without a FIN (network gone, laptop shut) is noticed by its missing pong.
  const heartbeatTimer = setInterval(() => {
    for (const [ws, answered] of alive) {
      // A closing socket is on its way out (and ping() would throw on it).
      if (ws.readyState !== ws.OPEN) continue;
      if (!answered) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, config.heartbeatMs);
  const stopListening = onDraftAccessChanged((draftId) => {
    recheckAccess(draftId === "*" ? undefined : draftId).catch((error: unknown) =>
      console.error("collab: access re-check failed", error),
    );
  });

  httpServer.on("upgrade", onUpgrade);

  return {
    rooms,
    connections,
    recheckAccess,
    async close() {
      clearInterval(recheckTimer);
      clearInterval(heartbeatTimer);
      stopListening();
      httpServer.off("upgrade", onUpgrade);
      for (const timer of unloadTimers.values()) clearTimeout(timer);
      for (const connection of connections) connection.close(CLOSE.GOING_AWAY, "server shutting down");
      const loaded = await Promise.allSettled(rooms.values());
      rooms.clear();
      for (const result of loaded) {
        if (result.status !== "fulfilled") continue;
        await result.value.unload().catch((error: unknown) => console.error("collab: final store failed", error));
      }
      await Promise.all(unloading.values());
      wss.close();
    },
  };
}

/** Null when the promise has not settled in time (the socket is then refused, not left waiting). */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A malformed escape in the room name is a bad room name (404), not a thrown URIError. */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return "";
  }
}
