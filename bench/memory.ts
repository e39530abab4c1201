/**
 * Memory, ours against the reference in the same run where it applies:
 * (a) a loaded draft costs ≤ 20× its encoded size in heap; (b) a draft nobody has open
 * leaves memory within 30 s of its last durable write; (c) the heap does not drift (≤ 5 %)
 * while clients keep connecting, typing a little and leaving. The three run side by side,
 * each on servers of its own (heap figures do not suffer from sharing the CPU).
 * Run alone: `npm run bench:memory [-- --quick]`.
 */
import { DEFAULT_COLLAB_CONFIG } from "../collab/config";
import { pathToFileURL } from "node:url";
import { roomName } from "../app/editor/collab-protocol";
import { inLoadScript } from "./lib/processes";
import { sleep } from "./lib/sleep";
import type { HoldJob, SoakJob, SoakResult, WriteThenLeaveJob } from "./load/memory-client";
import { startServer, type BenchServer, type ServerKind } from "./lib/processes";
import { failIfAServerExits } from "./lib/server-exit";
import { createBenchFixture, temporarySqliteUrl, type BenchDatabase } from "./setup";

const CLIENT = "bench/load/memory-client.ts";
const GOAL_LOADED_RATIO = 20;
const GOAL_UNLOAD_MS = 30_000;
const GOAL_DRIFT_PERCENT = 5;
const SOAK_DRAFTS = 6;
/** Soak server: drafts unload 1 s after their last client leaves, so rooms are loaded and freed again and again. */
const SOAK_UNLOAD_AFTER_MS = 1_000;

const headersFor = (server: BenchServer, setup: BenchDatabase) => ({
  Origin: `http://127.0.0.1:${server.port}`,
  Cookie: setup.cookie,
});

export type LoadedDraftRow = { kind: ServerKind; heapBytes: number; ratio: number };
export type UnloadResult = { unloadAfterMs: number; unloadedAfterMs: number | null };
export type SoakRow = {
  kind: ServerKind;
  samples: { atMs: number; heapMb: number; rooms?: number }[];
  firstMb: number;
  lastMb: number;
  driftPercent: number;
  sessions: number;
};

export async function runMemory({ quick }: { quick: boolean }) {
  const soakMs = Number(process.env.BENCH_SOAK_MS ?? (quick ? 6_000 : 600_000));
  const sampleEveryMs = quick ? 2_000 : 10_000;
  // Heap grows for a minute or two as code warms up (then levels off): drift counts from after that.
  const warmUpMs = Math.min(quick ? 4_000 : 60_000, soakMs / 5);
  // In --quick, a short unload delay stands in for the default 30 s (said so in the output).
  const unloadAfterMs = quick ? 3_000 : DEFAULT_COLLAB_CONFIG.unloadAfterMs;
  const setup = await createBenchFixture(temporarySqliteUrl(), 2 + SOAK_DRAFTS);
  const env = { DATABASE_URL: setup.databaseUrl };
  const [loadedOurs, loadedReference, loadedHocuspocus, unloadServer, soakOurs, soakReference] = await Promise.all([
    startServer("ours", env),
    startServer("reference", env),
    startServer("hocuspocus", env),
    startServer("ours", { ...env, UNLOAD_AFTER_MS: String(unloadAfterMs) }),
    startServer("ours", { ...env, UNLOAD_AFTER_MS: String(SOAK_UNLOAD_AFTER_MS) }),
    startServer("reference", env),
  ]);
  const servers = [loadedOurs, loadedReference, loadedHocuspocus, unloadServer, soakOurs, soakReference];
  try {
    const work = Promise.all([
      (async () => [
        await loadedDraft(loadedOurs, setup),
        await loadedDraft(loadedReference, setup),
        await loadedDraft(loadedHocuspocus, setup),
      ])(),
      unloadAfterWrite(unloadServer, setup, unloadAfterMs),
      Promise.all(
        [soakOurs, soakReference].map((server) => soakHeap(server, setup, { soakMs, sampleEveryMs, warmUpMs })),
      ),
    ] as const);
    const [loaded, unload, soak] = await failIfAServerExits(servers, work);
    for (const row of loaded) console.log(`memory (a) ${row.kind}: loaded draft ${row.ratio.toFixed(1)}× its size`);
    console.log(`memory (b): unloaded ${unload.unloadedAfterMs?.toFixed(0) ?? "never"} ms after the last saved-notice`);
    for (const row of soak) console.log(`memory (c) ${row.kind}: heap drift ${row.driftPercent.toFixed(1)} %`);
    return {
      loaded,
      unload,
      soak,
      lines: memoryLines(setup.bigBytes, loaded, unload, soak, { quick, soakMs, warmUpMs }),
    };
  } finally {
    servers.forEach((server) => server.stop());
  }
}

