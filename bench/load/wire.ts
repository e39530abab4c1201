/**
 * How the load clients frame y-websocket messages (a message type, then its payload) for the
 * server they talk to. Our server and the reference speak plain y-websocket: one document per
 * socket, named by the URL. Hocuspocus multiplexes documents on one socket: every frame starts
 * with the document's name, a client authenticates each document first (an empty token: the
 * benchmark's Hocuspocus has no authentication hook), and its server adds frames of its own
 * (authenticated, sync status, pings) that carry nothing for the measurement.
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";

/** The path of a Hocuspocus server's URL in the benchmark (any path reaches its socket). */
export const HOCUSPOCUS_PATH = "hocuspocus";

const SYNC = 0;
const AWARENESS = 1;
const AUTH = 2;
const AUTH_TOKEN = 0;
const SYNC_REPLY = 4;
const STATELESS = 5;

export type Wire = {
  /** A y-websocket message as this server wants it. */
  frame(message: Uint8Array): Uint8Array;
  /** The y-websocket message in a received frame, or null for a frame of the server's own protocol. */
  unframe(data: Uint8Array): Uint8Array | null;
  /** What a client sends first on a fresh socket, or null. */
  hello: Uint8Array | null;
};

const plain: Wire = { frame: (message) => message, unframe: (data) => data, hello: null };

function hocuspocus(room: string): Wire {
  const prefix = (() => {
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, room);
    return encoding.toUint8Array(encoder);
  })();
  const frame = (message: Uint8Array) => {
    const framed = new Uint8Array(prefix.length + message.length);
    framed.set(prefix);
    framed.set(message, prefix.length);
    return framed;
  };
  const hello = (() => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, AUTH);
    encoding.writeVarUint(encoder, AUTH_TOKEN);
    encoding.writeVarString(encoder, "");
    return frame(encoding.toUint8Array(encoder));
  })();
  return {
    frame,
    hello,
    unframe(data) {
      const decoder = decoding.createDecoder(data);
      decoding.readVarString(decoder);
      const message = data.subarray(decoder.pos);
      const type = message[0];
      if (type === SYNC || type === AWARENESS) return message;
      if (type !== SYNC_REPLY) return null;
      // The server's own SyncStep1 comes as a "sync reply"; to a y-websocket client it is a sync
      // message (both types are one byte).
      const asSync = message.slice();
      asSync[0] = SYNC;
      return asSync;
    },
  };
}

export const isHocuspocus = (url: string) => new URL(url).pathname === `/${HOCUSPOCUS_PATH}`;

export function wireFor(url: string, room: string): Wire {
  return isHocuspocus(url) ? hocuspocus(room) : plain;
}

/** The payload of a Hocuspocus stateless frame, or null (the durability scenario's stored notices). */
export function statelessPayload(data: Uint8Array): string | null {
  const decoder = decoding.createDecoder(data);
  decoding.readVarString(decoder);
  if (decoding.readVarUint(decoder) !== STATELESS) return null;
  return decoding.readVarString(decoder);
}
