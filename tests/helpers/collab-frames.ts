import { createHash } from "node:crypto";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { MESSAGE_SYNC, roomName } from "~/editor/collab-protocol";
import { loadDocument } from "~/models/documents/document-log.server";

/** A y-websocket sync frame: [0, syncType, payload as varUint8Array]. */
export function syncFrame(syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** A valid Yjs update that appends a paragraph with this text (as an editor would send). */
export function paragraphUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment("default").insert(0, [paragraph]);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/**
 * A fingerprint of the stored document: its state vector (which grows with any applied
 * update, even one that changes no text) and its content.
 */
export async function storedHash(draftId: string): Promise<string> {
  const { doc } = await loadDocument(draftId);
  const hash = createHash("sha256")
    .update(Y.encodeStateVector(doc))
    .update(JSON.stringify(doc.getXmlFragment("default").toJSON()))
    .digest("hex");
  doc.destroy();
  return hash;
}

export type RawSocket = {
  ws: WebSocket;
  /** Every binary message received. */
  received: Uint8Array[];
  /** Resolves with the close code (or the HTTP status of a refused upgrade). */
  closed: Promise<number>;
  opened: Promise<boolean>;
  /**
   * Sends a SyncStep1 and waits for the SyncStep2 answer: the server handles a socket's
   * messages in order, so everything sent before has been dealt with. False if closed.
   */
  roundTrip: () => Promise<boolean>;
};

/** A bare WebSocket to a draft's room, sending whatever frames a test wants. */
export function openRaw(
  server: { url: string; origin: string },
  draftId: string,
  headers: Record<string, string>,
): RawSocket {
  const ws = new WebSocket(`${server.url}/${roomName(draftId)}`, { headers: { Origin: server.origin, ...headers } });
  const received: Uint8Array[] = [];
  const waiters: (() => void)[] = [];
  ws.on("message", (data: Buffer) => {
    received.push(new Uint8Array(data));
    waiters.splice(0).forEach((wake) => wake());
  });
  ws.on("error", () => undefined);
  const closed = new Promise<number>((resolve) => {
    ws.on("close", (code) => {
      waiters.splice(0).forEach((wake) => wake());
      resolve(code);
    });
    ws.on("unexpected-response", (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
  });
  const opened = new Promise<boolean>((resolve) => {
    ws.on("open", () => resolve(true));
    void closed.then(() => resolve(false));
  });
  const isSyncStep2 = (message: Uint8Array) => {
    const decoder = decoding.createDecoder(message);
    return (
      decoding.readVarUint(decoder) === MESSAGE_SYNC &&
      decoding.readVarUint(decoder) === syncProtocol.messageYjsSyncStep2
    );
  };
  const roundTrip = async () => {
    if (ws.readyState !== ws.OPEN) return false;
    const before = received.length;
    ws.send(syncFrame(syncProtocol.messageYjsSyncStep1, Y.encodeStateVector(new Y.Doc())));
    while (ws.readyState === ws.OPEN) {
      if (received.slice(before).some(isSyncStep2)) return true;
      await new Promise<void>((wake) => waiters.push(wake));
    }
    return false;
  };
  return { ws, received, closed, opened, roundTrip };
}
