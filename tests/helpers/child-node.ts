import { spawn, type ChildProcess } from "node:child_process";

export type ChildNode = { port: number; url: string; origin: string; output: () => string; stop: () => Promise<void> };

/**
 * Starts one of the platform's processes (`npm run start:web` or `start:collab` entries)
 * as a child process and waits until it prints the port it listens on.
 */
export async function startChildNode(args: string[], env: Record<string, string>, ready: RegExp): Promise<ChildNode> {
  const child: ChildProcess = spawn("node_modules/.bin/tsx", args, {
    env: { ...process.env, AGORA_SKIP_BUILD: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${args.join(" ")} did not start:\n${output}`)), 150_000);
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
      reject(new Error(`${args.join(" ")} exited with ${code}:\n${output}`));
    });
  });
  const origin = `http://127.0.0.1:${port}`;
  return {
    port,
    origin,
    url: origin,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

export const WEB_READY = /running at http:\/\/localhost:(\d+)/;
export const COLLAB_READY = /collab server listening on port (\d+)/;

/** Polls until `check` holds; fails with `what` after a generous limit (not a timing assertion). */
export async function eventually(what: string, check: () => boolean | Promise<boolean>, limitMs = 20_000) {
  const giveUp = Date.now() + limitMs;
  while (!(await check())) {
    if (Date.now() > giveUp) throw new Error(`gave up waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
