/**
 * Durability: how long after a keystroke is sent the database holds it, as the
 * client learns it ("all changes saved"): p99 ≤ 100 ms, on SQLite and on PostgreSQL.
 * Hocuspocus too, on SQLite (its SQLite storage, default debounce; its clients are told when a
 * store finished, for the measurement only). The reference keeps documents in memory, so
 * nothing it acknowledges is durable ("n/a"). Run alone: `npm run bench:durability [-- --quick]`.
 */
import { pathToFileURL } from "node:url";
import { roomName } from "../app/editor/collab-protocol";
import type { DurabilityOptions, DurabilityResult } from "./load/durability-client";
import { inLoadScript } from "./lib/processes";
import { startServer, type ServerStats } from "./lib/processes";
import { createPostgresBenchDatabase } from "./lib/postgres";
import { failIfAServerExits } from "./lib/server-exit";
import { createBenchFixture, temporarySqliteUrl } from "./setup";

const GOAL_P99_MS = 100;

type Scenario = { name: string; drafts: number; clientsPerRoom: number; typistsPerRoom: number };
/** 20 people typing in one draft (one write carries all of them), and 20 drafts with one typist each (20 writers). */
const HOT: Scenario = { name: "one draft", drafts: 1, clientsPerRoom: 20, typistsPerRoom: 20 };
const SPREAD: Scenario = { name: "separate drafts", drafts: 20, clientsPerRoom: 1, typistsPerRoom: 1 };

export type DurabilityRow = {
  server: "ours" | "hocuspocus";
  database: "SQLite" | "PostgreSQL";
  scenario: string;
  drafts: number;
  typists: number;
  result: DurabilityResult;
  stats: ServerStats;
};

export async function runDurability({ quick }: { quick: boolean }) {
  const measureMs = Number(process.env.BENCH_MEASURE_MS ?? (quick ? 2_000 : 10_000));
  const scenarios = quick ? [HOT] : [HOT, SPREAD];
  const rows: DurabilityRow[] = [];
  const notes: string[] = [];

  const measure = async (database: DurabilityRow["database"], databaseUrl: string, kind: DurabilityRow["server"]) => {
    const draftsNeeded = scenarios.reduce((sum, s) => sum + s.drafts, 0);
    const setup = await createBenchFixture(databaseUrl, draftsNeeded, { big: false });
    const server =
      kind === "ours"
        ? await startServer("ours", { DATABASE_URL: databaseUrl })
        : await startServer("hocuspocus", { HOCUSPOCUS_STORED_NOTICES: "1" });
    const measureAll = async () => {
      let next = 0;
      for (const scenario of scenarios) {
        const options: DurabilityOptions = {
          url: server.url,
          rooms: setup.drafts.slice(next, (next += scenario.drafts)).map(roomName),
          headers: { Origin: `http://127.0.0.1:${server.port}`, Cookie: setup.cookie },
          clientsPerRoom: scenario.clientsPerRoom,
          typistsPerRoom: scenario.typistsPerRoom,
          rate: 5,
          measureMs,
          // Hocuspocus stores 2 s after the last change (at most 10 s after the first).
          graceMs: kind === "ours" ? 5_000 : 12_000,
        };
        const result = await inLoadScript<DurabilityResult>(
          "bench/load/durability-client.ts",
          { options },
          server.reset,
        );
        const stats = await server.stats();
        const typists = scenario.drafts * scenario.typistsPerRoom;
        rows.push({ server: kind, database, scenario: scenario.name, drafts: scenario.drafts, typists, result, stats });
        console.log(
          `durability ${kind} ${database} ${scenario.name}: p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, never acknowledged ${result.neverAcknowledged}/${result.sent}`,
        );
      }
    };
    try {
      await failIfAServerExits([server], measureAll());
    } finally {
      server.stop();
    }
  };

  await measure("SQLite", temporarySqliteUrl(), "ours");
  await measure("SQLite", temporarySqliteUrl(), "hocuspocus");
  const postgres = await createPostgresBenchDatabase();
  if ("unreachable" in postgres) {
    const note = `PostgreSQL is not reachable (${postgres.unreachable}): durability on PostgreSQL not measured`;
    console.warn(note);
    notes.push(note);
  } else {
    try {
      await measure("PostgreSQL", postgres.databaseUrl, "ours");
    } finally {
      await postgres.drop();
    }
  }
  return { rows, lines: durabilityLines(rows, notes, measureMs) };
}

function durabilityLines(rows: DurabilityRow[], notes: string[], measureMs: number): string[] {
  const lines = [
    `Durability: time from a keystroke's scheduled send to the first saved-notice covering it (typists at 5 updates/s for ${measureMs / 1000} s; goal p99 ≤ ${GOAL_P99_MS} ms). Hocuspocus on SQLite with its default debounce. Reference: n/a (documents in memory only, nothing is durable).`,
    "",
    "| durability | server | database | drafts | typists | p50 ms | p99 ms | max ms | acknowledged | never acknowledged | CPU % | loop p99 ms | goal |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const { server, database, scenario, drafts, typists, result, stats } of rows) {
    const met = result.p99 <= GOAL_P99_MS && result.neverAcknowledged === 0;
    lines.push(
      `| ${scenario} | ${server} | ${database} | ${drafts} | ${typists} | ${result.p50.toFixed(1)} | ${result.p99.toFixed(1)} | ${result.max.toFixed(1)} | ${result.acknowledged}/${result.sent} | ${result.neverAcknowledged} | ${stats.cpuPercent.toFixed(1)} | ${stats.loopP99Ms.toFixed(2)} | ${met ? "met" : "missed"} |`,
    );
  }
  return [...lines, ...notes.map((note) => `\n${note}`)];
}

// `npm run bench:durability`: this scenario alone.
if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  const { lines } = await runDurability({ quick: process.argv.includes("--quick") });
  console.log(`\n${lines.join("\n")}`);
  process.exit(0);
}
