/**
 * The load generator, in its own process: N y-websocket clients on one document, some of
 * them typing at human speed on a fixed schedule. Each keystroke also pushes a timestamp
 * beacon (the *scheduled* send time, so a stalled sender is not hidden: no coordinated
 * omission); every other client records now − beacon when it arrives. One clock, no skew.
 */
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { browserLikeWebSocket } from "../collab/node-client";
import { Histogram } from "./lib/histogram";

export type LoadOptions = {
  url: string;
  /** Several servers (nodes sharing the document over Redis): client i connects to urls[i % n]. */
  urls?: string[];
  room: string;
  headers: Record<string, string>;
  clients: number;
  typists: number;
  /** Keystrokes per second per typist (human speed is about 5). */
  rate: number;
  measureMs: number;
};

export type LoadResult = {
  p50: number;
  p99: number;
  max: number;
  samples: number;
  expected: number;
  connectMs: number;
};

// Every y-websocket provider adds a process "exit" listener; a hundred of them are expected here.
process.setMaxListeners(0);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `beforeMeasuring` runs once everyone is connected and synced (the orchestrator resets server stats there). */
export async function runLoad(
  options: LoadOptions,
  beforeMeasuring: () => Promise<void> = async () => {},
): Promise<LoadResult> {
  const histogram = new Histogram();
  let measuring = false;
  const connectStart = performance.now();
  const clients = Array.from({ length: options.clients }, (_, index) => {
    const doc = new Y.Doc();
    const url = options.urls ? options.urls[index % options.urls.length]! : options.url;
    // Each node accepts its own origin (http://<host:port> of the request), as behind a proxy.
    const headers = options.urls ? { ...options.headers, Origin: `http://${new URL(url).host}` } : options.headers;
    const provider = new WebsocketProvider(url, options.room, doc, {
      WebSocketPolyfill: browserLikeWebSocket(headers) as unknown as typeof WebSocket,
      disableBc: true,
    });
    doc.getArray<number>("beacons").observe((event) => {
      if (event.transaction.local || !measuring) return;
      const now = performance.now();
      for (const change of event.changes.delta) {
        for (const sent of (change.insert as number[] | undefined) ?? []) histogram.record(now - sent);
      }
    });
    return { doc, provider };
  });
  await Promise.all(
    clients.map(
      ({ provider }) =>
        new Promise<void>((resolve) => (provider.synced ? resolve() : provider.once("sync", () => resolve()))),
    ),
  );
  const connectMs = performance.now() - connectStart;
  await sleep(500);
  await beforeMeasuring();

  const typists = clients.slice(0, options.typists);
  const interval = 1000 / options.rate;
  const start = performance.now() + 50;
  const sent = new Array<number>(typists.length).fill(0);
  measuring = true;
  const timer = setInterval(() => {
    const now = performance.now();
    typists.forEach(({ doc }, index) => {
      const phase = (index * interval) / typists.length;
      while (
        start + phase + sent[index]! * interval <= now &&
        start + phase + sent[index]! * interval < start + options.measureMs
      ) {
        const scheduled = start + phase + sent[index]! * interval;
        doc.transact(() => {
          const text = doc.getText("body");
          text.insert(text.length, "ա");
          doc.getArray<number>("beacons").push([scheduled]);
        });
        sent[index]!++;
      }
    });
  }, 2);
  await sleep(options.measureMs + 50);
  clearInterval(timer);
  await sleep(1500);
  measuring = false;
  clients.forEach(({ provider, doc }) => {
    provider.destroy();
    doc.destroy();
  });
  const beacons = sent.reduce((a, b) => a + b, 0);
  return {
    p50: histogram.percentile(50),
    p99: histogram.percentile(99),
    max: histogram.percentile(100),
    samples: histogram.count,
    expected: beacons * (options.clients - 1),
    connectMs,
  };
}

/** Time from opening a socket to the first sync, for one fresh client. */
export async function timeToSync(url: string, room: string, headers: Record<string, string>): Promise<number> {
  const doc = new Y.Doc();
  const start = performance.now();
  const provider = new WebsocketProvider(url, room, doc, {
    WebSocketPolyfill: browserLikeWebSocket(headers) as unknown as typeof WebSocket,
    disableBc: true,
  });
  await new Promise<void>((resolve) => provider.once("sync", () => resolve()));
  const elapsed = performance.now() - start;
  provider.destroy();
  doc.destroy();
  return elapsed;
}

export type AwarenessOptions = Omit<LoadOptions, "typists" | "urls">;
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
  const clients = Array.from({ length: options.clients }, () => {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(options.url, options.room, doc, {
      WebSocketPolyfill: browserLikeWebSocket(options.headers) as unknown as typeof WebSocket,
      disableBc: true,
    });
    provider.awareness.on("update", (_change: unknown, origin: unknown) => {
      if (measuring && origin !== "local") frames++;
    });
    return { doc, provider };
  });
  await Promise.all(
    clients.map(
      ({ provider }) =>
        new Promise<void>((resolve) => (provider.synced ? resolve() : provider.once("sync", () => resolve()))),
    ),
  );
  clients.forEach(({ provider }, i) => provider.awareness.setLocalStateField("user", { name: `user ${i}` }));
  await sleep(1000);
  await beforeMeasuring();
  const interval = 1000 / options.rate;
  const start = performance.now();
  const moved = new Array<number>(clients.length).fill(0);
  measuring = true;
  const timer = setInterval(() => {
    const now = performance.now();
    clients.forEach(({ provider }, index) => {
      const due = start + (index * interval) / clients.length + moved[index]! * interval;
      if (due <= now && due < start + options.measureMs) {
        provider.awareness.setLocalStateField("cursor", { anchor: moved[index]!, head: moved[index]! });
        moved[index]!++;
      }
    });
  }, 2);
  await sleep(options.measureMs);
  clearInterval(timer);
  measuring = false;
  const seconds = options.measureMs / 1000;
  clients.forEach(({ provider, doc }) => {
    provider.destroy();
    doc.destroy();
  });
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
  const clients = Array.from({ length: options.clients }, () => {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(options.url, options.room, doc, {
      WebSocketPolyfill: browserLikeWebSocket(options.headers) as unknown as typeof WebSocket,
      disableBc: true,
    });
    return { doc, provider };
  });
  await Promise.all(
    clients.map(
      ({ provider }) =>
        new Promise<void>((resolve) => (provider.synced ? resolve() : provider.once("sync", () => resolve()))),
    ),
  );
  return () =>
    clients.forEach(({ provider, doc }) => {
      provider.destroy();
      doc.destroy();
    });
}

// As a child process: receive options, run, send the result back.
if (process.send) {
  process.once(
    "message",
    async (
      message:
        | { type: "load"; options: LoadOptions }
        | { type: "awareness"; options: AwarenessOptions }
        | { type: "idle"; options: { url: string; room: string; headers: Record<string, string>; clients: number } }
        | { type: "sync"; url: string; room: string; headers: Record<string, string>; times: number; pauseMs: number },
    ) => {
      const ready = () =>
        new Promise<void>((resolve) => {
          process.once("message", () => resolve());
          process.send!({ type: "measure-start" });
        });
      if (message.type === "load") {
        process.send!({ type: "result", result: await runLoad(message.options, ready) });
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
          times.push(await timeToSync(message.url, message.room, message.headers));
          await sleep(message.pauseMs);
        }
        process.send!({ type: "result", result: times });
      }
      process.exit(0);
    },
  );
}
