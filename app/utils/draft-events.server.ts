import { EventEmitter } from "node:events";

/**
 * In-process signal from the web app to the collab server that a draft's access changed
 * (sharing edited, status changed, member removed), so open sockets are re-checked now
 * rather than at the next periodic check. Kept on globalThis because the Remix build and
 * the collab server are separate module graphs in the same process.
 */
const globalForEvents = globalThis as unknown as { agoraDraftEvents?: EventEmitter };
const events = (globalForEvents.agoraDraftEvents ??= new EventEmitter().setMaxListeners(100));

export function notifyDraftAccessChanged(draftId: string | "*"): void {
  events.emit("access-changed", draftId);
}

export function onDraftAccessChanged(listener: (draftId: string | "*") => void): () => void {
  events.on("access-changed", listener);
  return () => events.off("access-changed", listener);
}
