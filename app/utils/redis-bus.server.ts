import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { env } from "./env.server";

export type BusListener = (payload: Buffer) => void;

/**
 * Publish/subscribe between the processes of one deployment (web and collab nodes), over
 * Redis when `REDIS_URL` is set. Every message carries the sending node's id, so a node
 * never receives its own messages back (each node already acted on them locally).
 * Channels are `${REDIS_PREFIX}${topic}`, so several deployments (or test runs) can share
 * one Redis.
 */
export type RedisBus = {
  readonly nodeId: string;
  /** A plain command connection (locks, keys); not usable for subscriptions. */
  readonly commands: Redis;
  /** Key or channel name with this deployment's prefix. */
  key(name: string): string;
  publish(topic: string, payload: Uint8Array | string): void;
  /** Resolves once Redis confirmed the subscription; the returned function unsubscribes. */
  subscribe(topic: string, listener: BusListener): Promise<() => void>;
  /** Called after the subscriber reconnected (messages may have been missed meanwhile). */
  onReconnect(listener: () => void): () => void;
  close(): Promise<void>;
};

const globalForBus = globalThis as unknown as { agoraRedisBus?: RedisBus | null };

/**
 * The process's bus, or null without `REDIS_URL` (one process: in-process events suffice).
 * Kept on globalThis: the Remix build and the server are separate module graphs.
 */
export function redisBus(): RedisBus | null {
  if (globalForBus.agoraRedisBus !== undefined) return globalForBus.agoraRedisBus;
  const { REDIS_URL, REDIS_PREFIX } = env();
  globalForBus.agoraRedisBus = REDIS_URL ? createRedisBus(REDIS_URL, REDIS_PREFIX) : null;
  return globalForBus.agoraRedisBus;
}

export function createRedisBus(url: string, prefix: string): RedisBus {
  const nodeId = randomUUID();
  const nodeTag = Buffer.from(nodeId);
  // A subscribed connection can run no other command: one for publishing and commands, one for listening.
  const commands = new Redis(url, { maxRetriesPerRequest: 3 });
  const subscriber = new Redis(url, { maxRetriesPerRequest: null });
  const listeners = new Map<string, Set<BusListener>>();
  const reconnectListeners = new Set<() => void>();
  let everReady = false;
  const logError = (error: Error) => console.error("redis:", error.message);
  commands.on("error", logError);
  subscriber.on("error", logError);
  subscriber.on("ready", () => {
    // ioredis subscribes again by itself; what was published while disconnected is lost.
    if (everReady) for (const listener of reconnectListeners) listener();
    everReady = true;
  });
  subscriber.on("messageBuffer", (channel: Buffer, message: Buffer) => {
    const set = listeners.get(channel.toString());
    if (!set || message.length < nodeTag.length + 1) return;
    const tagLength = message[0]!;
    if (message.subarray(1, 1 + tagLength).equals(nodeTag)) return;
    const payload = message.subarray(1 + tagLength);
    for (const listener of set) listener(payload);
  });

  const key = (name: string) => `${prefix}${name}`;

  return {
    nodeId,
    commands,
    key,
    publish(topic, payload) {
      const body = typeof payload === "string" ? Buffer.from(payload) : payload;
      const frame = Buffer.allocUnsafe(1 + nodeTag.length + body.length);
      frame[0] = nodeTag.length;
      nodeTag.copy(frame, 1);
      frame.set(body, 1 + nodeTag.length);
      commands.publish(key(topic), frame).catch(logError);
    },
    async subscribe(topic, listener) {
      const channel = key(topic);
      let set = listeners.get(channel);
      if (!set) {
        set = new Set();
        listeners.set(channel, set);
        await subscriber.subscribe(channel);
      }
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size > 0 || listeners.get(channel) !== set) return;
        listeners.delete(channel);
        subscriber.unsubscribe(channel).catch(logError);
      };
    },
    onReconnect(listener) {
      reconnectListeners.add(listener);
      return () => reconnectListeners.delete(listener);
    },
    async close() {
      listeners.clear();
      await Promise.allSettled([commands.quit(), subscriber.quit()]);
    },
  };
}
