/**
 * Typing load on one or many drafts, on one or several servers (nodes). Writers type on a
 * fixed schedule; each keystroke carries a beacon with its *scheduled* send time, so a
 * stalled sender cannot hide its own delay (no coordinated omission). Probes record
 * now − beacon on arrival, in the same process: one clock, no skew. With several nodes,
 * each latency is filed as same-node or cross-node by comparing the writer's node with
 * the probe's, so the added cross-node cost is measured under one and the same load.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { sleep } from "../lib/sleep";
import { Histogram } from "../lib/histogram";
import {
  openListener,
  openProbe,
  openWriter,
  type Beacon,
  type ClientBase,
  type Endpoint,
  type Typist,
} from "./clients";

export type TypingOptions = {
  /** Servers; client i of a draft connects to urls[i % urls.length]. */
  urls: string[];
  rooms: string[];
  /** Cookie; each client sends its node's own Origin, as behind a proxy. */
  headers: Record<string, string>;
  clientsPerRoom: number;
  /** Clients 0 … typists−1 of each draft type. */
  typistsPerRoom: number;
  /** The last `probes` clients of each draft are full Yjs clients that measure (they type too if within the typists). */
  probesPerRoom: number;
  /** Steps of the load, in keystrokes per second per typist; each is measured for measureMs. */
  rates: number[];
  measureMs: number;
  /** Text of one keystroke (a paste, for the slow-reader scenario). */
  typed?: string;
  /** Of the typists, the first this many per draft suggest instead of editing (as this person, with this cookie). */
  suggesting?: { perRoom: number; userId: string; cookie: string };
  /** Extra clients on the first draft that stop reading once connected. */
  slowReaders?: number;
};

/** Drafts connected at a time: thousands of simultaneous upgrades would measure the login, not the typing. */
const CONNECT_ROOMS_AT_ONCE = 50;

export type Percentiles = { p50: number; p99: number; max: number; samples: number };
export type TypingStep = Percentiles & {
  /** Keystrokes per second over all drafts. */
  updatesPerSecond: number;
  /** Beacon arrivals the probes should have seen. */
  expected: number;
  sameNode?: Percentiles;
  crossNode?: Percentiles;
};
export type TypingResult = {
  steps: TypingStep[];
  connectMs: number;
  /** Clients the server closed (other than slow readers). */
  closedByServer: number;
  /** Close code the server sent each slow reader (null: never dropped) and what it read in all. */
  slowReaders: { closedWith: number | null; bytesRead: number }[];
  /** The load process itself while measuring: if it is saturated, latencies are upper bounds on the server's. */
  loadProcess: { cpuPercent: number; loopP99Ms: number };
};

/** After a step's last keystroke: long enough for every beacon still in flight to arrive. */
const DRAIN_MS = 1000;

type Member = { client: ClientBase & Partial<Typist>; node: number; probe: boolean; types: boolean; sent: number };

function summary(histogram: Histogram): Percentiles {
  return {
    p50: histogram.percentile(50),
    p99: histogram.percentile(99),
    max: histogram.percentile(100),
    samples: histogram.count,
  };
}

/**
 * `beforeMeasuring` runs once everyone is connected (the orchestrator resets server stats);
 * `atStep(i)` when step i's schedule starts (another job can start meanwhile).
 */
