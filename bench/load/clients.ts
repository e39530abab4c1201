/**
 * The three kinds of client the load generator opens, all speaking the plain y-websocket
 * protocol over their own WebSocket (what a browser tab sends, with its cookie and Origin):
 *
 * - a **probe** is a real Yjs client: it syncs, applies every update it receives, and
 *   records the latency of each timestamp beacon it sees (the measurement);
 * - a **writer** types into its own document and sends each change as an update; it does
 *   not apply what it receives (a full document per typist would make the load generator,
 *   not the server, the bottleneck at 400 typists);
 * - a **listener** only reads the frames the server sends, like an idle tab.
 *
 * The server does the same work for all three, so the servers under test are measured
 * alike; only the load process saves the cost of decoding every update N times. Hocuspocus
 * gets the same messages in its own framing (bench/load/wire.ts).
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { wireFor, type Wire } from "./wire";

export type Endpoint = { url: string; room: string; headers: Record<string, string> };
/** A beacon: the scheduled send time (ms, load-process clock) and the node its writer uses. */
export type Beacon = [sentAt: number, node: number];

const MESSAGE_SYNC = 0;

/** A socket to the endpoint's draft; `send` frames a y-websocket message for that server. */
function open(endpoint: Endpoint): { ws: WebSocket; wire: Wire; send(message: Uint8Array): void } {
  const ws = new WebSocket(`${endpoint.url}/${endpoint.room}`, { headers: endpoint.headers });
  ws.binaryType = "nodebuffer";
  const wire = wireFor(endpoint.url, endpoint.room);
  if (wire.hello) ws.once("open", () => ws.send(wire.hello!));
  return { ws, wire, send: (message) => ws.send(wire.frame(message)) };
}

const bytesOf = (data: Buffer) => new Uint8Array(data.buffer, data.byteOffset, data.byteLength);

function syncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

function updateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** Resolves once the socket is open (rejects if it closes first). */
function opened(ws: WebSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("close", (code) => reject(new Error(`closed with ${code} before opening`)));
    ws.once("error", reject);
  });
}

/** What every client says first: "here is my (empty) state, send me yours". */
const EMPTY_STEP1 = syncStep1(new Y.Doc());

export type ClientBase = {
  ws: WebSocket;
  /** Open and introduced (a probe: synced). */
  ready: Promise<void>;
  /** Close code if the server closed this client (e.g. 4xxx for a slow reader), else null. */
  closedWith: () => number | null;
  destroy(): void;
};

function trackClose(ws: WebSocket) {
  let code: number | null = null;
  let destroyed = false;
  ws.on("close", (c) => {
    if (destroyed) return;
    code = c;
  });
  ws.on("error", () => undefined);
  return {
    closedWith: () => code,
    destroy: () => {
      destroyed = true;
      ws.terminate();
    },
  };
}

/** Types `typed` at the end of the document's text and pushes a beacon, as one change. */
export type Typist = { type(typed: string, beacon: Beacon): void };

function typingInto(doc: Y.Doc): Typist["type"] {
  const text = doc.getText("body");
  const beacons = doc.getArray<Beacon>("beacons");
  return (typed, beacon) =>
    doc.transact(() => {
      text.insert(text.length, typed);
      beacons.push([beacon]);
    });
}

/**
 * A suggester's keystroke: its one open suggestion grows (the entry under its own key is
 * rewritten), carrying the beacon as the suggested words. The collab server checks every such
 * update (collab/suggestion-gate.ts), which is the cost the suggesting scenario measures.
 */
function suggestingInto(doc: Y.Doc, userId: string): Typist["type"] {
  const suggestions = doc.getMap("suggestions");
  const key = `${userId}:bench-${doc.clientID}`;
  const createdAt = new Date().toISOString();
  return (_typed, beacon) =>
    suggestions.set(key, {
      id: key,
      authorId: userId,
      authorName: "Bench suggester",
      kind: "insert",
      from: "AA==",
      to: "AA==",
      text: JSON.stringify(beacon),
      quote: "",
      articleId: null,
      createdAt,
    });
}

