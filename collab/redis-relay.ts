import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as Y from "yjs";
import type { RedisBus } from "../app/utils/redis-bus.server";
import type { Room, RoomRelayLink } from "./room";

/**
 * Fan-out of a room between collab nodes over Redis pub/sub, one channel per draft.
 * Lean by design (architecture.md, Hocuspocus #1024): an update crosses as ONE publish —
 * the updates a node accepted in the same event-loop turn merged into one — with no
 * state-vector exchange per change. The one exchange is when a node opens a room (or its
 * subscriber reconnects): it asks the others for what it lacks once.
 * The node that accepted an update stores it; the others only show it to their members.
 */
export type RoomRelay = {
  /** Subscribes, loads the room, then applies what arrived while loading. */
  open(documentId: string, load: () => Promise<Room>): Promise<Room>;
  /** Rooms linked now (for monitoring). */
  readonly openRooms: number;
  close(): void;
};

const UPDATE = 0;
const AWARENESS = 1;
/** Carries the sender's state vector; others answer with the difference and their presence. */
const SYNC_REQUEST = 2;

/** An encoded Yjs update with no structs and no deletions. */
const EMPTY_UPDATE_LENGTH = 2;

export function redisRoomRelay(bus: RedisBus): RoomRelay {
  const rooms = new Map<Room, (kind: number, payload: Uint8Array) => void>();

  const stopReconnect = bus.onReconnect(() => {
    // Whatever crossed while we were away is fetched once, both ways.
    for (const [room, publish] of rooms) publish(SYNC_REQUEST, syncRequest(room, true));
  });

  async function open(documentId: string, load: () => Promise<Room>): Promise<Room> {
    // The main text's topic is its draft id, as before a draft had several texts.
    const topic = `collab:${documentId}`;
    const publish = (kind: number, payload: Uint8Array) => bus.publish(topic, frame(kind, payload));
    let room: Room | null = null;
    const early: Uint8Array[] = [];
    const unsubscribe = await bus.subscribe(topic, (message) => {
      if (room) receive(room, publish, message);
      else early.push(Uint8Array.from(message));
    });
    try {
      room = await load();
    } catch (error) {
      unsubscribe();
      throw error;
    }
    const opened = room;
    let queued: Uint8Array[] = [];
    const sendQueued = () => {
      if (queued.length === 0) return;
      const merged = queued.length === 1 ? queued[0]! : Y.mergeUpdates(queued);
      queued = [];
      publish(UPDATE, merged);
    };
    const link: RoomRelayLink = {
      publishUpdate(update) {
        if (queued.length === 0) setImmediate(sendQueued);
        queued.push(update);
      },
      publishAwareness(update) {
        publish(AWARENESS, update);
      },
      close() {
        sendQueued();
        rooms.delete(opened);
        unsubscribe();
      },
    };
    opened.linkRelay(link);
    rooms.set(opened, publish);
    for (const message of early) receive(opened, publish, message);
    publish(SYNC_REQUEST, syncRequest(opened, false));
    return opened;
  }

  return {
    open,
    get openRooms() {
      return rooms.size;
    },
    close() {
      stopReconnect();
      for (const room of [...rooms.keys()]) room.destroy();
    },
  };
}

function frame(kind: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, kind);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

function syncRequest(room: Room, askBack: boolean): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeUint8(encoder, askBack ? 1 : 0);
  encoding.writeVarUint8Array(encoder, Y.encodeStateVector(room.doc));
  return encoding.toUint8Array(encoder);
}

function receive(room: Room, publish: (kind: number, payload: Uint8Array) => void, message: Uint8Array): void {
  try {
    const decoder = decoding.createDecoder(message);
    const kind = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (kind === UPDATE) room.applyRemoteUpdate(payload);
    else if (kind === AWARENESS) room.applyRemoteAwareness(payload);
    else if (kind === SYNC_REQUEST) answerSyncRequest(room, publish, payload);
  } catch (error) {
    console.error(`collab: ignoring a malformed message from another node for document ${room.documentId}`, error);
  }
}

function answerSyncRequest(room: Room, publish: (kind: number, payload: Uint8Array) => void, request: Uint8Array) {
  const decoder = decoding.createDecoder(request);
  const askBack = decoding.readUint8(decoder) === 1;
  const missing = Y.encodeStateAsUpdate(room.doc, decoding.readVarUint8Array(decoder));
  if (missing.length > EMPTY_UPDATE_LENGTH) publish(UPDATE, missing);
  const presence = room.localAwarenessUpdate();
  if (presence) publish(AWARENESS, presence);
  if (askBack) publish(SYNC_REQUEST, syncRequest(room, false));
}
