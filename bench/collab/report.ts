/**
 * The collab benchmark's Markdown: one summary table of the scale-out goals (ours, the reference
 * in the same run, ratio, goal, met), then the detail tables. Copied into docs/benchmarks.md.
 */
import { CLOSE } from "../../app/editor/collab-protocol";
import type { ServerStats } from "../lib/processes";
import type { TypingStep } from "../load/typing";
import type { ColdLoadRow } from "./cold-load";
import type { AwarenessRow, IdleRow } from "./presence-and-idle";
import type { TypingRow } from "./typing-scenarios";

export type CollabResults = {
  typing: TypingRow[];
  crossNode: TypingRow | null;
  awareness: AwarenessRow[];
  idle: IdleRow[];
  coldLoad: ColdLoadRow;
};

/** One line of the goals table; `extra` lines from other benchmarks (durability, memory, web) join it. */
export type GoalLine = {
  scenario: string;
  ours: string;
  reference: string;
  ratio: string;
  /** The second peer, Hocuspocus, and our ratio against it (empty where it has no such figure). */
  hocuspocus?: string;
  hocuspocusRatio?: string;
  goal: string;
  met: boolean | null;
};

const ms = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? "–" : `${value.toFixed(1)} ms`);
const ratio = (a: number, b: number) => (b > 0 && Number.isFinite(a / b) ? (a / b).toFixed(2) : "–");
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))] ?? NaN;

function row(rows: TypingRow[], scenario: string, kind: string) {
  return rows.find((r) => r.scenario === scenario && r.kind === kind);
}

const delivered = (step: TypingStep) => `${step.samples}/${step.expected}`;
const complete = (r: TypingRow) =>
  r.result.closedByServer === 0 && r.result.steps.every((s) => s.samples === s.expected);