/**
 * (a) Heap after GC with the 300-article draft held by one client, minus before. A small
 * draft is opened first so that what any first document costs (the database client, code)
 * is in "before". The peers' storage does not hold the draft: the client brings the document.
 */
async function loadedDraft(server: BenchServer, setup: BenchDatabase): Promise<LoadedDraftRow> {
  const client = (draftId: string) => ({
    url: server.url,
    room: roomName(draftId),
    headers: headersFor(server, setup),
  });
  const hold = (job: HoldJob, atMeasureStart?: () => Promise<void>) => inLoadScript(CLIENT, job, atMeasureStart);
  await hold({ type: "hold", client: client(setup.drafts[0]!), seedBig: false });
  const before = await server.stats();
  let during = before;
  await hold({ type: "hold", client: client(setup.bigDraft), seedBig: server.kind !== "ours" }, async () => {
    during = await server.stats();
  });
  const heapBytes = (during.heapMb - before.heapMb) * 1024 * 1024;
  return { kind: server.kind, heapBytes, ratio: heapBytes / setup.bigBytes };
}

/**
 * (b) One client types, waits for the saved-notice covering its changes and leaves; then
 * the server's room count is polled (each poll runs a GC there, so finely only near the
 * expected moment) until the draft is gone.
 */
async function unloadAfterWrite(server: BenchServer, setup: BenchDatabase, unloadAfterMs: number) {
  const job: WriteThenLeaveJob = {
    type: "write-then-leave",
    client: { url: server.url, room: roomName(setup.drafts[1]!), headers: headersFor(server, setup) },
    updates: 5,
  };
  let unloadedAfterMs = null as number | null;
  await inLoadScript(CLIENT, job, async () => {
    const saved = performance.now();
    while (performance.now() - saved < unloadAfterMs + 30_000) {
      // Counted when the answer arrives: an upper bound, 50 ms + one GC above the true moment.
      const { rooms } = await server.stats();
      const elapsed = performance.now() - saved;
      if (rooms === 0) {
        unloadedAfterMs = elapsed;
        return;
      }
      await sleep(elapsed < unloadAfterMs - 1_000 ? 1_000 : 50);
    }
  });
  const result: UnloadResult = { unloadAfterMs, unloadedAfterMs };
  return result;
}

/** (c) Heap after GC every `sampleEveryMs` while the soak runs; drift from the first sample after warm-up to the last. */
async function soakHeap(
  server: BenchServer,
  setup: BenchDatabase,
  { soakMs, sampleEveryMs, warmUpMs }: { soakMs: number; sampleEveryMs: number; warmUpMs: number },
): Promise<SoakRow> {
  const job: SoakJob = {
    type: "soak",
    url: server.url,
    rooms: setup.drafts.slice(2, 2 + SOAK_DRAFTS).map(roomName),
    headers: headersFor(server, setup),
    concurrency: SOAK_DRAFTS,
    durationMs: soakMs,
  };
  const samples: SoakRow["samples"] = [];
  let running = true;
  let started!: () => void;
  const soakStarted = new Promise<void>((resolve) => (started = resolve));
  const soak = inLoadScript<SoakResult>(CLIENT, job, async () => started()).finally(() => (running = false));
  await soakStarted;
  const start = performance.now();
  for (let next = sampleEveryMs; running; next += sampleEveryMs) {
    await sleep(start + next - performance.now());
    if (!running) break;
    const stats = await server.stats();
    samples.push({ atMs: Math.round(performance.now() - start), heapMb: stats.heapMb, rooms: stats.rooms });
  }
  const { sessions } = await soak;
  const afterWarmUp = samples.filter((sample) => sample.atMs >= warmUpMs);
  const firstMb = afterWarmUp[0]?.heapMb ?? NaN;
  const lastMb = afterWarmUp.at(-1)?.heapMb ?? NaN;
  return { kind: server.kind, samples, firstMb, lastMb, driftPercent: ((lastMb - firstMb) / firstMb) * 100, sessions };
}

