import { spawn } from "node:child_process";
import type { PlatformEntry } from "../../scripts/bundle-platform";
import { whenReady } from "../../scripts/child-ready";
import { platformCommand } from "./platform-command";

export { COLLAB_READY, WEB_READY } from "../../scripts/child-ready";

export type ChildNode = { port: number; url: string; origin: string; output: () => string; stop: () => Promise<void> };

/**
 * Starts one of the platform's processes (`npm run start:web` or `start:collab` entries)
 * as a child process and waits until it prints the port it listens on.
 */
export async function startChildNode(
  [entry, ...args]: [PlatformEntry, ...string[]],
  env: Record<string, string>,
  ready: RegExp,
): Promise<ChildNode> {
  const child = spawn(...platformCommand(entry, args), {
    env: { ...process.env, AGORA_SKIP_BUILD: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const started = await whenReady(child, ready, [entry, ...args].join(" "), 150_000);
  const origin = `http://127.0.0.1:${started.port}`;
  return { ...started, origin, url: origin };
}

/** Polls until `check` holds; fails with `what` after a generous limit (not a timing assertion). */
export async function eventually(what: string, check: () => boolean | Promise<boolean>, limitMs = 20_000) {
  const giveUp = Date.now() + limitMs;
  while (!(await check())) {
    if (Date.now() > giveUp) throw new Error(`gave up waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