export function goalLines(results: CollabResults): GoalLine[] {
  const lines: GoalLine[] = [];
  const pair = (scenario: string) =>
    [
      row(results.typing, scenario, "ours"),
      row(results.typing, scenario, "reference"),
      row(results.typing, scenario, "hocuspocus"),
    ] as const;
  /** Hocuspocus's figure and our ratio against it, from the same measure of each run. */
  const peer = (ours: number, theirs: TypingRow | undefined, measure: (r: TypingRow) => number, show = ms) =>
    theirs ? { hocuspocus: show(measure(theirs)), hocuspocusRatio: ratio(ours, measure(theirs)) } : {};
  const p99 = (r: TypingRow) => r.result.steps[0]!.p99;
  /** At most the peer's figure (ahead of or level with it), or true where the peer did not run. */
  const atMost = (ours: number, theirs: TypingRow | undefined, measure: (r: TypingRow) => number) =>
    !theirs || ours <= measure(theirs);

  const [hot, hotRef, hotHp] = pair("hot draft");
  if (hot && hotRef) {
    const a = hot.result.steps[0]!;
    const b = hotRef.result.steps[0]!;
    lines.push({
      scenario: "hot draft: end-to-end p99 (100 clients, 20 typing 5/s)",
      ours: ms(a.p99),
      reference: ms(b.p99),
      ratio: ratio(a.p99, b.p99),
      ...peer(a.p99, hotHp, p99),
      goal: "≤ 25 ms, ahead of both peers",
      met: a.p99 <= 25 && a.p99 <= b.p99 && atMost(a.p99, hotHp, p99),
    });
    const loop = (r: TypingRow) => r.stats.loopP99Ms;
    lines.push({
      scenario: "hot draft: server event-loop delay p99",
      ours: ms(hot.stats.loopP99Ms),
      reference: ms(hotRef.stats.loopP99Ms),
      ratio: ratio(hot.stats.loopP99Ms, hotRef.stats.loopP99Ms),
      ...peer(hot.stats.loopP99Ms, hotHp, loop),
      goal: "≤ 10 ms",
      met: hot.stats.loopP99Ms <= 10,
    });
  }
  const suggesting = row(results.typing, "hot draft half suggesting", "ours");
  if (hot && suggesting) {
    const editors = hot.result.steps[0]!;
    const mixed = suggesting.result.steps[0]!;
    lines.push({
      scenario: "hot draft, half the typists suggesting: p99 (ours; reference column: ours, all editors)",
      ours: `${ms(mixed.p99)}, ${delivered(mixed)}`,
      reference: ms(editors.p99),
      ratio: ratio(mixed.p99, editors.p99),
      goal: "ratio ≤ 1.2, all delivered",
      met: mixed.p99 <= 1.2 * editors.p99 && complete(suggesting),
    });
  }
  const [crowded, crowdedRef, crowdedHp] = pair("crowded draft");
  if (crowded && crowdedRef) {
    const a = crowded.result.steps[0]!;
    const b = crowdedRef.result.steps[0]!;
    const withDelivered = (r: TypingRow) => `${ms(p99(r))}, ${delivered(r.result.steps[0]!)}`;
    lines.push({
      scenario: `crowded draft: p99 (400 clients all typing 2/s), delivered`,
      ours: `${ms(a.p99)}, ${delivered(a)}`,
      reference: `${ms(b.p99)}, ${delivered(b)}`,
      ratio: ratio(a.p99, b.p99),
      ...(crowdedHp ? { hocuspocus: withDelivered(crowdedHp), hocuspocusRatio: ratio(a.p99, p99(crowdedHp)) } : {}),
      goal: "≤ 50 ms, no drops",
      met: a.p99 <= 50 && complete(crowded),
    });
  }
  const [many, manyRef, manyHp] = pair("many drafts");
  if (many && manyRef) {
    const a = many.result.steps[0]!;
    const b = manyRef.result.steps[0]!;
    lines.push({
      scenario: `many drafts: p99 at ${a.updatesPerSecond.toFixed(0)} updates/s (${many.options.rooms} drafts × 3)`,
      ours: ms(a.p99),
      reference: ms(b.p99),
      ratio: ratio(a.p99, b.p99),
      ...peer(a.p99, manyHp, p99),
      goal: "≤ 20 ms",
      met: a.p99 <= 20,
    });
    const knee = (r: TypingRow) => {
      const step = r.result.steps.find((s) => s.p99 > 50);
      return step
        ? `${step.updatesPerSecond.toFixed(0)}/s`
        : `> ${r.result.steps.at(-1)!.updatesPerSecond.toFixed(0)}/s`;
    };
    lines.push({
      scenario: "many drafts: load where p99 passes 50 ms",
      ours: knee(many),
      reference: knee(manyRef),
      ratio: "",
      ...(manyHp ? { hocuspocus: knee(manyHp) } : {}),
      goal: "report",
      met: null,
    });
  }
  const cold = results.coldLoad;
  const rise = cold.during.p99 - cold.before.p99;
  lines.push({
    scenario: `cold load of a ${(cold.bytes / 1024 / 1024).toFixed(1)} MB draft: open-to-synced p95 (${cold.loads.length} loads)`,
    ours: ms(percentile(cold.loads, 95)),
    reference: "n/a (memory only)",
    ratio: "",
    goal: "≤ 250 ms",
    met: percentile(cold.loads, 95) <= 250,
  });
  lines.push({
    scenario: "cold load: another draft's p99 rise meanwhile",
    ours: `${rise.toFixed(1)} ms (${ms(cold.before.p99)} → ${ms(cold.during.p99)})`,
    reference: "",
    ratio: "",
    goal: "≤ 20 ms",
    met: rise <= 20,
  });
  const idle = results.idle.find((r) => r.kind === "ours");
  const idleRef = results.idle.find((r) => r.kind === "reference");
  const idleHp = results.idle.find((r) => r.kind === "hocuspocus");
  const kb = (value: number) => `${value.toFixed(1)} KB`;
  if (idle && idleRef)
    lines.push({
      scenario: "heap per idle connection",
      ours: kb(idle.heapKbPerConnection),
      reference: kb(idleRef.heapKbPerConnection),
      ratio: ratio(idle.heapKbPerConnection, idleRef.heapKbPerConnection),
      ...(idleHp
        ? {
            hocuspocus: kb(idleHp.heapKbPerConnection),
            hocuspocusRatio: ratio(idle.heapKbPerConnection, idleHp.heapKbPerConnection),
          }
        : {}),
      goal: "≤ 20 KB",
      met: idle.heapKbPerConnection <= 20,
    });
  const aw = results.awareness.find((r) => r.kind === "ours");
  const awRef = results.awareness.find((r) => r.kind === "reference");
  const awHp = results.awareness.find((r) => r.kind === "hocuspocus");
  if (aw && awRef)
    lines.push({
      scenario: "awareness: frames/s received (50 users, 10 Hz)",
      ours: aw.result.framesPerSecond.toFixed(0),
      reference: awRef.result.framesPerSecond.toFixed(0),
      ratio: ratio(aw.result.framesPerSecond, awRef.result.framesPerSecond),
      ...(awHp
        ? {
            hocuspocus: awHp.result.framesPerSecond.toFixed(0),
            hocuspocusRatio: ratio(aw.result.framesPerSecond, awHp.result.framesPerSecond),
          }
        : {}),
      goal: "≤ 1,000",
      met: aw.result.framesPerSecond <= 1000,
    });
  const [slow, slowRef, slowHp] = pair("slow reader");
  if (slow && slowRef) {
    const describe = (r: TypingRow) => {
      const reader = r.result.slowReaders[0];
      const step = r.result.steps[0]!;
      const fate = reader?.closedWith
        ? `dropped (close ${reader.closedWith}) after reading ${(reader.bytesRead / 2 ** 20).toFixed(1)} MiB`
        : `never dropped (read ${((reader?.bytesRead ?? 0) / 2 ** 20).toFixed(1)} MiB)`;
      return `${fate}; others p99 ${ms(step.p99)}, ${delivered(step)}`;
    };
    const dropped = slow.result.slowReaders[0]?.closedWith === CLOSE.OVERLOADED;
    lines.push({
      scenario: "slow reader (8 typists pasting 64 KB 5/s)",
      ours: describe(slow),
      reference: `${describe(slowRef)}; RSS ${slowRef.stats.rssMb.toFixed(0)} MB`,
      ratio: "",
      ...(slowHp ? { hocuspocus: `${describe(slowHp)}; RSS ${slowHp.stats.rssMb.toFixed(0)} MB` } : {}),
      goal: "dropped at ≤ 2 MiB buffered, others unaffected",
      met: dropped && complete(slow),
    });
  }
  const cross = results.crossNode?.result.steps[0];
  if (cross?.sameNode && cross.crossNode) {
    const added = cross.crossNode.p99 - cross.sameNode.p99;
    const addedMedian = cross.crossNode.p50 - cross.sameNode.p50;
    lines.push({
      scenario: "cross-node: added p99 (two nodes + Redis, same run; p50 in brackets)",
      ours: `+${added.toFixed(1)} ms (${ms(cross.sameNode.p99)} → ${ms(cross.crossNode.p99)}; p50 +${addedMedian.toFixed(1)} ms)`,
      reference: "n/a (single node)",
      ratio: "",
      goal: "≤ 2 ms",
      met: added <= 2,
    });
  }
  return lines;
}

