import type { ChildProcess } from "node:child_process";

export type ReadyChild = {
  port: number;
  /** Everything the child has printed so far (stdout and stderr), also after it was ready. */
  output: () => string;
  /** Resolves once the child has exited (at once if it already has); SIGTERM first. */
  stop: () => Promise<void>;
};

/** What the platform's processes print once they listen; the first group is the port. */
export const WEB_READY = /running at http:\/\/localhost:(\d+)/;
export const COLLAB_READY = /collab server listening on port (\d+)/;

/**
 * Waits until a started platform process (web, collab, or both) prints the port it listens
 * on. Fails with everything it printed if it exits first or takes longer than `limitMs`.
 * The one launcher behind the test helpers and the benchmarks.
 */
export async function whenReady(
  child: ChildProcess,
  ready: RegExp,
  what: string,
  limitMs = 60_000,
): Promise<ReadyChild> {
  let output = "";
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start:\n${output}`)), limitMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(ready);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited with ${code}:\n${output}`));
    });
  });
  return {
    port,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        // A process killed by a signal (e.g. out of memory) has a signalCode and no exitCode.
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
