import { EventEmitter } from "node:events";
import { redisBus } from "./redis-bus.server";

/**
 * "The comments of this draft changed": published by the comment model, streamed to open
 * pages by server-sent events, which then reload the threads they may see. Kept on
 * globalThis for the same reason as draft-events (separate module graphs, one process).
 * With `REDIS_URL` the notice also reaches pages served by every other web node.
 */
const TOPIC = "comments-changed";
const globalForEvents = globalThis as unknown as {
  agoraCommentEvents?: EventEmitter;
  agoraCommentEventsBridged?: boolean;
};
const events = (globalForEvents.agoraCommentEvents ??= new EventEmitter().setMaxListeners(0));

export function publishCommentsChanged(draftId: string): void {
  events.emit(draftId);
  redisBus()?.publish(TOPIC, draftId);
}

export function subscribeCommentsChanged(draftId: string, listener: () => void): () => void {
  bridgeFromOtherNodes();
  events.on(draftId, listener);
  return () => events.off(draftId, listener);
}

/** Once per process: other nodes' notices are emitted here as if they were local. */
function bridgeFromOtherNodes(): void {
  const bus = redisBus();
  if (!bus || globalForEvents.agoraCommentEventsBridged) return;
  globalForEvents.agoraCommentEventsBridged = true;
  bus
    .subscribe(TOPIC, (payload) => events.emit(payload.toString()))
    .catch((error: unknown) => console.error("redis: subscribing to comment changes failed", error));
}
