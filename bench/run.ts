/**
 * `npm run bench` (`-- --quick` for a short run): our collab server against the reference
 * @y/websocket-server 0.1.1, in the same run, on this machine. Servers and the load
 * generator run in separate processes. Scenarios (issue 8): hot draft, fan-out by size,
 * cross-node (two of our nodes + Redis), awareness merging, idle-connection memory, cold
 * load. Prints Markdown tables (copy them into docs/benchmarks.md) and writes
 * bench/results.json. Then the exports benchmark (bench/exports.ts) runs, and in the full run also the rounds/web (bench/rounds.ts) and search (bench/search.ts) ones.
 */
import { execSync, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import os from "node:os";
import { roomName } from "../app/editor/collab-protocol";
import type { AwarenessResult, LoadOptions, LoadResult } from "./load";
import { prepareBenchDatabase } from "./setup";
import { redisPing } from "../app/utils/redis-ping.server";
import { inLoadProcess, startServer, type ServerStats as Stats } from "./lib/processes";

const QUICK = process.argv.includes("--quick");
const MEASURE_MS = Number(process.env.BENCH_MEASURE_MS ?? (QUICK ? 3_000 : 10_000));
const SIZES = QUICK ? [] : (process.env.BENCH_CLIENTS ?? "10,50").split(",").map(Number);
const IDLE_CLIENTS = QUICK ? 100 : 1000;
const REDIS_URL = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379";
const KINDS = ["ours", "reference"] as const;

async function main() {
  const setup = await prepareBenchDatabase(40);
  const env = { DATABASE_URL: setup.databaseUrl, RECHECK_MS: "2000" };
  let draftIndex = 0;
  const nextRoom = () => roomName(setup.drafts[draftIndex++]!);
  const headersFor = (port: number) => ({ Origin: `http://127.0.0.1:${port}`, Cookie: setup.cookie });

  type FanoutRow = { scenario: string; clients: number; typists: number; kind: string; load: LoadResult; stats: Stats };
  const fanout: FanoutRow[] = [];
  // One server of each kind serves every single-node scenario in turn (starting one costs
  // seconds); stats are reset before each measurement. Ours unloads idle drafts after 50 ms
  // so that each cold-load attempt reads the database.
  const servers = {
    ours: await startServer("ours", { ...env, UNLOAD_AFTER_MS: "50" }),
    reference: await startServer("reference", env),
  };
  const typing = async (scenario: string, clients: number, typists: number) => {
    for (const kind of KINDS) {
      const server = servers[kind];
      const options: LoadOptions = {
        url: server.url,
        room: nextRoom(),
        headers: headersFor(server.port),
        clients,
        typists,
        rate: 5,
        measureMs: MEASURE_MS,
      };
      const load = await inLoadProcess<LoadResult>({ type: "load", options }, server.reset);
      const stats = await server.stats();
      fanout.push({ scenario, clients, typists, kind, load, stats });
      console.log(`${scenario} ${kind} N=${clients}: p50 ${load.p50.toFixed(2)} ms, p99 ${load.p99.toFixed(2)} ms`);
    }
  };

  // Hot draft: 100 clients on one draft, 20 of them typing at 5 updates/s.
  await typing("hot draft", 100, 20);
  for (const clients of SIZES) await typing("fan-out", clients, Math.max(2, Math.round(clients / 10)));

  // Cross-node: the hot draft again, its clients split over two of our nodes sharing it via Redis.
  let crossNode: { load: LoadResult; stats: Stats[] } | null = null;
  if (await redisPing(REDIS_URL)) {
    const nodeEnv = { ...env, REDIS_URL, REDIS_PREFIX: `agora-bench-${process.pid}:` };
    const nodes = [await startServer("ours", nodeEnv), await startServer("ours", nodeEnv)];
    const options: LoadOptions = {
      url: nodes[0]!.url,
      urls: nodes.map((node) => node.url),
      room: nextRoom(),
      // The load generator sets each node's own Origin (see `urls` in load.ts).
      headers: { Cookie: setup.cookie },
      clients: 100,
      typists: 20,
      rate: 5,
      measureMs: MEASURE_MS,
    };
    const load = await inLoadProcess<LoadResult>({ type: "load", options }, async () => {
      await Promise.all(nodes.map((node) => node.reset()));
    });
    crossNode = { load, stats: await Promise.all(nodes.map((node) => node.stats())) };
    nodes.forEach((node) => node.stop());
    console.log(`cross-node: p50 ${load.p50.toFixed(2)} ms, p99 ${load.p99.toFixed(2)} ms`);
  } else {
    console.warn(`Redis is not reachable at ${REDIS_URL}: skipping the cross-node scenario`);
  }

  // Awareness: 50 users moving their cursors at 10 Hz.
  const awareness: { kind: string; result: AwarenessResult; stats: Stats }[] = [];
  for (const kind of KINDS) {
    const server = servers[kind];
    const options = {
      url: server.url,
      room: nextRoom(),
      headers: headersFor(server.port),
      clients: 50,
      rate: 10,
      measureMs: MEASURE_MS,
    };
    const result = await inLoadProcess<AwarenessResult>({ type: "awareness", options }, server.reset);
    awareness.push({ kind, result, stats: await server.stats() });
    console.log(`awareness ${kind}: ${result.framesPerSecond.toFixed(0)} frames/s received`);
  }

  // Memory per idle connection: heap (after GC) and RSS with N idle clients on one draft, minus before.
  const idle: { kind: string; heapKbPerConnection: number; rssKbPerConnection: number }[] = [];
  for (const kind of KINDS) {
    const server = servers[kind];
    const options = { url: server.url, room: nextRoom(), headers: headersFor(server.port), clients: IDLE_CLIENTS };
    // One connection first, so the document itself is not counted per connection.
    await inLoadProcess({ type: "idle", options: { ...options, clients: 1 } });
    const before = await server.stats();
    let during = before;
    await inLoadProcess({ type: "idle", options }, async () => {
      during = await server.stats();
    });
    idle.push({
      kind,
      heapKbPerConnection: ((during.heapMb - before.heapMb) * 1024) / IDLE_CLIENTS,
      rssKbPerConnection: ((during.rssMb - before.rssMb) * 1024) / IDLE_CLIENTS,
    });
  }

  // Cold load: the room is unloaded between attempts, so each one reads the database.
  const ours = servers.ours;
  const sync = (pauseMs: number) =>
    inLoadProcess<number[]>({
      type: "sync",
      url: ours.url,
      room: roomName(setup.bigDraft),
      headers: headersFor(ours.port),
      times: QUICK ? 3 : 10,
      pauseMs,
    });
  const cold = await sync(600);
  const warm = await sync(0);
  servers.ours.stop();
  servers.reference.stop();

  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const commit = (() => {
    try {
      return execSync("git rev-parse --short HEAD").toString().trim();
    } catch {
      return "unknown";
    }
  })();
  const results = {
    date: new Date().toISOString(),
    commit,
    quick: QUICK,
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${os.loadavg()[0]!.toFixed(1)}`,
    measureMs: MEASURE_MS,
    fanout,
    crossNode,
    awareness,
    idle,
    coldLoad: { bytes: setup.bigBytes, coldMedianMs: median(cold), warmMedianMs: median(warm), cold, warm },
  };
  writeFileSync("bench/results.json", JSON.stringify(results, null, 2));
  printTables(results);
  // The other benchmarks (rounds and web pages, exports) run after the collab one, each in its own process.
  const followUps = QUICK ? ["bench/exports.ts"] : ["bench/rounds.ts", "bench/exports.ts", "bench/search.ts"];
  for (const script of followUps) {
    const run = spawnSync("node_modules/.bin/tsx", [script, ...(QUICK ? ["--quick"] : [])], { stdio: "inherit" });
    if (run.status !== 0) process.exit(run.status ?? 1);
  }
  process.exit(0);
}

function printTables(r: {
  date: string;
  commit: string;
  machine: string;
  fanout: { scenario: string; clients: number; typists: number; kind: string; load: LoadResult; stats: Stats }[];
  crossNode: { load: LoadResult; stats: Stats[] } | null;
  awareness: { kind: string; result: AwarenessResult; stats: Stats }[];
  idle: { kind: string; heapKbPerConnection: number; rssKbPerConnection: number }[];
  coldLoad: { bytes: number; coldMedianMs: number; warmMedianMs: number };
}) {
  const ratio = (x: number, y: number) => (y === 0 ? "–" : (x / y).toFixed(2));
  console.log(`\n${r.machine}, ${r.date}, commit ${r.commit}\n`);
  console.log(
    "| scenario | clients | typists | server | p50 ms | p99 ms | max ms | delivered | CPU % | RSS MB | loop p99 ms |",
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const row of r.fanout) {
    const { load, stats } = row;
    console.log(
      `| ${row.scenario} | ${row.clients} | ${row.typists} | ${row.kind} | ${load.p50.toFixed(2)} | ${load.p99.toFixed(2)} | ${load.max.toFixed(1)} | ${load.samples}/${load.expected} | ${stats.cpuPercent.toFixed(1)} | ${stats.rssMb.toFixed(0)} | ${stats.loopP99Ms.toFixed(2)} |`,
    );
  }
  console.log("\n| scenario | clients | p50 ours/ref | p99 ours/ref | CPU ours/ref | loop p99 ours/ref |");
  console.log("| --- | --- | --- | --- | --- | --- |");
  for (const a of r.fanout.filter((row) => row.kind === "ours")) {
    const b = r.fanout.find((row) => row.scenario === a.scenario && row.clients === a.clients && row.kind !== "ours")!;
    console.log(
      `| ${a.scenario} | ${a.clients} | ${ratio(a.load.p50, b.load.p50)} | ${ratio(a.load.p99, b.load.p99)} | ${ratio(a.stats.cpuPercent, b.stats.cpuPercent)} | ${ratio(a.stats.loopP99Ms, b.stats.loopP99Ms)} |`,
    );
  }
  if (r.crossNode) {
    const same = r.fanout.find((row) => row.scenario === "hot draft" && row.kind === "ours")!;
    const { load, stats } = r.crossNode;
    console.log(
      `\nCross-node (hot draft split over two nodes + Redis): p50 ${load.p50.toFixed(2)} ms, p99 ${load.p99.toFixed(2)} ms, delivered ${load.samples}/${load.expected}; same-node p99 ${same.load.p99.toFixed(2)} ms: added p99 ${(load.p99 - same.load.p99).toFixed(2)} ms; node CPU ${stats.map((s) => s.cpuPercent.toFixed(1)).join(" / ")} %, loop p99 ${stats.map((s) => s.loopP99Ms.toFixed(2)).join(" / ")} ms`,
    );
  }
  console.log("\n| awareness (50 users, 10 Hz) | server | frames/s received (all clients) | per client/s | CPU % |");
  console.log("| --- | --- | --- | --- | --- |");
  for (const row of r.awareness) {
    console.log(
      `| | ${row.kind} | ${row.result.framesPerSecond.toFixed(0)} | ${row.result.perClientPerSecond.toFixed(1)} | ${row.stats.cpuPercent.toFixed(1)} |`,
    );
  }
  console.log("\n| idle connections | server | heap KB per connection | RSS KB per connection |");
  console.log("| --- | --- | --- | --- |");
  for (const row of r.idle) {
    console.log(`| | ${row.kind} | ${row.heapKbPerConnection.toFixed(1)} | ${row.rssKbPerConnection.toFixed(1)} |`);
  }
  console.log(
    `\nCold load of a 300-article draft (${(r.coldLoad.bytes / 1024).toFixed(0)} KiB of Yjs state) from the database: median ${r.coldLoad.coldMedianMs.toFixed(1)} ms (warm, already in memory: ${r.coldLoad.warmMedianMs.toFixed(1)} ms)`,
  );
}

await main();
