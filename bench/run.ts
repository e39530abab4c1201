/**
 * `npm run bench` (`-- --quick` for a short run, under two minutes): our collab server
 * against the reference @y/websocket-server 0.1.1 in the same run, on this machine.
 * Servers and the load generator run in separate processes (bench/lib/processes.ts).
 * Scenarios (issue 8): hot draft, crowded draft, many drafts with a load ramp, slow reader,
 * cross-node (two of our nodes + Redis), awareness merging, memory per idle connection,
 * cold load. Prints Markdown (copy it into docs/benchmarks.md) and writes bench/results.json.
 * Then the exports benchmark runs, and in the full run also rounds, web pages and search.
 */
import { execSync, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import os from "node:os";
import { redisPing } from "../app/utils/redis-ping.server";
import { coldLoadScenario } from "./collab/cold-load";
import { createContext } from "./collab/context";
import { awarenessScenario, idleScenario } from "./collab/presence-and-idle";
import { goalLines, goalsTable, typingTable, type CollabResults } from "./collab/report";
import { crossNodeScenario, typingScenarios } from "./collab/typing-scenarios";
import { startServer } from "./lib/processes";
import { prepareBenchDatabase } from "./setup";

const QUICK = process.argv.includes("--quick");
const MEASURE_MS = Number(process.env.BENCH_MEASURE_MS ?? (QUICK ? 3_000 : 10_000));
const REDIS_URL = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379";
/** Drafts for every scenario: many drafts needs 2,000 per server (200 in the quick run). */
const DRAFTS = QUICK ? 500 : 4100;

function commitOf(): string {
  try {
    return execSync("git rev-parse --short HEAD").toString().trim();
  } catch {
    return "unknown";
  }
}

async function main() {
  const setup = await prepareBenchDatabase(DRAFTS);
  const env = { DATABASE_URL: setup.databaseUrl, RECHECK_MS: "2000" };
  // One server of each kind serves every single-node scenario in turn (starting one costs
  // seconds); stats are reset before each measurement. Ours unloads idle drafts after 50 ms
  // so that each cold-load attempt reads the database.
  const servers = {
    ours: await startServer("ours", { ...env, UNLOAD_AFTER_MS: "50" }),
    reference: await startServer("reference", env),
  };
  const context = createContext({ quick: QUICK, measureMs: MEASURE_MS, setup, env, servers });
  const typing = await typingScenarios(context);
  const crossNode = (await redisPing(REDIS_URL)) ? await crossNodeScenario(context, REDIS_URL) : null;
  if (!crossNode) console.warn(`Redis is not reachable at ${REDIS_URL}: skipping the cross-node scenario`);
  const awareness = await awarenessScenario(context);
  const idle = await idleScenario(context);
  const coldLoad = await coldLoadScenario(context);
  servers.ours.stop();
  servers.reference.stop();

  const collab: CollabResults = { typing, crossNode, awareness, idle, coldLoad };
  const goals = goalLines(collab);
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${os.loadavg()[0]!.toFixed(1)}`;
  const header = { date: new Date().toISOString(), commit: commitOf(), quick: QUICK, machine, measureMs: MEASURE_MS };
  writeFileSync("bench/results.json", JSON.stringify({ ...header, ...collab, goals }, null, 2));
  console.log(`\n${machine}, ${header.date}, commit ${header.commit}${QUICK ? " (quick run)" : ""}\n`);
  console.log(goalsTable(goals));
  console.log(`\n${typingTable([...typing, ...(crossNode ? [crossNode] : [])])}\n`);

  // The other benchmarks (rounds and web pages, exports) run after the collab one, each in its own process.
  const followUps = QUICK ? ["bench/exports.ts"] : ["bench/rounds.ts", "bench/exports.ts", "bench/search.ts"];
  for (const script of followUps) {
    const run = spawnSync("node_modules/.bin/tsx", [script, ...(QUICK ? ["--quick"] : [])], { stdio: "inherit" });
    if (run.status !== 0) process.exit(run.status ?? 1);
  }
  process.exit(0);
}

await main();
