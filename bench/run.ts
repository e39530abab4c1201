/**
 * `npm run bench`: our collab server against the reference @y/websocket-server 0.1.1, in
 * the same run, on this machine. Servers and the load generator run in separate processes.
 * Prints a Markdown table (copy it into docs/benchmarks.md) and writes bench/results.json.
 */
import { fork, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import os from "node:os";
import { roomName } from "../app/editor/collab-protocol";
import type { LoadOptions, LoadResult } from "./load";
import { prepareBenchDatabase } from "./setup";

type ServerKind = "ours" | "reference";
type Stats = { cpuPercent: number; rssMb: number; heapMb: number; loopP99Ms: number; loopMaxMs: number };

const CLIENT_COUNTS = (process.env.BENCH_CLIENTS ?? "10,50,100").split(",").map(Number);
const MEASURE_MS = Number(process.env.BENCH_MEASURE_MS ?? 10_000);
const tsx = { execArgv: ["--import", "tsx"] };

function request<T>(child: ChildProcess, message: object, reply: string): Promise<T> {
  return new Promise((resolve) => {
    const onMessage = (m: { type: string }) => {
      if (m.type !== reply) return;
      child.off("message", onMessage);
      resolve(m as T);
    };
    child.on("message", onMessage);
    child.send(message);
  });
}

async function startServer(kind: ServerKind, env: Record<string, string>) {
  const profile = process.env.BENCH_PROFILE_DIR
    ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`]
    : [];
  const child = fork(`bench/servers/${kind}.ts`, {
    execArgv: [...tsx.execArgv, ...profile],
    env: { ...process.env, ...env },
  });
  const port = await new Promise<number>((resolve) =>
    child.on("message", (m: { type: string; port?: number }) => m.type === "ready" && resolve(m.port!)),
  );
  return { child, port, stop: () => child.kill(profile.length ? "SIGINT" : "SIGKILL") };
}

/** Runs the load generator in its own process; server stats are reset when measuring starts. */
async function inLoadProcess<T>(message: object, server?: ChildProcess): Promise<T> {
  const child = fork("bench/load.ts", tsx);
  child.on("message", async (m: { type: string }) => {
    if (m.type !== "measure-start") return;
    if (server) await request(server, { type: "reset" }, "reset-done");
    child.send({ type: "go" });
  });
  const { result } = await request<{ result: T }>(child, message, "result");
  return result;
}

async function main() {
  const setup = await prepareBenchDatabase(CLIENT_COUNTS.length * 2);
  const env = { DATABASE_URL: setup.databaseUrl };
  const fanout: { clients: number; kind: ServerKind; load: LoadResult; stats: Stats }[] = [];
  let draftIndex = 0;
  for (const clients of CLIENT_COUNTS) {
    for (const kind of ["ours", "reference"] as const) {
      const server = await startServer(kind, env);
      const origin = `http://127.0.0.1:${server.port}`;
      const options: LoadOptions = {
        url: `ws://127.0.0.1:${server.port}/collab`,
        room: roomName(setup.drafts[draftIndex++]!),
        headers: { Origin: origin, Cookie: setup.cookie },
        clients,
        typists: Math.max(2, Math.round(clients / 10)),
        rate: 5,
        measureMs: MEASURE_MS,
      };
      const load = await inLoadProcess<LoadResult>({ type: "load", options }, server.child);
      const stats = await request<Stats>(server.child, { type: "stats" }, "stats");
      server.stop();
      fanout.push({ clients, kind, load, stats });
      console.log(`fan-out ${kind} N=${clients}: p50 ${load.p50.toFixed(2)} ms, p99 ${load.p99.toFixed(2)} ms`);
    }
  }

  // Cold load: the room is unloaded between attempts, so each one reads the database.
  const ours = await startServer("ours", { ...env, UNLOAD_AFTER_MS: "50" });
  const headers = { Origin: `http://127.0.0.1:${ours.port}`, Cookie: setup.cookie };
  const url = `ws://127.0.0.1:${ours.port}/collab`;
  const cold = await inLoadProcess<number[]>({
    type: "sync",
    url,
    room: roomName(setup.bigDraft),
    headers,
    times: 10,
    pauseMs: 600,
  });
  const warm = await inLoadProcess<number[]>({
    type: "sync",
    url,
    room: roomName(setup.bigDraft),
    headers,
    times: 10,
    pauseMs: 0,
  });
  ours.stop();

  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const results = {
    date: new Date().toISOString(),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    measureMs: MEASURE_MS,
    fanout,
    coldLoad: { bytes: setup.bigBytes, coldMedianMs: median(cold), warmMedianMs: median(warm), cold, warm },
  };
  writeFileSync("bench/results.json", JSON.stringify(results, null, 2));
  console.log(`\n${results.machine}, ${results.date}\n`);
  console.log("| clients | typists | server | p50 ms | p99 ms | max ms | delivered | CPU % | RSS MB | loop p99 ms |");
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const row of fanout) {
    const { load, stats } = row;
    console.log(
      `| ${row.clients} | ${Math.max(2, Math.round(row.clients / 10))} | ${row.kind} | ${load.p50.toFixed(2)} | ${load.p99.toFixed(2)} | ${load.max.toFixed(1)} | ${load.samples}/${load.expected} | ${stats.cpuPercent.toFixed(1)} | ${stats.rssMb.toFixed(0)} | ${stats.loopP99Ms.toFixed(2)} |`,
    );
  }
  console.log("\n| clients | p50 ours/reference | p99 ours/reference | CPU ours/reference | RSS ours/reference |");
  console.log("| --- | --- | --- | --- | --- |");
  for (const clients of CLIENT_COUNTS) {
    const a = fanout.find((r) => r.clients === clients && r.kind === "ours")!;
    const b = fanout.find((r) => r.clients === clients && r.kind === "reference")!;
    const ratio = (x: number, y: number) => (x / y).toFixed(2);
    console.log(
      `| ${clients} | ${ratio(a.load.p50, b.load.p50)} | ${ratio(a.load.p99, b.load.p99)} | ${ratio(a.stats.cpuPercent, b.stats.cpuPercent)} | ${ratio(a.stats.rssMb, b.stats.rssMb)} |`,
    );
  }
  console.log(
    `\nCold load of a 300-article draft (${(setup.bigBytes / 1024).toFixed(0)} KiB of Yjs state) from the database: median ${results.coldLoad.coldMedianMs.toFixed(1)} ms (warm, already in memory: ${results.coldLoad.warmMedianMs.toFixed(1)} ms)`,
  );
  process.exit(0);
}

await main();
