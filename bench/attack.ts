/**
 * `npm run bench:attack` (`-- --quick` for a short run): the platform under a signed-out
 * attacker's load. The real `npm start` process (web + collab on one port, SQLite) serves a
 * 100-article law that one ministry editor types into, 10 changes a second, while a second
 * editor on the same draft measures how long each change takes to reach them (p50/p99/max):
 * first with nobody else about (idle), then while, from separate processes, an attacker
 * leaves 1,100 WebSocket upgrades to other paths dangling, leaves /collab handshakes
 * unfinished, sends headers a byte at a time (slowloris), streams several 256 MB POSTs to
 * /login at once, and a signed-in comment-only account floods awareness (20 states of
 * 1.5 MB) and sync (200 SyncStep1 frames, repeated); with BENCH_ATTACKS=…,pages a few
 * connections also keep loading `/` and the public round page. Every second a new visitor opens `/` on a fresh connection.
 * Reports the editors' latency idle and under attack and their ratio, whether the server
 * stayed up (or when it died) and kept answering new visitors, its peak RSS and event-loop
 * delay (bench/attack/loop-monitor.ts, preloaded), and what the server did to the attackers'
 * connections. Goal: p99 under 100 ms under attack, and every new visitor answered.
 * The run ends on time whatever the server does: every load process has a deadline.
 * Writes bench/attack-results.json (bench/run.ts reads it for its goals table).
 * BENCH_ATTACKS (comma-separated kinds of bench/attack/attackers.ts) runs only those attacks.
 */
import { execSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import os, { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { roomName } from "../app/editor/collab-protocol";
import { DEMO_PASSWORD } from "../prisma/seed/users";
import { buildIfNeeded } from "../scripts/build-if-needed";
import type { AttackJob, AttackResult } from "./attack/attackers";
import type { EditorsJob, EditorsResult } from "./attack/editors";
import { prepareAttackDatabase } from "./attack/fixture";
import { ARTICLES, attackGoals, attackLines, RATE, type AttackReport, type Visit } from "./attack/report";
import type { LoopSample } from "./attack/loop-monitor";
import { inLoadScript } from "./lib/processes";
import { sleep } from "./lib/sleep";
import { closeConnections, signIn, startPlatform } from "./rounds/http";

const MB = 2 ** 20;

function settings(quick: boolean) {
  return {
    idleMs: quick ? 4_000 : 10_000,
    attackMs: quick ? 10_000 : 30_000,
    bodies: quick ? 2 : 4,
    slowloris: quick ? 100 : 200,
    handshakes: quick ? 100 : 200,
    visitTimeoutMs: quick ? 5_000 : 10_000,
  };
}

/** One new visitor: a GET on a fresh connection, timed to the last byte, never longer than `timeoutMs`. */
function visit(url: string, timeoutMs: number): Promise<{ status: number | null; error?: string; ms: number }> {
  const start = performance.now();
  return new Promise((resolve) => {
    const request = http.get(
      url,
      { agent: false, timeout: timeoutMs, headers: { "Accept-Language": "hy" } },
      (response) => {
        response.resume();
        response.on("end", () => resolve({ status: response.statusCode ?? null, ms: performance.now() - start }));
        response.on("error", (error) => resolve({ status: null, error: error.message, ms: performance.now() - start }));
      },
    );
    request.on("timeout", () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on("error", (error: NodeJS.ErrnoException) =>
      resolve({ status: null, error: error.code ?? error.message, ms: performance.now() - start }),
    );
  });
}

const worst = (samples: LoopSample[]) => ({
  p99Ms: Math.max(0, ...samples.map((s) => s.p99Ms)),
  maxMs: Math.max(0, ...samples.map((s) => s.maxMs)),
});

export async function runAttack({ quick }: { quick: boolean }): Promise<AttackReport> {
  const s = settings(quick);
  // The platform is started with AGORA_SKIP_BUILD (its start-up must not be a build): build here if needed.
  buildIfNeeded(process.cwd());
  const dir = mkdtempSync(path.join(tmpdir(), "agora-bench-attack-"));
  const loopFile = path.join(dir, "loop.jsonl");
  const fixture = await prepareAttackDatabase(`file:${path.join(dir, "attack.db")}`, ARTICLES);
  const platform = await startPlatform(
    {
      DATABASE_URL: `file:${path.join(dir, "attack.db")}`,
      NODE_ENV: "production",
      BENCH_LOOP_FILE: loopFile,
      // The attacker comes from its own address (ATTACKER_ADDRESS): the server's caps at their defaults.
      HTTP_MAX_CONNECTIONS_PER_ADDRESS: "",
    },
    undefined,
    ["--import", "./bench/attack/loop-monitor.ts"],
  );
  const port = Number(new URL(platform.origin).port);
  let attackStartedAt = 0;
  const server: { down: AttackReport["serverDown"]; stopping: boolean } = { down: null, stopping: false };
  void platform.exited.then(({ code, signal }) => {
    if (server.stopping) return;
    const atS = attackStartedAt ? (performance.now() - attackStartedAt) / 1000 : 0;
    server.down = { atS, code, signal };
    console.log(`attack: the server is down (${signal ?? code}) at t=${atS.toFixed(1)} s`);
  });
  try {
    const [typist, watcher, commenter] = (await Promise.all(
      [fixture.typistEmail, fixture.watcherEmail, fixture.commenterEmail].map((email) =>
        signIn(platform, email, DEMO_PASSWORD),
      ),
    )) as [string, string, string];
    const headers = (cookie: string) => ({ Cookie: cookie, Origin: platform.origin });
    // The first request to each page loads its code: warm up before anything is measured.
    for (const page of ["/", `/rounds/${fixture.roundId}`, "/"]) await visit(platform.origin + page, 30_000);
    const room = roomName(fixture.draftId);
    const target = { port, durationMs: s.attackMs };
    const allJobs: { label: string; job: AttackJob }[] = [
      {
        label: "dangling upgrades to / and /foo",
        job: { ...target, kind: "dangling-upgrades", count: 1100, paths: ["/", "/foo"] },
      },
      {
        label: "/collab upgrades never finished",
        job: { ...target, kind: "collab-handshakes", count: s.handshakes, room },
      },
      {
        label: "slowloris (a header byte a second)",
        job: { ...target, kind: "slowloris", count: s.slowloris, byteEveryMs: 1000 },
      },
      {
        label: `${s.bodies} × 256 MB POST /login at once`,
        job: { ...target, kind: "huge-bodies", count: s.bodies, bytes: 256 * MB },
      },
      {
        label: "awareness flood (commenter, 20 × 1.5 MB every 2 s)",
        job: {
          ...target,
          kind: "awareness-flood",
          room,
          headers: headers(commenter),
          states: 20,
          stateBytes: 1.5 * MB,
          everyMs: 2000,
        },
      },
      {
        label: "sync flood (commenter, 200 × SyncStep1 every 1 s)",
        job: { ...target, kind: "sync-flood", room, headers: headers(commenter), frames: 200, everyMs: 1000 },
      },
      {
        label: "page loads (4 connections, / and the public round)",
        job: { ...target, kind: "pages", connections: 4, paths: ["/", `/rounds/${fixture.roundId}`] },
      },
    ];
    // BENCH_ATTACKS=sync-flood,huge-bodies: only these (to see what one hole costs on its own).
    // The crowd on the public pages is left out by default: it is not an attack on a hole but
    // ordinary traffic that costs ~60 ms of CPU a page on the collab process's own loop (see
    // docs/benchmarks.md); BENCH_ATTACKS=…,pages adds it.
    const only = process.env.BENCH_ATTACKS?.split(",");
    const jobs = allJobs.filter(({ job }) => (only ? only.includes(job.kind) : job.kind !== "pages"));
    // Every load process has sent its result, or is killed, by then.
    const deadlineMs = s.idleMs + s.attackMs + 90_000;
    let startAttack!: () => void;
    const attackStarted = new Promise<void>((resolve) => (startAttack = resolve));
    const loaded: Promise<void>[] = [];
    const attacks = jobs.map(({ label, job }) => {
      let markLoaded!: () => void;
      loaded.push(new Promise<void>((resolve) => (markLoaded = resolve)));
      const result = inLoadScript<AttackResult>(
        "bench/attack/attackers.ts",
        job,
        async () => (markLoaded(), attackStarted),
        undefined,
        { deadlineMs },
      ).catch((error: unknown) => ({ error: String(error) }));
      return result.then((r) => ({ label, result: r }));
    });

    // Timestamps on the wall clock, to match the monitor's samples.
    let idleStartedWall = 0;
    let attackStartedWall = 0;
    let measuring = true;
    const visits: Visit[] = [];
    const visitsDone: Promise<void>[] = [];
    const editorsJob: EditorsJob = {
      url: `ws://localhost:${port}/collab`,
      room,
      typistHeaders: headers(typist),
      watcherHeaders: headers(watcher),
      rate: RATE,
      idleMs: s.idleMs,
      attackMs: s.attackMs,
      graceMs: 5_000,
    };
    const visitor = async () => {
      for (let next = performance.now(); measuring; next += 1000) {
        await sleep(next - performance.now());
        if (!measuring) break;
        const phase = attackStartedAt ? "attack" : "idle";
        const atS = attackStartedAt ? (performance.now() - attackStartedAt) / 1000 : 0;
        visitsDone.push(
          visit(`${platform.origin}/`, s.visitTimeoutMs).then((v) => void visits.push({ phase, atS, ...v })),
        );
      }
    };
    const editors = inLoadScript<EditorsResult>(
      "bench/attack/editors.ts",
      editorsJob,
      async () => {
        // The attackers' processes are loaded (and idle) before the idle phase begins.
        await Promise.all(loaded);
        idleStartedWall = Date.now();
        void visitor();
      },
      () => {
        attackStartedAt = performance.now();
        attackStartedWall = Date.now();
        if (!server.down) platform.resetPeak();
        startAttack();
        console.log(`attack: started (${jobs.length} attacks, ${s.attackMs / 1000} s)`);
      },
      { deadlineMs },
    ).catch((error: unknown) => {
      // Editors that never got going: the attackers still run their course and report.
      startAttack();
      return { error: String(error) };
    });
    const idleRss = new Promise<number>((resolve) =>
      attackStarted.then(() => resolve(server.down ? NaN : platform.memory().peakMb)),
    );
    const editorsResult = await editors;
    const attackResults = await Promise.all(attacks);
    const attackEndedWall = Date.now();
    measuring = false;
    await Promise.all(visitsDone);
    // After the attack: does a new visitor get in once the attacker has let go?
    await sleep(1000);
    if (!server.down)
      visits.push({
        phase: "after",
        atS: (performance.now() - attackStartedAt) / 1000,
        ...(await visit(`${platform.origin}/`, s.visitTimeoutMs)),
      });
    const samples = readFileSync(loopFile, "utf8")
      .trim()
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as LoopSample);
    const idleSamples = samples.filter((x) => x.at >= idleStartedWall && x.at < attackStartedWall);
    const attackSamples = samples.filter((x) => x.at >= attackStartedWall && x.at <= attackEndedWall);
    const gaps = samples.slice(1).map((x, i) => x.at - samples[i]!.at);
    const attackPeak = server.down ? NaN : platform.memory().peakMb;
    return {
      quick,
      idleMs: s.idleMs,
      attackMs: s.attackMs,
      editors: editorsResult,
      visits: visits.sort((a, b) => a.atS - b.atS),
      serverDown: server.down,
      rss: {
        idlePeakMb: await idleRss,
        // Dead, the process's own peak is gone: the monitor's last samples say how high it went.
        attackPeakMb: Number.isNaN(attackPeak) ? Math.max(0, ...attackSamples.map((x) => x.rssMb)) : attackPeak,
      },
      loop: { idle: worst(idleSamples), attack: worst(attackSamples), longestSilenceS: Math.max(0, ...gaps) / 1000 },
      attacks: attackResults,
    };
  } catch (error) {
    console.error(`platform output:\n${platform.output().slice(-4000)}`);
    throw error;
  } finally {
    server.stopping = true;
    closeConnections();
    await platform.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

// `npm run bench:attack`: this scenario alone.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const quick = process.argv.includes("--quick");
  const report = await runAttack({ quick });
  const commit = execSync("git rev-parse --short HEAD").toString().trim();
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, Node ${process.version}, load average ${os.loadavg()[0]!.toFixed(1)}`;
  writeFileSync(
    "bench/attack-results.json",
    JSON.stringify({ date: new Date().toISOString(), commit, machine, ...report }, null, 2),
  );
  console.log(`\n${machine}, commit ${commit}\n`);
  for (const goal of attackGoals(report))
    console.log(
      `${goal.met ? "met" : "MISSED"}: ${goal.scenario}: ${goal.ours} (${goal.reference}; goal ${goal.goal})`,
    );
  console.log(`\n${attackLines(report).join("\n")}`);
  process.exit(0);
}
