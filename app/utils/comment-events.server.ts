import { EventEmitter } from "node:events";

/**
 * "The comments of this draft changed": published by the comment model, streamed to open
 * pages by server-sent events, which then reload the threads they may see. Kept on
 * globalThis for the same reason as draft-events (separate module graphs, one process).
 */
const globalForEvents = globalThis as unknown as { agoraCommentEvents?: EventEmitter };
const events = (globalForEvents.agoraCommentEvents ??= new EventEmitter().setMaxListeners(0));

export function publishCommentsChanged(draftId: string): void {
  events.emit(draftId);
}

export function subscribeCommentsChanged(draftId: string, listener: () => void): () => void {
  events.on(draftId, listener);
  return () => events.off(draftId, listener);
}
