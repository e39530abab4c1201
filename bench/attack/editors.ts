/**
 * Load process of the "under attack" scenario: the two well-behaved editors, alone in their
 * process so that no attacker's CPU delays them. Both are y-websocket providers as in a
 * browser tab (they reconnect when dropped). The typist types `rate` changes a second on a
 * fixed schedule, each carrying a beacon with its *scheduled* send time (a stalled sender
 * cannot hide its own delay); the watcher records arrival − scheduled time. One clock, no skew.
 * The run has two phases: idle (before the attack) and attack; the orchestrator is told
 * (step 1) when the attack phase starts, and starts the attackers then.
 */
import { Histogram } from "../lib/histogram";
import { sleep } from "../lib/sleep";
import { exitWithOrchestrator, measureStart } from "../load/fork";
import { openClient, type Client } from "../load/provider-clients";

export type EditorsJob = {
  url: string;
  room: string;
  typistHeaders: Record<string, string>;
  watcherHeaders: Record<string, string>;
  rate: number;
  idleMs: number;
  attackMs: number;
  /** How long after the last change to wait for late arrivals before counting them as lost. */
  graceMs: number;
};

/** Percentiles in ms; null: that share of the edits never arrived (JSON has no Infinity). */
export type PhaseLatency = {
  p50: number | null;
  p99: number | null;
  max: number | null;
  delivered: number;
  sent: number;
};
export type EditorsResult = {
  idle: PhaseLatency;
  attack: PhaseLatency;
  /** Times each editor's connection was closed (by the server, or because it went away). */
  disconnects: { typist: number; watcher: number };
  /** Whether each editor was connected at the end. */
  connectedAtEnd: { typist: boolean; watcher: boolean };
};

/** A beacon: the change's scheduled send time (ms, this process's clock) and its phase (0 idle, 1 attack). */
type Beacon = [scheduledAt: number, phase: number];

/** Counts the times a provider's socket closed (y-websocket then reconnects on its own). */
function countDisconnects(client: Client) {
  let count = 0;
  client.provider.on("connection-close", () => count++);
  return () => count;
}

const SYNC_TIMEOUT_MS = 30_000;

async function run(job: EditorsJob): Promise<EditorsResult> {
  const histograms = [new Histogram(), new Histogram()];
  const typist = openClient({ url: job.url, room: job.room, headers: job.typistHeaders });
  const watcher = openClient({ url: job.url, room: job.room, headers: job.watcherHeaders });
  const typistDisconnects = countDisconnects(typist);
  const watcherDisconnects = countDisconnects(watcher);
  watcher.doc.getArray<Beacon>("beacons").observe((event) => {
    if (event.transaction.local) return;
    const now = performance.now();
    for (const change of event.changes.delta) {
      for (const [scheduledAt, phase] of (change.insert as Beacon[] | undefined) ?? [])
        histograms[phase]!.record(now - scheduledAt);
    }
  });
  const synced = Promise.all([typist.synced(), watcher.synced()]);
  const timedOut = sleep(SYNC_TIMEOUT_MS).then(() => {
    throw new Error(`the editors did not sync within ${SYNC_TIMEOUT_MS} ms`);
  });
  await Promise.race([synced, timedOut]);
  await sleep(500);
  await measureStart();

  const text = typist.doc.getText("body");
  const beacons = typist.doc.getArray<Beacon>("beacons");
  const interval = 1000 / job.rate;
  const start = performance.now() + 50;
  const attackStart = start + job.idleMs;
  const end = attackStart + job.attackMs;
  const sent = [0, 0];
  let scheduled = start;
  let announced = false;
  const timer = setInterval(() => {
    const now = performance.now();
    if (!announced && now >= attackStart) {
      announced = true;
      process.send!({ type: "step", index: 1 });
    }
    // A late timer sends what is due at once, timed from when it was due (no coordinated omission).
    for (; scheduled <= now && scheduled < end; scheduled += interval) {
      const phase = scheduled < attackStart ? 0 : 1;
      typist.doc.transact(() => {
        text.insert(text.length, "ա");
        beacons.push([[scheduled, phase]]);
      });
      sent[phase]!++;
    }
  }, 2);
  await sleep(end - performance.now() + 20);
  clearInterval(timer);
  const graceEnd = performance.now() + job.graceMs;
  while (histograms[0]!.count + histograms[1]!.count < sent[0]! + sent[1]! && performance.now() < graceEnd) {
    await sleep(20);
  }
  const phase = (index: number): PhaseLatency => {
    const histogram = histograms[index]!;
    const delivered = histogram.count;
    // An edit that never arrived is slower than any that did: it counts as infinitely late,
    // so losing 2 % of the edits shows as a p99 of "never" (null), not as the p99 of the rest.
    for (let lost = sent[index]! - delivered; lost > 0; lost--) histogram.record(Infinity);
    const at = (p: number) => (histogram.percentile(p) === Infinity ? null : histogram.percentile(p));
    return {
      p50: at(50),
      p99: at(99),
      max: at(100),
      delivered,
      sent: sent[index]!,
    };
  };
  const result: EditorsResult = {
    idle: phase(0),
    attack: phase(1),
    disconnects: { typist: typistDisconnects(), watcher: watcherDisconnects() },
    connectedAtEnd: { typist: typist.provider.wsconnected, watcher: watcher.provider.wsconnected },
  };
  typist.close();
  watcher.close();
  return result;
}

if (process.send) {
  exitWithOrchestrator();
  process.once("message", async (job: EditorsJob) => {
    process.send!({ type: "result", result: await run(job) });
    process.exit(0);
  });
}