export async function runTyping(
  options: TypingOptions,
  beforeMeasuring: () => Promise<void>,
  atStep: (index: number) => void = () => undefined,
): Promise<TypingResult> {
  const nodes = options.urls.length;
  let record: ((beacon: Beacon, arrivedAt: number, node: number) => void) | null = null;
  const endpoint = (room: string, index: number): Endpoint => {
    const url = options.urls[index % nodes]!;
    return { url, room, headers: { ...options.headers, Origin: `http://${new URL(url).host}` } };
  };

  const connectStart = performance.now();
  const openRoom = (room: string): Member[] =>
    Array.from({ length: options.clientsPerRoom }, (_, index) => {
      const node = index % nodes;
      const probe = index >= options.clientsPerRoom - options.probesPerRoom;
      const types = index < options.typistsPerRoom;
      const suggests = !probe && types && index < (options.suggesting?.perRoom ?? 0);
      const plain = endpoint(room, index);
      const at = suggests ? { ...plain, headers: { ...plain.headers, Cookie: options.suggesting!.cookie } } : plain;
      const client = probe
        ? openProbe(at, (beacon, arrivedAt) => record?.(beacon, arrivedAt, node))
        : types
          ? openWriter(at, suggests ? options.suggesting!.userId : undefined)
          : openListener(at);
      return { client, node, probe, types, sent: 0 };
    });
  const rooms: Member[][] = [];
  for (let i = 0; i < options.rooms.length; i += CONNECT_ROOMS_AT_ONCE) {
    const batch = options.rooms.slice(i, i + CONNECT_ROOMS_AT_ONCE).map(openRoom);
    await Promise.all(batch.flat().map(({ client }) => client.ready));
    rooms.push(...batch);
  }
  const slow = Array.from({ length: options.slowReaders ?? 0 }, () => openListener(endpoint(options.rooms[0]!, 0)));
  await Promise.all(slow.map((reader) => reader.ready));
  // Stop reading: the kernel buffers fill, then the server's send buffer grows.
  for (const reader of slow) reader.ws.pause();
  const connectMs = performance.now() - connectStart;
  await sleep(500);
  await beforeMeasuring();

  const typists = rooms.flatMap((members) => members.filter((m) => m.types));
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  const steps: TypingStep[] = [];
  for (const [stepIndex, rate] of options.rates.entries()) {
    atStep(stepIndex);
    const all = new Histogram();
    const byPlace = [new Histogram(), new Histogram()];
    record = (beacon, arrivedAt, node) => {
      all.record(arrivedAt - beacon[0]);
      byPlace[beacon[1] === node ? 0 : 1]!.record(arrivedAt - beacon[0]);
    };
    for (const member of typists) member.sent = 0;
    const interval = 1000 / rate;
    const start = performance.now() + 50;
    const end = start + options.measureMs;
    let next = 0;
    // Each typist has its own phase, spread evenly, so the load is steady rather than bursty.
    const timer = setInterval(() => {
      const now = performance.now();
      typists.forEach((member, index) => {
        const phase = (index * interval) / typists.length;
        for (;;) {
          const scheduled = start + phase + member.sent * interval;
          if (scheduled > now || scheduled >= end) break;
          member.client.type!(options.typed ?? "ա", [scheduled, member.node]);
          member.sent++;
          next++;
        }
      });
    }, 2);
    await sleep(options.measureMs + 50);
    clearInterval(timer);
    await sleep(DRAIN_MS);
    record = null;
    const expected = rooms.reduce((total, members) => {
      const sent = members.reduce((sum, m) => sum + m.sent, 0);
      return total + members.filter((m) => m.probe).reduce((sum, probe) => sum + sent - probe.sent, 0);
    }, 0);
    steps.push({
      ...summary(all),
      updatesPerSecond: next / (options.measureMs / 1000),
      expected,
      ...(nodes > 1 ? { sameNode: summary(byPlace[0]!), crossNode: summary(byPlace[1]!) } : {}),
    });
  }

  const cpu = process.cpuUsage(cpuStart);
  loop.disable();
  const loadProcess = {
    cpuPercent: ((cpu.user + cpu.system) / 1000 / (performance.now() - wallStart)) * 100,
    loopP99Ms: loop.percentile(99) / 1e6,
  };
  const closedByServer = rooms.flat().filter(({ client }) => client.closedWith() !== null).length;
  // A paused client cannot see its close frame: reading again, it gets to it (or not, if the
  // server kept it).
  for (const reader of slow) reader.ws.resume();
  const waitUntil = performance.now() + 5000;
  while (slow.some((reader) => reader.closedWith() === null) && performance.now() < waitUntil) await sleep(50);
  const slowReaders = slow.map((reader) => ({ closedWith: reader.closedWith(), bytesRead: reader.bytes() }));
  for (const { client } of rooms.flat()) client.destroy();
  for (const reader of slow) reader.destroy();
  return { steps, connectMs, closedByServer, slowReaders, loadProcess };
}
