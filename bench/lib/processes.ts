/**
 * The benchmark's processes: a collab server (ours or the reference) and the load generator,
 * each forked on its own so the load never shares an event loop with the server it measures.
 */
import { fork, type ChildProcess } from "node:child_process";

export type ServerKind = "ours" | "reference" | "hocuspocus";
export type ServerStats = {
  cpuPercent: number;
  rssMb: number;
  heapMb: number;
  loopP99Ms: number;
  loopMaxMs: number;
  rooms?: number;
};
export type BenchServer = Awaited<ReturnType<typeof startServer>>;

import { HOCUSPOCUS_PATH } from "../load/wire";

const tsx = { execArgv: ["--import", "tsx"] };

/** Sends `message` to a child and resolves with its first reply of type `reply`. */
export function request<T>(child: ChildProcess, message: object, reply: string): Promise<T> {
  return new Promise((resolve) => {
    const onMessage = (m: { type: string }) => {
      if (m.type !== reply) return;
      child.off("message", onMessage);
      resolve(m as T);
    };
    child.on("message", onMessage);
    child.send(message);
  });
}

/** Forks bench/servers/<kind>.ts with `env`; resolves once it listens. */
export async function startServer(kind: ServerKind, env: Record<string, string>) {
  const profile = process.env.BENCH_PROFILE_DIR
    ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`]
    : [];
  const child = fork(`bench/servers/${kind}.ts`, {
    execArgv: [...tsx.execArgv, "--expose-gc", ...profile],
    env: { ...process.env, ...env },
  });
  const port = await new Promise<number>((resolve) =>
    child.on("message", (m: { type: string; port?: number }) => m.type === "ready" && resolve(m.port!)),
  );
  return {
    kind,
    child,
    port,
    // The path tells the load clients which framing to speak (bench/load/wire.ts).
    url: `ws://127.0.0.1:${port}/${kind === "hocuspocus" ? HOCUSPOCUS_PATH : "collab"}`,
    /** CPU, memory and event-loop delay since the last reset (heap after a full GC). */
    stats: () => request<ServerStats>(child, { type: "stats" }, "stats"),
    reset: () => request(child, { type: "reset" }, "reset-done").then(() => undefined),
    stop: () => child.kill(profile.length ? "SIGINT" : "SIGKILL"),
  };
}

/**
 * Runs one job of a load script in a fresh process: the script sends "measure-start" when
 * its clients are ready, `atMeasureStart` runs (reset or read the server's stats there),
 * then it gets "go"; `atStep(i)` runs when a typing job starts step i of its load. With
 * `deadlineMs`, a process that has sent no result by then is killed and the promise rejects.
 */
export function inLoadScript<T>(
  file: string,
  message: object,
  atMeasureStart: () => Promise<void> = async () => {},
  atStep: (index: number) => void = () => undefined,
  { deadlineMs }: { deadlineMs?: number } = {},
): Promise<T> {
  const child = fork(file, tsx);
  child.on("message", async (m: { type: string; index?: number }) => {
    if (m.type === "step") atStep(m.index!);
    if (m.type !== "measure-start") return;
    await atMeasureStart();
    if (child.connected) child.send({ type: "go" });
  });
  return new Promise<T>((resolve, reject) => {
    // A load process stuck on a server that stopped answering is killed at the deadline.
    const deadline = deadlineMs
      ? setTimeout(() => {
          child.kill("SIGKILL");
          reject(new Error(`${file} sent no result within ${deadlineMs} ms`));
        }, deadlineMs)
      : undefined;
    // A crashed load process would otherwise leave the run waiting forever.
    child.once("exit", (code) => {
      clearTimeout(deadline);
      reject(new Error(`${file} exited (${code}) before sending its result`));
    });
    request<{ result: T }>(child, message, "result").then(({ result }) => {
      clearTimeout(deadline);
      resolve(result);
    }, reject);
  });
}

/** A job of bench/load.ts (typing, sync, awareness, idle). */
export function inLoadProcess<T>(
  message: object,
  atMeasureStart?: () => Promise<void>,
  atStep?: (index: number) => void,
): Promise<T> {
  return inLoadScript<T>("bench/load.ts", message, atMeasureStart, atStep);
}
