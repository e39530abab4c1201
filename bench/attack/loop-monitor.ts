/**
 * Preloaded into the platform process by the "under attack" scenario
 * (`node --import tsx --import ./bench/attack/loop-monitor.ts scripts/start.ts`): every
 * 250 ms, appends one JSON line to BENCH_LOOP_FILE with the event-loop delay of that window
 * (p99, max) and the RSS. A file, not IPC: it survives the server dying, and the lines
 * written up to then say when it stopped answering.
 */
import { appendFileSync } from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";

export type LoopSample = { at: number; p99Ms: number; maxMs: number; rssMb: number };

const file = process.env.BENCH_LOOP_FILE;
if (file) {
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  setInterval(() => {
    const sample: LoopSample = {
      at: Date.now(),
      p99Ms: loop.percentile(99) / 1e6,
      maxMs: loop.max / 1e6,
      rssMb: process.memoryUsage.rss() / 2 ** 20,
    };
    loop.reset();
    appendFileSync(file, `${JSON.stringify(sample)}\n`);
  }, 250).unref();
}
