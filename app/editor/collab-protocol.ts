/**
 * What the browser and the collab server agree on beyond the y-websocket protocol:
 * room names, close codes and our one extra message. Imported by both sides.
 */
import { parseDocumentId, type DocumentRef } from "./document-id";

export const COLLAB_PATH = "/collab";

/**
 * A room per live document (document-id.ts): `draft.<draft id>` for the main text, as before
 * there were several, and `draft.<draft id>.<text id>` for another text.
 */
export const roomName = (documentId: string) => `draft.${documentId}`;

export function documentFromRoom(room: string): DocumentRef | null {
  return room.startsWith("draft.") ? parseDocumentId(room.slice("draft.".length)) : null;
}

/** y-websocket message types 0 (sync) and 1 (awareness) are the protocol's; 100 is ours. */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
/**
 * Sent by the server after updates were written to the database: carries the document's
 * state vector at that moment, so a client knows every change of its own at or below it
 * is stored ("all changes saved"). Only sent to clients that asked with `?saved=1`,
 * so stock clients never see an unknown message type.
 */
export const MESSAGE_SAVED = 100;
export const SAVED_PARAM = "saved";

/** WebSocket close codes (4000–4999 are for applications). */
export const CLOSE = {
  /** The frame could not be decoded, or the update could not be applied. */
  MALFORMED: 4400,
  /** Access was revoked, or the session ended, while connected. */
  ACCESS_REVOKED: 4403,
  /** Access level changed (e.g. edit → comment): reconnect to get the new one. */
  ACCESS_CHANGED: 4409,
  /** Too many messages before the document was loaded, or the client stopped reading. */
  OVERLOADED: 4429,
  /** Standard code: the frame was larger than the server accepts. */
  TOO_LARGE: 1009,
  /** Standard code: the server is shutting down. */
  GOING_AWAY: 1001,
} as const;
