import * as decoding from "lib0/decoding";
import type { WebsocketProvider } from "y-websocket";
import type { IndexeddbPersistence } from "y-indexeddb";
import * as Y from "yjs";
import { MESSAGE_SAVED } from "./collab-protocol";

/**
 * One local edit the server has not confirmed yet: the editing client and its clock right
 * after the edit. The server confirms it with a saved state vector (MESSAGE_SAVED) whose
 * entry for that client has reached the clock.
 */
export type UnsentMark = [clientId: number, clock: number];

const MARKS_KEY = "unsent";

/** The marks kept with the local copy, from an earlier visit (possibly another client id). */
export async function readUnsentMarks(local: IndexeddbPersistence | null): Promise<UnsentMark[]> {
  if (!local) return [];
  const stored: unknown = await local.get(MARKS_KEY).catch(() => undefined);
  if (typeof stored !== "string") return [];
  try {
    const parsed: unknown = JSON.parse(stored);
    return Array.isArray(parsed)
      ? parsed.filter((mark): mark is UnsentMark => Array.isArray(mark) && mark.length === 2)
      : [];
  } catch {
    return [];
  }
}

/**
 * Counts this person's edits that the database does not hold yet, across reloads: edits
 * made before a reload carry the earlier client id, so the marks are kept with the local
 * copy next to the text itself. Replaces `trackSaved` for the browser editor (the
 * provider must be opened with `params: { saved: "1" }`).
 *
 * Deleting text does not move a Yjs clock, so a deletion alone is not counted (it still
 * travels with the local copy and is sent on reconnect).
 */
export function trackUnsentChanges(
  provider: WebsocketProvider,
  local: IndexeddbPersistence | null,
  initial: UnsentMark[],
  onChange: (unsent: number) => void,
): () => void {
  const doc = provider.doc;
  let marks = [...initial];
  let lastClock = Y.getState(doc.store, doc.clientID);
  const publish = () => {
    onChange(marks.length);
    void local?.set(MARKS_KEY, JSON.stringify(marks)).catch(() => undefined);
  };
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    // Text from the server or from the local copy is not a new edit of ours.
    if (origin === provider || (local && origin === local)) return;
    const clock = Y.getState(doc.store, doc.clientID);
    if (clock <= lastClock) return;
    lastClock = clock;
    marks.push([doc.clientID, clock]);
    publish();
  };
  provider.messageHandlers[MESSAGE_SAVED] = (_encoder, decoder) => {
    const saved = Y.decodeStateVector(decoding.readVarUint8Array(decoder));
    const still = marks.filter(([clientId, clock]) => (saved.get(clientId) ?? 0) < clock);
    if (still.length === marks.length) return;
    marks = still;
    publish();
  };
  doc.on("update", onUpdate);
  onChange(marks.length);
  return () => doc.off("update", onUpdate);
}
