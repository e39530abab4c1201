/**
 * Load process of the durability scenario: clients on one or more drafts, connected with
 * `?saved=1`, some typing on a fixed schedule. For each update the typist remembers its
 * *scheduled* send time and the clock it reached; the update is durable when a saved-notice
 * (MESSAGE_SAVED, sent after each database write; Hocuspocus: the stored notice of
 * bench/servers/hocuspocus-stored-notices.ts) carries a state vector at or past that clock. Records notice arrival − scheduled send, on this process's clock only.
 */
import * as Y from "yjs";
import { Histogram } from "../lib/histogram";
import { openPeerClient, ownClock, sleep, type PeerClient } from "./provider-clients";
import { exitWithOrchestrator, measureStart } from "./fork";

export type DurabilityOptions = {
  url: string;
  rooms: string[];
  headers: Record<string, string>;
  clientsPerRoom: number;
  typistsPerRoom: number;
  /** Updates per second per typist. */
  rate: number;
  measureMs: number;
  /** How long after the last send to wait for outstanding notices before counting them as lost. */
  graceMs: number;
};

export type DurabilityResult = {
  p50: number;
  p99: number;
  max: number;
  sent: number;
  acknowledged: number;
  neverAcknowledged: number;
};

export async function runDurability(options: DurabilityOptions): Promise<DurabilityResult> {
  const histogram = new Histogram();
  const typists: { client: PeerClient; waiting: { scheduled: number; clock: number }[] }[] = [];
  const clients = await Promise.all(
    options.rooms.flatMap((room) =>
      Array.from({ length: options.clientsPerRoom }, async (_, index) => {
        const waiting: { scheduled: number; clock: number }[] = [];
        const doc = new Y.Doc();
        const client = await openPeerClient(
          { url: options.url, room, headers: options.headers },
          {
            doc,
            onSaved: (vector) => {
              const now = performance.now();
              const saved = vector.get(doc.clientID) ?? 0;
              // Updates are waiting in clock order: everything up to `saved` is now stored.
              while (waiting.length > 0 && waiting[0]!.clock <= saved)
                histogram.record(now - waiting.shift()!.scheduled);
            },
          },
        );
        if (index < options.typistsPerRoom) typists.push({ client, waiting });
        return client;
      }),
    ),
  );
  await Promise.all(clients.map((client) => client.synced()));
  await sleep(500);
  await measureStart();

  const interval = 1000 / options.rate;
  const start = performance.now() + 50;
  const end = start + options.measureMs;
  const sent = new Array<number>(typists.length).fill(0);
  const timer = setInterval(() => {
    const now = performance.now();
    typists.forEach(({ client, waiting }, index) => {
      const phase = (index * interval) / typists.length;
      let scheduled: number;
      // A late timer sends what is due at once, timed from when it was due (no coordinated omission).
      while ((scheduled = start + phase + sent[index]! * interval) <= now && scheduled < end) {
        const text = client.doc.getText("body");
        text.insert(text.length, "ա");
        waiting.push({ scheduled, clock: ownClock(client.doc) });
        sent[index]!++;
      }
    });
  }, 2);
  await sleep(end - performance.now() + 50);
  clearInterval(timer);
  const graceEnd = performance.now() + options.graceMs;
  while (typists.some((typist) => typist.waiting.length > 0) && performance.now() < graceEnd) await sleep(20);
  clients.forEach((client) => client.close());
  return {
    p50: histogram.percentile(50),
    p99: histogram.percentile(99),
    max: histogram.percentile(100),
    sent: sent.reduce((a, b) => a + b, 0),
    acknowledged: histogram.count,
    neverAcknowledged: typists.reduce((sum, typist) => sum + typist.waiting.length, 0),
  };
}

if (process.send) {
  exitWithOrchestrator();
  process.once("message", async (message: { options: DurabilityOptions }) => {
    process.send!({ type: "result", result: await runDurability(message.options) });
    process.exit(0);
  });
}
