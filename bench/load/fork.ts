import { fork } from "node:child_process";
import { request } from "../lib/processes";

/**
 * Runs one job of a load script (bench/load/*.ts) in a fresh process, as inLoadProcess does
 * for bench/load.ts: the script sends "measure-start" when its clients are ready,
 * `atMeasureStart` runs (reset or read the server's stats there), then it gets "go".
 */
export async function inForkedLoad<T>(
  file: string,
  message: object,
  atMeasureStart: () => Promise<void> = async () => {},
): Promise<T> {
  const child = fork(file, { execArgv: ["--import", "tsx"] });
  child.on("message", async (m: { type: string }) => {
    if (m.type !== "measure-start") return;
    await atMeasureStart();
    child.send({ type: "go" });
  });
  return new Promise<T>((resolve, reject) => {
    // A crashed load process would otherwise leave the run waiting forever.
    child.once("exit", (code) => reject(new Error(`${file} exited (${code}) before sending its result`)));
    request<{ result: T }>(child, message, "result").then(({ result }) => resolve(result), reject);
  });
}

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
