import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { createSession } from "~/auth/session.server";
import { roomName, COLLAB_PATH } from "~/editor/collab-protocol";
import { trackSaved } from "~/editor/saved-tracker";
import { db } from "~/utils/db.server";
import { attachCollabServer, type CollabServer } from "../../collab/server";
import { browserLikeWebSocket } from "../../collab/node-client";
import type { CollabOptions } from "../../collab/server";

export type RunningCollab = {
  http: Server;
  collab: CollabServer;
  url: string;
  origin: string;
  stop: () => Promise<void>;
};

/** A real HTTP server on a free port with the collab server attached. */
export async function startCollab(config: CollabOptions = {}): Promise<RunningCollab> {
  const http = createServer((_req, res) => res.writeHead(404).end());
  const collab = attachCollabServer(http, { unloadAfterMs: 200, accessRecheckMs: 500, ...config });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const port = (http.address() as AddressInfo).port;
  return {
    http,
    collab,
    url: `ws://127.0.0.1:${port}${COLLAB_PATH}`,
    origin: `http://127.0.0.1:${port}`,
    stop: async () => {
      await collab.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

export async function sessionCookieFor(userId: string): Promise<string> {
  const { token } = await createSession(db(), userId);
  return `agora_session=${token}`;
}

export type TestClient = {
  doc: Y.Doc;
  provider: WebsocketProvider;
  text: () => string;
  saved: () => boolean;
  closeCodes: number[];
  destroy: () => void;
};

/**
 * A real y-websocket client (the stock WebsocketProvider) in Node. Its content lives in
 * a Y.XmlFragment like the editor's; `text()` reads it back as plain text.
 */
export function connectClient(
  server: { url: string; origin: string },
  draftId: string,
  cookie: string | null,
  options: { origin?: string } = {},
): TestClient {
  const doc = new Y.Doc();
  const headers: Record<string, string> = { Origin: options.origin ?? server.origin };
  if (cookie) headers.Cookie = cookie;
  const provider = new WebsocketProvider(server.url, roomName(draftId), doc, {
    WebSocketPolyfill: browserLikeWebSocket(headers) as unknown as typeof globalThis.WebSocket,
    params: { saved: "1" },
    maxBackoffTime: 300,
    disableBc: true,
  });
  let saved = true;
  trackSaved(provider, (value) => (saved = value));
  const closeCodes: number[] = [];
  provider.on("connection-close", (event) => {
    if (event) closeCodes.push(event.code);
  });
  return {
    doc,
    provider,
    text: () => fragmentText(doc),
    saved: () => saved,
    closeCodes,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

export function fragmentText(doc: Y.Doc): string {
  return doc
    .getXmlFragment("default")
    .toArray()
    .map((node) =>
      node instanceof Y.XmlElement
        ? node
            .toArray()
            .map((t) => t.toString())
            .join("")
        : "",
    )
    .join("\n");
}

/** Appends a paragraph with this text, as the editor would. */
export function typeParagraph(client: TestClient, value: string): void {
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(value)]);
  const fragment = client.doc.getXmlFragment("default");
  fragment.insert(fragment.length, [paragraph]);
}

export function waitForSync(client: TestClient): Promise<void> {
  if (client.provider.synced) return Promise.resolve();
  return new Promise((resolve) => {
    const onSync = (synced: boolean) => {
      if (!synced) return;
      client.provider.off("sync", onSync);
      resolve();
    };
    client.provider.on("sync", onSync);
  });
}

/** Opens a raw socket and reports how the upgrade ended: an HTTP status, or "open". */
export function upgradeStatus(url: string, headers: Record<string, string>): Promise<number | "open"> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.on("unexpected-response", (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on("open", () => {
      resolve("open");
      ws.close();
    });
    ws.on("error", () => undefined);
  });
}
