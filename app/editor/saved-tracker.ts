import * as decoding from "lib0/decoding";
import type { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { MESSAGE_SAVED } from "./collab-protocol";

/**
 * "All changes saved": true when the database holds every change this client made.
 * The server sends the stored state vector after each write (MESSAGE_SAVED); our own
 * changes are saved when our client's clock in it has reached our local clock.
 * The provider must be opened with `params: { saved: "1" }`.
 */
export function trackSaved(provider: WebsocketProvider, onChange: (allSaved: boolean) => void): () => void {
  const doc = provider.doc;
  let savedClock = Y.getState(doc.store, doc.clientID) === 0 ? 0 : -1;
  let last: boolean | null = null;
  const report = () => {
    const allSaved = Y.getState(doc.store, doc.clientID) <= savedClock;
    if (allSaved !== last) onChange((last = allSaved));
  };
  provider.messageHandlers[MESSAGE_SAVED] = (_encoder, decoder) => {
    const vector = Y.decodeStateVector(decoding.readVarUint8Array(decoder));
    savedClock = Math.max(savedClock, vector.get(doc.clientID) ?? 0);
    report();
  };
  const onUpdate = () => report();
  doc.on("update", onUpdate);
  report();
  return () => doc.off("update", onUpdate);
}
