/**
 * The "under attack" scenario's report (bench/attack.ts): its goal lines for the goals table
 * of `npm run bench` and the details in Markdown (copied into docs/benchmarks.md).
 */
import type { GoalLine } from "../collab/report";
import type { AttackResult } from "./attackers";
import type { EditorsResult } from "./editors";

export const ARTICLES = 100;
export const RATE = 10;
const GOAL_P99_MS = 100;

export type Visit = {
  phase: "idle" | "attack" | "after";
  atS: number;
  status: number | null;
  error?: string;
  ms: number;
};
export type AttackReport = {
  quick: boolean;
  idleMs: number;
  attackMs: number;
  editors: EditorsResult | { error: string };
  visits: Visit[];
  /** Seconds into the attack when the server process ended; null: it stayed up. */
  serverDown: { atS: number; code: number | null; signal: string | null } | null;
  rss: { idlePeakMb: number; attackPeakMb: number };
  loop: { idle: { p99Ms: number; maxMs: number }; attack: { p99Ms: number; maxMs: number }; longestSilenceS: number };
  attacks: { label: string; result: AttackResult | { error: string } }[];
};

/** null is an edit latency that never came (bench/attack/editors.ts). */
const ms = (value: number | null) =>
  value === null ? "never" : Number.isFinite(value) ? `${value.toFixed(1)} ms` : "–";
const ratioOf = (a: number | null, b: number | null) =>
  a === null ? "∞" : b && Number.isFinite(a / b) ? (a / b).toFixed(1) : "–";
const isError = (value: object): value is { error: string } => "error" in value;

/** The goals-table lines (bench/run.ts shows them with every other scenario's). */
export function attackGoals(report: AttackReport): GoalLine[] {
  const e = report.editors;
  const down = report.serverDown ? `, server down at t=${report.serverDown.atS.toFixed(1)} s` : "";
  const during = report.visits.filter((v) => v.phase === "attack");
  const answered = during.filter((v) => v.status === 200);
  const idleVisit = report.visits.find((v) => v.phase === "idle");
  const slowest = Math.max(0, ...answered.map((v) => v.ms));
  return [
    {
      scenario: `under attack: edit latency p99 between two editors (${RATE} edits/s, ${ARTICLES}-article draft, signed-out attacker + commenter floods)`,
      ours: isError(e)
        ? `failed: ${e.error}`
        : `${ms(e.attack.p99)}, ${e.attack.delivered}/${e.attack.sent} delivered${down}`,
      reference: isError(e) ? "–" : `idle, same run: ${ms(e.idle.p99)}`,
      ratio: isError(e) ? "–" : ratioOf(e.attack.p99, e.idle.p99),
      goal: `< ${GOAL_P99_MS} ms`,
      met: !isError(e) && e.attack.p99 !== null && e.attack.p99 < GOAL_P99_MS && e.attack.delivered === e.attack.sent,
    },
    {
      scenario: "under attack: a new visitor's GET / each second",
      ours: `${answered.length}/${during.length} answered 200, slowest ${ms(slowest)}${down}`,
      reference: idleVisit ? `idle: ${ms(idleVisit.ms)}` : "–",
      ratio: idleVisit && answered.length ? ratioOf(slowest, idleVisit.ms) : "–",
      goal: "all answered",
      met: during.length > 0 && answered.length === during.length,
    },
  ];
}

function attackRow(label: string, result: AttackResult | { error: string }): string {
  if (isError(result)) return `| ${label} | failed: ${result.error} | | | | | |`;
  const sockets = (t: {
    attempted: number;
    connected: number;
    refused: number;
    answered: Record<string, number>;
    closedByServer: number;
    openAtEnd: number;
  }) =>
    `${t.attempted} | ${t.connected} | ${t.refused} | ${
      Object.entries(t.answered)
        .map(([k, v]) => `${v} × ${k}`)
        .join(", ") || "none"
    } | ${t.closedByServer} | ${t.openAtEnd}`;
  switch (result.kind) {
    case "sockets":
      return result.extra
        ? Object.entries(result.extra)
            .map(([part, tally]) => `| ${label}: ${part} | ${sockets(tally)} |`)
            .join("\n")
        : `| ${label} | ${sockets(result.tally)} |`;
    case "bodies":
      return result.bodies
        .map(
          (b, i) =>
            `| ${label}: #${i + 1} (${b.framing}) | ${b.outcome} after ${b.sentMb.toFixed(0)} MB${Number.isFinite(b.ms) ? `, ${(b.ms / 1000).toFixed(1)} s` : ""} | | | | | |`,
        )
        .join("\n");
    case "flood": {
      const f = result.flood;
      const closes =
        Object.entries(f.closes)
          .map(([code, n]) => `${n} × ${code}`)
          .join(", ") || "none";
      return `| ${label} | ${f.connections} connections, ${f.framesSent} frames sent, ${f.mbReceived.toFixed(0)} MB received, closed by the server: ${closes} | | | | | |`;
    }
    case "pages": {
      const p = result.pages;
      const statuses =
        Object.entries(p.statuses)
          .map(([code, n]) => `${n} × ${code}`)
          .join(", ") || "none";
      return `| ${label} | ${p.requests} answers (${statuses}), ${p.errors} errors, p50 ${ms(p.p50)}, p99 ${ms(p.p99)}, max ${ms(p.max)} | | | | | |`;
    }
  }
}

