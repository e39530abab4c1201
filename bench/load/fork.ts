/** The load scripts' side of bench/lib/processes.ts inLoadScript. */

/** In the load script: tells the orchestrator the clients are ready, resolves on its "go". */
export function measureStart(): Promise<void> {
  return new Promise((resolve) => {
    process.once("message", () => resolve());
    process.send!({ type: "measure-start" });
  });
}

/** In the load script: a load process whose orchestrator is gone stops too. */
export function exitWithOrchestrator(): void {
  process.once("disconnect", () => process.exit(1));
}
