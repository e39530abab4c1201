/**
 * The goals-table lines of the benchmarks that run after the typing scenarios: durability,
 * memory and web pages (the collab ones are in bench/collab/report.ts).
 */
import type { GoalLine } from "./collab/report";
import type { DurabilityRow } from "./durability";
import type { runMemory } from "./memory";
import type { WebRow } from "./web";

type MemoryResults = Awaited<ReturnType<typeof runMemory>>;

const ms = (value: number) => `${value.toFixed(1)} ms`;

export function durabilityGoals(rows: DurabilityRow[]): GoalLine[] {
  const figure = (row: DurabilityRow) => `${ms(row.result.p99)}, ${row.result.acknowledged}/${row.result.sent}`;
  return rows
    .filter((row) => row.server === "ours")
    .map((row) => {
      const peer = rows.find(
        (other) => other.server === "hocuspocus" && other.database === row.database && other.scenario === row.scenario,
      );
      return {
        scenario: `durability: acknowledged update durable p99, ${row.database} (${row.scenario}, ${row.typists} typing 5/s)`,
        ours: figure(row),
        reference: "n/a (memory only)",
        ratio: "",
        ...(peer
          ? { hocuspocus: figure(peer), hocuspocusRatio: (row.result.p99 / peer.result.p99).toFixed(2) }
          : { hocuspocus: row.database === "PostgreSQL" ? "not run (SQLite storage)" : "" }),
        goal: "≤ 100 ms, ahead of Hocuspocus",
        met:
          row.result.p99 <= 100 && row.result.neverAcknowledged === 0 && (!peer || row.result.p99 <= peer.result.p99),
      };
    });
}

export function memoryGoals({ loaded, unload, soak }: MemoryResults, quick: boolean): GoalLine[] {
  const ours = (rows: { kind: string }[]) => rows.find((row) => row.kind === "ours");
  const reference = (rows: { kind: string }[]) => rows.find((row) => row.kind === "reference");
  const lines: GoalLine[] = [];
  const [a, b] = [ours(loaded), reference(loaded)] as (typeof loaded)[number][];
  const hp = loaded.find((row) => row.kind === "hocuspocus");
  if (a && b)
    lines.push({
      scenario: "loaded draft: heap ÷ encoded size (1.4 MB draft)",
      ours: `${a.ratio.toFixed(1)}×`,
      reference: `${b.ratio.toFixed(1)}×`,
      ratio: (a.ratio / b.ratio).toFixed(2),
      ...(hp ? { hocuspocus: `${hp.ratio.toFixed(1)}×`, hocuspocusRatio: (a.ratio / hp.ratio).toFixed(2) } : {}),
      goal: "≤ 20×",
      met: a.ratio <= 20,
    });
  const after = unload.unloadedAfterMs;
  lines.push({
    scenario: `unload after the last durable write (unload delay ${unload.unloadAfterMs / 1000} s${quick ? ", shortened in --quick" : ""})`,
    ours: after === null ? "never" : `${(after / 1000).toFixed(1)} s`,
    reference: "never (without persistence it keeps every document until restart)",
    ratio: "",
    goal: "≤ 30 s",
    met: after !== null && after <= 30_000,
  });
  const [c, d] = [ours(soak), reference(soak)] as (typeof soak)[number][];
  if (c && d)
    lines.push({
      scenario: "heap drift over the connect/disconnect soak",
      ours: `${c.driftPercent.toFixed(1)} %`,
      reference: `${d.driftPercent.toFixed(1)} %`,
      ratio: "",
      goal: "≤ 5 %",
      met: c.driftPercent <= 5,
    });
  return lines;
}

export function webGoals(rows: WebRow[]): GoalLine[] {
  return rows
    .filter((row) => row.endpoint !== "static")
    .map((row) => ({
      scenario: `web: ${row.label}, ${row.database} (autocannon, 50 connections)`,
      ours: `${row.requestsPerSecond.toFixed(0)} req/s, p99 ${ms(row.p99Ms)}`,
      reference: "static asset, same process",
      ratio: `${row.ratio.requestsPerSecond.toFixed(3)} req/s`,
      goal: "report",
      met: null,
    }));
}