/** The details in Markdown (copy them into docs/benchmarks.md). */
export function attackLines(report: AttackReport): string[] {
  const e = report.editors;
  const phase = (name: string, p: EditorsResult["idle"]) =>
    `| ${name} | ${ms(p.p50)} | ${ms(p.p99)} | ${ms(p.max)} | ${p.delivered}/${p.sent} |`;
  const during = report.visits.filter((v) => v.phase !== "idle");
  const visitCell = (v: Visit) => (v.status ? `${v.status} in ${v.ms.toFixed(0)} ms` : String(v.error));
  // Runs of the same failure are one entry: "t=1–26 s: no answer within 10000 ms (26×)".
  const visitRuns: { from: number; to: number; text: string; count: number }[] = [];
  for (const v of during) {
    const text = visitCell(v);
    const last = visitRuns.at(-1);
    if (last && !v.status && last.text === text) Object.assign(last, { to: v.atS, count: last.count + 1 });
    else visitRuns.push({ from: v.atS, to: v.atS, text, count: 1 });
  }
  const visitText = visitRuns
    .map((r) =>
      r.count > 1
        ? `t=${r.from.toFixed(0)}–${r.to.toFixed(0)} s: ${r.text} (${r.count}×)`
        : `t=${r.from.toFixed(0)} s: ${r.text}`,
    )
    .join("; ");
  return [
    `Under attack (${report.quick ? "--quick: " : ""}idle ${report.idleMs / 1000} s, then attack ${report.attackMs / 1000} s; the platform as \`npm start\` runs it, SQLite).`,
    "",
    "| editors (typist → watcher) | p50 | p99 | max | delivered |",
    "| --- | --- | --- | --- | --- |",
    ...(isError(e)
      ? [`| failed: ${e.error} | | | | |`]
      : [
          phase("idle", e.idle),
          phase("under attack", e.attack),
          `| ratio (attack ÷ idle) | ${ratioOf(e.attack.p50, e.idle.p50)} | ${ratioOf(e.attack.p99, e.idle.p99)} | ${ratioOf(e.attack.max, e.idle.max)} | |`,
        ]),
    "",
    isError(e)
      ? ""
      : `Editor disconnects: typist ${e.disconnects.typist}, watcher ${e.disconnects.watcher}; connected at the end: typist ${e.connectedAtEnd.typist}, watcher ${e.connectedAtEnd.watcher}.`,
    `Server: ${report.serverDown ? `**down at t=${report.serverDown.atS.toFixed(1)} s** (${report.serverDown.signal ?? `exit ${report.serverDown.code}`})` : "stayed up"}; RSS peak idle ${report.rss.idlePeakMb.toFixed(0)} MB, under attack ${report.rss.attackPeakMb.toFixed(0)} MB; event-loop delay (worst 250 ms window) idle p99 ${ms(report.loop.idle.p99Ms)} / max ${ms(report.loop.idle.maxMs)}, under attack p99 ${ms(report.loop.attack.p99Ms)} / max ${ms(report.loop.attack.maxMs)}; longest gap between the monitor's samples ${report.loop.longestSilenceS.toFixed(1)} s.`,
    `New visitors (GET / on a fresh connection, each second of the attack and once after): ${visitText || "none"}.`,
    "",
    "| attack | attempted | connected | refused | answered | closed by server | open at end |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...report.attacks.map(({ label, result }) => attackRow(label, result)),
  ];
}
