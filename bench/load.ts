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
  const clients = Array.from({ length: options.clients }, () => {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(options.url, options.room, doc, {
      WebSocketPolyfill: browserLikeWebSocket(options.headers) as unknown as typeof WebSocket,
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

// As a child process: receive options, run, send the result back.
if (process.send) {
  process.once(
    "message",
    async (
      message:
        | { type: "load"; options: LoadOptions }
        | { type: "sync"; url: string; room: string; headers: Record<string, string>; times: number; pauseMs: number },
    ) => {
      if (message.type === "load") {
        const ready = () =>
          new Promise<void>((resolve) => {
            process.once("message", () => resolve());
            process.send!({ type: "measure-start" });
          });
        process.send!({ type: "result", result: await runLoad(message.options, ready) });
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