function memoryLines(
  bigBytes: number,
  loaded: LoadedDraftRow[],
  unload: UnloadResult,
  soak: SoakRow[],
  { quick, soakMs, warmUpMs }: { quick: boolean; soakMs: number; warmUpMs: number },
): string[] {
  const goal = (met: boolean) => (met ? "met" : "missed");
  const lines = [
    `Memory (a): heap after GC with the 300-article draft (${(bigBytes / 1024).toFixed(0)} KiB encoded) loaded and one client connected, minus before (goal ≤ ${GOAL_LOADED_RATIO}× the encoded size).`,
    "",
    "| loaded draft | server | heap MB | × encoded size | goal |",
    "| --- | --- | --- | --- | --- |",
    ...loaded.map(
      (row) =>
        `| | ${row.kind} | ${(row.heapBytes / 1024 / 1024).toFixed(1)} | ${row.ratio.toFixed(1)} | ${row.kind === "ours" ? goal(row.ratio <= GOAL_LOADED_RATIO) : ""} |`,
    ),
    "",
  ];
  const delay = `unloadAfterMs ${unload.unloadAfterMs / 1000} s${quick ? " (shortened for --quick; the default is 30 s)" : " (the default)"}`;
  const unloaded = unload.unloadedAfterMs;
  const verdict =
    unloaded === null || quick
      ? "not judged in --quick"
      : unloaded <= GOAL_UNLOAD_MS
        ? "met"
        : `missed by ${(unloaded - GOAL_UNLOAD_MS).toFixed(0)} ms (the unload timer starts at the last disconnect, just after the write)`;
  lines.push(
    unloaded === null
      ? `Memory (b): a draft written and left was **never unloaded** within ${(unload.unloadAfterMs + 30_000) / 1000} s (${delay}; goal ≤ 30 s).`
      : `Memory (b): a draft written and left (no connections) was unloaded ${(unloaded / 1000).toFixed(2)} s after its last saved-notice (polled every 50 ms near the moment), ${delay}; goal ≤ ${GOAL_UNLOAD_MS / 1000} s: ${verdict}. (Counted when the server drops the room from its table; storing and compacting follow.)`,
    "",
    `Memory (c): heap after GC during a ${(soakMs / 1000).toFixed(0)} s soak: ${SOAK_DRAFTS} clients at a time, each coming back again and again to one of ${SOAK_DRAFTS} drafts (same Y.Doc, new connection), typing 5 characters, deleting them, leaving, pausing 0–2 s; our soak server unloads drafts ${SOAK_UNLOAD_AFTER_MS / 1000} s after their last client leaves, so rooms load and unload throughout. Drift = (last − first after a ${(warmUpMs / 1000).toFixed(0)} s warm-up) / first (goal ≤ ${GOAL_DRIFT_PERCENT} %).`,
    "",
    "| heap soak | server | sessions | first MB | last MB | min–max MB | drift % | goal |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ...soak.map((row) => {
      const heaps = row.samples.map((sample) => sample.heapMb);
      return `| | ${row.kind} | ${row.sessions} | ${row.firstMb.toFixed(2)} | ${row.lastMb.toFixed(2)} | ${Math.min(...heaps).toFixed(2)}–${Math.max(...heaps).toFixed(2)} | ${row.driftPercent.toFixed(1)} | ${row.kind === "ours" ? goal(row.driftPercent <= GOAL_DRIFT_PERCENT) : ""} |`;
    }),
  );
  return lines;
}

// `npm run bench:memory`: these scenarios alone.
if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  const { lines } = await runMemory({ quick: process.argv.includes("--quick") });
  console.log(`\n${lines.join("\n")}`);
  process.exit(0);
}
