/**
 * y-websocket clients for the load processes of the durability and memory scenarios: a
 * provider with the session headers, optionally asking our server for "saved" notices.
 */
import * as decoding from "lib0/decoding";
import { WebsocketProvider } from "y-websocket";
import type { Awareness } from "y-protocols/awareness";
import * as Y from "yjs";
import { MESSAGE_SAVED, SAVED_PARAM } from "../../app/editor/collab-protocol";
import { browserLikeWebSocket } from "../../collab/node-client";
import { isHocuspocus } from "./wire";

export type ClientOptions = { url: string; room: string; headers: Record<string, string> };

/** What the scenarios that compare servers need of a client, whichever provider it is. */
export type PeerClient = {
  doc: Y.Doc;
  awareness: Awareness;
  synced(): Promise<void>;
  /** Closes the connection and keeps the document (its user comes back later). */
  disconnect(): void;
  close(): void;
};

// Every y-websocket provider adds a process "exit" listener; hundreds of them are expected here.
process.setMaxListeners(0);

export { sleep } from "../lib/sleep";

/**
 * Opens a client on `doc` (a fresh one by default). With `onSaved`, it connects with
 * `?saved=1` and hands over the state vector of each MESSAGE_SAVED notice.
 */
export function openClient(
  options: ClientOptions,
  { doc = new Y.Doc(), onSaved }: { doc?: Y.Doc; onSaved?: (vector: Map<number, number>) => void } = {},
) {
  const provider = new WebsocketProvider(options.url, options.room, doc, {
    WebSocketPolyfill: browserLikeWebSocket(options.headers) as unknown as typeof WebSocket,
    disableBc: true,
    params: onSaved ? { [SAVED_PARAM]: "1" } : {},
  });
  if (onSaved) {
    provider.messageHandlers[MESSAGE_SAVED] = (_encoder, decoder) =>
      onSaved(Y.decodeStateVector(decoding.readVarUint8Array(decoder)));
  }
  return {
    doc,
    provider,
    awareness: provider.awareness,
    synced: () =>
      new Promise<void>((resolve) => (provider.synced ? resolve() : provider.once("sync", () => resolve()))),
    /** Closes the connection and keeps the document (its user comes back later). */
    disconnect: () => provider.destroy(),
    close: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

export type Client = ReturnType<typeof openClient>;

/**
 * A client of whichever server `options.url` points at: Hocuspocus's own provider for the
 * Hocuspocus peer (bench/load/wire.ts tells them apart by the path), y-websocket's otherwise.
 */
export async function openPeerClient(
  options: ClientOptions,
  extra: { doc?: Y.Doc; onSaved?: (vector: Map<number, number>) => void } = {},
): Promise<PeerClient> {
  if (!isHocuspocus(options.url)) return openClient(options, extra);
  const { openHocuspocusClient } = await import("./hocuspocus-clients");
  return openHocuspocusClient(options, extra);
}

/** How far this client's own changes go: the clock the next one will get. */
export const ownClock = (doc: Y.Doc) => Y.getState(doc.store, doc.clientID);
