import { monitorEventLoopDelay } from "node:perf_hooks";

/**
 * Runs inside a benchmarked server process: answers the orchestrator's "stats" message
 * with CPU time, memory and event-loop delay since the last "reset", plus `extra()` (e.g.
 * how many documents our server holds).
 */
export function reportStatsOnRequest(extra: () => object = () => ({})): void {
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  // Exit cleanly on SIGINT so a --cpu-prof profile gets written.
  process.on("SIGINT", () => process.exit(0));
  let cpuStart = process.cpuUsage();
  let wallStart = performance.now();
  process.on("message", (message: { type: string }) => {
    if (message.type === "reset") {
      loop.reset();
      cpuStart = process.cpuUsage();
      wallStart = performance.now();
      process.send!({ type: "reset-done" });
    } else if (message.type === "stats") {
      // With --expose-gc, heap figures are live objects only (idle-connection memory).
      (globalThis as { gc?: () => void }).gc?.();
      const cpu = process.cpuUsage(cpuStart);
      const wall = performance.now() - wallStart;
      process.send!({
        type: "stats",
        cpuPercent: ((cpu.user + cpu.system) / 1000 / wall) * 100,
        rssMb: process.memoryUsage().rss / 1024 / 1024,
        heapMb: process.memoryUsage().heapUsed / 1024 / 1024,
        loopP99Ms: loop.percentile(99) / 1e6,
        loopMaxMs: loop.max / 1e6,
        ...extra(),
      });
    }
  });
}