export function goalsTable(lines: GoalLine[]): string {
  const out = [
    "| scenario | ours | reference | ratio | Hocuspocus | ratio | goal | met |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const l of lines)
    out.push(
      `| ${l.scenario} | ${l.ours} | ${l.reference} | ${l.ratio} | ${l.hocuspocus ?? ""} | ${l.hocuspocusRatio ?? ""} | ${l.goal} | ${l.met === null ? "–" : l.met ? "yes" : "**no**"} |`,
    );
  return out.join("\n");
}

/** Every typing run in detail: each step of the load, server CPU, memory and event loop. */
export function typingTable(rows: TypingRow[]): string {
  const out = [
    "| scenario | server | drafts × clients | updates/s | p50 ms | p99 ms | max ms | delivered | closed | CPU % | RSS MB | loop p99 ms | load process CPU % / loop p99 ms |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const r of rows) {
    const stats: ServerStats = r.stats;
    for (const step of r.result.steps) {
      out.push(
        `| ${r.scenario} | ${r.kind} | ${r.options.rooms} × ${r.options.clientsPerRoom} | ${step.updatesPerSecond.toFixed(0)} | ${step.p50.toFixed(2)} | ${step.p99.toFixed(2)} | ${step.max.toFixed(1)} | ${delivered(step)} | ${r.result.closedByServer} | ${stats.cpuPercent.toFixed(0)} | ${stats.rssMb.toFixed(0)} | ${stats.loopP99Ms.toFixed(2)} | ${r.result.loadProcess.cpuPercent.toFixed(0)} / ${r.result.loadProcess.loopP99Ms.toFixed(1)} |`,
      );
    }
  }
  return out.join("\n");
}
