import { EventEmitter } from "node:events";
import { redisBus } from "./redis-bus.server";

/**
 * Signal from the web app to the collab server that a draft's access changed (sharing
 * edited, status changed, member removed), so open sockets are re-checked now rather than
 * at the next periodic check. In one process an EventEmitter carries it (kept on globalThis
 * because the Remix build and the collab server are separate module graphs); with
 * `REDIS_URL` it also goes to every other node, so sockets on any collab node are closed.
 */
const TOPIC = "draft-access";
const globalForEvents = globalThis as unknown as { agoraDraftEvents?: EventEmitter; agoraDraftEventsBridged?: boolean };
const events = (globalForEvents.agoraDraftEvents ??= new EventEmitter().setMaxListeners(100));

export function notifyDraftAccessChanged(draftId: string | "*"): void {
  events.emit("access-changed", draftId);
  redisBus()?.publish(TOPIC, draftId);
}

/**
 * A notice relayed from the web process to the collab process on the same machine (they
 * are two processes in the default start, server/collab-process.ts): emitted here only,
 * as the web process has already told the other nodes.
 */
export function emitDraftAccessChangedHere(draftId: string | "*"): void {
  events.emit("access-changed", draftId);
}

export function onDraftAccessChanged(listener: (draftId: string | "*") => void): () => void {
  bridgeFromOtherNodes();
  events.on("access-changed", listener);
  return () => events.off("access-changed", listener);
}

/** Once per process: other nodes' notices are emitted here as if they were local. */
function bridgeFromOtherNodes(): void {
  const bus = redisBus();
  if (!bus || globalForEvents.agoraDraftEventsBridged) return;
  globalForEvents.agoraDraftEventsBridged = true;
  bus
    .subscribe(TOPIC, (payload) => events.emit("access-changed", payload.toString()))
    .catch((error: unknown) => console.error("redis: subscribing to access changes failed", error));
}
