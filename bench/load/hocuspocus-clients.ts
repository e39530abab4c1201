/**
 * Hocuspocus's own provider (`@hocuspocus/provider` 4.8) for the load processes of the
 * awareness, idle, durability and memory scenarios: the client a Hocuspocus application ships,
 * as y-websocket's provider is ours. Same shape as `openClient` (bench/load/provider-clients.ts).
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import * as Y from "yjs";
import { STORED_PREFIX } from "../servers/hocuspocus-stored-notices";
import { browserLikeWebSocket } from "../../collab/node-client";
import type { ClientOptions, PeerClient } from "./provider-clients";

export function openHocuspocusClient(
  options: ClientOptions,
  { doc = new Y.Doc(), onSaved }: { doc?: Y.Doc; onSaved?: (vector: Map<number, number>) => void } = {},
): PeerClient {
  // One socket per client, as one browser tab with one document has.
  const socket = new HocuspocusProviderWebsocket({
    url: options.url,
    WebSocketPolyfill: browserLikeWebSocket(options.headers) as unknown as typeof WebSocket,
  });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: options.room,
    document: doc,
    token: "",
    onStateless: ({ payload }) => {
      if (onSaved && payload.startsWith(STORED_PREFIX))
        onSaved(Y.decodeStateVector(Buffer.from(payload.slice(STORED_PREFIX.length), "base64")));
    },
  });
  // A provider handed its socket does not attach by itself.
  provider.attach();
  const destroy = () => {
    provider.destroy();
    socket.destroy();
  };
  return {
    doc,
    awareness: provider.awareness!,
    synced: () =>
      new Promise<void>((resolve) => {
        if (provider.isSynced) return resolve();
        const onSynced = () => {
          provider.off("synced", onSynced);
          resolve();
        };
        provider.on("synced", onSynced);
      }),
    disconnect: destroy,
    close: () => {
      destroy();
      doc.destroy();
    },
  };
}
