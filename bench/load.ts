/**
 * The load generator, in its own process (bench/lib/processes.ts forks it per job): typing
 * (bench/load/typing.ts), opening a draft until synced, awareness, idle connections.
 * Awareness and idle clients are each server's own provider, as in a browser: y-websocket's
 * WebsocketProvider for ours and the reference, HocuspocusProvider for Hocuspocus
 * (bench/load/provider-clients.ts).
 */
import { timeToSync, type Endpoint } from "./load/clients";
import { openPeerClient, sleep } from "./load/provider-clients";
import { runTyping, type TypingOptions } from "./load/typing";

export type AwarenessOptions = {
  url: string;
  room: string;
  headers: Record<string, string>;
  clients: number;
  rate: number;
  measureMs: number;
};
export type AwarenessResult = { framesPerSecond: number; changesPerSecond: number; perClientPerSecond: number };

/**
 * Every client moves its cursor `rate` times a second on a fixed schedule; counts the
 * awareness frames all clients receive per second (each received frame is one awareness
 * "update" event on the receiving provider). A server relaying every change to every peer
 * sends clients × rate × (clients − 1) frames/s; one that merges sends far fewer.
 */
export async function runAwareness(options: AwarenessOptions, beforeMeasuring: () => Promise<void>) {
  let frames = 0;
  let measuring = false;
  const clients = await Promise.all(
    Array.from({ length: options.clients }, async () => {
      const client = await openPeerClient(options);
      client.awareness.on("update", (_change: unknown, origin: unknown) => {
        if (measuring && origin !== "local") frames++;
      });
      return client;
    }),
  );
  await Promise.all(clients.map((client) => client.synced()));
  clients.forEach(({ awareness }, i) => awareness.setLocalStateField("user", { name: `user ${i}` }));
  await sleep(1000);
  await beforeMeasuring();
  const interval = 1000 / options.rate;
  const start = performance.now();
  const moved = new Array<number>(clients.length).fill(0);
  measuring = true;
  const timer = setInterval(() => {
    const now = performance.now();
    clients.forEach(({ awareness }, index) => {
      const due = start + (index * interval) / clients.length + moved[index]! * interval;
      if (due <= now && due < start + options.measureMs) {
        awareness.setLocalStateField("cursor", { anchor: moved[index]!, head: moved[index]! });
        moved[index]!++;
      }
    });
  }, 2);
  await sleep(options.measureMs);
  clearInterval(timer);
  measuring = false;
  const seconds = options.measureMs / 1000;
  clients.forEach((client) => client.close());
  const changes = moved.reduce((a, b) => a + b, 0);
  return {
    framesPerSecond: frames / seconds,
    changesPerSecond: changes / seconds,
    perClientPerSecond: frames / seconds / options.clients,
  };
}

/** Opens `clients` connections that then sit idle until the orchestrator has measured the server. */
export async function holdIdle(options: {
  url: string;
  room: string;
  headers: Record<string, string>;
  clients: number;
}) {
  const clients = await Promise.all(Array.from({ length: options.clients }, () => openPeerClient(options)));
  await Promise.all(clients.map((client) => client.synced()));
  return () => clients.forEach((client) => client.close());
}

// As a child process: receive options, run, send the result back.
if (process.send) {
  process.once(
    "message",
    async (
      message:
        | { type: "typing"; options: TypingOptions }
        | { type: "awareness"; options: AwarenessOptions }
        | { type: "idle"; options: { url: string; room: string; headers: Record<string, string>; clients: number } }
        | { type: "sync"; endpoint: Endpoint; times: number; pauseMs: number },
    ) => {
      const ready = () =>
        new Promise<void>((resolve) => {
          process.once("message", () => resolve());
          process.send!({ type: "measure-start" });
        });
      if (message.type === "typing") {
        // Each step's start is announced, so the orchestrator can start other work in step (cold loads).
        const atStep = (index: number) => process.send!({ type: "step", index });
        process.send!({ type: "result", result: await runTyping(message.options, ready, atStep) });
      } else if (message.type === "awareness") {
        process.send!({ type: "result", result: await runAwareness(message.options, ready) });
      } else if (message.type === "idle") {
        const release = await holdIdle(message.options);
        await ready();
        release();
        process.send!({ type: "result", result: null });
      } else {
        const times: number[] = [];
        for (let i = 0; i < message.times; i++) {
          times.push(await timeToSync(message.endpoint));
          await sleep(message.pauseMs);
        }
        process.send!({ type: "result", result: times });
      }
      process.exit(0);
    },
  );
}