/** The beacon a suggestion carries (suggesting typists), or null. */
function beaconOf(value: unknown): Beacon | null {
  const text = (value as { text?: unknown } | undefined)?.text;
  if (typeof text !== "string" || !text.startsWith("[")) return null;
  try {
    const parsed = JSON.parse(text) as unknown;
    return Array.isArray(parsed) && parsed.length === 2 ? (parsed as Beacon) : null;
  } catch {
    return null;
  }
}

export type Probe = ClientBase & Typist & { doc: Y.Doc };

/**
 * A full Yjs client. `onBeacon` gets each beacon that arrives from someone else, with the
 * arrival time; the orchestrator decides what to record.
 */
export function openProbe(endpoint: Endpoint, onBeacon: (beacon: Beacon, arrivedAt: number) => void): Probe {
  const doc = new Y.Doc();
  const { ws, wire, send } = open(endpoint);
  let markSynced: () => void;
  const synced = new Promise<void>((resolve) => (markSynced = resolve));
  ws.on("open", () => send(syncStep1(doc)));
  ws.on("message", (data: Buffer) => {
    const message = wire.unframe(bytesOf(data));
    if (!message) return;
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return;
    const reply = encoding.createEncoder();
    encoding.writeVarUint(reply, MESSAGE_SYNC);
    const kind = syncProtocol.readSyncMessage(decoder, reply, doc, ws);
    if (encoding.length(reply) > 1) send(encoding.toUint8Array(reply));
    if (kind === syncProtocol.messageYjsSyncStep2) markSynced();
  });
  doc.getArray<Beacon>("beacons").observe((event) => {
    if (event.transaction.local) return;
    const now = performance.now();
    for (const change of event.changes.delta) {
      for (const beacon of (change.insert as Beacon[] | undefined) ?? []) onBeacon(beacon, now);
    }
  });
  const suggestions = doc.getMap("suggestions");
  suggestions.observe((event) => {
    if (event.transaction.local) return;
    const now = performance.now();
    for (const key of event.keysChanged) {
      const beacon = beaconOf(suggestions.get(key));
      if (beacon) onBeacon(beacon, now);
    }
  });
  doc.on("update", (update: Uint8Array, origin: unknown) => {
    if (origin !== ws && ws.readyState === ws.OPEN) send(updateFrame(update));
  });
  const close = trackClose(ws);
  return { ws, doc, ready: synced, ...close, destroy: () => (close.destroy(), doc.destroy()), type: typingInto(doc) };
}

export type Writer = ClientBase & Typist;

/**
 * A typist: its own document, changes sent as updates; incoming frames are read and dropped.
 * With `suggester` its keystrokes are suggestions by that person (its endpoint carries their cookie).
 */
export function openWriter(endpoint: Endpoint, suggester?: string): Writer {
  const doc = new Y.Doc();
  const { ws, send } = open(endpoint);
  const ready = opened(ws).then(() => send(EMPTY_STEP1));
  ready.catch(() => undefined);
  doc.on("update", (update: Uint8Array) => {
    if (ws.readyState === ws.OPEN) send(updateFrame(update));
  });
  const close = trackClose(ws);
  const type = suggester ? suggestingInto(doc, suggester) : typingInto(doc);
  return { ws, ready, ...close, destroy: () => (close.destroy(), doc.destroy()), type };
}

export type Listener = ClientBase & { bytes: () => number };

/** An idle tab: says SyncStep1 like every client, then reads and counts what it is sent. */
export function openListener(endpoint: Endpoint): Listener {
  const { ws, send } = open(endpoint);
  let bytes = 0;
  const ready = opened(ws).then(() => send(EMPTY_STEP1));
  ready.catch(() => undefined);
  ws.on("message", (data: Buffer) => (bytes += data.byteLength));
  return { ws, ready, bytes: () => bytes, ...trackClose(ws) };
}

/** Time from opening a socket to the end of the first sync, for one fresh client. */
export async function timeToSync(endpoint: Endpoint): Promise<number> {
  const start = performance.now();
  const probe = openProbe(endpoint, () => undefined);
  await probe.ready;
  const elapsed = performance.now() - start;
  probe.destroy();
  return elapsed;
}
