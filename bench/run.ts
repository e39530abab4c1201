/**
 * `npm run bench` (`-- --quick` for a short run: a few minutes, and half a minute under
 * attack): our collab server against two peers in the same run, on this machine: the
 * reference @y/websocket-server 0.1.1 and Hocuspocus 4.7 with SQLite storage.
 * Servers and the load generator run in separate processes (bench/lib/processes.ts).
 * Scenarios: hot draft, crowded draft, many drafts with a load ramp, slow reader,
 * cross-node (two of our nodes + Redis), awareness merging, memory per idle connection,
 * cold load; then durability, memory (bench/memory.ts), the web pages under autocannon
 * (bench/web.ts) and the platform under a signed-out attacker's load (bench/attack.ts).
 * Prints one table of the goals and the details (copy them into docs/benchmarks.md) and
 * writes bench/results.json. Then the campaigns benchmark runs (bench/campaigns.ts: the
 * 1,000,000-proposal round, grouping, the proposal burst; 20,000 proposals in the quick run),
 * and in the full run also rounds, exports and search.
 */
import { execSync, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { redisPing } from "../app/utils/redis-ping.server";
import { coldLoadScenario } from "./collab/cold-load";
import { createContext } from "./collab/context";
import { awarenessScenario, idleScenario } from "./collab/presence-and-idle";
import { goalLines, goalsTable, typingTable, type CollabResults } from "./collab/report";
import { crossNodeScenario, typingScenarios } from "./collab/typing-scenarios";
import { startServer } from "./lib/processes";
import { attackGoals, attackLines, type AttackReport } from "./attack/report";
import { runDurability } from "./durability";
import { durabilityGoals, memoryGoals, webGoals } from "./extra-goals";
import { runMemory } from "./memory";
import { prepareBenchDatabase } from "./setup";
import { runWebBench, webTable } from "./web";

const QUICK = process.argv.includes("--quick");
const MEASURE_MS = Number(process.env.BENCH_MEASURE_MS ?? (QUICK ? 2_000 : 10_000));
const REDIS_URL = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379";
/** Drafts for every scenario: many drafts needs 2,000 per server, three servers (200 each in the quick run). */
const DRAFTS = QUICK ? 700 : 6100;

function commitOf(): string {
  try {
    return execSync("git rev-parse --short HEAD").toString().trim();
  } catch {
    return "unknown";
  }
}

const started = performance.now();
/** Prints how far into the run a phase starts (the quick run must stay under two minutes). */
const phase = (name: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(0)} s] ${name}`);

async function main() {
  const setup = await prepareBenchDatabase(DRAFTS);
  const env = { DATABASE_URL: setup.databaseUrl, RECHECK_MS: "2000" };
  // One server of each kind serves every single-node scenario in turn (starting one costs
  // seconds); stats are reset before each measurement. Ours unloads idle drafts after 50 ms
  // so that each cold-load attempt reads the database.
  const servers = {
    ours: await startServer("ours", { ...env, UNLOAD_AFTER_MS: "50" }),
    reference: await startServer("reference", env),
    hocuspocus: await startServer("hocuspocus", env),
  };
  const stopServers = () => Object.values(servers).forEach((server) => server.stop());
  const context = createContext({ quick: QUICK, measureMs: MEASURE_MS, setup, env, servers });
  phase("typing scenarios");
  const typing = await typingScenarios(context);
  if (process.env.BENCH_ONLY) {
    // Working on one typing scenario: its table, nothing else.
    console.log(`\n${typingTable(typing)}\n`);
    stopServers();
    process.exit(0);
  }
  phase("cross-node");
  const crossNode = (await redisPing(REDIS_URL)) ? await crossNodeScenario(context, REDIS_URL) : null;
  if (!crossNode) console.warn(`Redis is not reachable at ${REDIS_URL}: skipping the cross-node scenario`);
  phase("awareness, idle connections, cold load");
  const awareness = await awarenessScenario(context);
  const idle = await idleScenario(context);
  const coldLoad = await coldLoadScenario(context);
  stopServers();
  // Each of these builds its own database and servers.
  phase("durability");
  const durability = await runDurability({ quick: QUICK });
  phase("memory");
  const memory = await runMemory({ quick: QUICK });
  phase("web pages");
  const web = await runWebBench({ quick: QUICK });
  phase("under attack");
  const attack = underAttack();
  phase("done");

  const collab: CollabResults = { typing, crossNode, awareness, idle, coldLoad };
  const goals = [
    ...goalLines(collab),
    ...durabilityGoals(durability.rows),
    ...memoryGoals(memory, QUICK),
    ...webGoals(web),
    ...(attack ? attackGoals(attack) : []),
  ];
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${os.loadavg()[0]!.toFixed(1)}`;
  const header = { date: new Date().toISOString(), commit: commitOf(), quick: QUICK, machine, measureMs: MEASURE_MS };
  const { lines: memoryLines, ...memoryResults } = memory;
  const results = { ...header, ...collab, durability: durability.rows, memory: memoryResults, web, attack, goals };
  writeFileSync("bench/results.json", JSON.stringify(results, null, 2));
  console.log(`\n${machine}, ${header.date}, commit ${header.commit}${QUICK ? " (quick run)" : ""}\n`);
  console.log(goalsTable(goals));
  console.log(`\n${typingTable([...typing, ...(crossNode ? [crossNode] : [])])}\n`);
  console.log(`${durability.lines.join("\n")}\n\n${memoryLines.join("\n")}\n\n${webTable(web)}\n`);
  if (attack) console.log(`${attackLines(attack).join("\n")}\n`);

  // The other benchmarks (rounds and web pages, exports, search, campaigns) run after the collab one,
  // each in its own process. (The quick run leaves out all but campaigns: `npm run bench:exports --
  // --quick` and the others run them alone.)
  // Campaigns and the million-proposal round run in both (quick: 20,000 proposals, a 10 s burst).
  const followUps = QUICK
    ? ["bench/campaigns.ts"]
    : ["bench/rounds.ts", "bench/exports.ts", "bench/search.ts", "bench/campaigns.ts"];
  for (const script of followUps) {
    const run = spawnSync("node_modules/.bin/tsx", [script, ...(QUICK ? ["--quick"] : [])], { stdio: "inherit" });
    if (run.status !== 0) process.exit(run.status ?? 1);
  }
  process.exit(0);
}

/**
 * The "under attack" scenario in a process of its own (bench/attack.ts): its model
 * functions use the process-wide database client, which here already points at the
 * collab fixture's database, and a server it brings down must not take this run with it.
 */
function underAttack(): AttackReport | null {
  const run = spawnSync("node_modules/.bin/tsx", ["bench/attack.ts", ...(QUICK ? ["--quick"] : [])], {
    stdio: "inherit",
  });
  if (run.status !== 0) {
    console.warn(`the "under attack" scenario failed (exit ${run.status ?? run.signal}): left out of the goals`);
    return null;
  }
  return JSON.parse(readFileSync("bench/attack-results.json", "utf8")) as AttackReport;
}

await main();
