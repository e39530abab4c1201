/**
 * The typing scenarios, each run against our server and the reference in the
 * same run: hot draft, crowded draft, many drafts (with a load ramp), slow reader, and
 * cross-node (two of our nodes sharing the draft over Redis).
 */
import { inLoadProcess, startServer, type BenchServer, type ServerStats } from "../lib/processes";
import type { TypingOptions, TypingResult } from "../load/typing";
import { KINDS, type BenchContext } from "./context";

export type TypingRow = {
  scenario: string;
  kind: string;
  options: Omit<TypingOptions, "urls" | "rooms" | "headers"> & { rooms: number };
  result: TypingResult;
  stats: ServerStats;
};

type Shape = Omit<TypingOptions, "urls" | "rooms" | "headers" | "measureMs"> & { rooms: number; measureMs?: number };

async function runShape(
  context: BenchContext,
  scenario: string,
  server: BenchServer,
  shape: Shape,
): Promise<TypingRow> {
  const { rooms, ...rest } = shape;
  const options: TypingOptions = {
    measureMs: context.measureMs,
    ...rest,
    urls: [server.url],
    rooms: context.freshRooms(rooms),
    headers: { Cookie: context.setup.cookie },
  };
  const result = await inLoadProcess<TypingResult>({ type: "typing", options }, server.reset);
  const stats = await server.stats();
  const last = result.steps.at(-1)!;
  console.log(
    `${scenario} ${server.kind}: p50 ${last.p50.toFixed(2)} ms, p99 ${last.p99.toFixed(2)} ms, ${last.samples}/${last.expected} delivered, loop p99 ${stats.loopP99Ms.toFixed(1)} ms`,
  );
  return { scenario, kind: server.kind, options: { ...rest, measureMs: options.measureMs, rooms }, result, stats };
}

/** BENCH_ONLY="hot draft,many drafts" runs only those typing scenarios (while working on one). */
const ONLY = process.env.BENCH_ONLY?.split(",");

/** Runs one shape against both servers. */
async function both(context: BenchContext, scenario: string, shape: Shape): Promise<TypingRow[]> {
  const rows: TypingRow[] = [];
  if (ONLY && !ONLY.includes(scenario)) return rows;
  for (const kind of KINDS) rows.push(await runShape(context, scenario, context.servers[kind], shape));
  return rows;
}

export async function typingScenarios(context: BenchContext): Promise<TypingRow[]> {
  const quick = context.quick;
  const rows: TypingRow[] = [];
  // Hot draft: 100 clients on one draft, 20 of them typing at 5 keystrokes/s.
  rows.push(
    ...(await both(context, "hot draft", {
      rooms: 1,
      clientsPerRoom: 100,
      typistsPerRoom: 20,
      probesPerRoom: 10,
      rates: [5],
    })),
  );
  // The same hot draft with half the typists suggesting: every one of their updates is checked by the suggestion gate.
  // Goal: p99 within 1.2× the all-editors run. The reference server knows no suggesters: ours only.
  if (!ONLY || ONLY.includes("hot draft half suggesting")) {
    rows.push(
      await runShape(context, "hot draft half suggesting", context.servers.ours, {
        rooms: 1,
        clientsPerRoom: 100,
        typistsPerRoom: 20,
        probesPerRoom: 10,
        rates: [5],
        suggesting: { perRoom: 10, ...context.setup.suggester },
      }),
    );
  }
  // Crowded draft: 400 clients, all typing at 2 keystrokes/s (800 updates/s into one document).
  rows.push(
    ...(await both(context, "crowded draft", {
      rooms: 1,
      clientsPerRoom: 400,
      typistsPerRoom: 400,
      probesPerRoom: 10,
      rates: [2],
    })),
  );
  // Many drafts: 3 clients each (one typing, one probe, one reading); overall 1,500 updates/s, then more.
  const drafts = quick ? 200 : 2000;
  const perTypist = 1500 / drafts;
  rows.push(
    ...(await both(context, "many drafts", {
      rooms: drafts,
      clientsPerRoom: 3,
      typistsPerRoom: 1,
      probesPerRoom: 1,
      rates: quick ? [perTypist] : [perTypist, perTypist * 2, perTypist * 3, perTypist * 4],
      measureMs: quick ? 2000 : 8000,
    })),
  );
  // Slow reader: 8 typists pasting 64 KB five times a second (2.5 MB/s, enough to fill the
  // kernel's socket buffers within seconds), one extra client stops reading.
  rows.push(
    ...(await both(context, "slow reader", {
      rooms: 1,
      clientsPerRoom: 20,
      typistsPerRoom: 8,
      probesPerRoom: 5,
      rates: [5],
      typed: "ա".repeat(32_000),
      slowReaders: 1,
      measureMs: quick ? 4000 : 6000,
    })),
  );
  return rows;
}

/** The hot draft with its clients split over two of our nodes; latencies filed same-node / cross-node. */
export async function crossNodeScenario(context: BenchContext, redisUrl: string): Promise<TypingRow> {
  const env = { ...context.env, REDIS_URL: redisUrl, REDIS_PREFIX: `agora-bench-${process.pid}:` };
  const nodes = [await startServer("ours", env), await startServer("ours", env)];
  try {
    const shape = {
      clientsPerRoom: 100,
      typistsPerRoom: 20,
      probesPerRoom: 10,
      rates: [5],
      measureMs: context.measureMs,
    };
    const options: TypingOptions = {
      ...shape,
      urls: nodes.map((node) => node.url),
      rooms: context.freshRooms(1),
      headers: { Cookie: context.setup.cookie },
    };
    const result = await inLoadProcess<TypingResult>({ type: "typing", options }, async () => {
      await Promise.all(nodes.map((node) => node.reset()));
    });
    const stats = await nodes[0]!.stats();
    const step = result.steps[0]!;
    console.log(
      `cross-node: same-node p99 ${step.sameNode?.p99.toFixed(2)} ms, cross-node p99 ${step.crossNode?.p99.toFixed(2)} ms`,
    );
    return { scenario: "cross-node", kind: "ours × 2 + Redis", options: { ...shape, rooms: 1 }, result, stats };
  } finally {
    nodes.forEach((node) => node.stop());
  }
}
