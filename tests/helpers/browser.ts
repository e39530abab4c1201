import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Debian's Chromium, headless. The flags keep it from calling home: this machine has no
 * network beyond the package registries, and refused connections slow it down.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium (.ci/run does this)`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
      "--no-first-run",
    ],
  });
}

/**
 * For a browser test file: the platform started as a child process and Chromium, both
 * ready before the first test and closed after the last.
 */
export function appAndBrowserForThisFile() {
  const handle = {} as { app: import("./app-server").RunningApp; browser: Browser };
  beforeAll(async () => {
    const { startApp } = await import("./app-server");
    [handle.app, handle.browser] = await Promise.all([startApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await handle.browser?.close();
    await handle.app?.stop();
  });
  return handle;
}
